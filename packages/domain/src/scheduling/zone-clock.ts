import { Temporal } from 'temporal-polyfill';
import { dateOfEpochDay } from './dates.js';

/** A local start resolved in a zone: its wall-clock times and its instants. */
export interface ResolvedTime {
  localStart: Temporal.PlainDateTime;
  localEnd: Temporal.PlainDateTime;
  startEpochMs: number;
  endEpochMs: number;
  /** The asked-for start does not exist that day and was moved later by the gap. */
  shifted: boolean;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Resolves local times to instants with Temporal's 'compatible' disambiguation, fast. Almost every
 * day has one UTC offset from midnight to midnight; for those, one Temporal look-up per zone and
 * day is enough and the rest is arithmetic. Days with a change (and sessions crossing midnight)
 * take the full Temporal path. One clock per expansion, so the cache dies with the request.
 */
export class ZoneClock {
  private readonly offsets = new Map<string, number | null>();
  /** Temporal objects are immutable, so occurrences at the same wall time can share one. */
  private readonly walls = new Map<number, Temporal.PlainDateTime>();

  resolve(zone: string, day: number, startMinute: number, durationMinutes: number): ResolvedTime {
    const offset = this.uniformOffset(zone, day);
    if (offset === null || startMinute + durationMinutes > 24 * 60) {
      return this.slowResolve(zone, day, startMinute, durationMinutes);
    }
    const startEpochMs = day * DAY_MS + startMinute * MINUTE_MS - offset;
    return {
      localStart: this.wall(day, startMinute),
      localEnd: this.wall(day, startMinute + durationMinutes),
      startEpochMs,
      endEpochMs: startEpochMs + durationMinutes * MINUTE_MS,
      shifted: false,
    };
  }

  private wall(day: number, minute: number): Temporal.PlainDateTime {
    const key = day * 1440 + minute;
    let wall = this.walls.get(key);
    if (!wall) {
      wall = plainDateTime(day, minute);
      this.walls.set(key, wall);
    }
    return wall;
  }

  /** The offset (ms) in force all day, or null when it changes during the day. */
  private uniformOffset(zone: string, day: number): number | null {
    const key = `${zone}|${day}`;
    const cached = this.offsets.get(key);
    if (cached !== undefined) return cached;
    const start = Temporal.PlainDate.from(dateOfEpochDay(day)).toZonedDateTime({ timeZone: zone });
    const next = start.getTimeZoneTransition('next');
    const uniform =
      start.hour === 0 &&
      start.minute === 0 &&
      (next === null || next.epochMilliseconds >= start.epochMilliseconds + DAY_MS);
    const offset = uniform ? start.offsetNanoseconds / 1_000_000 : null;
    this.offsets.set(key, offset);
    return offset;
  }

  private slowResolve(zone: string, day: number, startMinute: number, durationMinutes: number): ResolvedTime {
    const wall = plainDateTime(day, startMinute);
    const start = wall.toZonedDateTime(zone, { disambiguation: 'compatible' });
    const end = start.add({ minutes: durationMinutes });
    const localStart = start.toPlainDateTime();
    return {
      localStart,
      localEnd: end.toPlainDateTime(),
      startEpochMs: start.epochMilliseconds,
      endEpochMs: end.epochMilliseconds,
      shifted: !localStart.equals(wall),
    };
  }
}

function plainDateTime(day: number, minute: number): Temporal.PlainDateTime {
  const d = new Date(day * DAY_MS + minute * MINUTE_MS);
  return new Temporal.PlainDateTime(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  );
}
