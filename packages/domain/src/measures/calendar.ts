/**
 * Whole days between two 'YYYY-MM-DD' calendar dates (negative when `to` is earlier). A measure
 * is due on a local calendar day of the organization, not at an instant; counting calendar
 * days means a daylight-saving change never makes a week six or eight days long.
 */
export function calendarDaysBetween(from: string, to: string): number {
  const epochDay = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
  };
  return epochDay(to) - epochDay(from);
}

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
/** Local dates by zone and quarter hour of UTC: a date cannot change inside a quarter hour whose two ends agree. */
const DATES = new Map<string, Map<number, string>>();
const QUARTER_HOUR_MS = 900_000;
const DATES_KEPT_PER_ZONE = 100_000;

/**
 * The local calendar date of an instant in a zone, like `localDate`, with one formatter per
 * zone kept for reuse and the answer remembered per quarter hour: the due list reads thousands
 * of dates per request, and formatting a date with Intl costs far more than a map lookup.
 */
export function zonedDate(instant: Date, timeZone: string): string {
  const quarter = Math.floor(instant.getTime() / QUARTER_HOUR_MS);
  let dates = DATES.get(timeZone);
  if (!dates) {
    dates = new Map();
    DATES.set(timeZone, dates);
  }
  const known = dates.get(quarter);
  if (known !== undefined) return known;
  const date = formatZonedDate(instant, timeZone);
  // Every zone's offset today is a whole number of quarter hours, so local midnight falls on a
  // quarter-hour boundary; checked rather than assumed (old LMT offsets are not).
  const start = quarter * QUARTER_HOUR_MS;
  if (
    formatZonedDate(new Date(start), timeZone) === date &&
    formatZonedDate(new Date(start + QUARTER_HOUR_MS - 1), timeZone) === date
  ) {
    if (dates.size >= DATES_KEPT_PER_ZONE) dates.clear();
    dates.set(quarter, date);
  }
  return date;
}

function formatZonedDate(instant: Date, timeZone: string): string {
  let format = FORMATTERS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    FORMATTERS.set(timeZone, format);
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of format.formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year}-${month}-${day}`;
}
