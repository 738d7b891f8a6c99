import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { activePatients } from '../episodes/index.js';
import { enqueueMessages, type MessageToPatient } from '../notifications/index.js';
import { listOrganizations } from '../organizations/index.js';
import { whenText, whereText } from './notify-participants.js';
import { localOf } from './plan-intensity.js';
import { listAppointments } from './repo.js';
import { loadDirectory, loadTimeline, todayAt, zoneOf } from './schedule-data.js';

export interface ReminderOptions {
  /** How long before a session its reminder goes out; default 24 hours. */
  leadMinutes?: number;
}

export const DEFAULT_REMINDER_LEAD_MINUTES = 24 * 60;

/**
 * Queues a reminder for every participant of every session that starts within the lead time
 * (and has not started). Run often (the job runner runs it every few minutes): the idempotency
 * key (occurrence key + participant + kind) makes every run after the first a no-op for a session.
 * A handful of statements per location whatever the number of participants: who is active is
 * asked once for all of them, and the reminders go in as one batch (keys already queued skipped).
 */
export async function scheduleSessionReminders(
  db: Kysely<DB>,
  now: Date,
  options: ReminderOptions = {},
): Promise<{ queued: number }> {
  const lead = options.leadMinutes ?? DEFAULT_REMINDER_LEAD_MINUTES;
  const kind = `reminder_${lead}m`;
  const until = now.getTime() + lead * 60_000;
  let queued = 0;
  for (const organization of await listOrganizations(db)) {
    const orgId = organization.id;
    const directory = await loadDirectory(db, orgId);
    for (const location of directory.locations.values()) {
      const from = todayAt(location.timeZone, now).subtract({ days: 1 });
      const to = todayAt(location.timeZone, new Date(until)).add({ days: 1 });
      const timeline = await loadTimeline(
        db,
        orgId,
        directory,
        { from: from.toString(), to: to.toString() },
        { locationIds: [location.id] },
      );
      const upcoming = timeline.occurrences.filter((o) => {
        const start = o.occurrence.startEpochMs;
        return o.occurrence.status !== 'cancelled' && start > now.getTime() && start <= until;
      });
      await db.transaction().execute(async (trx) => {
        // Only participants whose episode is active now: an enrollment outlives a discharge or a
        // hold until it is ended, and no one on hold or discharged should be reminded.
        const active = await activePatients(trx, orgId, [...new Set(upcoming.flatMap((o) => o.roster))]);
        const messages: MessageToPatient[] = [];
        for (const o of upcoming) {
          for (const patientId of o.roster) {
            if (!active.has(patientId)) continue;
            messages.push({
              organizationId: orgId,
              idempotencyKey: `${o.occurrence.key}:${patientId}:${kind}`,
              kind,
              patientId,
              subject: 'Session reminder',
              body: `Reminder: you have a group session on ${whenText(o.occurrence)} ${whereText(o, directory)}.`,
            });
          }
        }
        queued += await enqueueMessages(trx, now, messages);
      });
    }
    const appointments = await listAppointments(db, orgId, { from: now, to: new Date(until) });
    await db.transaction().execute(async (trx) => {
      const messages: MessageToPatient[] = [];
      for (const a of appointments) {
        if (a.status !== 'scheduled' || a.starts_at.getTime() <= now.getTime()) continue;
        const zone = zoneOf(directory, a.location_id);
        const local = localOf(a.starts_at, zone);
        const at = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
        const where = a.room_id
          ? `at ${directory.locations.get(a.location_id)?.name ?? 'the clinic'}`
          : 'online';
        for (const patientId of a.participant_ids) {
          messages.push({
            organizationId: orgId,
            idempotencyKey: `${a.id}:${patientId}:${kind}`,
            kind,
            patientId,
            subject: 'Appointment reminder',
            body: `Reminder: you have an appointment on ${local.toPlainDate().toString()} at ${at} ${where}.`,
          });
        }
      }
      queued += await enqueueMessages(trx, now, messages);
    });
  }
  return { queued };
}
