import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { epochDayOf } from './dates.js';
import { ZoneClock } from './zone-clock.js';

describe('resolving local times quickly', () => {
  // Zones with a midnight DST change (Santiago, Havana), a 30-minute change (Lord Howe) and none.
  const zones = [
    'America/New_York',
    'America/Phoenix',
    'America/Santiago',
    'America/Havana',
    'Australia/Lord_Howe',
  ];
  const times = [0, 30, 90, 150, 540, 1410];

  /** The days around each change of offset in 2026, and every 30th day besides. */
  function daysToCheck(zone: string): number[] {
    const first = epochDayOf('2026-01-01');
    const days = new Set<number>();
    for (let day = first; day < first + 365; day += 30) days.add(day);
    let at = Temporal.ZonedDateTime.from({ year: 2026, month: 1, day: 1, timeZone: zone });
    for (
      let t = at.getTimeZoneTransition('next');
      t && t.year === 2026;
      t = at.getTimeZoneTransition('next')
    ) {
      const day = epochDayOf(t.toPlainDate().toString());
      for (const d of [day - 1, day, day + 1]) days.add(d);
      at = t;
    }
    return [...days];
  }

  it('agrees with Temporal through 2026, including the days around each change of offset', () => {
    const clock = new ZoneClock();
    for (const zone of zones) {
      for (const day of daysToCheck(zone)) {
        const date = Temporal.PlainDate.from(new Date(day * 86_400_000).toISOString().slice(0, 10));
        for (const minute of times) {
          const wall = date.toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 });
          const start = wall.toZonedDateTime(zone, { disambiguation: 'compatible' });
          const end = start.add({ minutes: 45 });
          const got = clock.resolve(zone, day, minute, 45);
          const expected = {
            startEpochMs: start.epochMilliseconds,
            endEpochMs: end.epochMilliseconds,
            localStart: start.toPlainDateTime().toString(),
            localEnd: end.toPlainDateTime().toString(),
            shifted: !start.toPlainDateTime().equals(wall),
          };
          const actual = { ...got, localStart: got.localStart.toString(), localEnd: got.localEnd.toString() };
          if (JSON.stringify(actual) !== JSON.stringify(expected)) {
            expect({ zone, date: date.toString(), minute, ...actual }).toEqual({
              zone,
              date: date.toString(),
              minute,
              ...expected,
            });
          }
        }
      }
    }
  });
});
