import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { type Booking, bookingFromOccurrence, findAllConflicts, findConflicts } from './conflicts.js';
import { expandSeries } from './expand.js';
import { aSeries, ids, range } from './fixtures.js';

const zone = 'America/New_York';
const ms = (local: string) => Temporal.PlainDateTime.from(local).toZonedDateTime(zone).epochMilliseconds;

function booking(id: string, label: string, from: string, to: string, extra: Partial<Booking> = {}): Booking {
  return {
    id,
    label,
    startEpochMs: ms(from),
    endEpochMs: ms(to),
    clinicianIds: [],
    room: null,
    participantIds: [],
    ...extra,
  };
}

const context = {
  timeZone: zone,
  names: {
    clinicians: { [ids.drLee]: 'Dr Lee', [ids.drPatel]: 'Dr Patel' },
    rooms: { [ids.roomB]: 'Room B', [ids.roomA]: 'Room A' },
    participants: { [ids.alex]: 'Alex Kim' },
  },
};

const roomB = (headcount: number) => ({ id: ids.roomB, capacity: 12, headcount });

describe('conflicts for a candidate booking', () => {
  const dbt = booking('dbt', 'DBT Skills', '2026-03-10T10:00', '2026-03-10T12:00', {
    clinicianIds: [ids.drLee],
    room: roomB(8),
    participantIds: [ids.alex],
  });

  it('finds a double-booked clinician, with a message naming the group, time and room', () => {
    const individual = booking('ind', 'Individual session', '2026-03-10T11:00', '2026-03-10T12:00', {
      clinicianIds: [ids.drLee],
    });
    expect(findConflicts(individual, [dbt], context)).toEqual([
      {
        kind: 'clinician',
        resourceId: ids.drLee,
        withBookingIds: ['dbt'],
        message: 'Dr Lee is facilitating DBT Skills 10:00–12:00 in Room B.',
      },
    ]);
  });

  it('finds a double-booked participant', () => {
    const family = booking('fam', 'Family session', '2026-03-10T09:30', '2026-03-10T10:30', {
      participantIds: [ids.alex],
      clinicianIds: [ids.drPatel],
    });
    expect(findConflicts(family, [dbt], context).map((c) => c.message)).toEqual([
      'Alex Kim is already booked for DBT Skills 10:00–12:00 in Room B.',
    ]);
  });

  it('does not count intervals that only touch (end == start)', () => {
    const before = booking('b', 'Process Group', '2026-03-10T08:00', '2026-03-10T10:00', {
      clinicianIds: [ids.drLee],
      room: roomB(12),
      participantIds: [ids.alex],
    });
    const after = booking('a', 'Process Group', '2026-03-10T12:00', '2026-03-10T13:00', {
      clinicianIds: [ids.drLee],
      room: roomB(12),
      participantIds: [ids.alex],
    });
    expect(findConflicts(before, [dbt], context)).toEqual([]);
    expect(findConflicts(after, [dbt], context)).toEqual([]);
  });

  it('allows sharing a room up to its capacity and names the load beyond it', () => {
    const fits = booking('fits', 'Check-in', '2026-03-10T11:00', '2026-03-10T11:30', { room: roomB(4) });
    expect(findConflicts(fits, [dbt], context)).toEqual([]);
    const tooMany = booking('many', 'Check-in', '2026-03-10T11:00', '2026-03-10T11:30', { room: roomB(6) });
    const [conflict] = findConflicts(tooMany, [dbt], context);
    expect(conflict).toMatchObject({ kind: 'room_capacity', resourceId: ids.roomB, withBookingIds: ['dbt'] });
    expect(conflict?.message).toBe(
      'Room B holds 12 people and already has 8 at that time: DBT Skills 10:00–12:00 (8). Adding 6 makes 14; choose another room or time.',
    );
  });

  it('measures the room at its fullest moment, not the sum of everything overlapping', () => {
    const morning = booking('m', 'Life Skills', '2026-03-10T09:00', '2026-03-10T10:00', { room: roomB(8) });
    const late = booking('l', 'Life Skills', '2026-03-10T10:00', '2026-03-10T11:00', { room: roomB(8) });
    const spanning = booking('s', 'Orientation', '2026-03-10T09:30', '2026-03-10T10:30', { room: roomB(4) });
    expect(findConflicts(spanning, [morning, late], context)).toEqual([]);
    const bigger = { ...spanning, room: roomB(5) };
    expect(findConflicts(bigger, [morning, late], context).map((c) => c.withBookingIds)).toEqual([['m']]);
  });

  it('flags a booking that alone overfills its room', () => {
    const huge = booking('h', 'Family Group', '2026-03-10T18:00', '2026-03-10T20:00', { room: roomB(15) });
    expect(findConflicts(huge, [], context)[0]?.message).toBe(
      'Room B holds 12 people; this booking brings 15. Choose a larger room.',
    );
  });

  it('skips the booking being edited and dates a clash on another day', () => {
    expect(findConflicts(dbt, [dbt], context)).toEqual([]);
    const overnight = booking('o', 'Crisis cover', '2026-03-09T22:00', '2026-03-10T10:30', {
      clinicianIds: [ids.drLee],
    });
    expect(findConflicts(dbt, [overnight], context)[0]?.message).toBe(
      'Dr Lee is facilitating Crisis cover Mon 9 Mar 22:00–10:30 online.',
    );
  });

  it('turns an occurrence into a booking with its roster', () => {
    const [occurrence] = expandSeries(aSeries(), [], [], range('2026-03-02', '2026-03-02'));
    if (!occurrence) throw new Error('expected an occurrence');
    const b = bookingFromOccurrence(occurrence, { participantIds: [ids.alex, ids.sam], roomCapacity: 12 });
    expect(b).toMatchObject({
      id: occurrence.key,
      label: 'DBT Skills',
      clinicianIds: [ids.drLee],
      room: { id: ids.roomB, capacity: 12, headcount: 3 },
      participantIds: [ids.alex, ids.sam],
    });
  });
});

