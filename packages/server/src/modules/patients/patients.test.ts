import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization } from '../../test/fixtures.js';
import { type Agent, buildTestApp, signedIn } from '../../test/http.js';
import { aPatient, aPatientInput } from '../../test/patient-fixtures.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
let intake: Agent;
let billing: Agent;
let frontDesk: Agent;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: clock.now() });
  intake = await signedIn(app, await aUser(database.db, org.ctx, ['intake']));
  billing = await signedIn(app, await aUser(database.db, org.ctx, ['billing']));
  frontDesk = await signedIn(app, await aUser(database.db, org.ctx, ['front_desk']));
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function auditRows(action: string) {
  return database.db
    .selectFrom('audit_event')
    .selectAll()
    .where('organization_id', '=', org.organizationId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
}

describe('registering a patient', () => {
  it('creates the record with the next MRN, its ETag and an audit event', async () => {
    const input = aPatientInput({
      legalFirstName: 'Marisol',
      preferredName: 'Sol',
      pronouns: 'she/her',
      address: { line1: '1 Example Way', city: 'Springfield', region: 'IL', postalCode: '62701' },
      emergencyContact: { name: 'Pat Example', relationship: 'sister', phone: '555-010-0144' },
      preferredLanguage: 'es',
    });
    const first = await intake.post('/api/v1/patients', input);
    expect(first.statusCode).toBe(201);
    expect(first.headers.etag).toBe('"1"');
    const patient = first.json();
    expect(patient).toMatchObject({
      mrn: expect.stringMatching(/^TR-\d{6}$/),
      displayName: `Sol (Marisol) ${input.legalLastName}`,
      dateOfBirth: '1985-06-15',
      emergencyContact: { name: 'Pat Example', relationship: 'sister', phone: '555-010-0144' },
      address: { line1: '1 Example Way', line2: null, city: 'Springfield' },
      status: 'active',
      version: 1,
    });
    const second = (await intake.post('/api/v1/patients', aPatientInput())).json();
    expect(Number(second.mrn.slice(3))).toBe(Number(patient.mrn.slice(3)) + 1);

    const [created] = (await auditRows('patient.create')).filter((r) => r.patient_id === patient.id);
    expect(created).toMatchObject({ resource_type: 'patient', resource_id: patient.id, outcome: 'success' });
    // Ids and flags only: no name, no MRN (an identifier under HIPAA) in the audit details.
    expect(created?.details).toEqual({ confirmedNotDuplicate: false });
  });

  it('gives each organization its own MRN sequence', async () => {
    const other = await createTestOrganization(database.db, { now: clock.now() });
    const elsewhere = await aPatient(database.db, other.ctx);
    expect(elsewhere.mrn).toBe('TR-000001');
  });

  it('warns of a duplicate by normalized name and date of birth, and allows an override', async () => {
    const original = (
      await intake.post('/api/v1/patients', {
        legalFirstName: 'José',
        legalLastName: 'García-López',
        dateOfBirth: '1980-04-12',
      })
    ).json();
    const again = await intake.post('/api/v1/patients', {
      legalFirstName: ' jose ',
      legalLastName: 'GARCIA LOPEZ',
      dateOfBirth: '1980-04-12',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ field: 'confirmNotDuplicate', message: expect.any(String) }]);
    expect(again.json().candidates).toEqual([
      expect.objectContaining({
        id: original.id,
        mrn: original.mrn,
        legalFirstName: 'José',
        legalLastName: 'García-López',
        dateOfBirth: '1980-04-12',
      }),
    ]);
    const warned = await auditRows('patient.duplicate_warning');
    expect(warned.map((r) => r.patient_id)).toContain(original.id);

    // Swapped first and last names are the same person too.
    const swapped = await intake.post('/api/v1/patients', {
      legalFirstName: 'Garcia-Lopez',
      legalLastName: 'Jose',
      dateOfBirth: '1980-04-12',
    });
    expect(swapped.statusCode).toBe(409);

    const confirmed = await intake.post('/api/v1/patients', {
      legalFirstName: 'Jose',
      legalLastName: 'Garcia Lopez',
      dateOfBirth: '1980-04-12',
      confirmNotDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().id).not.toBe(original.id);
  });

  it('refuses a future date of birth, naming the field, and writes nothing', async () => {
    const before = (await auditRows('patient.create')).length;
    const future = await intake.post('/api/v1/patients', aPatientInput({ dateOfBirth: '2026-12-01' }));
    expect(future.statusCode).toBe(422);
    expect(future.json().errors).toEqual([
      { field: 'dateOfBirth', message: expect.stringMatching(/future/) },
    ]);
    const notADate = await intake.post('/api/v1/patients', aPatientInput({ dateOfBirth: '1980-02-30' }));
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json().errors[0].field).toBe('dateOfBirth');
    expect((await auditRows('patient.create')).length).toBe(before);
  });

  it('refuses a malformed phone or email and unknown fields, naming them', async () => {
    const phone = await intake.post('/api/v1/patients', aPatientInput({ phone: '555-0123' }));
    expect(phone.statusCode).toBe(400);
    expect(phone.json().errors[0].field).toBe('phone');
    const email = await intake.post('/api/v1/patients', aPatientInput({ email: 'not-an-email' }));
    expect(email.statusCode).toBe(400);
    expect(email.json().errors[0].field).toBe('email');
    const contact = await intake.post(
      '/api/v1/patients',
      aPatientInput({ emergencyContact: { name: 'Someone', phone: 'nope' } }),
    );
    expect(contact.json().errors[0].field).toBe('emergencyContact.phone');
    const extra = await intake.post('/api/v1/patients', { ...aPatientInput(), ssn: '000-00-0000' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0].field).toBe('ssn');
  });
});

