import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, OUTPUT_DIR, screenshot, type TestBrowser } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';

const DEMO_PASSWORD = 'trellis-demo-2026';
const CLINICIAN = 'clinician@cedargrove.example';
const DIRECTOR = 'director@cedargrove.example';

let server: TestServer;
let browser: TestBrowser;
let page: Page;
let patientId = '';
let patientName = '';
let planId = '';

async function heading(name: string | RegExp, level = 1) {
  const h = page.getByRole('heading', { level, name });
  await h.waitFor();
  return h;
}

async function signIn(email: string) {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading(/^Good (morning|afternoon|evening)/);
}

async function signOut() {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await heading('Sign in');
}

/** Calls the API as the signed-in person (the browser's cookie, the session's CSRF token). */
async function callApi<T>(
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body?: unknown,
  version?: number,
): Promise<T> {
  return page.evaluate(
    async ({ method, url, body, version }) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-csrf-token': me.csrfToken,
      };
      if (version !== undefined) headers['if-match'] = `"${version}"`;
      const response = await fetch(`/api/v1${url}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    { method, url, body, version },
  ) as Promise<T>;
}

/** Mantine's Select inside `scope`: open it by its label, then choose the option. */
async function choose(scope: Locator | Page, label: string | RegExp, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

/**
 * What is on the screen now (not the whole page): the chart is long, and the app's fixed header
 * would land in the middle of a full-page picture. `at` is scrolled to the top first.
 */
async function viewShot(name: string, at?: Locator, block: 'start' | 'center' = 'start') {
  if (at) {
    await at.evaluate((element, block) => {
      element.scrollIntoView({ block });
      if (block === 'start') window.scrollBy(0, -76);
    }, block);
  }
  await mkdir(OUTPUT_DIR, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}.png`) });
}

const status = () => page.getByTestId('plan-status');
const saveStatus = () => page.getByTestId('plan-save-status');

async function waitSaved() {
  await expect.poll(() => saveStatus().textContent(), { timeout: 15_000 }).toMatch(/^All changes saved/);
}

