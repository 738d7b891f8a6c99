import type { api } from '@trellis/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { aUser, createTestOrganization, type TestOrganization, type TestUser } from '../../test/fixtures.js';
import { type Agent, buildTestApp, signedIn } from '../../test/http.js';
import {
  aMeasuredPatient,
  anAdministration,
  gad7Total,
  type MeasuredPatient,
  phq9Total,
} from '../../test/measures-fixtures.js';
import { aTrack } from '../../test/patient-fixtures.js';
import { auditEventsOf } from '../../test/shared-fixtures.js';

// Monday 30 November 2026, 09:00 in Chicago (the test organization's zone).
const clock = new TestClock(new Date('2026-11-30T15:00:00Z'));
let database: Database;
let app: FastifyInstance;
let org: TestOrganization;
let clinician: TestUser;
let colleague: TestUser;
let director: TestUser;
let clinicianAgent: Agent;
let directorAgent: Agent;
let track: api.Track;
let a: MeasuredPatient;
let b: MeasuredPatient;
let c: MeasuredPatient;
let e: MeasuredPatient;

/** Noon in Chicago on a local day. */
const noon = (day: string) => new Date(`${day}T18:00:00Z`);

async function give(p: MeasuredPatient, instrument: 'phq9' | 'gad7' | 'audit', total: number, day: string) {
  const answers =
    instrument === 'phq9'
      ? phq9Total(total)
      : instrument === 'gad7'
        ? gad7Total(total)
        : Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`audit_${i + 1}`, 0]));
  return anAdministration(database.db, org, clinician, p.patient.id, {
    instrument,
    answers,
    administeredAt: noon(day),
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  org = await createTestOrganization(database.db, { now: clock.now() });
  clinician = await aUser(database.db, org.ctx, ['clinician']);
  colleague = await aUser(database.db, org.ctx, ['clinician']);
  director = await aUser(database.db, org.ctx, ['director']);
  clinicianAgent = await signedIn(app, clinician);
  directorAgent = await signedIn(app, director);
  track = await aTrack(database.db, org.ctx, org.locationId, { capacity: 20 });
  a = await aMeasuredPatient(database.db, org, clinician, { track, admissionDate: '2026-11-16' });
  b = await aMeasuredPatient(database.db, org, clinician, { track, admissionDate: '2026-11-20' });
  c = await aMeasuredPatient(database.db, org, colleague, { track, admissionDate: '2026-11-30' });
  e = await aMeasuredPatient(database.db, org, colleague, { track, admissionDate: '2026-11-02' });
  await give(a, 'audit', 0, '2026-11-10');
  await give(a, 'phq9', 18, '2026-11-16');
  await give(a, 'gad7', 12, '2026-11-16');
  await give(a, 'phq9', 11, '2026-11-23');
  await give(b, 'phq9', 9, '2026-11-20');
  await give(e, 'phq9', 20, '2026-11-02');
  await give(e, 'phq9', 12, '2026-11-16');
  await give(e, 'phq9', 4, '2026-11-30');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('measurement schedule per track', () => {
  it('starts unsaved with a suggestion, saves under If-Match, and refuses a stale or unauthorized save', async () => {
    const url = `/api/v1/tracks/${track.id}/measure-schedule`;
    const empty = await directorAgent.get(url);
    expect(empty.statusCode).toBe(200);
    expect(empty.headers.etag).toBe('"0"');
    expect(empty.json()).toMatchObject({ trackId: track.id, rules: [], version: 0 });
    expect(empty.json().suggested.map((r: { instrument: string }) => r.instrument)).toEqual(['phq9', 'gad7']);

    const rules = [
      { instrument: 'phq9', timing: 'interval', everyDays: 7 },
      { instrument: 'gad7', timing: 'interval', everyDays: 7 },
      { instrument: 'audit', timing: 'admission' },
      { instrument: 'audit', timing: 'discharge' },
    ];
    expect((await directorAgent.put(url, { rules })).statusCode).toBe(428);
    expect((await clinicianAgent.put(url, { rules }, { 'if-match': '"0"' })).statusCode).toBe(403);
    const bad = await directorAgent.put(
      url,
      { rules: [{ instrument: 'gad7', timing: 'interval' }] },
      { 'if-match': '"0"' },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('rules.0.everyDays');
    const saved = await directorAgent.put(url, { rules }, { 'if-match': '"0"' });
    expect(saved.statusCode).toBe(200);
    expect(saved.headers.etag).toBe('"1"');
    expect(saved.json().rules).toEqual(rules);
    const stale = await directorAgent.put(url, { rules: rules.slice(0, 2) }, { 'if-match': '"0"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 1, rules });
    expect((await clinicianAgent.get(url)).json().version).toBe(1);
  });
});

describe('the due list', () => {
  it('lists the clinician’s own episodes: overdue first, then due, with the last date given', async () => {
    const response = await clinicianAgent.get('/api/v1/measures/due?mine=true');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ today: '2026-11-30', total: 5, overdue: 3 });
    expect(
      body.items.map((i: Record<string, unknown>) => [
        i.patientId,
        i.instrument,
        i.timing,
        i.status,
        i.dueDate,
        i.lastAdministeredOn,
      ]),
    ).toEqual([
      [b.patient.id, 'audit', 'admission', 'overdue', '2026-11-20', null],
      [b.patient.id, 'gad7', 'interval', 'overdue', '2026-11-27', null],
      [b.patient.id, 'phq9', 'interval', 'overdue', '2026-11-27', '2026-11-20'],
      [a.patient.id, 'gad7', 'interval', 'due', '2026-11-30', '2026-11-16'],
      [a.patient.id, 'phq9', 'interval', 'due', '2026-11-30', '2026-11-23'],
    ]);
    expect(body.items[0]).toMatchObject({
      episodeId: b.episode.id,
      patientName: b.patient.displayName,
      trackId: track.id,
      primaryClinicianId: clinician.id,
    });
    const audit = await auditEventsOf(database.db, org.organizationId, { action: 'measure.due.list' });
    expect(audit.at(-1)).toMatchObject({ actor_user_id: clinician.id });
    const listed = (audit.at(-1)?.details ?? {}) as { patientIds?: string[] };
    expect(new Set(listed.patientIds)).toEqual(new Set([a.patient.id, b.patient.id]));
  });

  it('shows a director the whole track, and drops a measure once it is given', async () => {
    const before = (await directorAgent.get(`/api/v1/measures/due?mine=false&trackId=${track.id}`)).json();
    // c was admitted today: all three due. e was admitted 2 Nov: PHQ-9 given today, GAD-7 due
    // for week 4, the admission AUDIT long overdue.
    expect(before.items.filter((i: { patientId: string }) => i.patientId === c.patient.id)).toHaveLength(3);
    expect(
      before.items
        .filter((i: { patientId: string }) => i.patientId === e.patient.id)
        .map((i: { instrument: string; status: string; occurrence: number }) => [
          i.instrument,
          i.status,
          i.occurrence,
        ]),
    ).toEqual([
      ['audit', 'overdue', 0],
      ['gad7', 'due', 4],
    ]);
    await give(c, 'gad7', 3, '2026-11-30');
    const after = (await directorAgent.get(`/api/v1/measures/due?mine=false&trackId=${track.id}`)).json();
    expect(after.total).toBe(before.total - 1);
    expect(
      after.items
        .filter((i: { patientId: string }) => i.patientId === c.patient.id)
        .map((i: { instrument: string }) => i.instrument),
    ).toEqual(['audit', 'phq9']);
    // A director who is nobody's primary clinician has nothing of their own.
    expect((await directorAgent.get('/api/v1/measures/due')).json()).toMatchObject({ items: [], total: 0 });
  });
});

describe('outcomes', () => {
  it('gives a patient’s series with bands, baseline, latest and the classified change', async () => {
    const response = await clinicianAgent.get(`/api/v1/patients/${a.patient.id}/outcomes?instrument=phq9`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.points.map((p: { total: number }) => p.total)).toEqual([18, 11]);
    expect(body.bands).toHaveLength(5);
    expect(body).toMatchObject({
      range: { min: 0, max: 27 },
      baseline: { total: 18, band: { code: 'moderately_severe' } },
      latest: { total: 11, band: { code: 'moderate' } },
      change: {
        baseline: 18,
        current: 11,
        difference: -7,
        reliableChange: 'reliable_improvement',
        response: false,
        remission: false,
      },
      changeNotApplicable: null,
    });
    expect(body.change.settingsUsed.reliableChange).toMatchObject({
      isDefault: true,
      value: { method: 'threshold', points: 6 },
    });
    const audit = await auditEventsOf(database.db, org.organizationId, {
      action: 'measure.outcome.read',
      patientId: a.patient.id,
    });
    expect(audit).toEqual([expect.objectContaining({ actor_user_id: clinician.id })]);
  });

  it('uses the organization’s reliable-change criterion once a director sets it', async () => {
    const url = '/api/v1/instrument-settings/gad7';
    const saved = await directorAgent.put(
      url,
      { reliableChange: { method: 'threshold', points: 6 } },
      { 'if-match': '"0"' },
    );
    expect(saved.statusCode).toBe(200);
    const badKey = await directorAgent.put(url, { scoreSettings: { bandSet: 'x' } }, { 'if-match': '"1"' });
    expect(badKey.statusCode).toBe(422);
    expect(badKey.json().errors[0].field).toBe('scoreSettings.bandSet');
    await give(a, 'gad7', 7, '2026-11-30');
    const outcome = (
      await clinicianAgent.get(`/api/v1/patients/${a.patient.id}/outcomes?instrument=gad7`)
    ).json();
    // 12 → 7 is a reliable improvement at the published 4 points, not at the program's 6.
    expect(outcome.change).toMatchObject({ difference: -5, reliableChange: 'no_reliable_change' });
    expect(outcome.change.settingsUsed.reliableChange).toMatchObject({ isDefault: false });
    const list = (await clinicianAgent.get('/api/v1/instrument-settings')).json();
    expect(list.items.find((i: { instrument: string }) => i.instrument === 'gad7')).toMatchObject({
      version: 1,
    });
  });

  it('summarizes the track’s active patients per classification', async () => {
    const response = await directorAgent.get(`/api/v1/tracks/${track.id}/outcomes?instrument=phq9`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      trackId: track.id,
      instrument: 'phq9',
      activePatients: 4,
      responders: 1,
      remitted: 1,
      counts: {
        reliable_improvement: 2,
        no_reliable_change: 0,
        reliable_deterioration: 0,
        single_score: 1,
        no_scores: 1,
        not_classified: 0,
      },
    });
    const byPatient = Object.fromEntries(
      body.patients.map((p: { patientId: string; classification: string; count: number }) => [
        p.patientId,
        [p.classification, p.count],
      ]),
    );
    expect(byPatient).toEqual({
      [a.patient.id]: ['reliable_improvement', 2],
      [b.patient.id]: ['single_score', 1],
      [c.patient.id]: ['no_scores', 0],
      [e.patient.id]: ['reliable_improvement', 3],
    });
    const ePatient = body.patients.find((p: { patientId: string }) => p.patientId === e.patient.id);
    expect(ePatient).toMatchObject({
      baseline: { total: 20 },
      latest: { total: 4 },
      response: true,
      remission: true,
    });
    const audit = await auditEventsOf(database.db, org.organizationId, { action: 'measure.outcome.track' });
    expect(audit.at(-1)?.details).toMatchObject({ instrument: 'phq9', count: 4 });
  });
});
