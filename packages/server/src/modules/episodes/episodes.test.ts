import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization, type TestUser } from '../../test/fixtures.js';
import { type Agent, buildTestApp, signedIn } from '../../test/http.js';
import { anEpisode, aPatient, aTrack } from '../../test/patient-fixtures.js';
import { getActiveEpisode } from './index.js';

let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
let clinicianUser: TestUser;
let clinician: Agent;
let intake: Agent;
let frontDesk: Agent;
let billing: Agent;
let mhTrack: { id: string };
let sudTrack: { id: string };
let phpTrack: { id: string };
const clock = new TestClock(); // 2026-11-30T15:00Z, 09:00 in Chicago

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: clock.now() });
  clinicianUser = await aUser(database.db, org.ctx, ['clinician'], { displayName: 'Casey Clinician' });
  clinician = await signedIn(app, clinicianUser);
  intake = await signedIn(app, await aUser(database.db, org.ctx, ['intake']));
  frontDesk = await signedIn(app, await aUser(database.db, org.ctx, ['front_desk']));
  billing = await signedIn(app, await aUser(database.db, org.ctx, ['billing']));
  mhTrack = await aTrack(database.db, org.ctx, org.locationId, { capacity: 50 });
  sudTrack = await aTrack(database.db, org.ctx, org.locationId, {
    population: 'substance_use',
    capacity: 50,
  });
  phpTrack = await aTrack(database.db, org.ctx, org.locationId, {
    levelOfCare: 'php',
    capacity: 50,
    weeklyPattern: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '14:00' })),
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const admission = (overrides: Record<string, unknown> = {}) => ({
  trackId: mhTrack.id,
  admissionDate: '2026-11-30',
  primaryClinicianId: clinicianUser.id,
  diagnoses: [{ code: 'F33.1' }, { code: 'F41.1' }],
  referralSource: { text: 'Self-referral via website' },
  ...overrides,
});

async function auditRows(action: string, patientId: string) {
  return database.db
    .selectFrom('audit_event')
    .selectAll()
    .where('organization_id', '=', org.organizationId)
    .where('action', '=', action)
    .where('patient_id', '=', patientId)
    .orderBy('seq')
    .execute();
}

