import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, OUTPUT_DIR, screenshot, type TestBrowser } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';

const DEMO_PASSWORD = 'trellis-demo-2026';
const DIRECTOR = 'director@cedargrove.example';
const TRACK = 'Dual Diagnosis IOP — Virtual';
const SERIES_TITLE = 'DBT Skills — Thursdays';

let server: TestServer;
let browser: TestBrowser;
let page: Page;
let trackId = '';
let patientId = '';
let patientName = '';
/** This week's Monday in the clinic's zone (the browser runs in America/Chicago, as the demo location). */
let monday = '';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function signIn(email: string) {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: /^Good (morning|afternoon|evening)/ }).waitFor();
}

/** Picks an option of a Mantine Select or MultiSelect by the field's label. */
async function choose(label: string, option: string) {
  await page
    .getByLabel(new RegExp(`^${label}( \\*)?$`))
    .and(page.locator('input'))
    .click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('Scheduling: a DBT skills series, a participant’s days against the track’s intensity, the week', () => {
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

  it('the director creates a virtual DBT skills series on Thursdays', async () => {
    await signIn(DIRECTOR);
    await page.getByRole('link', { name: 'Schedule' }).click();
    await page.getByRole('heading', { level: 1, name: 'Schedule' }).waitFor();
    await page.getByTestId('calendar-grid').waitFor();
    monday = await page.evaluate(() => {
      const now = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      const day = (now.getDay() + 6) % 7;
      const m = new Date(now.getFullYear(), now.getMonth(), now.getDate() - day);
      return `${m.getFullYear()}-${pad(m.getMonth() + 1)}-${pad(m.getDate())}`;
    });

    await page.getByRole('link', { name: 'New group series' }).click();
    await page.getByRole('heading', { level: 1, name: 'New group series' }).waitFor();
    await choose('Track', TRACK);
    await choose('Kind', 'DBT skills');
    await page.getByRole('textbox', { name: 'Title' }).fill(SERIES_TITLE);
    await choose('Facilitators', 'Priya Nair');
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: 'Thursday' }).check();
    await page.getByLabel('Start time').fill('10:00');
    await page.getByRole('textbox', { name: 'Duration (minutes)' }).fill('180');
    await choose('Room', 'Virtual (video)');
    await page.getByRole('textbox', { name: 'Capacity' }).fill('12');
    for (const [index, module] of [
      'Mindfulness',
      'Distress tolerance',
      'Emotion regulation',
      'Interpersonal effectiveness',
    ].entries()) {
      await page.getByRole('button', { name: 'Add a module' }).click();
      await page.getByRole('textbox', { name: `Module ${index + 1}` }).fill(module);
    }
    await screenshot(page, 'schedule-new-series');

    // Longer than the track's day: the server's message appears under the field it names.
    const duration = page.getByRole('textbox', { name: 'Duration (minutes)' });
    await duration.fill('300');
    await page.getByRole('button', { name: 'Create the series' }).click();
    await page
      .getByText(/300 minutes is longer than this track's day of at most 240 minutes/)
      .first()
      .waitFor();
    expect(await duration.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'schedule-new-series-error');
    await duration.fill('180');
    await page.getByRole('button', { name: 'Create the series' }).click();

    // Back on the schedule, on the track's week: the new group is there, with its room and fill.
    await page.getByRole('heading', { level: 1, name: 'Schedule' }).waitFor();
    const block = page.getByTestId('calendar-block').filter({ hasText: SERIES_TITLE }).first();
    await block.waitFor();
    expect(await block.textContent()).toMatch(/10:00–13:00.*Virtual.*\d+\/12.*Priya Nair/);
    trackId = new URL(page.url()).searchParams.get('trackId') ?? '';
    expect(trackId).not.toBe('');
  });

  it('enrolls an admitted participant on three days; dropping one shows the intensity warning', async () => {
    // Someone admitted to the virtual track who starts in a few days (demo data): not enrolled yet.
    // The search answers 50 at most, so look name by name until one is found.
    const found = await page.evaluate(async (trackId) => {
      const seen = new Set<string>();
      for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
        const result = await (await fetch(`/api/v1/patients?q=${letter}&limit=50`)).json();
        for (const p of result.items as { id: string; displayName: string }[]) {
          if (seen.has(p.id)) continue;
          seen.add(p.id);
          const chart = await (await fetch(`/api/v1/patients/${p.id}/chart`)).json();
          if (chart.episode?.status === 'pending' && chart.episode.trackId === trackId) return p;
        }
      }
      return null;
    }, trackId);
    patientId = found?.id ?? '';
    patientName = found?.displayName ?? '';
    expect(patientId).not.toBe('');

    await page.goto(`${server.url}/patients/${patientId}/schedule`);
    await page.getByRole('heading', { name: 'Groups and attendance days' }).waitFor();
    await page.getByText("Not enrolled in the track's groups yet.").waitFor();
    // The track now meets Tuesday to Friday; this participant works Tuesdays.
    await page.getByRole('checkbox', { name: 'Tuesday' }).uncheck();
    const intensity = page.getByTestId('intensity');
    await expect.poll(() => intensity.textContent()).toMatch(/Planned: 3 days, 9 h a week.*Meets/);
    await page.getByRole('button', { name: 'Enroll on these days' }).click();
    await page.getByText(/Enrolled since \d{4}-\d{2}-\d{2}/).waitFor();

    // Friday is dropped: 2 days, 6 h, below the track's 3 days and 9 h, shown before saving.
    await page.getByRole('checkbox', { name: 'Friday' }).uncheck();
    await expect.poll(() => intensity.textContent()).toMatch(/Below the track's minimum: 2 days, 6 h a week/);
    expect(await intensity.textContent()).toMatch(/this track needs at least 9 h/);
    const save = page.getByRole('button', { name: 'Save attendance days' });
    expect(await save.isDisabled()).toBe(true);
    await screenshot(page, 'schedule-intensity-warning');

    await page
      .getByRole('textbox', { name: /Reason for planning below the minimum/ })
      .fill('Works Tuesdays and Fridays for the next two weeks; step-down agreed with the care team.');
    await save.click();
    await page.getByText('Below minimum, reason recorded').waitFor();
    const week = page.getByRole('region', { name: /^Week of/ });
    await week.getByTestId('calendar-block').first().waitFor();
    await screenshot(page, 'schedule-participant');
  });

  it('proposes free times for an individual session, books one and cancels it', async () => {
    await page.getByRole('button', { name: 'Book a session' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('From').fill(addDays(monday, 7));
    await dialog.getByRole('button', { name: 'Find free times' }).click();
    const slots = dialog.getByTestId('proposed-slots');
    await slots.waitFor();
    await screenshot(page, 'schedule-slot-finder');
    await slots.getByRole('button').first().click();
    await dialog.waitFor({ state: 'hidden' });
    const booked = page.getByRole('alert').filter({ hasText: 'Individual session booked' });
    await booked.waitFor();
    expect(await booked.textContent()).toContain(patientName);

    // Next week in the chart: the session is there; it can be cancelled with a reason.
    const week = page.getByRole('region', { name: /^Week of/ });
    await week.getByRole('button', { name: 'Next week' }).click();
    const session = week.getByTestId('calendar-block').filter({ hasText: 'Individual session' });
    await session.waitFor();
    await screenshot(page, 'schedule-participant-next-week');
    await session.click();
    const details = page.getByRole('dialog');
    await details.getByLabel('Reason').fill('Participant asked to move it; rebooking by phone.');
    await details.getByRole('button', { name: 'Cancel this session' }).click();
    await details.waitFor({ state: 'hidden' });
    await expect.poll(() => session.getAttribute('data-status')).toBe('cancelled');
  });

  it('renders the track’s week; a single session is cancelled and shows struck through', async () => {
    await page.goto(`${server.url}/schedule?trackId=${trackId}&date=${addDays(monday, 7)}`);
    const grid = page.getByTestId('calendar-grid');
    await grid.waitFor();
    const block = grid.getByTestId('calendar-block').filter({ hasText: SERIES_TITLE }).first();
    await block.waitFor();
    // Tuesday 2, Wednesday 2, Thursday 1 (the new one), Friday 2.
    expect(await grid.getByTestId('calendar-block').count()).toBe(7);
    await screenshot(page, 'schedule-week');

    await block.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('occurrence-details').waitFor();
    await dialog.getByText('Cancel', { exact: true }).click();
    await dialog.getByRole('radio', { name: 'Only this session' }).check();
    await dialog.getByLabel('Reason').fill('Facilitator at a training day.');
    await dialog.getByRole('button', { name: 'Cancel this session' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const cancelled = grid.getByTestId('calendar-block').filter({ hasText: /Cancelled/ });
    await cancelled.first().waitFor();
    expect(await cancelled.first().textContent()).toContain(SERIES_TITLE);
    await screenshot(page, 'schedule-week-cancelled');
  });

  it('substitutes a facilitator from a session on: a clash is named, another clinician fits', async () => {
    const thursday = addDays(monday, 17);
    await page.goto(`${server.url}/schedule?trackId=${trackId}&date=${thursday}`);
    const grid = page.getByTestId('calendar-grid');
    await grid.getByTestId('calendar-block').filter({ hasText: SERIES_TITLE }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Substitute facilitator', { exact: true }).click();
    await dialog.getByRole('radio', { name: 'This and all following sessions' }).check();
    await dialog
      .getByLabel(/^Who facilitates instead/)
      .and(dialog.locator('input'))
      .click();
    await page.getByRole('option', { name: 'Sam Lee', exact: true }).click();
    await dialog.getByRole('button', { name: 'Substitute from this session on' }).click();

    // Sam Lee runs the morning track's DBT Skills at 10:30 on Thursdays: 409, named, nothing saved.
    const clash = dialog.getByRole('alert').filter({ hasText: 'Not changed: it clashes' });
    await clash.waitFor();
    expect(await clash.textContent()).toMatch(/Sam Lee.*Nothing was saved/);
    await screenshot(page, 'schedule-substitute-clash');

    await dialog
      .getByLabel(/^Who facilitates instead/)
      .and(dialog.locator('input'))
      .click();
    await page.getByRole('option', { name: 'Marcus Webb', exact: true }).click();
    await dialog.getByRole('button', { name: 'Substitute from this session on' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const after = grid.getByTestId('calendar-block').filter({ hasText: SERIES_TITLE }).first();
    await expect.poll(() => after.textContent()).toMatch(/Marcus Webb/);
    // The week before keeps its facilitator.
    await page.getByRole('button', { name: 'Previous week' }).click();
    await expect
      .poll(() => grid.getByTestId('calendar-block').filter({ hasText: SERIES_TITLE }).first().textContent())
      .toMatch(/Priya Nair/);
  });

  it('shows a clinician’s week across tracks, with individual sessions', async () => {
    await page.goto(`${server.url}/schedule?date=${addDays(monday, 7)}`);
    await page.getByText('Clinician', { exact: true }).click();
    await page.getByRole('combobox', { name: 'Clinician' }).click();
    await page.getByRole('option', { name: 'Sam Lee', exact: true }).click();
    const grid = page.getByTestId('calendar-grid');
    // Groups of three tracks (mornings, evenings, virtual) and the demo's two sessions next Tuesday.
    await grid.getByTestId('calendar-block').filter({ hasText: 'Life Skills' }).first().waitFor();
    await grid.getByTestId('calendar-block').filter({ hasText: 'Family session' }).first().waitFor();
    expect(await grid.textContent()).toMatch(/19:30–21:00/);
    await screenshot(page, 'schedule-clinician-week');
  });

  it('shows the day view at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${server.url}/schedule?trackId=${trackId}&view=day&date=${addDays(monday, 9)}`);
      await page.getByTestId('calendar-grid').getByTestId('calendar-block').first().waitFor();
      await screenshot(page, 'schedule-day-phone');
      await page.goto(`${server.url}/schedule?trackId=${trackId}&date=${addDays(monday, 7)}`);
      await page.getByTestId('calendar-agenda').getByTestId('calendar-block').first().waitFor();
      await screenshot(page, 'schedule-week-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 });
    }
  });

  it('lists the participants planned below their track’s intensity for the director', async () => {
    await page.goto(`${server.url}/`);
    const card = page.getByRole('region', { name: 'Intensity this week' });
    await card.getByTestId('shortfall').first().waitFor();
    expect(await card.textContent()).toMatch(/Below minimum/);
    await card.screenshot({ path: path.join(OUTPUT_DIR, 'schedule-shortfalls.png') });
  });

  it('records when the participant can come for individual sessions', async () => {
    await page.goto(`${server.url}/patients/${patientId}/schedule`);
    const card = page.getByRole('region', { name: 'Groups and attendance days' });
    await card.getByRole('radio', { name: 'Only at these times' }).check();
    const times = card.getByRole('group', { name: 'Times they can come' });
    await times.getByRole('checkbox', { name: 'Monday' }).check();
    await times.getByLabel('Monday from').fill('16:00');
    await times.getByLabel('Monday to').fill('15:00');
    await card.getByText('Monday: give a time from and a later time to.').waitFor();
    expect(await card.getByRole('button', { name: 'Save attendance days' }).isDisabled()).toBe(true);
    await times.getByLabel('Monday to').fill('19:00');
    await card.getByRole('button', { name: 'Save attendance days' }).click();
    await page.getByText('Days saved').waitFor();
    await page.reload();
    await expect
      .poll(() =>
        page.getByRole('group', { name: 'Times they can come' }).getByLabel('Monday to').inputValue(),
      )
      .toBe('19:00');
    await screenshot(page, 'schedule-availability');
  });

  it('closes a day for a holiday, which cancels its sessions, and opens it again', async () => {
    const day = addDays(monday, 15);
    await page.goto(`${server.url}/schedule?trackId=${trackId}&view=day&date=${day}`);
    const block = page.getByTestId('calendar-grid').getByTestId('calendar-block').first();
    await block.waitFor();
    await page.getByRole('link', { name: 'Closed days' }).click();
    await page.getByRole('heading', { level: 1, name: 'Closed days' }).waitFor();
    const form = page.getByRole('form', { name: 'Close a day' });
    await form.getByLabel(/^Day/).fill(day);
    await form.getByLabel(/^Why/).fill('Staff training day');
    await form.getByRole('button', { name: 'Close this day' }).click();
    const list = page.getByRole('region', { name: 'Coming closed days' });
    const row = list.getByRole('row').filter({ hasText: 'Staff training day' });
    await row.waitFor();
    await screenshot(page, 'schedule-closed-days');

    await page.goto(`${server.url}/schedule?trackId=${trackId}&view=day&date=${day}`);
    await expect.poll(() => block.getAttribute('data-status')).toBe('cancelled');

    await page.goto(`${server.url}/schedule/closures`);
    await row.getByRole('button', { name: 'Open again' }).click();
    await row.waitFor({ state: 'detached' });
  });
});
