import { type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';
import { totpCode } from './support/totp.js';

const DEMO_PASSWORD = 'trellis-demo-2026';
const ADMIN = 'admin@cedargrove.example';

let server: TestServer;
let browser: TestBrowser;
let page: Page;

async function signIn(email: string, password: string) {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function heading(name: string | RegExp) {
  const h1 = page.getByRole('heading', { level: 1, name });
  await h1.waitFor();
  return h1;
}

async function signOut() {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await heading('Sign in');
}

function mainNav() {
  return page.getByRole('navigation', { name: 'Main' });
}

describe('Foundation: sign-in, users, organization, audit', () => {
  // Building the web app and a first start (migrations, demo data) take minutes on a busy machine.
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = browser.page;
  }, 420_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the sign-in page on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/`);
    await heading('Sign in');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await screenshot(page, 'sign-in-phone');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('says plainly when the password is wrong', async () => {
    await signIn(ADMIN, 'not-the-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Email or password is not right/);
    await screenshot(page, 'sign-in-error');
  });

  it('signs the admin in to Home, with the admin pages in the navigation', async () => {
    await page.goto(`${server.url}/sign-in`);
    await heading('Sign in');
    await screenshot(page, 'sign-in');
    await signIn(ADMIN, DEMO_PASSWORD);
    await heading(/, Alex$/);
    await expect.poll(() => page.getByTestId('organization-name').textContent()).toContain('Cedar Grove');
    for (const item of ['Home', 'Users', 'Organization settings', 'Audit log', 'My account']) {
      expect(await mainNav().getByRole('link', { name: item }).count()).toBe(1);
    }
    await screenshot(page, 'admin-home');
  });

  it('fits a phone: the navigation opens from the menu button', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'admin-home-phone');
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await mainNav().getByRole('link', { name: 'Users' }).click();
    await heading('Users');
    // One card per person on a phone; the wide table is for larger screens.
    await page.getByRole('link', { name: 'Sam Lee' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await screenshot(page, 'users-phone');
    await page.setViewportSize({ width: 1280, height: 860 });
    await mainNav().getByRole('link', { name: 'Home' }).click();
  });

  const email = `e2e.clinician.${Date.now()}@cedargrove.example`;
  const password = 'a-quiet-afternoon-2026';

  it('lists the users and creates a clinician', async () => {
    await mainNav().getByRole('link', { name: 'Users' }).click();
    await heading('Users');
    await page.getByRole('cell', { name: /clinician@cedargrove\.example/ }).waitFor();
    await screenshot(page, 'users');

    await page.getByRole('link', { name: 'Add a user' }).click();
    await heading('Add a user');
    await page.getByRole('button', { name: 'Add user' }).click();
    // Checked in the browser with the same rules as the server, before anything is sent.
    await page.getByText('Give the account at least one role.').waitFor();

    await page.getByLabel('Work email').fill(email);
    await page.getByRole('textbox', { name: /^Name/ }).fill('Jordan Rivers');
    await page.getByLabel('Credentials (optional)').fill('LPC');
    await page.getByRole('checkbox', { name: /^Clinician/ }).check();
    await page.getByLabel('First password').fill(password);
    await screenshot(page, 'create-user');
    await page.getByRole('button', { name: 'Add user' }).click();

    await heading('Users');
    await page.getByRole('cell', { name: new RegExp(email.replace(/\./g, '\\.')) }).waitFor();
  });

  it('edits the clinician; a save that meets a newer version shows what changed', async () => {
    await page.getByRole('link', { name: 'Jordan Rivers' }).click();
    await heading('Jordan Rivers');
    await page.getByRole('textbox', { name: /^Name/ }).fill('Jordan A. Rivers');

    // Meanwhile another administrator changes the same account through the API.
    const other = await request.newContext({ baseURL: server.url });
    try {
      const session = await (
        await other.post('/api/v1/auth/login', { data: { email: ADMIN, password: DEMO_PASSWORD } })
      ).json();
      const { items } = await (await other.get('/api/v1/users', { params: { q: email } })).json();
      const patched = await other.patch(`/api/v1/users/${items[0].id}`, {
        data: { credentials: 'LCSW' },
        headers: { 'if-match': `"${items[0].version}"`, 'x-csrf-token': session.csrfToken },
      });
      expect(patched.status()).toBe(200);
    } finally {
      await other.dispose();
    }

    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Someone else changed this account while you were editing').waitFor();
    await page.getByRole('row', { name: /Credentials\s*LPC\s*LCSW/ }).waitFor();
    await screenshot(page, 'edit-user-conflict');

    await page.getByRole('button', { name: 'Apply my changes to the current version' }).click();
    await page.getByText('Changes saved.').waitFor();
    expect(await page.getByRole('textbox', { name: /^Name/ }).inputValue()).toBe('Jordan A. Rivers');
    expect(await page.getByRole('textbox', { name: /^Credentials/ }).inputValue()).toBe('LCSW');
    await screenshot(page, 'edit-user');
  });

  it('shows the organization settings with locations and rooms', async () => {
    await mainNav().getByRole('link', { name: 'Organization settings' }).click();
    await heading('Organization settings');
    await page.getByRole('link', { name: 'Cedar Grove Main Clinic' }).waitFor();
    expect(await page.getByLabel('Organization name').inputValue()).toContain('Cedar Grove');
    await screenshot(page, 'organization');

    await page.getByRole('link', { name: 'Cedar Grove Main Clinic' }).click();
    await heading('Cedar Grove Main Clinic');
    await page.getByRole('cell', { name: 'Group Room A', exact: true }).waitFor();
    await screenshot(page, 'location');
  });

  it('shows the audit log, newest first, with the new account in it', async () => {
    await mainNav().getByRole('link', { name: 'Audit log' }).click();
    await heading('Audit log');
    await page.getByRole('cell', { name: 'user.create' }).first().waitFor();
    // Newest first: the account made a moment ago comes before the demo's seeded ones.
    const rows = await page
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')),
      );
    const created = rows.filter((cells) => cells[2] === 'user.create');
    expect(created[0]?.[1]).toContain(ADMIN);
    // This session's own events come newest first (the demo seed backdates some of its events).
    const mine = await page
      .locator('tbody tr')
      .evaluateAll(
        (trs, admin) =>
          trs
            .filter((tr) => tr.querySelector('td:nth-child(2)')?.textContent?.includes(admin))
            .map((tr) => tr.querySelector('time')?.getAttribute('datetime') ?? ''),
        ADMIN,
      );
    expect(mine.length).toBeGreaterThan(3);
    expect([...mine].sort().reverse()).toEqual(mine);

    await page.getByLabel('Action starts with').fill('auth.');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect
      .poll(async () =>
        (await page.locator('tbody tr td:nth-child(3)').allTextContents()).every((a) =>
          a.startsWith('auth.'),
        ),
      )
      .toBe(true);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('cell', { name: 'user.create' }).first().waitFor();
    await screenshot(page, 'audit-log');
  });

  it('offers the admin to set up two-step sign-in in My account', async () => {
    await mainNav().getByRole('link', { name: 'My account' }).click();
    await heading('My account');
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    expect((await page.getByTestId('mfa-secret').textContent())?.replace(/\s/g, '')).toMatch(
      /^[A-Z2-7]{16,}$/,
    );
    await screenshot(page, 'my-account-two-step');
  });

  it('asks a role that must use two-step sign-in to set it up, then for the code at each sign-in', async () => {
    await mainNav().getByRole('link', { name: 'Organization settings' }).click();
    await heading('Organization settings');
    await page.getByRole('checkbox', { name: /^Front desk/ }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText(/^Settings saved/).waitFor();
    await signOut();

    await signIn('frontdesk@cedargrove.example', DEMO_PASSWORD);
    await heading('Set up two-step sign-in');
    const secret = (await page.getByTestId('mfa-secret').textContent())?.replace(/\s/g, '') ?? '';
    await screenshot(page, 'sign-in-enroll');
    await page.getByRole('textbox', { name: '6-digit code' }).fill(totpCode(secret));
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();
    await heading(/, Fran$/);
    // The front desk's Home: who comes in today, room by room.
    await page.getByRole('region', { name: 'Today in the building' }).waitFor();
    await signOut();

    await signIn('frontdesk@cedargrove.example', DEMO_PASSWORD);
    await heading('Enter your sign-in code');
    await screenshot(page, 'sign-in-code');
    const code = page.getByRole('textbox', { name: '6-digit code' });
    expect(await code.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    const wrong = [...totpCode(secret)].map((digit) => String((Number(digit) + 1) % 10)).join('');
    await code.fill(wrong);
    await page.getByText('That code did not work').waitFor();
    // The sixth digit sends the code. The enrollment code of moments ago works only once, so this
    // is the authenticator's next one (the server accepts one step of clock drift either way).
    await code.fill(totpCode(secret, Date.now() + 30_000));
    await heading(/, Fran$/);
  });

  it('signs the new clinician in to Home, without the admin pages', async () => {
    await signOut();
    await signIn(email, password);
    await heading(/, Jordan$/);
    await page.getByRole('heading', { name: "Today's groups" }).waitFor();
    expect(await mainNav().getByRole('link', { name: 'Users' }).count()).toBe(0);
    expect(await mainNav().getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await screenshot(page, 'clinician-home');

    await page.goto(`${server.url}/users`);
    await heading('Users');
    await page.getByText('Not part of your role').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('sends a person whose session ended back to sign-in, and returns them to the page after', async () => {
    await mainNav().getByRole('link', { name: 'My account' }).click();
    await heading('My account');
    // The browser loses its session (as after the idle timeout): the next call answers 401.
    await browser.context.clearCookies();
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await heading('Sign in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/account');
    await page.getByText('Your session ended', { exact: true }).waitFor();
    await screenshot(page, 'session-ended');

    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading('My account');
  });

  it('gives the clinician a calendar app link to their sessions, and stops it', async () => {
    const card = page.getByRole('region', { name: 'Calendar app' });
    await card.getByRole('button', { name: 'Make a calendar link' }).click();
    const url = await card.getByLabel('Calendar link', { exact: true }).inputValue();
    expect(url).toMatch(/\/api\/v1\/public\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await screenshot(page, 'my-account-calendar');
    await card.getByRole('button', { name: 'Stop this link' }).click();
    await card.getByRole('button', { name: 'Make a calendar link' }).waitFor();
    expect((await page.request.get(url)).ok()).toBe(false);
  });

  it('changes the password in My account; the old one stops working', async () => {
    const form = page.getByRole('form', { name: 'Change password' });
    const newPassword = 'a-louder-evening-2027';
    await form.getByLabel('Current password').fill('not the password');
    await form.getByLabel(/^New password( \*)?$/).fill(newPassword);
    await form.getByLabel('New password again').fill(newPassword);
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('That is not your current password. Type it again.').waitFor();

    await form.getByLabel('Current password').fill(password);
    await form.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed').waitFor();
    await screenshot(page, 'my-account-password');
    await signOut();
    await signIn(email, password);
    await page.getByText(/Email or password is not right/).waitFor();
    await signIn(email, newPassword);
    await heading(/, Jordan$/);
  });

  it('gives a person who forgot their password a one-time link from the admin', async () => {
    await signOut();
    await signIn(ADMIN, DEMO_PASSWORD);
    await mainNav().getByRole('link', { name: 'Users' }).click();
    await page.getByRole('link', { name: /^Jordan/ }).click();
    await page.getByRole('button', { name: 'Make a password link' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Make the link' }).click();
    const link = await dialog.getByLabel('Link to set a new password').inputValue();
    expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'password-link');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await signOut();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(link);
    await heading('Set a new password');
    const form = page.getByRole('form', { name: 'Set a new password' });
    const chosen = 'a-new-start-in-winter-2027';
    await form.getByLabel(/^New password( \*)?$/).fill(chosen);
    await form.getByLabel(/^New password again/).fill(chosen);
    await screenshot(page, 'set-password-phone');
    await form.getByRole('button', { name: 'Set password' }).click();
    await heading('Your new password is set');
    await page.setViewportSize({ width: 1280, height: 860 });
    await signIn(email, chosen);
    await heading(/, Jordan$/);
    // The link worked once.
    await page.goto(link);
    await heading('This link cannot be used');
  });
});