async function signAsClinician() {
  await page.getByRole('button', { name: 'Sign as the clinician' }).first().click();
  const dialog = page.getByRole('dialog', { name: /as the clinician/ });
  await dialog.getByLabel('Type your full name').fill('Sam Lee');
  await dialog.getByLabel('Your password').fill(DEMO_PASSWORD);
  await dialog.getByRole('button', { name: 'Sign the plan' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => status().textContent()).toBe('Awaiting signatures');
}

describe('Treatment plan: from the library to a signed plan, a review, version 2 and the comparison', () => {
  beforeAll(async () => {
    // PLANS_E2E_URL runs the journey against a server that is already running (while developing).
    const external = process.env.PLANS_E2E_URL;
    server = external ? { url: external, stop: async () => {} } : await startServer();
    browser = await launchBrowser();
    page = browser.page;
    await page.setViewportSize({ width: 1280, height: 1000 });
  }, 400_000);

  afterEach(async ({ task }) => {
    // What the page showed when a step failed, next to the other screenshots.
    if (task.result?.state === 'fail') await screenshot(page, `plans-failed-${task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the clinician finds a patient of their caseload without a plan and starts it from two templates', async () => {
    await signIn(CLINICIAN);
    // Home lists the caseload's plans to sign or review, late ones first.
    const card = page.getByRole('region', { name: 'Treatment plans due' });
    await card.getByTestId('due-plan').first().waitFor();
    await viewShot('plan-due-home', card);
    const due = await callApi<{ items: { patientId: string; patientName: string; planStatus: string }[] }>(
      'GET',
      '/plans/due?scope=mine&state=all&limit=100',
    );
    const patient = due.items.find((i) => i.planStatus === 'none');
    expect(patient, 'a patient of the demo clinician without a plan').toBeDefined();
    patientId = patient?.patientId ?? '';
    patientName = patient?.patientName ?? '';

    await page.goto(`${server.url}/patients/${patientId}/plan`);
    await heading('Start the plan', 2);
    await page.getByRole('checkbox', { name: 'Depression' }).click();
    await page.getByRole('checkbox', { name: 'Alcohol use' }).click();
    await viewShot('plan-start');
    await page.getByRole('button', { name: 'Start from 2 templates' }).click();
    await heading('Draft version 1', 3);
    expect(await status().textContent()).toBe('Draft');
    expect(await page.getByRole('region', { name: /^Problem \d$/ }).count()).toBeGreaterThanOrEqual(2);
    const episodePlan = await callApi<{ plan: { id: string } }>(
      'GET',
      `/episodes/${(await callApi<{ episode: { id: string } }>('GET', `/patients/${patientId}/chart`)).episode.id}/plan`,
    );
    planId = episodePlan.plan.id;
  });

  it('edits the draft by keyboard: the checklist names what signing needs, and it autosaves', async () => {
    const problem1 = page.getByRole('region', { name: 'Problem 1' });
    const goal1 = problem1.getByRole('group', { name: 'Goal 1' });
    await goal1
      .getByLabel('Goal, in the participant’s own words')
      .fill('I want to get out of bed and see my friends again.');

    // A new objective starts empty: the checklist says what it needs, in words.
    await goal1.getByRole('button', { name: 'Add an objective to goal 1' }).click();
    const checklist = page.getByTestId('missing-checklist');
    await checklist.waitFor();
    const items = await checklist.getByRole('listitem').allTextContents();
    expect(items.join('\n')).toMatch(/Problem 1 › Goal 1 › Objective \d.*: Write the objective/);
    expect(items.join('\n')).toMatch(/Say how progress on this objective is measured/);
    expect(items.join('\n')).toMatch(/Give the objective a target date/);

    // The cursor is in the new objective already; the checklist links move it to the next field.
    await page.keyboard.type('Walk 20 minutes outside on 4 days a week');
    await checklist.getByRole('button', { name: /how progress on this objective is measured/ }).click();
    await page.keyboard.type('Activity log reviewed in individual sessions');
    await checklist.getByRole('button', { name: /target date/ }).click();
    const target = new Date(Date.now() + 42 * 86_400_000);
    await page.locator(':focus').fill(target.toISOString().slice(0, 10));

    // The templates leave medication management to a prescriber: the clinician names who.
    await expect.poll(() => checklist.textContent()).toMatch(/Name the staff member responsible/);
    await waitSaved();
    await viewShot('plan-editor', goal1.getByRole('group', { name: /^Objective \d$/ }).last(), 'center');
    while ((await checklist.getByRole('button', { name: /Name the staff member responsible/ }).count()) > 0) {
      await checklist
        .getByRole('button', { name: /Name the staff member responsible/ })
        .first()
        .click();
      await page.keyboard.type('Sam');
      await page
        .getByRole('option', { name: /^Sam Lee/ })
        .first()
        .click();
    }
    await page.getByText('Nothing missing: the plan can be signed.').waitFor();

    // A goal removed by mistake comes back with Undo.
    const goalText = (goal: Locator) => goal.getByLabel('Goal, in the participant’s own words').inputValue();
    const before = await goalText(problem1.getByRole('group', { name: 'Goal 2', exact: true }));
    await problem1.getByRole('button', { name: 'Remove goal 2' }).click();
    await page.getByText('Goal 2 of problem 1 removed.').waitFor();
    expect(await problem1.getByRole('group', { name: 'Goal 2', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await goalText(problem1.getByRole('group', { name: 'Goal 2', exact: true }))).toBe(before);
    await waitSaved();
  });

  it('a change saved by someone else meanwhile shows what they changed; the clinician keeps both', async () => {
    const current = await callApi<{ version: number; current: { content: { problems: unknown[] } } }>(
      'GET',
      `/plans/${planId}`,
    );
    // Another clinician renames problem 2, through the API, on the version the editor also holds.
    const content = structuredClone(current.current.content) as { problems: { statement: string }[] };
    const second = content.problems[1];
    if (second) second.statement = 'Drinking most evenings to get to sleep (edited by a colleague)';
    await callApi('PUT', `/plans/${planId}/draft`, { content }, current.version);

    const problem1 = page.getByRole('region', { name: 'Problem 1' });
    await problem1.getByLabel('Problem', { exact: true }).press('Control+End');
    await page.keyboard.type(' Low energy most days.');
    const alert = page.getByRole('alert').filter({ hasText: 'Someone else changed this plan' });
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toMatch(/edited by a colleague/);
    await viewShot('plan-stale', alert);
    // Both are kept: my sentence in problem 1, the colleague's new wording of problem 2.
    await alert.getByRole('button', { name: 'Keep my changes (on top of theirs)' }).click();
    await waitSaved();
    expect(await problem1.getByLabel('Problem', { exact: true }).inputValue()).toMatch(
      /Low energy most days\.$/,
    );
    const problem2 = page.getByRole('region', { name: 'Problem 2' });
    expect(await problem2.getByLabel('Problem', { exact: true }).inputValue()).toMatch(
      /edited by a colleague/,
    );
    const saved = await callApi<{ current: { content: { problems: { statement: string }[] } } }>(
      'GET',
      `/plans/${planId}`,
    );
    expect(saved.current.content.problems.map((p) => p.statement)).toEqual([
      expect.stringMatching(/Low energy most days\.$/),
      expect.stringMatching(/edited by a colleague/),
    ]);
  });

  it('the clinician signs, then the participant signs in person: the plan is in effect', async () => {
    await signAsClinician();
    await page.getByTestId('signature-clinician').getByText('Sam Lee').waitFor();
    await viewShot('plan-awaiting', page.getByRole('region', { name: /^Treatment plan · version 1/ }));

    await page.getByRole('button', { name: 'Participant signs here, in person' }).click();
    const dialog = page.getByRole('dialog', { name: 'The participant signs in person' });
    await dialog.getByLabel('Type your full name to sign').fill(patientName);
    await dialog.getByRole('button', { name: 'Sign the plan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => status().textContent()).toBe('Signed (in effect)');
    expect(await page.getByTestId('signature-participant').textContent()).toMatch(/in person/);
    await heading('The plan in effect (version 1)', 2);
    await viewShot('plan-signed', page.getByRole('region', { name: /^Treatment plan · version 1/ }));
    // The thread to the schedule: each intervention with what is booked for it, or a warning.
    const thread = page.getByRole('region', { name: 'Plan and schedule' });
    await thread.getByTestId('thread-intervention').first().waitFor();
    expect(await thread.textContent()).toMatch(/\d+ of \d+ sessions? booked in the next 4 weeks/);
    await viewShot('plan-thread', thread);
  });

  it('the 30-day review marks an objective met and drafts version 2, where a new objective is added', async () => {
    await page.getByRole('button', { name: 'Start a review' }).click();
    await heading('Review of version 1', 2);
    const firstObjective = page
      .getByRole('group')
      .filter({ has: page.getByRole('combobox', { name: 'Progress' }) })
      .first();
    await choose(firstObjective, 'Progress', 'Met');
    await firstObjective.getByLabel('Note').fill('PHQ-9 down to 8 for two weeks.');
    await page.getByLabel('Summary of the review').fill('Mood better; attends groups; sleep still short.');
    await page
      .getByLabel('The participant’s comment, in their words')
      .fill('I feel more like myself on most days.');
    await viewShot('plan-review', page.getByRole('heading', { name: 'Review of version 1' }));
    await page.getByRole('button', { name: 'Save the review and draft version 2' }).click();

    await heading('Draft version 2', 3);
    expect(await status().textContent()).toBe('Draft');
    await page.getByText('Version 1 stays in effect until version 2 is signed.').waitFor();

    const problem2 = page.getByRole('region', { name: 'Problem 2' });
    const goal1 = problem2.getByRole('group', { name: 'Goal 1' });
    await goal1.getByRole('button', { name: 'Add an objective to goal 1' }).click();
    await page.keyboard.type('Name two people to call when a craving comes');
    const added = goal1.getByRole('group', { name: /^Objective \d$/ }).last();
    await added.getByLabel('How it is measured').fill('Relapse-prevention plan card, checked at review');
    const target = new Date(Date.now() + 28 * 86_400_000);
    await added.getByLabel('Target date').fill(target.toISOString().slice(0, 10));
    await page.getByText('Nothing missing: the plan can be signed.').waitFor();
    await waitSaved();
  });

  it('version 2 is signed by the clinician here and by the participant on a phone with a link', async () => {
    await signAsClinician();
    await page.getByRole('button', { name: 'Send a signing link' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send a signing link' });
    await dialog.getByRole('button', { name: 'Make the link' }).click();
    const url = await dialog.getByTestId('plan-link').inputValue();
    expect(url).toContain('/sign/plan/');
    await dialog.getByRole('button', { name: 'Done' }).click();

    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(url);
    const firstName = patientName.split(' ')[0] ?? '';
    await phone.getByRole('heading', { level: 1, name: `Hi ${firstName}` }).waitFor();
    await phone.getByText('Name two people to call when a craving comes').waitFor();
    await phone.getByLabel('Type your full name').fill(patientName);
    await screenshot(phone, 'plan-sign-phone');
    await phone.getByRole('button', { name: 'Sign my treatment plan' }).click();
    await phone.getByRole('heading', { level: 1, name: `Thank you, ${firstName}` }).waitFor();
    await phone.getByText('It is now in effect.').waitFor();
    // The link is used up.
    await phone.goto(url);
    await phone.getByRole('heading', { level: 1, name: 'This link cannot be opened' }).waitFor();
    await phone.close();

    // The clinician's page notices the signature by itself (it looks every 15 s while waiting).
    await expect.poll(() => status().textContent(), { timeout: 25_000 }).toBe('Signed (in effect)');
    expect(await page.getByTestId('signature-participant').textContent()).toMatch(/with a link/);
  });

  it('compares version 1 and version 2: the met objective and the new one', async () => {
    const versions = page.getByRole('region', { name: 'Versions' });
    await versions.getByRole('button', { name: 'Compare' }).click();
    const diff = page.getByTestId('plan-diff');
    await diff.getByText('Version 1 → version 2:').waitFor();
    const changed = diff.locator('[data-change="changed"]').filter({ hasText: 'Status' });
    expect(await changed.first().textContent()).toMatch(/Status.*→.*Met/);
    const added = diff.locator('[data-change="added"]').filter({ hasText: 'Name two people to call' });
    expect(await added.count()).toBe(1);
    await viewShot('plan-diff', page.getByRole('heading', { name: 'Compare two versions' }));
  });

  it('prints the plan in effect cleanly', async () => {
    await page.getByRole('link', { name: 'Print', exact: true }).click();
    await heading('Treatment plan');
    await page.getByText(/Version 2 · Signed: in effect/).waitFor();
    await viewShot('plan-print-screen');
    // On paper: a US Letter page's printable width at 96 dpi, print styles on.
    await page.setViewportSize({ width: 710, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    await screenshot(page, 'plan-print');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 1000 });
  });

  it('when the organization requires it, a director co-signs the next version', async () => {
    await signOut();
    await signIn(DIRECTOR);
    await page.getByRole('region', { name: 'Treatment plans due (all clinicians)' }).waitFor();
    type Settings = { version: number; signDeadlineDays: number; reviewCadenceDays: number };
    const settings = await callApi<Settings>('GET', '/plan-settings');
    const keep = {
      signDeadlineDays: settings.signDeadlineDays,
      reviewCadenceDays: settings.reviewCadenceDays,
    };
    const required = await callApi<Settings>(
      'PUT',
      '/plan-settings',
      { ...keep, cosignatureRequired: true },
      settings.version,
    );

    // The clinician changes the plan (version 3) and both sign it, through the API.
    await signOut();
    await signIn(CLINICIAN);
    type Plan = { version: number; current: { content: { problems: { statement: string }[] } } };
    const plan = await callApi<Plan>('GET', `/plans/${planId}`);
    const content = structuredClone(plan.current.content);
    const first = content.problems[0];
    if (first) first.statement = `${first.statement} Sleeps five hours a night.`;
    let next = await callApi<Plan>('PUT', `/plans/${planId}/draft`, { content }, plan.version);
    next = await callApi<Plan>(
      'POST',
      `/plans/${planId}/sign`,
      { typedName: 'Sam Lee', password: DEMO_PASSWORD },
      next.version,
    );
    await callApi('POST', `/plans/${planId}/participant-signature`, { typedName: patientName }, next.version);
    await page.goto(`${server.url}/patients/${patientId}/plan`);
    await expect.poll(() => status().textContent()).toBe('Awaiting signatures');
    expect(await page.getByTestId('signature-supervisor').textContent()).toMatch(/Not signed yet/);
    // A clinician is not a supervisor: no co-sign button.
    expect(await page.getByRole('button', { name: 'Co-sign as supervisor' }).count()).toBe(0);

    await signOut();
    await signIn(DIRECTOR);
    await page.goto(`${server.url}/patients/${patientId}/plan`);
    await page.getByRole('button', { name: 'Co-sign as supervisor' }).click();
    const dialog = page.getByRole('dialog', { name: /Co-sign version 3/ });
    await dialog.getByLabel('Type your full name').fill('Dana Reyes');
    await dialog.getByLabel('Your password').fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Co-sign the plan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => status().textContent()).toBe('Signed (in effect)');
    await viewShot('plan-cosigned', page.getByRole('region', { name: /^Treatment plan · version 3/ }));

    await callApi('PUT', '/plan-settings', { ...keep, cosignatureRequired: false }, required.version);
  });

  it('the director sets the plan rules and keeps the template library', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Treatment plans' })
      .click();
    await heading('Treatment plans');
    const rules = page.getByRole('form', { name: 'Plan rules' });
    const cadence = rules.getByLabel('Days between reviews');
    await cadence.fill('400');
    await rules.getByRole('button', { name: 'Save plan rules' }).click();
    await rules.getByText('Review at least every 180 days.').waitFor();
    await cadence.fill('28');
    await rules.getByRole('button', { name: 'Save plan rules' }).click();
    await page.getByText('The plan rules apply from now on.').waitFor();
    expect((await callApi<{ reviewCadenceDays: number }>('GET', '/plan-settings')).reviewCadenceDays).toBe(
      28,
    );

    const library = page.getByRole('region', { name: 'Template library' });
    const ptsd = library.getByRole('row').filter({ hasText: 'PTSD' });
    await ptsd.getByRole('button', { name: 'Archive' }).click();
    await ptsd.getByText('Archived').waitFor();
    await screenshot(page, 'plan-program');
    await ptsd.getByRole('button', { name: 'Use again' }).click();
    await ptsd.getByText('In use').waitFor();
  });
});
