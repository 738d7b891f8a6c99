import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { TestClock } from '../../test/clock.js';
import { openTestDatabase } from '../../test/database.js';
import { buildTestApp } from '../../test/http.js';
import {
  anAdmittedPatient,
  aSchedulingWorld,
  aSeriesVia,
  type SchedulingWorld,
} from '../../test/scheduling-fixtures.js';
import { transitionEpisode } from '../episodes/index.js';
import {
  type Channel,
  DevChannel,
  listDevMessages,
  listOutbox,
  type OutgoingMessage,
} from '../notifications/index.js';
import { JobRunner, listJobs, REMINDER_SCAN } from './index.js';

let database: Database;
let app: FastifyInstance;
let world: SchedulingWorld;
let patientIds: string[];
let episodeIds: string[];
let seriesId: string;
// Monday 2 March 2026, 09:00 in Chicago.
const clock = new TestClock(new Date('2026-03-02T15:00:00Z'));
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, clock);
  await app.ready();
  world = await aSchedulingWorld(database.db, app, clock);
  seriesId = (await aSeriesVia(world, { title: 'Relapse Prevention', kind: 'relapse_prevention' })).id;
  patientIds = [];
  episodeIds = [];
  for (const name of ['Avery', 'Jordan']) {
    const { patient, episode } = await anAdmittedPatient(database.db, world, { legalFirstName: name });
    expect((await world.agent.post(`/api/v1/episodes/${episode.id}/enrollment`, {})).statusCode).toBe(201);
    patientIds.push(patient.id);
    episodeIds.push(episode.id);
  }
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const devMessages = () => listDevMessages(database.db, world.org.organizationId);
const outbox = () => listOutbox(database.db, world.org.organizationId);

/** A provider that takes the message and then fails before Trellis hears back. */
class CrashAfterSend implements Channel {
  readonly name = 'crashing';
  constructor(private readonly inner: Channel) {}
  async send(message: OutgoingMessage, now: Date) {
    await this.inner.send(message, now);
    throw new Error('connection reset');
  }
}

