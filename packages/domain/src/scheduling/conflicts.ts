import { Temporal } from 'temporal-polyfill';
import type { Occurrence } from './expand.js';

/**
 * Double-booking checks. A booking is any time a clinician, a room or a participant is taken:
 * a group occurrence, an individual or family session, an assessment. Intervals are half-open
 * [start, end), so a session ending at 10:00 and one starting at 10:00 do not conflict.
 */

export interface BookingRoom {
  id: string;
  /** How many people the room holds. */
  capacity: number;
  /** How many people this booking brings into it (participants and staff). */
  headcount: number;
}

export interface Booking {
  id: string;
  /** What people call it: "DBT Skills", "Individual session". */
  label: string;
  startEpochMs: number;
  endEpochMs: number;
  clinicianIds: readonly string[];
  /** Null for a virtual session. */
  room: BookingRoom | null;
  participantIds: readonly string[];
}

/** Display names by id, so messages name people and rooms. Unknown ids read as "A clinician" etc. */
export interface Names {
  clinicians?: Readonly<Record<string, string>>;
  rooms?: Readonly<Record<string, string>>;
  participants?: Readonly<Record<string, string>>;
}

export interface ConflictContext {
  /** The location's zone: messages give times as its clocks show them. */
  timeZone: string;
  names?: Names;
}

export type ConflictKind = 'clinician' | 'room_capacity' | 'participant';

export interface Conflict {
  kind: ConflictKind;
  /** The clinician, room or participant that is double-booked. */
  resourceId: string;
  /** The existing bookings it collides with (empty when the booking alone overfills its room). */
  withBookingIds: string[];
  message: string;
}

const overlaps = (a: Booking, b: Booking) => a.startEpochMs < b.endEpochMs && b.startEpochMs < a.endEpochMs;

/**
 * What stands in the way of `candidate` among `existing` bookings: one pass to find those that
 * overlap it, then a sweep over the room's bookings for the peak headcount. A booking with the
 * candidate's own id (the one being edited) is skipped.
 */
export function findConflicts(
  candidate: Booking,
  existing: readonly Booking[],
  context: ConflictContext,
): Conflict[] {
  const text = new Wording(context).about(candidate);
  const overlapping = existing
    .filter((b) => b.id !== candidate.id && overlaps(b, candidate))
    .sort((a, b) => a.startEpochMs - b.startEpochMs);
  const conflicts: Conflict[] = [];
  for (const other of overlapping) conflicts.push(...personConflicts(candidate, other, text));
  if (candidate.room) {
    const room = candidate.room;
    const sameRoom = overlapping.filter((b) => b.room?.id === room.id);
    const peak = peakLoad(candidate, sameRoom);
    if (peak.load + room.headcount > room.capacity) conflicts.push(roomConflict(room, peak.bookings, text));
  }
  return conflicts;
}

/**
 * Every conflict within a set of bookings (a week's calendar), in O(n log n + n·k) for k bookings
 * at once: sort by start and sweep, keeping only the bookings still running. Each conflict is
 * reported once, on the booking that starts later.
 */
export function findAllConflicts(
  bookings: readonly Booking[],
  context: ConflictContext,
): { bookingId: string; conflict: Conflict }[] {
  const sorted = [...bookings].sort((a, b) => a.startEpochMs - b.startEpochMs || a.endEpochMs - b.endEpochMs);
  const found: { bookingId: string; conflict: Conflict }[] = [];
  let running: Booking[] = [];
  const wording = new Wording(context);
  for (const booking of sorted) {
    running = running.filter((b) => b.endEpochMs > booking.startEpochMs);
    const text = wording.about(booking);
    for (const other of running) {
      if (other.id === booking.id) continue;
      for (const conflict of personConflicts(booking, other, text))
        found.push({ bookingId: booking.id, conflict });
    }
    // A room's load only rises when a booking starts, so checking it at each start finds every peak.
    const room = booking.room;
    if (room) {
      const there = running.filter((b) => b.room?.id === room.id);
      const load = there.reduce((sum, b) => sum + (b.room?.headcount ?? 0), 0);
      if (load + room.headcount > room.capacity) {
        found.push({ bookingId: booking.id, conflict: roomConflict(room, there, text) });
      }
    }
    running.push(booking);
  }
  return found;
}

/** A group occurrence as a booking; attendees and headcount come from the roster. */
export function bookingFromOccurrence(
  occurrence: Occurrence,
  roster: { participantIds: readonly string[]; roomCapacity?: number; headcount?: number },
): Booking {
  const headcount = roster.headcount ?? roster.participantIds.length + occurrence.facilitatorIds.length;
  return {
    id: occurrence.key,
    label: occurrence.title,
    startEpochMs: occurrence.startEpochMs,
    endEpochMs: occurrence.endEpochMs,
    clinicianIds: occurrence.facilitatorIds,
    room:
      occurrence.venue.kind === 'room'
        ? {
            id: occurrence.venue.roomId,
            capacity: roster.roomCapacity ?? Number.POSITIVE_INFINITY,
            headcount,
          }
        : null,
    participantIds: roster.participantIds,
  };
}

