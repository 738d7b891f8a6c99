import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';

const DEMO_PASSWORD = 'trellis-demo-2026';
const INTAKE = 'intake@cedargrove.example';
const FIRST = 'Jordan';
const LAST = 'Whitacre';
const NAME = `${FIRST} ${LAST}`;

let server: TestServer;
let browser: TestBrowser;
let page: Page;

async function heading(name: string | RegExp) {
  const h1 = page.getByRole('heading', { level: 1, name });
  await h1.waitFor();
  return h1;
}

function section(name: string | RegExp) {
  return page.getByRole('region', { name });
}

function radioGroup(name: string) {
  return page.getByRole('radiogroup', { name });
}

/** Mantine's Select: open it by its label (a required field's label ends in " *"), then choose. */
async function choose(label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: new RegExp(`^${label}( \\*)?$`) }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** A local date and time a number of days from now, as <input type="datetime-local"> takes it. */
function localDateTime(daysAhead: number, hour: number): string {
  const at = new Date(Date.now() + daysAhead * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(hour)}:00`;
}

describe('Intake: from the public form to a patient admitted into a track', () => {
  beforeAll(async () => {
    // INTAKE_E2E_URL runs the journey against a server that is already running (while developing).
    const external = process.env.INTAKE_E2E_URL;
    server = external ? { url: external, stop: async () => {} } : await startServer();
    browser = await launchBrowser();
    page = browser.page;
  });

  afterEach(async ({ task }) => {
    // What the page showed when a step failed, next to the other screenshots.
    if (task.result?.state === 'fail') await screenshot(page, `intake-failed-${task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets a member of the public ask for help on a phone, with 988 in sight', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/get-started`);
    await heading(/^Get started with/);
    expect(await page.getByRole('link', { name: '988' }).first().isVisible()).toBe(true);

    await page.getByLabel('First name').fill(FIRST);
    await page.getByLabel('Last name').fill(LAST);
    await page.getByLabel('Phone', { exact: true }).fill('(217) 555-0199');
    await page.getByLabel('Email', { exact: true }).fill('jordan.whitacre@example.com');
    await radioGroup('How should we contact you?').getByRole('radio', { name: 'Phone call' }).click();
    await radioGroup('Kind of help').getByRole('radio', { name: 'Mental health', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Evenings, in person' }).click();
    await page.getByLabel('I have health insurance and want you to check my benefits').check();
    await page.getByLabel('Insurance company').fill('Prairie Health Plan');
    await page.getByLabel('Member ID (on your insurance card)').fill('PHP123456789');
    await page.getByRole('checkbox', { name: /may contact me/ }).check();
    await screenshot(page, 'get-started-phone-form');

    await page.getByRole('button', { name: 'Ask us to contact me' }).click();
    await heading('Thank you. We have your request.');
    await expect.poll(() => page.getByTestId('inquiry-reference').textContent()).toMatch(/^GS-/);
    expect(await page.getByRole('heading', { name: 'What happens next' }).isVisible()).toBe(true);
    await screenshot(page, 'get-started-phone-done');
  });

  it('shows the inquiry on the intake board of the coordinator', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Work email').fill(INTAKE);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Home shows who waits for a call back, the new inquiry among them.
    await section('New inquiries').getByRole('link', { name: NAME }).waitFor();
    await screenshot(page, 'intake-home');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Intake' }).click();
    await heading('Intake');
    const newColumn = section(/^New/);
    await newColumn.getByRole('link', { name: NAME }).waitFor();
    await screenshot(page, 'intake-board');
    await newColumn.getByRole('link', { name: NAME }).click();
    await heading(NAME);
  });

  it('records contact, a negative screening and a benefit check, then books the assessment', async () => {
    // The public form does not ask for the date of birth; a patient needs it.
    const details = section('Contact and details');
    await details.getByLabel('Date of birth').fill('1990-04-12');
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.getByText('Changes saved.').waitFor();

    const next = section('Next step');
    await next.getByRole('button', { name: 'Mark as contacted' }).click();
    await next.getByText('Do the phone screening').waitFor();
    // Screened cannot come before the screening: the button says why.
    expect(await next.getByRole('button', { name: 'Mark as screened' }).isDisabled()).toBe(true);

    const screening = section('Phone screening');
    await screening
      .getByLabel('What brings them to us?')
      .fill('Low mood for months, not sleeping, missing work.');
    await screening
      .getByRole('radiogroup', { name: 'Do they use alcohol or drugs?' })
      .getByRole('radio', { name: 'No' })
      .check();
    for (const question of [
      'In the past month, have you had thoughts of killing yourself?',
      'Do you have a plan, or do you intend to act on those thoughts?',
      'Have you tried to end your life in the past three months?',
      'Are you having thoughts of harming someone else?',
    ]) {
      await screening.getByRole('radiogroup', { name: question }).getByRole('radio', { name: 'No' }).check();
    }
    await screening.getByRole('button', { name: 'Save screening' }).click();
    await screening.getByText('No urgent safety concerns').first().waitFor();
    await next.getByRole('button', { name: 'Mark as screened' }).click();
    await next.getByText('Check their insurance benefits').waitFor();

    const insurance = section('Insurance and benefits');
    await insurance.getByText('Prairie Health Plan').waitFor();
    await insurance.getByRole('button', { name: 'Record benefit check' }).click();
    await insurance.getByLabel('Copay per day').fill('40');
    await insurance.getByLabel('Call reference number').fill('REF-20261130-7');
    await insurance.getByRole('button', { name: 'Save benefit check' }).click();
    await insurance.getByText('REF-20261130-7', { exact: false }).waitFor();
    await next.getByRole('button', { name: 'Mark benefits as checked' }).click();

    await next.getByLabel('Assessment date and time').fill(localDateTime(2, 10));
    await next.getByRole('button', { name: 'Book assessment' }).click();
    await next.getByText(/Assessment booked for/).waitFor();
    await section('Stage history').getByText('Assessment booked').waitFor();
    await screenshot(page, 'inquiry-assessment-booked');
  });

  it('converts the person into a patient and admits them into a track with a diagnosis', async () => {
    const admit = section('Register and admit');
    await admit.getByRole('button', { name: 'Convert to patient' }).click();
    await admit.getByText('Registered as a patient.').waitFor();

    await choose('Track', /Adult Mental Health/);
    await choose('Primary clinician', /.+/);
    await admit.getByLabel('Search diagnoses').fill('F33');
    await admit.getByRole('button', { name: /^Add F33\.1/ }).click();
    await admit.getByText('Primary', { exact: true }).waitFor();
    await screenshot(page, 'inquiry-admit');
    await admit.getByRole('button', { name: 'Admit and open the chart' }).click();

    await heading(new RegExp(NAME));
    const summary = section('Patient summary');
    await summary.getByText(/Adult Mental Health/).waitFor();
    await summary.getByText(/MRN/).waitFor();
    await page
      .getByRole('region', { name: /Episode of care/ })
      .getByText('F33.1')
      .waitFor();
    await screenshot(page, 'patient-chart');

    await page.getByRole('tab', { name: 'Insurance' }).click();
    await page.getByText('Prairie Health Plan').waitFor();
    await screenshot(page, 'patient-chart-insurance');
  });
});