describe('session reminders through the outbox', () => {
  it('queues one reminder per participant 24 h ahead, sends it, and a restarted runner sends nothing twice', async () => {
    // Tuesday 09:30 in Chicago: Wednesday's 09:00 session is within 24 hours, Thursday's is not.
    const first = new JobRunner(database.db, clock);
    const report = await first.runOnce(at('2026-03-03T15:30:00Z'));
    expect(report.jobs).toEqual([expect.objectContaining({ kind: REMINDER_SCAN, outcome: 'done' })]);
    expect(report.messages).toMatchObject({ sent: 2, retried: 0 });
    const sent = await devMessages();
    expect(sent.map((m) => m.idempotency_key).sort()).toEqual(
      patientIds.map((id) => `${seriesId}/2026-03-04:${id}:reminder_1440m`).sort(),
    );
    expect(sent[0]).toMatchObject({ channel: 'sms', subject: 'Session reminder' });
    expect(sent[0]?.body).toBe('Reminder: you have a group session on Wed 4 Mar at 09:00 at Main, Room B.');

    // A new process, the same database: the scan runs again, finds the same sessions, sends nothing new.
    const restarted = new JobRunner(database.db, clock);
    const again = await restarted.runOnce(at('2026-03-03T15:36:00Z'));
    expect(again.jobs.map((j) => j.kind)).toEqual([REMINDER_SCAN]);
    expect(again.messages.sent).toBe(0);
    expect(await devMessages()).toHaveLength(2);
    expect((await outbox()).map((m) => [m.status, m.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
    const scans = await listJobs(database.db, REMINDER_SCAN);
    expect(scans.filter((j) => j.status === 'pending')).toHaveLength(1);
  });

  it('lets two runners poll at once without sending a message twice', async () => {
    const one = new JobRunner(database.db, clock);
    const two = new JobRunner(database.db, clock);
    // Wednesday 09:30: Thursday's session is due for a reminder.
    const [a, b] = await Promise.all([
      one.runOnce(at('2026-03-04T15:30:00Z')),
      two.runOnce(at('2026-03-04T15:30:00Z')),
    ]);
    expect(a.messages.sent + b.messages.sent).toBe(2);
    expect(await devMessages()).toHaveLength(4);
    expect(new Set((await devMessages()).map((m) => m.idempotency_key)).size).toBe(4);
  });

  it('retries a send that failed after the provider took it, and records it once', async () => {
    const dev = new DevChannel(database.db);
    const crashing = new JobRunner(database.db, clock, { channel: new CrashAfterSend(dev) });
    // Sunday 8 March, 10:00 (after the clocks changed): Monday's session is within 24 hours.
    const report = await crashing.runOnce(at('2026-03-08T15:00:00Z'));
    expect(report.messages).toMatchObject({ sent: 0, retried: 2 });
    const pending = (await outbox()).filter((m) => m.status === 'pending');
    expect(pending).toHaveLength(2);
    expect(pending[0]).toMatchObject({ attempts: 1, last_error: 'Error' });
    expect(pending[0]?.next_attempt_at.toISOString()).toBe('2026-03-08T15:01:00.000Z');

    const healthy = new JobRunner(database.db, clock);
    expect((await healthy.runOnce(at('2026-03-08T15:00:30Z'))).messages.sent).toBe(0);
    expect((await healthy.runOnce(at('2026-03-08T15:02:00Z'))).messages.sent).toBe(2);
    const monday = (await devMessages()).filter((m) => m.idempotency_key.includes('/2026-03-09:'));
    expect(monday).toHaveLength(2);
    expect(monday[0]?.body).toContain('Mon 9 Mar at 09:00');
    expect((await outbox()).filter((m) => m.status !== 'sent')).toEqual([]);
  });

  it('writes a cancellation notice in the transaction that cancels the session, and none when it fails', async () => {
    const stale = await world.agent.patch(
      `/api/v1/series/${seriesId}`,
      { scope: 'occurrence', date: '2026-03-16', change: { kind: 'cancel', reason: 'Holiday' } },
      { 'if-match': '"9"' },
    );
    expect(stale.statusCode).toBe(409);
    expect((await outbox()).filter((m) => m.kind === 'session_cancelled')).toEqual([]);
    const cancelled = await world.agent.patch(
      `/api/v1/series/${seriesId}`,
      { scope: 'occurrence', date: '2026-03-16', change: { kind: 'cancel', reason: 'Holiday' } },
      { 'if-match': '"1"' },
    );
    expect(cancelled.statusCode).toBe(200);
    const notices = (await outbox()).filter((m) => m.kind === 'session_cancelled');
    expect(notices.map((m) => m.patient_id).sort()).toEqual([...patientIds].sort());
    expect(notices[0]?.body).toMatch(
      /^Your group session on Mon 16 Mar at 09:00 at Main, Room B is cancelled\./,
    );
    expect(notices[0]?.body).not.toMatch(/Relapse|Holiday/);
  });

  it('reminds no one whose episode is on hold', async () => {
    await database.db.transaction().execute((trx) =>
      transitionEpisode(trx, world.ctx, episodeIds[1] as string, undefined, {
        to: 'on_hold',
        reason: 'Medical leave',
      }),
    );
    // Wednesday 18 March, 09:30: Thursday's session is due for a reminder.
    const report = await new JobRunner(database.db, clock).runOnce(at('2026-03-18T14:30:00Z'));
    // The two cancellation notices queued above go too; of the reminders, only Avery's.
    expect(report.messages.sent).toBe(3);
    const thursday = (await devMessages()).filter((m) => m.idempotency_key.includes('/2026-03-19:'));
    expect(thursday.map((m) => m.idempotency_key)).toEqual([
      `${seriesId}/2026-03-19:${patientIds[0]}:reminder_1440m`,
    ]);
  });

  it('retries a failing job later and stops after its last attempt', async () => {
    let calls = 0;
    const runner = new JobRunner(database.db, clock, {
      handlers: {
        [REMINDER_SCAN]: async () => {
          calls += 1;
          throw new Error('scan broke');
        },
      },
    });
    const report = await runner.runOnce(at('2026-03-20T15:00:00Z'));
    expect(report.jobs).toEqual([expect.objectContaining({ kind: REMINDER_SCAN, outcome: 'retry' })]);
    const [job] = (await listJobs(database.db, REMINDER_SCAN)).filter((j) => j.status === 'pending');
    expect(job).toMatchObject({ attempts: 1, last_error: 'scan broke' });
    expect(job?.run_at.toISOString()).toBe('2026-03-20T15:02:00.000Z');
    expect((await runner.runOnce(at('2026-03-20T15:01:00Z'))).jobs).toEqual([]);
    expect(calls).toBe(1);
  });

  it('starts and stops cleanly', async () => {
    const runner = new JobRunner(database.db, clock, { pollMs: 10 });
    runner.start();
    await runner.stop();
    const again = new JobRunner(database.db, clock);
    await expect(again.stop()).resolves.toBeUndefined();
  });
});
