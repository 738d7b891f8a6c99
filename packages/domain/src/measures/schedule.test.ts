import { describe, expect, it } from 'vitest';
import type { InstrumentCode } from '../instruments/types.js';
import { localDate } from '../patients/dates.js';
import { calendarDaysBetween, zonedDate } from './calendar.js';
import {
  checkSchedule,
  type DueInput,
  dueMeasures,
  type EpisodeForSchedule,
  type MeasureScheduleRule,
  suggestedSchedule,
} from './schedule.js';

const CHICAGO = 'America/Chicago';
const weekly: MeasureScheduleRule[] = [
  { instrument: 'phq9', timing: 'interval', everyDays: 7 },
  { instrument: 'gad7', timing: 'interval', everyDays: 7 },
];
const bookends: MeasureScheduleRule[] = [
  { instrument: 'audit', timing: 'admission' },
  { instrument: 'audit', timing: 'discharge' },
];
// Admitted Monday 2 November 2026.
const active: EpisodeForSchedule = { admissionDate: '2026-11-02', dischargeDate: null, status: 'active' };

/** Noon in Chicago on a local day (UTC−6 in November). */
const noon = (day: string) => new Date(`${day}T18:00:00Z`);

function due(overrides: Partial<DueInput> & { last?: Partial<Record<InstrumentCode, Date>> } = {}) {
  const { last, ...rest } = overrides;
  return dueMeasures({
    episode: active,
    schedule: weekly,
    lastAdministered: last ?? {},
    now: noon('2026-11-02'),
    timeZone: CHICAGO,
    ...rest,
  });
}

