import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization, type TestUser } from '../../test/fixtures.js';
import { type Agent, buildTestApp, signedIn } from '../../test/http.js';
import { aPatient } from '../../test/patient-fixtures.js';
import { actingAs, auditEventsOf, inTransaction } from '../../test/shared-fixtures.js';
import { verifySignature } from '../signatures/index.js';
import { endConsentsAtEvent } from './index.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
let intake: TestUser;
let agent: Agent;
const clock = new TestClock(new Date('2026-11-30T15:00:00Z')); // 09:00 in Chicago

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: clock.now() });
  intake = await aUser(database.db, org.ctx, ['intake']);
  agent = await signedIn(app, intake);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const inPerson = (typedName = 'Jordan Example') => ({
  signerRole: 'patient',
  method: 'in_person',
  typedName,
});

const part2Named = {
  kind: 'part2',
  recipient: { kind: 'named', name: 'Springfield Family Clinic' },
  purposes: ['care_coordination'],
  informationKinds: ['attendance', 'treatment_plan'],
  informationDescription: 'from admission to discharge',
  expiresOn: '2027-06-30',
};

const clinicDisclosure = {
  recipient: { name: 'springfield family clinic', relationship: 'treating_provider' },
  purpose: 'care_coordination',
  informationKinds: ['attendance'],
};

async function newPatient() {
  return aPatient(database.db, org.ctx, { legalFirstName: 'Jordan' });
}

describe('recording a consent', () => {
  it('stores the exact text with an in-person signature over it, audited with the patient', async () => {
    const patient = await newPatient();
    const response = await agent.request(
      'POST',
      `/api/v1/patients/${patient.id}/consents`,
      { kind: 'treatment', signature: inPerson() },
      { 'user-agent': 'Front desk tablet' },
    );
    expect(response.statusCode).toBe(201);
    const consent = response.json();
    expect(consent).toMatchObject({
      patientId: patient.id,
      kind: 'treatment',
      status: 'active',
      templateVersion: 1,
      version: 1,
      createdBy: intake.id,
      signedAt: clock.now().toISOString(),
      signature: {
        documentType: 'consent',
        documentId: consent.id,
        signerRole: 'patient',
        method: 'in_person',
        typedName: 'Jordan Example',
        signerUserId: null,
        recordedByUserId: intake.id,
        userAgent: 'Front desk tablet',
      },
    });
    expect(consent.text).toContain(`I, Jordan ${patient.legalLastName}, agree to take part`);
    expect(consent.signature.attestation).toMatch(/same effect as signing on paper/);
    expect(consent.signature.ip).toBeTruthy();

    const content = {
      consentId: consent.id,
      patientId: patient.id,
      kind: 'treatment',
      templateVersion: 1,
      text: consent.text,
      terms: {
        recipient: null,
        purposes: [],
        informationKinds: [],
        informationDescription: null,
        expiresOn: null,
        expiryEvent: null,
      },
    };
    const check = await verifySignature(database.db, org.organizationId, consent.signature.id, content);
    expect(check.matches).toBe(true);
    const altered = { ...content, text: consent.text.replace('agree', 'do not agree') };
    expect(
      (await verifySignature(database.db, org.organizationId, consent.signature.id, altered)).matches,
    ).toBe(false);

    const audits = await auditEventsOf(database.db, org.organizationId, { patientId: patient.id });
    expect(audits.map((a) => a.action)).toEqual(['patient.create', 'signature.create', 'consent.create']);
    expect(audits[2]).toMatchObject({ actor_user_id: intake.id, resource_id: consent.id });
  });

  it('refuses a consent without a signer’s typed name with 422 naming the field, writing nothing', async () => {
    const patient = await newPatient();
    const url = `/api/v1/patients/${patient.id}/consents`;
    for (const signature of [{ signerRole: 'patient' }, inPerson('  ')]) {
      const response = await agent.post(url, { kind: 'telehealth', signature });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toEqual(['signature.typedName']);
    }
    const written = await database.db
      .selectFrom('consent')
      .select('id')
      .where('patient_id', '=', patient.id)
      .execute();
    expect(written).toEqual([]);
    const signatures = await database.db
      .selectFrom('signature')
      .select('id')
      .where('patient_id', '=', patient.id)
      .execute();
    expect(signatures).toEqual([]);
  });

  it('refuses an expiry in the past (422) and a Part 2 consent missing its terms, naming each field', async () => {
    const patient = await newPatient();
    const url = `/api/v1/patients/${patient.id}/consents`;
    const past = await agent.post(url, { ...part2Named, expiresOn: '2026-11-29', signature: inPerson() });
    expect(past.statusCode).toBe(422);
    expect(past.json().errors).toEqual([
      { field: 'expiresOn', message: expect.stringMatching(/in the past/) },
    ]);
    const today = await agent.post(url, { ...part2Named, expiresOn: '2026-11-30', signature: inPerson() });
    expect(today.statusCode).toBe(201);
    const bare = await agent.post(url, { kind: 'part2', signature: { signerRole: 'guardian' } });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'recipient',
      'purposes',
      'informationKinds',
      'expiresOn',
      'signature.typedName',
    ]);
    const badDate = await agent.post(url, { ...part2Named, expiresOn: '30/06/2027', signature: inPerson() });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors[0].field).toBe('expiresOn');
  });

  it('signs only the text that was shown: a preview hash that no longer matches is refused', async () => {
    const patient = await newPatient();
    const preview = await agent.post(`/api/v1/patients/${patient.id}/consents/preview`, part2Named);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().paragraphs.join('\n')).toContain(
      'It may be disclosed to: Springfield Family Clinic.',
    );
    const url = `/api/v1/patients/${patient.id}/consents`;
    const changed = await agent.post(url, {
      ...part2Named,
      purposes: ['care_coordination', 'treatment'],
      shownTextHash: preview.json().textHash,
      signature: inPerson(),
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().errors[0].field).toBe('shownTextHash');
    const signed = await agent.post(url, {
      ...part2Named,
      shownTextHash: preview.json().textHash,
      signature: inPerson(),
    });
    expect(signed.statusCode).toBe(201);
    expect(signed.json().text).toBe([preview.json().title, ...preview.json().paragraphs].join('\n\n'));
    expect(signed.json().expiresAt).toBe('2027-07-01T05:00:00.000Z');
  });
});

