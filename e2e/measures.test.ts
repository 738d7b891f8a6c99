import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, OUTPUT_DIR, screenshot, type TestBrowser } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';

const DEMO_PASSWORD = 'trellis-demo-2026';
const CLINICIAN = 'clinician@cedargrove.example';
const DIRECTOR = 'director@cedargrove.example';
/** A demo patient whose primary clinician is the demo clinician (Sam Lee). */
const PATIENT_NAME = 'Harper Jessup';

let server: TestServer;
let browser: TestBrowser;
let page: Page;
let patientId = '';

async function signIn(email: string) {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening)/ }).waitFor();
}

async function signOut() {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
}

/** Calls the API as the signed-in person (the browser's cookie, the session's CSRF token). */
async function callApi<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const response = await fetch(`/api/v1${url}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    { method, url, body },
  ) as Promise<T>;
}

function phq9(values: number[]): Record<string, number> {
  return Object.fromEntries(values.map((value, index) => [`phq9_${index + 1}`, value]));
}

describe('Measures: a PHQ-9 with a critical answer, the risk alert, the outcome chart', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
    // The machine is shared: starting and seeding the server can take minutes.
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the clinician finds a demo patient with earlier weekly PHQ-9 scores', async () => {
    await signIn(CLINICIAN);
    const found = await callApi<{ items: { id: string; displayName: string }[] }>(
      'GET',
      `/patients?q=${encodeURIComponent(PATIENT_NAME)}`,
    );
    const patient = found.items.find((p) => p.displayName === PATIENT_NAME);
    expect(patient).toBeDefined();
    patientId = patient?.id ?? '';
    // The demo data has no measure history yet: three weekly scores before today's, entered
    // through the API as a clinician would from paper forms.
    const weeks = [
      [3, 3, 2, 2, 2, 2, 2, 1, 0],
      [2, 3, 2, 2, 2, 1, 2, 1, 0],
      [2, 2, 2, 1, 2, 1, 1, 1, 0],
    ];
    for (const [index, values] of weeks.entries()) {
      const at = new Date(Date.now() - (weeks.length - index) * 7 * 86_400_000).toISOString();
      await callApi('POST', `/patients/${patientId}/measures`, {
        instrument: 'phq9',
        answers: phq9(values),
        administeredAt: at,
      });
    }
  });

  it('gives a PHQ-9 with item 9 positive, by keyboard and clicks, and sees the urgent notice', async () => {
    await page.goto(`${server.url}/patients/${patientId}/measures/new?instrument=phq9`);
    await page.getByRole('heading', { level: 1, name: 'Give a PHQ-9' }).waitFor();
    await page.getByText(`For ${PATIENT_NAME}.`).waitFor();

    // Items 1–8 by clicking the answer boxes.
    const answers = ['Several days', 'More than half the days', 'Several days', 'Several days'];
    for (let item = 1; item <= 8; item += 1) {
      const group = page.getByRole('radiogroup', { name: new RegExp(`^${item}\\. `) });
      await group.getByText(answers[item % answers.length] ?? 'Several days', { exact: true }).click();
    }
    // Item 9 by keyboard: Tab into the group lands on its first answer, the arrow moves on.
    const item9 = page.getByRole('radiogroup', { name: /^9\. / });
    await item9.getByRole('radio', { name: 'Not at all' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    expect(await item9.getByRole('radio', { name: 'Several days' }).isChecked()).toBe(true);

    await expect
      .poll(() => page.getByTestId('live-total').textContent())
      .toMatch(/9 of 10 answered.*Total so far/);
    await screenshot(page, 'measure-form');

    await page.getByRole('button', { name: 'Save PHQ-9' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Urgent: a risk alert was sent' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/primary clinician and to the program director/);
    expect(await page.getByTestId('result-total').textContent()).toMatch(/^\d+/);
    await screenshot(page, 'measure-urgent-notice');
  });

  it('the director sees the alert on Home and records what was done', async () => {
    await signOut();
    await signIn(DIRECTOR);
    const card = page.getByRole('region', { name: 'Risk alerts' });
    const alert = card.getByTestId('risk-alert').filter({ hasText: PATIENT_NAME });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/PHQ-9 item 9 answered above zero/);
    await alert.getByText(/Score \d+/).waitFor();
    await screenshot(page, 'director-risk-alert');

    await alert.getByRole('button', { name: 'Record what was done' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('What was done')
      .fill('Called the patient: no current plan or intent; safety plan reviewed; seen tomorrow.');
    await dialog.getByRole('button', { name: 'Record and close the alert' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => card.getByTestId('risk-alert').filter({ hasText: PATIENT_NAME }).count()).toBe(0);
  });

  it('renders the outcome chart with the bands, baseline and change in words', async () => {
    await page.goto(`${server.url}/patients/${patientId}/measures`);
    const chart = page.getByTestId('outcome-chart');
    await chart.waitFor();
    await chart.locator('.recharts-line-dot, .recharts-dot').first().waitFor();
    expect(await chart.locator('.recharts-reference-area').count()).toBe(5);
    const change = page.getByTestId('change-summary');
    await change.waitFor();
    expect(await change.textContent()).toMatch(
      /Reliable improvement|No reliable change|Reliable deterioration/,
    );
    await mkdir(OUTPUT_DIR, { recursive: true });
    await page.evaluate(() => document.fonts.ready);
    await page.getByRole('region', { name: /PHQ-9 over time/ }).screenshot({
      path: path.join(OUTPUT_DIR, 'outcome-chart.png'),
    });
    await screenshot(page, 'measures-tab');
  });

  it('the patient fills in a self-report link on a phone, through a lost connection, and sends it', async () => {
    const link = await callApi<{ path: string }>('POST', `/patients/${patientId}/measure-links`, {
      instruments: ['phq9', 'gad7'],
    });
    await signOut();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}${link.path}`);
    await page.getByRole('heading', { level: 1, name: 'Hi Harper' }).waitFor();
    const status = page.getByTestId('save-status');

    /** The first answer (0, "Not at all") to the next question not answered yet; false when none is left. */
    const answerNext = async () => {
      for (const group of await page.getByRole('radiogroup').all()) {
        if ((await group.getByRole('radio', { checked: true }).count()) === 0) {
          await group.locator('label').first().click();
          return true;
        }
      }
      return false;
    };
    for (let i = 0; i < 3; i += 1) await answerNext();
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^Saved at/);

    // The phone loses its connection: the answer is kept and saved when it comes back.
    await browser.context.setOffline(true);
    await answerNext();
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^No connection right now/);
    await screenshot(page, 'self-report-offline');
    await browser.context.setOffline(false);
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^Saved at/);

    // Opened again later: the four answers are still there.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Hi Harper' }).waitFor();
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(4);

    // Sending early names what is missing and sends nothing.
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('alert').filter({ hasText: 'Some questions still need an answer' }).waitFor();

    while (await answerNext()) {
      // Every question answered, each saved as it goes.
    }
    await screenshot(page, 'self-report-phone');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { level: 1, name: 'All done, Harper' }).waitFor();
    await page.getByText('Your answers were sent to your care team.').waitFor();
    await screenshot(page, 'self-report-sent');

    // The link is used up.
    await page.goto(`${server.url}${link.path}`);
    await page.getByRole('heading', { level: 1, name: 'This link cannot be opened' }).waitFor();
    await page.getByText(/already been used/).waitFor();
  });
});
