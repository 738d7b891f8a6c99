/** Calendar dates as YYYY-MM-DD strings and local times turned into instants, without a library. */

const DAY_MS = 86_400_000;

export function toDateString(ms: number | Date): string {
  return new Date(typeof ms === 'number' ? ms : ms.getTime()).toISOString().slice(0, 10);
}

export function dateMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return toDateString(dateMs(date) + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((dateMs(to) - dateMs(from)) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: string): number {
  const d = new Date(dateMs(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The Monday on or before the date. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekday(date));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function offsetAt(ms: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(ms)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts.year as number,
    (parts.month as number) - 1,
    parts.day as number,
    parts.hour as number,
    parts.minute as number,
    parts.second as number,
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant of a wall-clock time (minutes after midnight) on a date in a time zone. */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
  const key = `${timeZone}|${date}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    // Noon local is never inside a daylight-saving jump; programs meet well after 03:00.
    const noon = dateMs(date) + 12 * 3_600_000;
    offset = offsetAt(noon - offsetAt(noon, timeZone), timeZone);
    offsets.set(key, offset);
  }
  return new Date(dateMs(date) + minutes * 60_000 - offset);
}

/** Days since 1970-01-01 (UTC): loops over days count with these, not with strings. */
export function dayNumber(date: string): number {
  return Math.round(dateMs(date) / DAY_MS);
}

export function dateOfDay(day: number): string {
  return toDateString(day * DAY_MS);
}

/** ISO weekday of a day number (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return ((day + 3) % 7) + 1;
}

const dayOffsets = new Map<string, Map<number, number>>();

/** zonedInstant for a day number: ms since the epoch of the local time `minutes` on that day. */
export function zonedMs(day: number, minutes: number, timeZone: string): number {
  let zone = dayOffsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    dayOffsets.set(timeZone, zone);
  }
  let offset = zone.get(day);
  if (offset === undefined) {
    offset = zonedInstant(dateOfDay(day), 0, timeZone).getTime() - day * DAY_MS;
    zone.set(day, offset);
  }
  return day * DAY_MS + offset + minutes * 60_000;
}
