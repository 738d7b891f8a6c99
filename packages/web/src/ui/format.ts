const dateTime = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});
const dateTimeWithZone = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** "Nov 30, 2026, 3:04 PM" in this browser's time zone; "Never" for no value. */
export function formatDateTime(instant: string | null | undefined, never = 'Never'): string {
  if (!instant) return never;
  return dateTime.format(new Date(instant));
}

/** With seconds and the zone, for the audit log where the exact moment matters. */
export function formatExactTime(instant: string): string {
  return dateTimeWithZone.format(new Date(instant));
}

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeWithZone = new Intl.DateTimeFormat(undefined, {
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** The day and the exact time apart, for narrow table columns: ["Nov 30, 2026", "3:04:05 PM CST"]. */
export function splitExactTime(instant: string): [string, string] {
  const at = new Date(instant);
  return [dateOnly.format(at), timeWithZone.format(at)];
}

let clinicDate: Intl.DateTimeFormat | null = null;

/**
 * The organization's time zone, from the session: "today" is the clinic's day, also for someone
 * working from another zone (a group at 07:30 in Chicago is today's group there).
 */
export function setClinicTimeZone(timeZone: string | null): void {
  try {
    clinicDate = timeZone
      ? new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      : null;
  } catch {
    clinicDate = null;
  }
}

/** Today as YYYY-MM-DD in the organization's time zone (this browser's before sign-in). */
export function todayIso(): string {
  const now = new Date();
  if (clinicDate) return clinicDate.format(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