describe('weekly measures', () => {
  it('are due on the admission day when nothing has been given', () => {
    expect(due()).toEqual([
      expect.objectContaining({ instrument: 'gad7', status: 'due', dueDate: '2026-11-02', occurrence: 0 }),
      expect.objectContaining({
        instrument: 'phq9',
        status: 'due',
        dueDate: '2026-11-02',
        dueUntil: '2026-11-04',
      }),
    ]);
  });

  it('count an intake score up to 14 days before admission for week 0, not one from 15 days before', () => {
    expect(
      due({ last: { phq9: noon('2026-10-19'), gad7: noon('2026-10-18') } }).map((d) => d.instrument),
    ).toEqual(['gad7']);
  });

  it('turn overdue after the grace days and stay on the list until the next week starts', () => {
    const last = { phq9: noon('2026-11-02'), gad7: noon('2026-11-02') };
    expect(due({ last, now: noon('2026-11-08') })).toEqual([]);
    expect(due({ last, now: noon('2026-11-09') }).map((d) => [d.instrument, d.status, d.occurrence])).toEqual(
      [
        ['gad7', 'due', 1],
        ['phq9', 'due', 1],
      ],
    );
    expect(due({ last, now: noon('2026-11-11') })[0]?.status).toBe('due');
    expect(due({ last, now: noon('2026-11-12') })).toEqual([
      expect.objectContaining({
        instrument: 'gad7',
        status: 'overdue',
        dueDate: '2026-11-09',
        dueUntil: '2026-11-11',
      }),
      expect.objectContaining({ instrument: 'phq9', status: 'overdue' }),
    ]);
    // A new week: the missed one is a gap; the new occurrence is merely due.
    expect(due({ last, now: noon('2026-11-16') }).map((d) => [d.status, d.dueDate])).toEqual([
      ['due', '2026-11-16'],
      ['due', '2026-11-16'],
    ]);
  });

  it('are satisfied by a score given any day of the current week, not by last week’s', () => {
    const now = noon('2026-11-20');
    expect(due({ now, last: { phq9: noon('2026-11-16'), gad7: noon('2026-11-15') } })).toEqual([
      expect.objectContaining({ instrument: 'gad7', status: 'overdue', dueDate: '2026-11-16' }),
    ]);
  });

  it('read days in the organization’s zone: 21:00 Sunday in Chicago is still Sunday', () => {
    // Monday 03:00 UTC is Sunday 21:00 in Chicago: the week-2 occurrence is not due yet …
    expect(
      due({
        now: new Date('2026-11-16T03:00:00Z'),
        last: { phq9: noon('2026-11-09'), gad7: noon('2026-11-09') },
      }),
    ).toEqual([]);
    // … and a score given then counts for the week that is ending, not the one starting.
    const lateSunday = new Date('2026-11-16T03:00:00Z');
    expect(
      due({ now: noon('2026-11-16'), last: { phq9: lateSunday, gad7: noon('2026-11-16') } }).map(
        (d) => d.instrument,
      ),
    ).toEqual(['phq9']);
    // The same instants in UTC would be Monday: the rule follows the zone it is given.
    expect(
      due({ now: noon('2026-11-16'), timeZone: 'UTC', last: { phq9: lateSunday, gad7: noon('2026-11-16') } }),
    ).toEqual([]);
  });

  it.each([
    // Spring forward on Sunday 14 March 2027: Sunday 23:30 CDT is 04:30 UTC, Monday 00:30 is 05:30.
    ['spring forward', '2027-03-08', '2027-03-15T04:30:00Z', '2027-03-15T05:30:00Z'],
    // Fall back on Sunday 1 November 2026: Sunday 23:30 CST is 05:30 UTC, Monday 00:30 is 06:30.
    ['fall back', '2026-10-26', '2026-11-02T05:30:00Z', '2026-11-02T06:30:00Z'],
  ])(
    'keep seven local days a week across a daylight-saving change (%s)',
    (_, admissionDate, sundayNight, mondayEarly) => {
      const episode = { admissionDate, dischargeDate: null, status: 'active' as const };
      const last = { phq9: noon(admissionDate), gad7: noon(admissionDate) };
      expect(due({ episode, now: new Date(sundayNight), last })).toEqual([]);
      expect(due({ episode, now: new Date(mondayEarly), last }).map((d) => d.occurrence)).toEqual([1, 1]);
    },
  );

  it('follow a fortnightly interval and its own grace', () => {
    const schedule: MeasureScheduleRule[] = [
      { instrument: 'pcl5', timing: 'interval', everyDays: 14, graceDays: 5 },
    ];
    const last = { pcl5: noon('2026-11-02') };
    expect(due({ schedule, last, now: noon('2026-11-15') })).toEqual([]);
    expect(due({ schedule, last, now: noon('2026-11-21') })[0]).toMatchObject({
      status: 'due',
      occurrence: 1,
      dueUntil: '2026-11-21',
    });
    expect(due({ schedule, last, now: noon('2026-11-22') })[0]?.status).toBe('overdue');
  });

  it('stop at discharge, and nothing is due on hold or before admission', () => {
    const discharged = {
      admissionDate: '2026-11-02',
      dischargeDate: '2026-11-20',
      status: 'discharged' as const,
    };
    expect(due({ episode: discharged, now: noon('2026-11-23') })).toEqual([]);
    expect(due({ episode: { ...active, status: 'on_hold' }, now: noon('2026-11-12') })).toEqual([]);
    expect(due({ episode: { ...active, status: 'pending' }, now: noon('2026-11-01') })).toEqual([]);
  });
});

describe('admission and discharge measures', () => {
  it('are due at admission until given, overdue after three days', () => {
    expect(due({ schedule: bookends, now: noon('2026-11-05') })).toEqual([
      expect.objectContaining({
        instrument: 'audit',
        timing: 'admission',
        status: 'due',
        dueUntil: '2026-11-05',
      }),
    ]);
    expect(due({ schedule: bookends, now: noon('2026-11-06') })[0]?.status).toBe('overdue');
    expect(due({ schedule: bookends, now: noon('2026-11-06'), last: { audit: noon('2026-10-25') } })).toEqual(
      [],
    );
  });

  it('are due in the week before a known discharge date, done when given in it, and listed for 14 days after', () => {
    const episode = {
      admissionDate: '2026-11-02',
      dischargeDate: '2026-12-04',
      status: 'discharged' as const,
    };
    const last = { audit: noon('2026-11-02') };
    expect(due({ schedule: bookends, episode, last, now: noon('2026-12-05') })).toEqual([
      expect.objectContaining({
        timing: 'discharge',
        status: 'due',
        dueDate: '2026-11-27',
        dueUntil: '2026-12-06',
      }),
    ]);
    expect(due({ schedule: bookends, episode, last, now: noon('2026-12-07') })[0]?.status).toBe('overdue');
    expect(due({ schedule: bookends, episode, last, now: noon('2026-12-18') })).toHaveLength(1);
    expect(due({ schedule: bookends, episode, last, now: noon('2026-12-19') })).toEqual([]);
    expect(
      due({ schedule: bookends, episode, last: { audit: noon('2026-11-30') }, now: noon('2026-12-07') }),
    ).toEqual([]);
    // An open episode has no discharge date: the discharge measure is not due yet.
    expect(due({ schedule: bookends, last, now: noon('2026-12-05') })).toEqual([]);
  });

  it('list overdue before due, then by due date', () => {
    const schedule = [...weekly, ...bookends];
    const result = due({
      schedule,
      now: noon('2026-11-10'),
      last: { phq9: noon('2026-11-02'), gad7: noon('2026-11-02') },
    });
    expect(result.map((d) => [d.instrument, d.status])).toEqual([
      ['audit', 'overdue'],
      ['gad7', 'due'],
      ['phq9', 'due'],
    ]);
  });
});

