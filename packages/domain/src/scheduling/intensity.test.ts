import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { aSeries, date, ids } from './fixtures.js';
import {
  ADOLESCENT_IOP_INTENSITY,
  ADULT_IOP_INTENSITY,
  checkAttendancePattern,
  IntensityRule,
  type PlannedSession,
  weeklyIntensity,
} from './intensity.js';

const zone = 'America/New_York';
const monday = date('2026-03-09');

/** A session on `day` ('2026-03-10') from `from` for `minutes`. */
function session(day: string, from: string, minutes: number, status?: 'cancelled'): PlannedSession {
  const start = Temporal.PlainDateTime.from(`${day}T${from}`).toZonedDateTime(zone);
  const end = start.add({ minutes });
  return {
    localStart: start.toPlainDateTime(),
    startEpochMs: start.epochMilliseconds,
    endEpochMs: end.epochMilliseconds,
    ...(status ? { status } : {}),
  };
}

describe('weekly intensity for one participant', () => {
  it('passes exactly 9 hours over exactly 3 days', () => {
    const week = [
      session('2026-03-09', '09:00', 180),
      session('2026-03-11', '09:00', 120),
      session('2026-03-11', '13:00', 60), // an individual session the same day
      session('2026-03-13', '09:00', 180),
    ];
    const result = weeklyIntensity(week, monday);
    expect(result).toMatchObject({
      weekStart: '2026-03-09',
      sessions: 4,
      days: 3,
      totalMinutes: 540,
      totalHours: 9,
    });
    expect(result.flags).toEqual([]);
    expect(result.meetsMinimum).toBe(true);
    expect(result.perDay.map((d) => [d.day, d.hours])).toEqual([
      ['2026-03-09', 3],
      ['2026-03-11', 3],
      ['2026-03-13', 3],
    ]);
  });

  it('fails 8.5 hours, saying how much is missing in plain words', () => {
    const week = [
      session('2026-03-09', '09:00', 180),
      session('2026-03-11', '09:00', 180),
      session('2026-03-13', '09:00', 150),
    ];
    const result = weeklyIntensity(week, monday);
    expect(result.flags).toEqual(['under_hours']);
    expect(result.problems[0]?.message).toBe('8 h 30 min planned a week; this track needs at least 9 h.');
    expect(result.meetsMinimum).toBe(false);
  });

  it('flags too few days and a day over the daily maximum', () => {
    const week = [session('2026-03-09', '09:00', 270), session('2026-03-10', '09:00', 270)];
    const result = weeklyIntensity(week, monday);
    expect(result.flags).toEqual(['too_few_days', 'day_over_max']);
    expect(result.problems.filter((p) => p.flag === 'day_over_max').map((p) => p.day)).toEqual([
      '2026-03-09',
      '2026-03-10',
    ]);
    expect(result.problems[0]?.message).toBe('Sessions on 2 days a week; this track needs at least 3.');
    expect(result.problems[1]?.message).toBe(
      'Monday 2026-03-09 has 4 h 30 min planned; a day in this track is at most 4 h.',
    );
  });

  it('flags a short day', () => {
    const week = [
      session('2026-03-09', '09:00', 240),
      session('2026-03-10', '09:00', 240),
      session('2026-03-12', '09:00', 90),
    ];
    const result = weeklyIntensity(week, monday);
    expect(result.flags).toEqual(['day_under_min']);
    expect(result.problems[0]).toMatchObject({ day: '2026-03-12' });
    expect(result.meetsMinimum).toBe(true);
  });

  it('flags over-scheduling by hours (20 h is partial hospitalization) and by days', () => {
    const fiveLongDays = ['09', '10', '11', '12', '13'].map((d) => session(`2026-03-${d}`, '09:00', 240));
    expect(weeklyIntensity(fiveLongDays, monday).flags).toEqual(['over_scheduled']);
    const sixDays = ['09', '10', '11', '12', '13', '14'].map((d) => session(`2026-03-${d}`, '09:00', 120));
    const result = weeklyIntensity(sixDays, monday);
    expect(result.flags).toEqual(['over_scheduled']);
    expect(result.problems[0]?.message).toBe('Sessions on 6 days a week; this track runs at most 5.');
  });

  it('ignores cancelled sessions and those outside the week, and counts overlapping time once', () => {
    const week = [
      session('2026-03-08', '09:00', 180), // the Sunday before
      session('2026-03-09', '09:00', 180),
      session('2026-03-09', '11:00', 60), // overlaps the group by an hour
      session('2026-03-11', '09:00', 180),
      session('2026-03-12', '09:00', 180, 'cancelled'),
      session('2026-03-13', '09:00', 180),
      session('2026-03-16', '09:00', 180), // the Monday after
    ];
    const result = weeklyIntensity(week, monday);
    expect(result.totalMinutes).toBe(540);
    expect(result.sessions).toBe(4);
    expect(result.days).toBe(3);
  });

  it('uses the adolescent minimum of 6 hours when the track says so', () => {
    const week = ['09', '11', '13'].map((d) => session(`2026-03-${d}`, '15:30', 120));
    expect(weeklyIntensity(week, monday, ADOLESCENT_IOP_INTENSITY).flags).toEqual([]);
    expect(weeklyIntensity(week, monday, ADULT_IOP_INTENSITY).flags).toEqual(['under_hours']);
  });

  it('counts the elapsed hours of a session on a daylight-saving day', () => {
    const sunday = session('2026-03-08', '01:00', 180); // 01:00 EST → 05:00 EDT, three real hours
    expect(weeklyIntensity([sunday], date('2026-03-02')).totalMinutes).toBe(180);
  });

  it('checks that a configured rule is coherent', () => {
    const inverted = IntensityRule.safeParse({ ...ADULT_IOP_INTENSITY, minHoursPerDay: 5 });
    expect(inverted.success).toBe(false);
    expect(inverted.error?.issues[0]?.path).toEqual(['minHoursPerDay']);
  });
});

