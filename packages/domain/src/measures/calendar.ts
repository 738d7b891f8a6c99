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