describe('checkSchedule', () => {
  it('accepts the suggested schedules', () => {
    expect(checkSchedule(suggestedSchedule('substance_use'))).toHaveLength(6);
    expect(suggestedSchedule('mental_health').map((r) => r.instrument)).toEqual(['phq9', 'gad7']);
  });

  it('names each bad rule', () => {
    expect(() =>
      checkSchedule([
        { instrument: 'phq10', timing: 'interval', everyDays: 7 },
        { instrument: 'gad7', timing: 'interval' },
        { instrument: 'audit', timing: 'admission', everyDays: 7 },
        { instrument: 'phq9', timing: 'interval', everyDays: 7 },
        { instrument: 'phq9', timing: 'interval', everyDays: 14 },
        { instrument: 'dast10', timing: 'admission', graceDays: -1 },
      ]),
    ).toThrow(
      expect.objectContaining({
        code: 'validation',
        errors: [
          expect.objectContaining({ field: 'rules.0.instrument' }),
          expect.objectContaining({ field: 'rules.1.everyDays' }),
          expect.objectContaining({ field: 'rules.2.everyDays' }),
          expect.objectContaining({ field: 'rules.4.instrument' }),
          expect.objectContaining({ field: 'rules.5.graceDays' }),
        ],
      }),
    );
  });
});

describe('calendar helpers', () => {
  it('read the same local date as localDate, in several zones, around midnight and the DST changes', () => {
    const instants = [
      '2026-11-01T06:59:00Z',
      '2026-11-01T07:01:00Z',
      '2027-03-14T07:30:00Z',
      '2026-12-31T23:59:59Z',
    ];
    for (const zone of ['America/Chicago', 'America/Los_Angeles', 'Pacific/Auckland', 'UTC']) {
      for (const iso of instants) expect(zonedDate(new Date(iso), zone)).toBe(localDate(new Date(iso), zone));
    }
  });

  it('remember dates per quarter hour without ever answering a wrong one, minute by minute', () => {
    // Asked twice (the second answer comes from the memory), every minute of two days around a
    // DST change, in zones whose midnight is not on a whole hour of UTC, and in 1970 Monrovia
    // (an offset of -0:44:30, where a quarter hour can hold two dates).
    const spans: [string, string][] = [
      ['America/Chicago', '2026-11-01T00:00:00Z'],
      ['Asia/Kathmandu', '2026-06-01T00:00:00Z'],
      ['Australia/Eucla', '2026-06-01T00:00:00Z'],
      ['Africa/Monrovia', '1970-06-01T00:00:00Z'],
    ];
    const wrong: string[] = [];
    for (const [zone, from] of spans) {
      for (let m = 0; m < 2 * 24 * 60; m++) {
        const at = new Date(Date.parse(from) + m * 60_000 + 7_000);
        const expected = localDate(at, zone);
        for (let pass = 0; pass < 2; pass++) {
          const answer = zonedDate(at, zone);
          if (answer !== expected)
            wrong.push(`${zone} ${at.toISOString()} pass ${pass}: ${answer}, not ${expected}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('count calendar days, across a year end and a leap day', () => {
    expect(calendarDaysBetween('2026-12-28', '2027-01-04')).toBe(7);
    expect(calendarDaysBetween('2028-02-27', '2028-03-01')).toBe(3);
    expect(calendarDaysBetween('2026-11-09', '2026-11-02')).toBe(-7);
  });
});
