import { Temporal } from 'temporal-polyfill';

/** The instant a local day starts in a zone: consent dates are days where the program is. */
export function startOfDay(date: string, timeZone: string): Date {
  const instant = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).toInstant();
  return new Date(instant.epochMilliseconds);
}

/** The instant after the last moment of a day: a consent "expires on" a day at its end. */
export function endOfDay(date: string, timeZone: string): Date {
  return startOfDay(Temporal.PlainDate.from(date).add({ days: 1 }).toString(), timeZone);
}

/** e.g. "December 1, 2026 at 9:05 AM CST", for printing. */
export function formatInstant(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}
