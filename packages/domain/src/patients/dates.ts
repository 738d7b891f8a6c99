/** Calendar dates travel as 'YYYY-MM-DD' strings: a date of birth has no time and no zone. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1800 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today's date where the organization is: a birthday turns at local midnight, not UTC's. */
export function localDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whole years between a date of birth and a day. A 29 February birthday turns on 1 March. */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}

/** The age the chart header shows: computed, never stored, in the organization's zone. */
export function ageAt(dateOfBirth: string, now: Date, timeZone: string): number {
  return ageOn(dateOfBirth, localDate(now, timeZone));
}

/** Adds days to a calendar date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The oldest living person was born in the 1900s; anything older is a typing error. */
export const OLDEST_PLAUSIBLE_AGE = 125;

/** Problems with a date of birth, as a message for the field; null when it is plausible. */
export function dateOfBirthProblem(dateOfBirth: string, today: string): string | null {
  if (!isCalendarDate(dateOfBirth)) return 'Use a date as YYYY-MM-DD, such as 1980-04-12.';
  if (dateOfBirth > today) return 'The date of birth is in the future. Check the year.';
  if (ageOn(dateOfBirth, today) > OLDEST_PLAUSIBLE_AGE) {
    return `That would make the person older than ${OLDEST_PLAUSIBLE_AGE}. Check the year.`;
  }
  return null;
}
