import { MAX_FAILED_SIGN_INS } from '@trellis/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { totpCodeAt } from '../../security/totp.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization } from '../../test/fixtures.js';
import { buildTestApp, sessionCookieOf, signedIn, signIn } from '../../test/http.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: clock.now() });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const login = (email: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

async function auditActions(userId: string) {
  const rows = await database.db
    .selectFrom('audit_event')
    .select(['action', 'outcome', 'reason'])
    .where('actor_user_id', '=', userId)
    .orderBy('seq')
    .execute();
  return rows;
}

describe('password sign-in', () => {
  it('signs in, answers /me and signs out', async () => {
    const user = await aUser(database.db, org.ctx, ['clinician']);
    const agent = await signedIn(app, user);
    const me = await agent.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      status: 'signed_in',
      // The organization's zone (its first location) says what "today" is in the web app.
      user: { email: user.email, roles: ['clinician'], timeZone: 'America/Chicago' },
    });
    expect((await agent.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('answers /ping with 204 while the session lives, and 401 without one', async () => {
    const user = await aUser(database.db, org.ctx, ['clinician']);
    const agent = await signedIn(app, user);
    const ping = await agent.get('/api/v1/auth/ping');
    expect(ping.statusCode).toBe(204);
    expect(ping.body).toBe('');
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/ping' })).statusCode).toBe(401);
    await agent.post('/api/v1/auth/logout');
    expect((await agent.get('/api/v1/auth/ping')).statusCode).toBe(401);
  });

  it('sets an HttpOnly SameSite=Lax cookie', async () => {
    const response = await login(org.admin.email, org.admin.password);
    const cookie = response.cookies.find((c) => c.name === 'trellis_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('answers a wrong password and an unknown account alike, and audits both', async () => {
    const user = await aUser(database.db, org.ctx, ['intake']);
    const wrong = await login(user.email, 'not the password at all');
    const unknown = await login('nobody-here@test.example', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(sessionCookieOf(wrong)).toBeUndefined();
    expect(await auditActions(user.id)).toContainEqual({
      action: 'auth.login',
      outcome: 'failure',
      reason: 'wrong password',
    });
    const unknownAudit = await database.db
      .selectFrom('audit_event')
      .select(['outcome', 'reason'])
      .where('actor_label', '=', 'nobody-here@test.example')
      .execute();
    expect(unknownAudit).toEqual([{ outcome: 'failure', reason: 'unknown account' }]);
  });

  it('locks the account after repeated failures, even for the right password, until the lock runs out', async () => {
    const user = await aUser(database.db, org.ctx, ['billing']);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expect((await login(user.email, 'wrong password!!')).statusCode).toBe(401);
    }
    const whileLocked = await login(user.email, user.password);
    expect(whileLocked.statusCode).toBe(401);
    expect(whileLocked.json().detail).toMatch(/locked/);
    expect((await auditActions(user.id)).at(-1)).toMatchObject({ reason: 'account locked' });

    clock.advanceMinutes(16);
    expect((await login(user.email, user.password)).statusCode).toBe(200);
  });

  it('refuses a deactivated account', async () => {
    const user = await aUser(database.db, org.ctx, ['front_desk']);
    const admin = await signedIn(app, org.admin);
    const agent = await signedIn(app, user);
    const current = (await admin.get(`/api/v1/users/${user.id}`)).json();
    const off = await admin.patch(
      `/api/v1/users/${user.id}`,
      { active: false },
      { 'if-match': `"${current.version}"` },
    );
    expect(off.statusCode).toBe(200);
    // The open session ends at once, and no new one starts.
    expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login(user.email, user.password)).statusCode).toBe(401);
  });

  it('rejects malformed sign-in input with the field named', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: '', password: 'x', remember: true },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'remember']));
  });
});