describe('admission', () => {
  it('admits a patient into a track, active from today, with diagnoses from the list', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const response = await intake.post(`/api/v1/patients/${patient.id}/episodes`, admission());
    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const episode = response.json();
    expect(episode).toMatchObject({
      patientId: patient.id,
      trackId: mhTrack.id,
      levelOfCare: 'iop',
      asamLevel: '2.1',
      status: 'active',
      admissionDate: '2026-11-30',
      entryKind: 'admission',
      previousEpisodeId: null,
      part2: false,
      referralSource: { id: null, text: 'Self-referral via website' },
      diagnoses: [
        { code: 'F33.1', text: 'Major depressive disorder, recurrent, moderate', primary: true },
        { code: 'F41.1', text: 'Generalized anxiety disorder', primary: false },
      ],
    });
    const [audit] = await auditRows('episode.admit', patient.id);
    expect(audit?.details).toMatchObject({
      trackId: mhTrack.id,
      diagnosisCodes: ['F33.1', 'F41.1'],
      part2: false,
    });
    expect(JSON.stringify(audit?.details)).not.toMatch(/Self-referral/);
    const active = await getActiveEpisode(database.db, org.organizationId, patient.id);
    expect(active?.id).toBe(episode.id);
  });

  it('starts pending when the admission date is ahead', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const response = await intake.post(
      `/api/v1/patients/${patient.id}/episodes`,
      admission({ admissionDate: '2026-12-07' }),
    );
    expect(response.json().status).toBe('pending');
  });

  it('refuses an unknown ICD-10 code naming diagnoses.N.code, and writes nothing', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const response = await intake.post(
      `/api/v1/patients/${patient.id}/episodes`,
      admission({ diagnoses: [{ code: 'F33.1' }, { code: 'F99.99' }] }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { field: 'diagnoses.1.code', message: expect.stringMatching(/F99.99/) },
    ]);
    expect((await clinician.get(`/api/v1/patients/${patient.id}/episodes`)).json().items).toEqual([]);
  });

  it('refuses an admission before birth or far ahead, naming admissionDate', async () => {
    const patient = await aPatient(database.db, org.ctx, { dateOfBirth: '2000-01-01' });
    const url = `/api/v1/patients/${patient.id}/episodes`;
    const beforeBirth = await intake.post(url, admission({ admissionDate: '1999-12-31' }));
    expect(beforeBirth.statusCode).toBe(422);
    expect(beforeBirth.json().errors[0]).toMatchObject({ field: 'admissionDate' });
    const farAhead = await intake.post(url, admission({ admissionDate: '2027-06-01' }));
    expect(farAhead.json().errors[0]).toMatchObject({
      field: 'admissionDate',
      message: expect.stringMatching(/90 days/),
    });
  });

  it('requires a clinician or director of the organization as primary clinician', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const notClinician = await intake.post(
      `/api/v1/patients/${patient.id}/episodes`,
      admission({ primaryClinicianId: org.admin.id }),
    );
    expect(notClinician.statusCode).toBe(422);
    expect(notClinician.json().errors[0].field).toBe('primaryClinicianId');
  });

  it('refuses a second open episode with a clear message', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const url = `/api/v1/patients/${patient.id}/episodes`;
    expect((await intake.post(url, admission())).statusCode).toBe(201);
    const second = await intake.post(url, admission({ trackId: sudTrack.id }));
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toMatch(/already has an active episode of care\. Discharge it first/);
    expect((await clinician.get(url)).json().items).toHaveLength(1);
  });

  it('backs the one-open-episode rule with a unique index', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const first = await anEpisode(database.db, org.ctx, {
      patientId: patient.id,
      trackId: mhTrack.id,
      primaryClinicianId: clinicianUser.id,
    });
    await expect(
      database.db
        .insertInto('episode')
        .values({
          id: '0190d6a0-0000-7000-8000-00000000e001',
          organization_id: org.organizationId,
          patient_id: patient.id,
          track_id: mhTrack.id,
          level_of_care: 'iop',
          status: 'on_hold',
          admission_date: '2026-11-30',
          primary_clinician_id: clinicianUser.id,
          part2: false,
          entry_kind: 'admission',
          status_changed_at: clock.now(),
        })
        .execute(),
    ).rejects.toThrow(/episode_one_open_per_patient/);
    expect(first.status).toBe('active');
  });

  it('does not let front desk or billing admit', async () => {
    const patient = await aPatient(database.db, org.ctx);
    for (const agent of [frontDesk, billing]) {
      expect((await agent.post(`/api/v1/patients/${patient.id}/episodes`, admission())).statusCode).toBe(403);
    }
    expect((await frontDesk.get(`/api/v1/patients/${patient.id}/episodes`)).statusCode).toBe(403);
    expect((await billing.get(`/api/v1/patients/${patient.id}/episodes`)).statusCode).toBe(200);
  });

  it('answers 404 for a patient or episode of another organization', async () => {
    const other = await createTestOrganization(database.db, { now: clock.now() });
    const foreign = await aPatient(database.db, other.ctx);
    const otherClinician = await aUser(database.db, other.ctx, ['clinician']);
    const otherTrack = await aTrack(database.db, other.ctx, other.locationId);
    const foreignEpisode = await anEpisode(database.db, other.ctx, {
      patientId: foreign.id,
      trackId: otherTrack.id,
      primaryClinicianId: otherClinician.id,
    });
    expect((await intake.post(`/api/v1/patients/${foreign.id}/episodes`, admission())).statusCode).toBe(404);
    expect((await clinician.get(`/api/v1/patients/${foreign.id}/episodes`)).statusCode).toBe(404);
    expect((await clinician.get(`/api/v1/episodes/${foreignEpisode.id}`)).statusCode).toBe(404);
    expect(
      (await clinician.post(`/api/v1/episodes/${foreignEpisode.id}/transition`, { to: 'on_hold' }))
        .statusCode,
    ).toBe(404);
    // Our patient into their track: the track is not ours.
    const ours = await aPatient(database.db, org.ctx);
    const cross = await intake.post(
      `/api/v1/patients/${ours.id}/episodes`,
      admission({ trackId: otherTrack.id }),
    );
    expect(cross.statusCode).toBe(422);
    expect(cross.json().errors[0].field).toBe('trackId');
  });
});