describe("a participant's attendance pattern on a track", () => {
  // The track: morning group Mon–Fri 09:00–12:00, plus a Tuesday/Thursday relapse-prevention group.
  const morning = aSeries({ weekdays: [1, 2, 3, 4, 5], durationMinutes: 180 });
  const relapse = aSeries({
    id: ids.otherSeries,
    title: 'Relapse Prevention',
    kind: 'relapse_prevention',
    weekdays: [2, 4],
    startTime: '11:00',
    durationMinutes: 60,
  });

  it('meets the minimum on Mon/Wed/Thu', () => {
    const result = checkAttendancePattern([morning, relapse], [1, 3, 4]);
    expect(result.perDay.map((d) => [d.day, d.minutes, d.seriesIds.length])).toEqual([
      ['Monday', 180, 1],
      ['Wednesday', 180, 1],
      ['Thursday', 180, 2], // 09:00–12:00 and 11:00–12:00 overlap: three hours, not four
    ]);
    expect(result).toMatchObject({
      days: 3,
      totalHours: 9,
      meetsMinimum: true,
      needsDocumentedReason: false,
    });
  });

  it('falls short on two days, and asks for a documented reason rather than refusing', () => {
    const result = checkAttendancePattern([morning, relapse], [1, 3]);
    expect(result.flags).toEqual(['under_hours', 'too_few_days']);
    expect(result.needsDocumentedReason).toBe(true);
  });

  it('lists chosen days on which the track runs nothing', () => {
    const result = checkAttendancePattern([morning], [1, 3, 6]);
    expect(result.emptyWeekdays).toEqual([6]);
    expect(result.days).toBe(2);
  });

  it('counts only series running on a given date', () => {
    const ended = aSeries({ weekdays: [1, 2, 3, 4, 5], endDate: '2026-03-06' });
    expect(checkAttendancePattern([ended], [1, 3, 5], ADULT_IOP_INTENSITY, date('2026-03-09')).days).toBe(0);
    expect(checkAttendancePattern([ended], [1, 3, 5], ADULT_IOP_INTENSITY, date('2026-03-04')).days).toBe(3);
  });
});