describe('conflicts across a week of bookings', () => {
  /** A busy synthetic week: 500 bookings over 5 days, 30 clinicians, 8 rooms, 150 participants. */
  function aWeek(): Booking[] {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const monday = ms('2026-03-09T08:00');
    return Array.from({ length: 500 }, (_, i) => {
      const start = monday + next(5) * 86_400_000 + next(20) * 30 * 60_000;
      return {
        id: `b${i}`,
        label: `Session ${i}`,
        startEpochMs: start,
        endEpochMs: start + (1 + next(4)) * 30 * 60_000,
        clinicianIds: [`c${next(30)}`],
        room: next(3) === 0 ? null : { id: `r${next(8)}`, capacity: 12, headcount: 1 + next(8) },
        participantIds: [`p${next(150)}`, `p${next(150)}`],
      };
    });
  }

  it('finds exactly the clinician and participant clashes a pairwise check finds', () => {
    const week = aWeek();
    const swept = findAllConflicts(week, { timeZone: zone })
      .filter((f) => f.conflict.kind !== 'room_capacity')
      .map(
        (f) =>
          `${f.conflict.kind}:${f.conflict.resourceId}:${[f.bookingId, ...f.conflict.withBookingIds].sort().join('+')}`,
      )
      .sort();
    const pairwise: string[] = [];
    for (let i = 0; i < week.length; i++) {
      for (let j = i + 1; j < week.length; j++) {
        const a = week[i] as Booking;
        const b = week[j] as Booking;
        if (!(a.startEpochMs < b.endEpochMs && b.startEpochMs < a.endEpochMs)) continue;
        const pair = [a.id, b.id].sort().join('+');
        for (const c of a.clinicianIds)
          if (b.clinicianIds.includes(c)) pairwise.push(`clinician:${c}:${pair}`);
        for (const p of new Set(a.participantIds))
          if (b.participantIds.includes(p)) pairwise.push(`participant:${p}:${pair}`);
      }
    }
    expect(pairwise.length).toBeGreaterThan(100);
    expect(swept).toEqual(pairwise.sort());
  });

  it('reports a room over capacity once, on the booking that fills it', () => {
    const a = booking('a', 'A', '2026-03-10T09:00', '2026-03-10T11:00', { room: roomB(8) });
    const b = booking('b', 'B', '2026-03-10T10:00', '2026-03-10T12:00', { room: roomB(8) });
    const c = booking('c', 'C', '2026-03-10T11:00', '2026-03-10T12:00', { room: roomB(4) });
    const found = findAllConflicts([c, b, a], context);
    expect(found.map((f) => [f.bookingId, f.conflict.withBookingIds])).toEqual([['b', ['a']]]);
  });
});