function personConflicts(candidate: Booking, other: Booking, text: Wording): Conflict[] {
  const conflicts: Conflict[] = [];
  for (const id of new Set(candidate.clinicianIds)) {
    if (!other.clinicianIds.includes(id)) continue;
    conflicts.push({
      kind: 'clinician',
      resourceId: id,
      withBookingIds: [other.id],
      message: `${text.clinician(id)} is facilitating ${text.booking(other)}.`,
    });
  }
  for (const id of new Set(candidate.participantIds)) {
    if (!other.participantIds.includes(id)) continue;
    conflicts.push({
      kind: 'participant',
      resourceId: id,
      withBookingIds: [other.id],
      message: `${text.participant(id)} is already booked for ${text.booking(other)}.`,
    });
  }
  return conflicts;
}

/** The most people the other bookings put in the room at any moment of the candidate's interval. */
function peakLoad(candidate: Booking, sameRoom: readonly Booking[]): { load: number; bookings: Booking[] } {
  const events: { at: number; delta: number; booking: Booking }[] = [];
  for (const b of sameRoom) {
    const headcount = b.room?.headcount ?? 0;
    events.push({ at: Math.max(b.startEpochMs, candidate.startEpochMs), delta: headcount, booking: b });
    events.push({ at: Math.min(b.endEpochMs, candidate.endEpochMs), delta: -headcount, booking: b });
  }
  // Ends before starts at the same instant: touching bookings never share the room.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  const present = new Set<Booking>();
  let load = 0;
  let best = { load: 0, bookings: [] as Booking[] };
  for (const event of events) {
    load += event.delta;
    if (event.delta > 0) present.add(event.booking);
    else present.delete(event.booking);
    if (load > best.load) best = { load, bookings: [...present] };
  }
  return best;
}

function roomConflict(room: BookingRoom, others: readonly Booking[], text: Wording): Conflict {
  const name = text.room(room.id);
  if (others.length === 0) {
    return {
      kind: 'room_capacity',
      resourceId: room.id,
      withBookingIds: [],
      message: `${name} holds ${room.capacity} people; this booking brings ${room.headcount}. Choose a larger room.`,
    };
  }
  const already = others.reduce((sum, b) => sum + (b.room?.headcount ?? 0), 0);
  const list = others.map((b) => `${b.label} ${text.when(b)} (${b.room?.headcount ?? 0})`).join(', ');
  return {
    kind: 'room_capacity',
    resourceId: room.id,
    withBookingIds: others.map((b) => b.id),
    message: `${name} holds ${room.capacity} people and already has ${already} at that time: ${list}. Adding ${room.headcount} makes ${already + room.headcount}; choose another room or time.`,
  };
}

const WEEKDAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Builds the words of messages: names from the caller, times on the location's clocks. Local times
 * are memoized per instant, since a week's bookings share a few dozen start and end times.
 */
class Wording {
  private readonly names: Names;
  private readonly clock = new Map<number, LocalClock>();
  private referenceMs = 0;

  constructor(private readonly context: ConflictContext) {
    this.names = context.names ?? {};
  }

  /** Times on the same local day as this booking's start are given without their date. */
  about(reference: Booking): this {
    this.referenceMs = reference.startEpochMs;
    return this;
  }

  clinician(id: string): string {
    return this.names.clinicians?.[id] ?? 'A clinician';
  }

  participant(id: string): string {
    return this.names.participants?.[id] ?? 'A participant';
  }

  room(id: string): string {
    return this.names.rooms?.[id] ?? 'The room';
  }

  /** "DBT Skills 10:00–12:00 in Room B", with the date when it is not the reference day. */
  booking(b: Booking): string {
    const where = b.room ? `in ${this.room(b.room.id)}` : 'online';
    return `${b.label} ${this.when(b)} ${where}`;
  }

  when(b: Booking): string {
    const start = this.local(b.startEpochMs);
    const end = this.local(b.endEpochMs);
    const prefix = start.day === this.local(this.referenceMs).day ? '' : `${start.dayLabel} `;
    return `${prefix}${start.time}–${end.time}`;
  }

  private local(epochMs: number): LocalClock {
    let local = this.clock.get(epochMs);
    if (!local) {
      const t = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(this.context.timeZone);
      local = {
        day: t.toPlainDate().toString(),
        dayLabel: `${WEEKDAY[t.dayOfWeek - 1]} ${t.day} ${MONTH[t.month - 1]}`,
        time: `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`,
      };
      this.clock.set(epochMs, local);
    }
    return local;
  }
}

interface LocalClock {
  day: string;
  dayLabel: string;
  time: string;
}