describe('session timeouts', () => {
  it('ends a session after the idle timeout and audits it', async () => {
    const user = await aUser(database.db, org.ctx, ['clinician']);
    const agent = await signedIn(app, user);
    clock.advanceMinutes(14);
    expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(200);
    clock.advanceMinutes(14);
    expect((await agent.get('/api/v1/auth/me')).statusCode).toBe(200);
    clock.advanceMinutes(15);
    const expired = await agent.get('/api/v1/auth/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().detail).toMatch(/without activity/);
    expect((await auditActions(user.id)).at(-1)).toMatchObject({
      action: 'auth.session_end',
      reason: 'idle_timeout',
    });
  });

  it('ends a session at its absolute limit however active it is', async () => {
    const user = await aUser(database.db, org.ctx, ['clinician']);
    const agent = await signedIn(app, user);
    for (let hour = 0; hour < 12 * 6; hour++) {
      clock.advanceMinutes(10);
      const response = await agent.get('/api/v1/auth/me');
      if (response.statusCode === 401) {
        expect(hour).toBe(12 * 6 - 1);
        return;
      }
    }
    throw new Error('the session outlived its absolute limit');
  });
});

describe('CSRF', () => {
  it('refuses a change without the CSRF token', async () => {
    const agent = await signedIn(app, org.admin);
    agent.csrfToken = 'forged';
    const response = await agent.post('/api/v1/users', {
      email: 'csrf@test.example',
      displayName: 'Forged',
      roles: ['clinician'],
      password: 'long enough password',
    });
    expect(response.statusCode).toBe(403);
    expect(
      await database.db
        .selectFrom('app_user')
        .where('email', '=', 'csrf@test.example')
        .select('id')
        .execute(),
    ).toEqual([]);
  });
});

describe('two-step sign-in (TOTP)', () => {
  it('enrolls when the organization requires it, then asks for a code at every sign-in', async () => {
    const strict = await createTestOrganization(database.db, {
      now: clock.now(),
      mfaRequiredRoles: ['clinician'],
    });
    const user = await aUser(database.db, strict.ctx, ['clinician']);

    const first = await signIn(app, user.email, user.password);
    expect(first.state).toMatchObject({ status: 'mfa_enrollment_required', user: null });
    // A session waiting for its second factor reaches nothing else.
    expect((await first.agent.get('/api/v1/users')).statusCode).toBe(401);

    const enrollment = await first.agent.post('/api/v1/auth/mfa/enroll');
    expect(enrollment.statusCode).toBe(200);
    const { secret, otpauthUri } = enrollment.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);

    const wrong = await first.agent.post('/api/v1/auth/mfa', { code: '000000' });
    expect(wrong.statusCode).toBe(401);

    const confirmed = await first.agent.post('/api/v1/auth/mfa', {
      code: await totpCodeAt(secret, clock.now()),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'signed_in', user: { mfaEnabled: true } });
    // The session id changes once the second factor is done.
    const newCookie = sessionCookieOf(confirmed);
    expect(newCookie).toBeDefined();
    expect(newCookie).not.toBe(first.agent.cookie);
    expect((await first.agent.get('/api/v1/auth/me')).statusCode).toBe(401);

    clock.advanceMinutes(1);
    const second = await signIn(app, user.email, user.password);
    expect(second.state).toMatchObject({ status: 'mfa_required', user: null });
    const ok = await second.agent.post('/api/v1/auth/mfa', { code: await totpCodeAt(secret, clock.now()) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('signed_in');

    // The same code, seen by someone else within its validity, does not work a second time;
    // the authenticator's next code does.
    clock.advanceSeconds(20);
    const replay = await signIn(app, user.email, user.password);
    const replayed = await replay.agent.post('/api/v1/auth/mfa', {
      code: await totpCodeAt(secret, clock.now()),
    });
    expect(replayed.statusCode).toBe(401);
    const earlier = await totpCodeAt(secret, new Date(clock.now().getTime() - 30_000));
    expect((await replay.agent.post('/api/v1/auth/mfa', { code: earlier })).statusCode).toBe(401);
    clock.advanceSeconds(30);
    const next = await replay.agent.post('/api/v1/auth/mfa', { code: await totpCodeAt(secret, clock.now()) });
    expect(next.statusCode).toBe(200);

    const actions = (await auditActions(user.id)).map((a) => `${a.action}:${a.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'auth.mfa:failure',
        'auth.mfa_enrolled:success',
        'auth.mfa:success',
        'auth.login:success',
      ]),
    );
  });

  it('locks the account after repeated wrong codes', async () => {
    const user = await aUser(database.db, org.ctx, ['director']);
    const agent = await signedIn(app, user);
    const { secret } = (await agent.post('/api/v1/auth/mfa/enroll')).json();
    expect(
      (await agent.post('/api/v1/auth/mfa', { code: await totpCodeAt(secret, clock.now()) })).statusCode,
    ).toBe(200);

    const pending = await signIn(app, user.email, user.password);
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) {
      expect((await pending.agent.post('/api/v1/auth/mfa', { code: '123456' })).statusCode).toBe(401);
    }
    const last = await pending.agent.post('/api/v1/auth/mfa', { code: '123456' });
    expect(last.json().detail).toMatch(/locked/);
    expect((await login(user.email, user.password)).statusCode).toBe(401);
  });
});

describe('changing my password', () => {
  it('needs the current password, keeps this session and ends the others', async () => {
    const user = await aUser(database.db, org.ctx, ['clinician']);
    const here = await signedIn(app, user);
    const elsewhere = await signedIn(app, user);

    const wrong = await here.post('/api/v1/auth/password', {
      currentPassword: 'not my password at all',
      newPassword: 'a brand new sentence 2027',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([
      { field: 'currentPassword', message: expect.stringMatching(/current/) },
    ]);
    const same = await here.post('/api/v1/auth/password', {
      currentPassword: user.password,
      newPassword: user.password,
    });
    expect(same.statusCode).toBe(422);
    expect(same.json().errors[0].field).toBe('newPassword');
    const short = await here.post('/api/v1/auth/password', {
      currentPassword: user.password,
      newPassword: 'short',
    });
    expect(short.json().errors[0].field).toBe('newPassword');
    // Nothing changed so far.
    expect((await login(user.email, user.password)).statusCode).toBe(200);

    const changed = await here.post('/api/v1/auth/password', {
      currentPassword: user.password,
      newPassword: 'a brand new sentence 2027',
    });
    expect(changed.statusCode).toBe(204);
    expect((await here.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login(user.email, user.password)).statusCode).toBe(401);
    expect((await login(user.email, 'a brand new sentence 2027')).statusCode).toBe(200);

    const actions = (await auditActions(user.id)).map((a) => `${a.action}:${a.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.password_change:failure', 'auth.password_change:success']),
    );
  });

  it('counts a wrong current password toward the lockout', async () => {
    const user = await aUser(database.db, org.ctx, ['clinician']);
    const agent = await signedIn(app, user);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      await agent.post('/api/v1/auth/password', {
        currentPassword: `guess number ${i} here`,
        newPassword: 'a brand new sentence 2027',
      });
    }
    expect((await login(user.email, user.password)).statusCode).toBe(401);
  });
});

describe('a password link from an administrator', () => {
  it('lets a person who forgot their password set a new one, once; their sessions end', async () => {
    const admin = await signedIn(app, await aUser(database.db, org.ctx, ['admin']));
    const user = await aUser(database.db, org.ctx, ['clinician']);
    const stillSignedIn = await signedIn(app, user);
    const colleague = await signedIn(app, await aUser(database.db, org.ctx, ['clinician']));
    expect((await colleague.post(`/api/v1/users/${user.id}/password-link`)).statusCode).toBe(403);

    const first = (await admin.post(`/api/v1/users/${user.id}/password-link`)).json();
    const issued = await admin.post(`/api/v1/users/${user.id}/password-link`);
    expect(issued.statusCode).toBe(201);
    const { token, path } = issued.json();
    expect(path).toBe(`/set-password/${token}`);
    // A newer link withdraws the earlier one.
    const withdrawn = await app.inject({ method: 'GET', url: `/api/v1/public/password-link/${first.token}` });
    expect(withdrawn.statusCode).toBe(409);
    expect(withdrawn.json().detail).toMatch(/withdrawn/);

    const info = await app.inject({ method: 'GET', url: `/api/v1/public/password-link/${token}` });
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ email: user.email, displayName: 'Test clinician' });
    const set = (body: unknown) =>
      app.inject({ method: 'POST', url: `/api/v1/public/password-link/${token}`, payload: body as object });
    const short = await set({ newPassword: 'short' });
    expect(short.json().errors[0].field).toBe('newPassword');
    expect((await set({ newPassword: 'remembered this time 2027' })).statusCode).toBe(204);

    expect((await stillSignedIn.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login(user.email, user.password)).statusCode).toBe(401);
    expect((await login(user.email, 'remembered this time 2027')).statusCode).toBe(200);
    const again = await set({ newPassword: 'another one entirely 2027' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already been used/);
    const actions = (await auditActions(user.id)).map((a) => a.action);
    expect(actions).toContain('auth.password_reset');
  });
});