describe('42 CFR Part 2', () => {
  it('marks an episode with a substance use diagnosis, and any episode of an SUD track', async () => {
    const a = await aPatient(database.db, org.ctx);
    const withSud = await intake.post(
      `/api/v1/patients/${a.id}/episodes`,
      admission({ diagnoses: [{ code: 'F32.1' }, { code: 'f10.20' }] }),
    );
    expect(withSud.json()).toMatchObject({ part2: true, diagnoses: [{ code: 'F32.1' }, { code: 'F10.20' }] });
    const b = await aPatient(database.db, org.ctx);
    const nicotine = await intake.post(
      `/api/v1/patients/${b.id}/episodes`,
      admission({ diagnoses: [{ code: 'F17.210' }] }),
    );
    expect(nicotine.json().part2).toBe(false);
    const c = await aPatient(database.db, org.ctx);
    const inSudTrack = await intake.post(
      `/api/v1/patients/${c.id}/episodes`,
      admission({ trackId: sudTrack.id, diagnoses: [] }),
    );
    expect(inSudTrack.json().part2).toBe(true);
  });

  it('marks an episode when a substance use diagnosis is added, and keeps it marked', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const episode = (await intake.post(`/api/v1/patients/${patient.id}/episodes`, admission())).json();
    const url = `/api/v1/episodes/${episode.id}`;
    const added = await clinician.patch(
      url,
      { diagnoses: [{ code: 'F33.1' }, { code: 'F11.20' }] },
      { 'if-match': '"1"' },
    );
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ part2: true, version: 2 });
    const removed = await clinician.patch(
      url,
      { diagnoses: [{ code: 'F33.1', primary: true }] },
      { 'if-match': '"2"' },
    );
    expect(removed.json()).toMatchObject({ part2: true, diagnoses: [{ code: 'F33.1', primary: true }] });
    // The removed diagnosis is kept as history, not deleted.
    const rows = await database.db
      .selectFrom('episode_diagnosis')
      .select(['code', 'removed_at'])
      .where('episode_id', '=', episode.id)
      .orderBy('code')
      .execute();
    expect(rows.map((r) => [r.code, r.removed_at !== null])).toEqual([
      ['F11.20', true],
      ['F33.1', false],
      ['F41.1', true],
    ]);
  });
});