describe('reading and editing a patient', () => {
  it('audits every read as patient.read', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const read = await frontDesk.get(`/api/v1/patients/${patient.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    const reads = (await auditRows('patient.read')).filter((r) => r.patient_id === patient.id);
    expect(reads).toHaveLength(1);
  });

  it('edits with If-Match: 428 without it, 409 with the current record when stale', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const url = `/api/v1/patients/${patient.id}`;
    expect((await intake.patch(url, { pronouns: 'they/them' })).statusCode).toBe(428);
    const ok = await intake.patch(
      url,
      { pronouns: 'they/them', preferredName: 'Sky' },
      { 'if-match': '"1"' },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ pronouns: 'they/them', preferredName: 'Sky', version: 2 });
    const stale = await intake.patch(url, { pronouns: 'he/him' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, pronouns: 'they/them' });
    const updates = (await auditRows('patient.update')).filter((r) => r.patient_id === patient.id);
    expect(updates.map((r) => r.details)).toEqual([{ fields: ['preferredName', 'pronouns'] }]);
    // The preferred name is searchable at once.
    const found = (
      await intake.get(`/api/v1/patients?q=sky ${encodeURIComponent(patient.legalLastName)}`)
    ).json();
    expect(found.items[0].id).toBe(patient.id);
  });

  it('refuses a change that makes the record a duplicate of another person', async () => {
    const a = await aPatient(database.db, org.ctx, { dateOfBirth: '1970-01-01' });
    const b = await aPatient(database.db, org.ctx, { dateOfBirth: '1970-01-01' });
    const clash = await intake.patch(
      `/api/v1/patients/${b.id}`,
      { legalFirstName: a.legalFirstName, legalLastName: a.legalLastName },
      { 'if-match': '"1"' },
    );
    expect(clash.statusCode).toBe(409);
    expect(clash.json().candidates.map((c: { id: string }) => c.id)).toEqual([a.id]);
  });

  it('does not let billing or front desk edit demographics', async () => {
    const patient = await aPatient(database.db, org.ctx);
    for (const agent of [billing, frontDesk]) {
      const denied = await agent.patch(
        `/api/v1/patients/${patient.id}`,
        { pronouns: 'x' },
        { 'if-match': '"1"' },
      );
      expect(denied.statusCode).toBe(403);
    }
    expect((await billing.post('/api/v1/patients', aPatientInput())).statusCode).toBe(403);
    const denials = (await auditRows('patient.write')).filter((r) => r.outcome === 'denied');
    expect(denials.length).toBeGreaterThanOrEqual(3);
  });

  it('answers 404 for a patient of another organization, for reads and edits', async () => {
    const other = await createTestOrganization(database.db, { now: clock.now() });
    const foreign = await aPatient(database.db, other.ctx);
    expect((await intake.get(`/api/v1/patients/${foreign.id}`)).statusCode).toBe(404);
    expect(
      (await intake.patch(`/api/v1/patients/${foreign.id}`, { pronouns: 'x' }, { 'if-match': '"1"' }))
        .statusCode,
    ).toBe(404);
    const search = (
      await intake.get(`/api/v1/patients?q=${encodeURIComponent(foreign.legalLastName)}`)
    ).json();
    expect(search.items.map((p: { id: string }) => p.id)).not.toContain(foreign.id);
    expect(
      (await intake.get(`/api/v1/patients?q=${foreign.mrn}`)).json().items.map((p: { id: string }) => p.id),
    ).not.toContain(foreign.id);
  });
});

describe('search', () => {
  let target: Awaited<ReturnType<typeof aPatient>>;
  beforeAll(async () => {
    target = await aPatient(database.db, org.ctx, {
      legalFirstName: 'Theodora',
      legalLastName: 'Quillfeather',
      preferredName: 'Teddy',
      dateOfBirth: '1979-03-21',
      phone: '(555) 010-0177',
    });
    await aPatient(database.db, org.ctx, {
      legalFirstName: 'Theo',
      legalLastName: 'Quill',
      dateOfBirth: '1979-03-22',
      phone: '555-010-0178',
    });
  });

  const ids = async (q: string) => {
    const response = await intake.get(`/api/v1/patients?q=${encodeURIComponent(q)}`);
    expect(response.statusCode).toBe(200);
    return { ids: response.json().items.map((p: { id: string }) => p.id), by: response.json().matchedBy };
  };

  it('finds by name prefix, in any order, with accents and case ignored', async () => {
    // Word-prefix matches come first; near misses (Theo Quill) may follow them.
    expect((await ids('quillf')).ids[0]).toBe(target.id);
    expect((await ids('THEOD quill')).ids[0]).toBe(target.id);
    expect((await ids('quillfeather theodora')).ids[0]).toBe(target.id);
    expect((await ids('Téddy')).ids[0]).toBe(target.id);
    const quill = (await ids('quill')).ids;
    expect(quill.slice(0, 2)).toHaveLength(2);
    expect(quill.slice(0, 2)).toContain(target.id);
  });

  it('finds by a misspelled name (trigram similarity), prefix matches first', async () => {
    expect((await ids('quilfeather')).ids).toContain(target.id);
    const theo = await ids('theo');
    expect(theo.ids).toHaveLength(2);
    expect(theo.by).toBe('name');
  });

  it('finds by MRN, date of birth in either format, and phone digits', async () => {
    expect(await ids(target.mrn)).toEqual({ ids: [target.id], by: 'mrn' });
    expect((await ids(target.mrn.toLowerCase().replace('-', ''))).ids).toEqual([target.id]);
    expect(await ids('1979-03-21')).toEqual({ ids: [target.id], by: 'date_of_birth' });
    expect((await ids('03/21/1979')).ids).toEqual([target.id]);
    expect(await ids('555-010-0177')).toEqual({ ids: [target.id], by: 'phone' });
    expect((await ids('+1 555 010 0177')).ids).toEqual([target.id]);
    expect((await ids('555010017')).ids).toHaveLength(2);
  });

  it('audits a search with the ids shown, never the text typed', async () => {
    await ids('Quillfeather');
    const [last] = (await auditRows('patient.search')).slice(-1);
    expect(last?.details).toEqual({ matchedBy: 'name', resultCount: 1, patientIds: [target.id] });
    expect(JSON.stringify(last)).not.toMatch(/quillfeather/i);
  });

  it('answers at most the limit, newest first for an empty box', async () => {
    const page = (await intake.get('/api/v1/patients?limit=3')).json();
    expect(page.items).toHaveLength(3);
    expect(page.matchedBy).toBe('none');
    expect((await intake.get('/api/v1/patients?limit=51')).statusCode).toBe(400);
  });
});
