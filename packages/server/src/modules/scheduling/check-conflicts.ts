import { type Booking, type Conflict, DomainError, findConflicts, type Names } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { readPatient } from '../patients/index.js';
import type { Directory } from './schedule-data.js';

export interface Candidate {
  booking: Booking;
  /** Which kinds of clash this change can cause (a substitution cannot overfill a room). */
  kinds?: readonly Conflict['kind'][];
  /** Only clashes of these people count (the substitute, the participant enrolled). */
  resourceIds?: readonly string[];
}

/**
 * Checks each candidate booking against the existing ones (domain: findConflicts) and refuses the
 * change with 409 naming every clash. Names are read only when there is something to say.
 */
export async function assertNoConflicts(
  db: Kysely<DB>,
  organizationId: string,
  directory: Directory,
  timeZone: string,
  candidates: readonly Candidate[],
  existing: readonly Booking[],
): Promise<void> {
  const found = collect(candidates, existing, { timeZone });
  if (found.length === 0) return;
  const names: Names = {
    clinicians: Object.fromEntries([...directory.staff.values()].map((u) => [u.id, u.displayName])),
    rooms: Object.fromEntries([...directory.rooms.values()].map((r) => [r.id, r.name])),
    participants: await participantNames(
      db,
      organizationId,
      found.filter((c) => c.kind === 'participant').map((c) => c.resourceId),
    ),
  };
  const conflicts = collect(candidates, existing, { timeZone, names });
  const messages = [...new Set(conflicts.map((c) => c.message))];
  throw new DomainError(
    'conflict',
    `${messages.join(' ')} Nothing was saved; choose another time, room or person.`,
    messages.map((message) => ({ field: 'schedule', message })),
    {
      conflicts: conflicts.map((c) => ({
        kind: c.kind,
        resourceId: c.resourceId,
        withBookingIds: c.withBookingIds,
        message: c.message,
      })),
    },
  );
}

function collect(
  candidates: readonly Candidate[],
  existing: readonly Booking[],
  context: Parameters<typeof findConflicts>[2],
): Conflict[] {
  const out: Conflict[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    for (const conflict of findConflicts(candidate.booking, existing, context)) {
      if (candidate.kinds && !candidate.kinds.includes(conflict.kind)) continue;
      if (
        candidate.resourceIds &&
        conflict.kind !== 'room_capacity' &&
        !candidate.resourceIds.includes(conflict.resourceId)
      )
        continue;
      const key = `${conflict.kind}|${conflict.resourceId}|${conflict.withBookingIds.join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(conflict);
    }
  }
  return out;
}

async function participantNames(db: Kysely<DB>, organizationId: string, ids: string[]) {
  const names: Record<string, string> = {};
  for (const id of new Set(ids)) {
    const patient = await readPatient(db, organizationId, id).catch(() => null);
    if (patient) names[id] = patient.displayName;
  }
  return names;
}