describe('editing and status changes', () => {
  it('edits with If-Match: 428 without it, 409 stale with the current episode', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const episode = (await intake.post(`/api/v1/patients/${patient.id}/episodes`, admission())).json();
    const url = `/api/v1/episodes/${episode.id}`;
    expect((await clinician.patch(url, { payerNote: 'Aetna PPO' })).statusCode).toBe(428);
    expect((await clinician.patch(url, { payerNote: 'Aetna PPO' }, { 'if-match': '"1"' })).statusCode).toBe(
      200,
    );
    const stale = await clinician.patch(url, { payerNote: 'Other' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, payerNote: 'Aetna PPO' });
    const bad = await clinician.patch(url, { diagnoses: [{ code: 'nope' }] }, { 'if-match': '"2"' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('diagnoses.0.code');
  });

  it('follows the state machine, records the history, and refuses invalid moves with 409', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const episode = (await intake.post(`/api/v1/patients/${patient.id}/episodes`, admission())).json();
    const move = (body: Record<string, unknown>, headers?: Record<string, string>) =>
      clinician.post(`/api/v1/episodes/${episode.id}/transition`, body, headers);

    const hold = await move({ to: 'on_hold', reason: 'Hospitalized' }, { 'if-match': '"1"' });
    expect(hold.statusCode).toBe(200);
    expect(hold.json()).toMatchObject({ status: 'on_hold', version: 2 });
    expect((await move({ to: 'active' }, { 'if-match': '"1"' })).statusCode).toBe(409);
    expect((await move({ to: 'active' })).json().status).toBe('active');

    const noReason = await move({ to: 'discharged' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0].field).toBe('dischargeReason');
    const early = await move({ to: 'discharged', dischargeReason: 'completed', date: '2026-11-29' });
    expect(early.json().errors[0]).toMatchObject({
      field: 'date',
      message: expect.stringMatching(/before the admission/),
    });

    const done = await move({ to: 'discharged', dischargeReason: 'completed' });
    expect(done.json()).toMatchObject({
      status: 'discharged',
      dischargeDate: '2026-11-30',
      dischargeReason: 'completed',
    });
    const again = await move({ to: 'active' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/admit them again: a readmission starts a new episode/);

    const read = (await clinician.get(`/api/v1/episodes/${episode.id}`)).json();
    expect(read.statusHistory.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([
      [null, 'active'],
      ['active', 'on_hold'],
      ['on_hold', 'active'],
      ['active', 'discharged'],
    ]);
    expect(read.statusHistory[1].reason).toBe('Hospitalized');
    const audits = await auditRows('episode.transition', patient.id);
    expect(audits.map((a) => a.details)).toEqual([
      { from: 'active', to: 'on_hold' },
      { from: 'on_hold', to: 'active' },
      { from: 'active', to: 'discharged', dischargeReason: 'completed' },
    ]);
    expect((await auditRows('episode.read', patient.id)).length).toBe(1);
    // A closed episode is not edited.
    const closed = await clinician.patch(
      `/api/v1/episodes/${episode.id}`,
      { payerNote: 'x' },
      { 'if-match': `"${read.version}"` },
    );
    expect(closed.statusCode).toBe(409);
  });

  it('readmits after discharge as a new episode linked to the last one, keeping history', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const url = `/api/v1/patients/${patient.id}/episodes`;
    const first = (await intake.post(url, admission())).json();
    await clinician.post(`/api/v1/episodes/${first.id}/transition`, {
      to: 'discharged',
      dischargeReason: 'lost_contact',
    });
    const second = await intake.post(url, admission({ admissionDate: '2026-12-02' }));
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({
      entryKind: 'readmission',
      previousEpisodeId: first.id,
      status: 'pending',
    });
    const list = (await clinician.get(url)).json().items;
    expect(list.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([
      [second.json().id, 'pending'],
      [first.id, 'discharged'],
    ]);
    const listed = await auditRows('episode.list', patient.id);
    expect(listed.at(-1)?.details).toEqual({ episodeIds: [second.json().id, first.id] });
  });

  it('steps up to PHP: the IOP episode is discharged and a linked PHP episode opens', async () => {
    const patient = await aPatient(database.db, org.ctx);
    const iop = (
      await intake.post(
        `/api/v1/patients/${patient.id}/episodes`,
        admission({ diagnoses: [{ code: 'F10.20' }] }),
      )
    ).json();
    const response = await clinician.post(`/api/v1/episodes/${iop.id}/change-track`, {
      trackId: phpTrack.id,
      reason: 'Worsening symptoms',
    });
    expect(response.statusCode).toBe(201);
    const { previous, current } = response.json();
    expect(previous).toMatchObject({
      status: 'discharged',
      dischargeReason: 'stepped_up',
      dischargeDate: '2026-11-30',
    });
    expect(current).toMatchObject({
      status: 'active',
      levelOfCare: 'php',
      asamLevel: '2.5',
      entryKind: 'step_up',
      previousEpisodeId: iop.id,
      part2: true,
      diagnoses: [{ code: 'F10.20', primary: true }],
      primaryClinicianId: clinicianUser.id,
    });
    const same = await clinician.post(`/api/v1/episodes/${current.id}/change-track`, {
      trackId: phpTrack.id,
    });
    expect(same.statusCode).toBe(422);
    const down = await clinician.post(`/api/v1/episodes/${current.id}/change-track`, { trackId: mhTrack.id });
    expect(down.json().current).toMatchObject({ entryKind: 'step_down', levelOfCare: 'iop' });
  });
});

describe('diagnosis list', () => {
  it('searches the curated ICD-10-CM list', async () => {
    const found = (await clinician.get('/api/v1/diagnoses?q=alcohol%20dep%20remission')).json();
    expect(found.items).toEqual([
      {
        code: 'F10.21',
        text: 'Alcohol dependence, in remission',
        group: 'Substance use',
        substanceUse: true,
      },
    ]);
    const byCode = (await clinician.get('/api/v1/diagnoses?q=F43.1')).json();
    expect(byCode.items.map((d: { code: string }) => d.code)).toEqual(['F43.10', 'F43.11', 'F43.12']);
    expect((await frontDesk.get('/api/v1/diagnoses?q=F43')).statusCode).toBe(403);
  });
});
