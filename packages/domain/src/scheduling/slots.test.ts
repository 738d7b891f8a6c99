import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { fieldsOf, range } from './fixtures.js';
import { proposeSlots, type SlotRequest } from './slots.js';

const zone = 'America/New_York';
const ms = (local: string) => Temporal.PlainDateTime.from(local).toZonedDateTime(zone).epochMilliseconds;
const busy = (from: string, to: string) => ({ startEpochMs: ms(from), endEpochMs: ms(to) });

// Dr Lee sees individuals Monday and Tuesday 09:00–12:00, Thursday 13:00–17:00.
const base: SlotRequest = {
  timeZone: zone,
  range: range('2026-03-09', '2026-03-13'),
  durationMinutes: 60,
  stepMinutes: 30,
  clinicianWorkingHours: {
    1: [{ start: '09:00', end: '12:00' }],
    2: [{ start: '09:00', end: '12:00' }],
    4: [{ start: '13:00', end: '17:00' }],
  },
  busy: {},
  limit: 3,
};

const starts = (request: SlotRequest) =>
  proposeSlots(request).map((s) => s.localStart.toString().slice(0, 16));

describe('proposing slots', () => {
  it('offers the earliest starts inside working hours, on the step grid', () => {
    expect(starts(base)).toEqual(['2026-03-09T09:00', '2026-03-09T09:30', '2026-03-09T10:00']);
    const [first] = proposeSlots(base);
    expect(first).toMatchObject({ startUtc: '2026-03-09T13:00:00.000Z', endEpochMs: ms('2026-03-09T10:00') });
    expect(first?.localEnd.toString()).toBe('2026-03-09T10:00:00');
  });

  it("avoids the clinician's, the room's and the participant's busy times; touching is fine", () => {
    const request: SlotRequest = {
      ...base,
      busy: {
        clinician: [busy('2026-03-09T09:00', '2026-03-09T10:00')],
        room: [busy('2026-03-09T10:30', '2026-03-09T11:00')],
        participant: [busy('2026-03-10T08:00', '2026-03-10T10:00')],
      },
    };
    expect(starts(request)).toEqual(['2026-03-09T11:00', '2026-03-10T10:00', '2026-03-10T10:30']);
  });

  it("fits inside the participant's availability", () => {
    const request: SlotRequest = {
      ...base,
      participantAvailability: {
        2: [{ start: '11:00', end: '20:00' }],
        4: [{ start: '16:00', end: '18:00' }],
      },
      limit: 10,
    };
    expect(starts(request)).toEqual(['2026-03-10T11:00', '2026-03-12T16:00']);
  });

  it('proposes nothing before the current time, and at most `limit` slots', () => {
    const request = { ...base, notBeforeEpochMs: ms('2026-03-10T10:15'), limit: 2 };
    expect(starts(request)).toEqual(['2026-03-10T10:30', '2026-03-10T11:00']);
    expect(proposeSlots({ ...base, limit: 100 })).toHaveLength(5 + 5 + 7);
  });

  it('aligns starts to the grid when a window starts off it', () => {
    const request: SlotRequest = {
      ...base,
      clinicianWorkingHours: { 1: [{ start: '09:10', end: '11:00' }] },
    };
    expect(starts(request)).toEqual(['2026-03-09T09:30', '2026-03-09T10:00']);
  });

  it('never proposes a local time that does not exist (spring-forward gap)', () => {
    const request: SlotRequest = {
      ...base,
      range: range('2026-03-08', '2026-03-08'),
      durationMinutes: 30,
      clinicianWorkingHours: { 7: [{ start: '01:00', end: '04:00' }] },
      limit: 10,
    };
    expect(starts(request)).toEqual([
      '2026-03-08T01:00',
      '2026-03-08T01:30',
      '2026-03-08T03:00',
      '2026-03-08T03:30',
    ]);
  });

  it('names the field of a malformed request', () => {
    expect(fieldsOf(() => proposeSlots({ ...base, durationMinutes: 0 }))).toEqual(['durationMinutes']);
    expect(
      fieldsOf(() =>
        proposeSlots({ ...base, clinicianWorkingHours: { 1: [{ start: '12:00', end: '09:00' }] } }),
      ),
    ).toEqual(['clinicianWorkingHours.1.0']);
    expect(fieldsOf(() => proposeSlots({ ...base, range: range('2026-03-13', '2026-03-09') }))).toEqual([
      'range.to',
    ]);
  });
});
