import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { SignedInContext } from '../../http/request-context.js';
import { enqueueMessage } from '../notifications/index.js';
import type { Directory, RosteredOccurrence } from './schedule-data.js';

const WEEKDAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue 10 Mar at 09:00": the location's clock. */
export function whenText(o: RosteredOccurrence['occurrence']): string {
  const t = o.localStart;
  return `${WEEKDAY[t.dayOfWeek - 1]} ${t.day} ${MONTH[t.month - 1]} at ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** Where, as a participant may read it: the location (and room), or online. No group title. */
export function whereText(o: RosteredOccurrence, directory: Directory): string {
  const location = directory.locations.get(o.row.location_id)?.name ?? 'the clinic';
  if (o.occurrence.venue.kind === 'virtual') return 'online';
  const venue = o.occurrence.venue;
  const room = directory.rooms.get(venue.roomId)?.name;
  return room ? `at ${location}, ${room}` : `at ${location}`;
}

/**
 * Tells the participants of a cancelled session, in the transaction that cancels it. Messages say
 * "group session", never the group's title: a title such as "Relapse prevention" is health
 * information on a lock screen.
 */
export async function notifyCancellation(
  db: Kysely<DB>,
  ctx: SignedInContext,
  o: RosteredOccurrence,
  directory: Directory,
): Promise<void> {
  for (const patientId of o.roster) {
    await enqueueMessage(db, ctx.now, {
      organizationId: ctx.actor.organizationId,
      idempotencyKey: `${o.occurrence.key}:${patientId}:cancelled`,
      kind: 'session_cancelled',
      patientId,
      subject: 'Group session cancelled',
      body: `Your group session on ${whenText(o.occurrence)} ${whereText(o, directory)} is cancelled. Your care team will tell you about the next one.`,
    });
  }
}