describe('Part 2 coverage', () => {
  it('covers the named recipient for the consented purpose and information only', async () => {
    const patient = await newPatient();
    await agent.post(`/api/v1/patients/${patient.id}/consents`, { ...part2Named, signature: inPerson() });
    const url = `/api/v1/patients/${patient.id}/consents/coverage`;
    const covered = await agent.post(url, clinicDisclosure);
    expect(covered.statusCode).toBe(200);
    expect(covered.json()).toMatchObject({ covered: true });
    const employer = await agent.post(url, {
      ...clinicDisclosure,
      recipient: { name: 'Acme Corp', relationship: 'other' },
    });
    expect(employer.json()).toMatchObject({ covered: false, code: 'recipient_not_named' });
    const payment = await agent.post(url, { ...clinicDisclosure, purpose: 'payment' });
    expect(payment.json()).toMatchObject({ covered: false, code: 'purpose_not_covered' });
    const screens = await agent.post(url, { ...clinicDisclosure, informationKinds: ['drug_screens'] });
    expect(screens.json()).toMatchObject({ covered: false, code: 'information_not_covered' });
    const audits = await auditEventsOf(database.db, org.organizationId, {
      action: 'consent.check',
      patientId: patient.id,
    });
    expect(audits).toHaveLength(4);
    expect(audits[0]?.details).toMatchObject({ covered: true, purpose: 'care_coordination' });
  });

  it('lets one TPO consent cover plans and treating providers until it is revoked in writing', async () => {
    const patient = await newPatient();
    const created = await agent.post(`/api/v1/patients/${patient.id}/consents`, {
      kind: 'part2',
      recipient: { kind: 'tpo_designation' },
      purposes: ['treatment', 'payment', 'health_care_operations'],
      informationKinds: ['all_records'],
      signature: inPerson(),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().text).toMatch(/HIPAA Privacy Rule permits/);
    const url = `/api/v1/patients/${patient.id}/consents/coverage`;
    const plan = {
      recipient: { name: 'Any Health Plan', relationship: 'health_plan' },
      purpose: 'payment',
      informationKinds: ['diagnosis', 'billing'],
    };
    expect((await agent.post(url, plan)).json().covered).toBe(true);
    expect((await agent.post(url, { ...plan, purpose: 'legal_proceedings' })).json().covered).toBe(false);
    const revokeUrl = `/api/v1/consents/${created.json().id}/revoke`;
    const verbal = await agent.post(revokeUrl, { receivedVia: 'verbal' });
    expect(verbal.statusCode).toBe(422);
    expect(verbal.json().errors[0].field).toBe('receivedVia');
    expect((await agent.post(revokeUrl, { receivedVia: 'in_writing' })).statusCode).toBe(200);
    expect((await agent.post(url, plan)).json()).toMatchObject({ covered: false, code: 'revoked' });
  });
});

describe('revocation', () => {
  it('stops coverage at once, is audited, cannot happen twice, and is never undone', async () => {
    const patient = await newPatient();
    const consent = (
      await agent.post(`/api/v1/patients/${patient.id}/consents`, { ...part2Named, signature: inPerson() })
    ).json();
    const url = `/api/v1/consents/${consent.id}/revoke`;
    const future = await agent.post(url, { revokedOn: '2026-12-01', receivedVia: 'mail' });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0].field).toBe('revokedOn');
    const revoked = await agent.post(url, { receivedVia: 'verbal', note: 'Called the front desk' });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({
      status: 'revoked',
      revokedAt: clock.now().toISOString(),
      revokedOn: '2026-11-30',
      revocationReceivedVia: 'verbal',
      revokedBy: intake.id,
      version: 2,
    });
    expect(revoked.headers.etag).toBe('"2"');
    const coverage = await agent.post(`/api/v1/patients/${patient.id}/consents/coverage`, clinicDisclosure);
    expect(coverage.json()).toMatchObject({ covered: false, code: 'revoked', consentId: consent.id });
    const twice = await agent.post(url, { receivedVia: 'in_writing' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/already revoked/);
    const audits = await auditEventsOf(database.db, org.organizationId, {
      action: 'consent.revoke',
      resourceId: consent.id,
    });
    expect(audits).toEqual([expect.objectContaining({ patient_id: patient.id, actor_user_id: intake.id })]);
    expect(JSON.stringify(audits[0]?.details)).not.toMatch(/front desk/);
    await expect(
      sql`update consent set revoked_at = null, revoked_on = null, revocation_received_via = null where id = ${consent.id}`.execute(
        database.db,
      ),
    ).rejects.toThrow(/cannot be changed or undone/);
  });
});

