import { MAX_FAILED_SIGN_INS } from '@trellis/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { createTestOrganization, type TestOrganization } from '../../test/fixtures.js';
import { type Agent, buildTestApp, signedIn } from '../../test/http.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
let admin: Agent;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: clock.now() });
  admin = await signedIn(app, org.admin);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const newClinician = (email: string) => ({
  email,
  displayName: 'Casey Clinician',
  roles: ['clinician'],
  credentials: 'LPC',
  password: 'a long enough password',
});

describe('staff accounts', () => {
  it('creates an account that can sign in, with its ETag', async () => {
    const created = await admin.post('/api/v1/users', newClinician('Casey@Test.Example'));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      email: 'casey@test.example',
      roles: ['clinician'],
      version: 1,
      mfaEnabled: false,
    });
    expect(created.headers.etag).toBe('"1"');
    expect(JSON.stringify(created.json())).not.toMatch(/password/i);
    await signedIn(app, { email: 'casey@test.example', password: 'a long enough password' });
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const again = await admin.post('/api/v1/users', newClinician('CASEY@test.example'));
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ field: 'email', message: 'Already used by another account.' }]);
  });

  it('refuses a short password, naming the field', async () => {
    const response = await admin.post('/api/v1/users', {
      ...newClinician('short@test.example'),
      password: 'elevenchars',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: 'password' });
  });

  it('updates with If-Match, refuses a stale version with the current record, and requires the header', async () => {
    const created = (await admin.post('/api/v1/users', newClinician('versioned@test.example'))).json();
    const url = `/api/v1/users/${created.id}`;

    const missing = await admin.patch(url, { displayName: 'No Version' });
    expect(missing.statusCode).toBe(428);

    const first = await admin.patch(url, { roles: ['clinician', 'director'] }, { 'if-match': '"1"' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, roles: ['clinician', 'director'] });

    const stale = await admin.patch(url, { displayName: 'Overwriter' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, displayName: 'Casey Clinician' });
    const after = (await admin.get(url)).json();
    expect(after.displayName).toBe('Casey Clinician');
  });

  it('keeps at least one active administrator', async () => {
    const self = (await admin.get(`/api/v1/users/${org.admin.id}`)).json();
    const response = await admin.patch(
      `/api/v1/users/${org.admin.id}`,
      { active: false },
      { 'if-match': `"${self.version}"` },
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toMatch(/last active administrator/);
  });

  it('resets two-step sign-in so the person enrolls again', async () => {
    const created = (await admin.post('/api/v1/users', newClinician('mfa-reset@test.example'))).json();
    const person = await signedIn(app, {
      email: 'mfa-reset@test.example',
      password: 'a long enough password',
    });
    const { secret } = (await person.post('/api/v1/auth/mfa/enroll')).json();
    const { totpCodeAt } = await import('../../security/totp.js');
    expect(
      (await person.post('/api/v1/auth/mfa', { code: await totpCodeAt(secret, clock.now()) })).statusCode,
    ).toBe(200);
    const enrolled = (await admin.get(`/api/v1/users/${created.id}`)).json();
    expect(enrolled.mfaEnabled).toBe(true);
    const reset = await admin.post(
      `/api/v1/users/${created.id}/reset-mfa`,
      {},
      { 'if-match': `"${enrolled.version}"` },
    );
    expect(reset.statusCode).toBe(200);
    expect(reset.json().mfaEnabled).toBe(false);
  });

  it('unlocks a person locked out by wrong passwords, so they can sign in at once', async () => {
    const created = (await admin.post('/api/v1/users', newClinician('locked-out@test.example'))).json();
    const attempt = (password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'locked-out@test.example', password },
      });
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await attempt(`wrong password number ${i}`);
    expect((await attempt('a long enough password')).statusCode).toBe(401);
    const locked = (await admin.get(`/api/v1/users/${created.id}`)).json();
    expect(locked.lockedUntil).not.toBeNull();

    const stale = await admin.post(`/api/v1/users/${created.id}/unlock`, {}, { 'if-match': '"999"' });
    expect(stale.statusCode).toBe(409);
    const unlocked = await admin.post(
      `/api/v1/users/${created.id}/unlock`,
      {},
      { 'if-match': `"${locked.version}"` },
    );
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().lockedUntil).toBeNull();
    expect((await attempt('a long enough password')).statusCode).toBe(200);
    const audits = await database.db
      .selectFrom('audit_event')
      .select('action')
      .where('resource_id', '=', created.id)
      .where('action', '=', 'user.unlock')
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('searches by name or email', async () => {
    const found = (await admin.get('/api/v1/users?q=versioned')).json();
    expect(found.items.map((u: { email: string }) => u.email)).toEqual(['versioned@test.example']);
  });
});

describe('organization settings', () => {
  it('changes settings under optimistic concurrency and validates them', async () => {
    const org0 = (await admin.get('/api/v1/organization')).json();
    const tooLong = await admin.patch(
      '/api/v1/organization',
      { sessionIdleMinutes: 240 },
      { 'if-match': `"${org0.version}"` },
    );
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].field).toBe('sessionIdleMinutes');
    const ok = await admin.patch(
      '/api/v1/organization',
      { mfaRequiredRoles: ['clinician'], sessionIdleMinutes: 10 },
      { 'if-match': `"${org0.version}"` },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ mfaRequiredRoles: ['clinician'], sessionIdleMinutes: 10 });
    const stale = await admin.patch(
      '/api/v1/organization',
      { name: 'Old Tab' },
      { 'if-match': `"${org0.version}"` },
    );
    expect(stale.statusCode).toBe(409);
  });

  it('keeps locations in a real time zone and rooms in their location', async () => {
    const bad = await admin.post('/api/v1/locations', { name: 'Eastside', timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('timeZone');
    const location = await admin.post('/api/v1/locations', {
      name: 'Eastside',
      timeZone: 'America/New_York',
    });
    expect(location.statusCode).toBe(201);
    const room = await admin.post('/api/v1/rooms', {
      locationId: location.json().id,
      name: 'Group A',
      capacity: 12,
    });
    expect(room.statusCode).toBe(201);
    const duplicate = await admin.post('/api/v1/rooms', {
      locationId: location.json().id,
      name: 'group a',
      capacity: 8,
    });
    expect(duplicate.statusCode).toBe(409);
    const elsewhere = await createTestOrganization(database.db);
    const foreign = await admin.post('/api/v1/rooms', {
      locationId: elsewhere.locationId,
      name: 'Sneaky',
      capacity: 3,
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].field).toBe('locationId');
  });
});
