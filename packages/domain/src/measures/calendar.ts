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

/**
 * The local calendar date of an instant in a zone, like `localDate`, with one formatter per
 * zone kept for reuse: the due list reads thousands of dates per request, and building an
 * Intl.DateTimeFormat costs far more than using one.
 */
export function zonedDate(instant: Date, timeZone: string): string {
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