describe('the database keeps signed consents as they were', () => {
  it('refuses to change the text or terms, and to delete a consent', async () => {
    const patient = await newPatient();
    const consent = (
      await agent.post(`/api/v1/patients/${patient.id}/consents`, { ...part2Named, signature: inPerson() })
    ).json();
    await expect(
      sql`update consent set text_shown = 'Something else' where id = ${consent.id}`.execute(database.db),
    ).rejects.toThrow(/immutable/);
    await expect(
      sql`update consent set information_kinds = '{all_records}' where id = ${consent.id}`.execute(
        database.db,
      ),
    ).rejects.toThrow(/immutable/);
    await expect(sql`delete from consent where id = ${consent.id}`.execute(database.db)).rejects.toThrow(
      /never deleted/,
    );
    await expect(sql`truncate consent`.execute(database.db)).rejects.toThrow(/never deleted/);
  });
});

describe('reading consents', () => {
  it('lists a patient’s consents newest first with a status filter, audited as one read', async () => {
    const patient = await newPatient();
    const url = `/api/v1/patients/${patient.id}/consents`;
    const first = (await agent.post(url, { kind: 'treatment', signature: inPerson() })).json();
    clock.advanceMinutes(1);
    const second = (await agent.post(url, { ...part2Named, signature: inPerson() })).json();
    await agent.post(`/api/v1/consents/${second.id}/revoke`, { receivedVia: 'in_writing' });
    const all = await agent.get(url);
    expect(all.statusCode).toBe(200);
    expect(all.json().items.map((c: { id: string }) => c.id)).toEqual([second.id, first.id]);
    const active = (await agent.get(`${url}?status=active`)).json();
    expect(active.items.map((c: { id: string }) => c.id)).toEqual([first.id]);
    const audits = await auditEventsOf(database.db, org.organizationId, {
      action: 'consent.list',
      patientId: patient.id,
    });
    expect(audits[0]?.details).toMatchObject({ count: 2, consentIds: [second.id, first.id] });
    const one = await agent.get(`/api/v1/consents/${first.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.headers.etag).toBe('"1"');
    const reads = await auditEventsOf(database.db, org.organizationId, {
      action: 'consent.read',
      resourceId: first.id,
    });
    expect(reads).toEqual([expect.objectContaining({ patient_id: patient.id })]);
  });

  it('prints a clean page with the signed text and signature, escaping what was typed, audited', async () => {
    const patient = await newPatient();
    const consent = (
      await agent.post(`/api/v1/patients/${patient.id}/consents`, {
        ...part2Named,
        recipient: { kind: 'named', name: 'Dr. <script>alert(1)</script> & Partners' },
        signature: inPerson('Jordan "JJ" Example'),
      })
    ).json();
    await agent.post(`/api/v1/consents/${consent.id}/revoke`, { receivedVia: 'email' });
    const response = await agent.get(`/api/v1/consents/${consent.id}/printable`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    const html = response.body;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toContain('<script>');
    expect(html).toContain('Dr. &lt;script&gt;alert(1)&lt;/script&gt; &amp; Partners');
    expect(html).toContain('Jordan &quot;JJ&quot; Example (Patient)');
    expect(html).toContain(`MRN: ${patient.mrn}`);
    expect(html).toContain('REVOKED');
    expect(html).toContain(consent.signature.contentHash);
    expect(html).toContain('@media print');
    const audits = await auditEventsOf(database.db, org.organizationId, {
      action: 'consent.print',
      resourceId: consent.id,
    });
    expect(audits).toEqual([expect.objectContaining({ patient_id: patient.id, actor_user_id: intake.id })]);
  });
});

describe('access', () => {
  it('answers 403 without consent rights and 404 for another organization’s patient or consent', async () => {
    const patient = await newPatient();
    const consent = (
      await agent.post(`/api/v1/patients/${patient.id}/consents`, {
        kind: 'treatment',
        signature: inPerson(),
      })
    ).json();
    const frontDesk = await signedIn(app, await aUser(database.db, org.ctx, ['front_desk']));
    expect((await frontDesk.get(`/api/v1/patients/${patient.id}/consents`)).statusCode).toBe(403);
    expect((await frontDesk.get(`/api/v1/consents/${consent.id}/printable`)).statusCode).toBe(403);
    const billing = await signedIn(app, await aUser(database.db, org.ctx, ['billing']));
    expect((await billing.get(`/api/v1/patients/${patient.id}/consents`)).statusCode).toBe(200);
    const denied = await billing.post(`/api/v1/patients/${patient.id}/consents`, {
      kind: 'treatment',
      signature: inPerson(),
    });
    expect(denied.statusCode).toBe(403);
    expect(
      (await billing.post(`/api/v1/consents/${consent.id}/revoke`, { receivedVia: 'mail' })).statusCode,
    ).toBe(403);

    const elsewhere = await createTestOrganization(database.db, { now: clock.now() });
    const outsider = await signedIn(app, await aUser(database.db, elsewhere.ctx, ['intake']));
    expect((await outsider.get(`/api/v1/patients/${patient.id}/consents`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/consents/${consent.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/v1/consents/${consent.id}/printable`)).statusCode).toBe(404);
    const foreign = await outsider.post(`/api/v1/patients/${patient.id}/consents`, {
      kind: 'treatment',
      signature: inPerson(),
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('expiry', () => {
  it('ends coverage at the end of the expiry day in the program’s zone, and at the expiry event', async () => {
    const patient = await newPatient();
    const url = `/api/v1/patients/${patient.id}/consents`;
    const dated = (
      await agent.post(url, { ...part2Named, expiresOn: '2026-11-30', signature: inPerson() })
    ).json();
    const onEvent = (
      await agent.post(url, {
        ...part2Named,
        recipient: { kind: 'named', name: 'County Probation' },
        expiresOn: null,
        expiryEvent: 'end_of_treatment',
        signature: inPerson(),
      })
    ).json();
    expect(dated.expiresAt).toBe('2026-12-01T06:00:00.000Z');
    const coverage = `${url}/coverage`;
    const probation = { ...clinicDisclosure, recipient: { name: 'County Probation', relationship: 'legal' } };

    const toMinute = new Date('2026-12-01T05:59:00Z'); // 23:59 in Chicago; the session times out meanwhile
    clock.advanceMinutes((toMinute.getTime() - clock.now().getTime()) / 60_000);
    const later = await signedIn(app, intake);
    expect((await later.post(coverage, clinicDisclosure)).json().covered).toBe(true);
    clock.advanceMinutes(1); // midnight
    expect((await later.post(coverage, clinicDisclosure)).json()).toMatchObject({
      covered: false,
      code: 'expired',
    });
    expect((await later.get(`/api/v1/consents/${dated.id}`)).json().status).toBe('expired');

    expect((await later.post(coverage, probation)).json().covered).toBe(true);
    const ctx = actingAs(org, intake, clock.now());
    const ended = await inTransaction(database.db, (trx) =>
      endConsentsAtEvent(trx, ctx, patient.id, 'end_of_treatment', clock.now()),
    );
    expect(ended).toBe(1);
    expect((await later.post(coverage, probation)).json()).toMatchObject({ covered: false, code: 'expired' });
    expect((await later.get(`/api/v1/consents/${onEvent.id}`)).json()).toMatchObject({
      status: 'expired',
      endedAt: clock.now().toISOString(),
    });
    const audits = await auditEventsOf(database.db, org.organizationId, {
      action: 'consent.end',
      resourceId: onEvent.id,
    });
    expect(audits).toEqual([expect.objectContaining({ patient_id: patient.id })]);
  });
});
