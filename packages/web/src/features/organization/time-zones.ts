let cached: { value: string; label: string }[] | null = null;

function offsetOf(timeZone: string, at: Date): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(
      at,
    );
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

/**
 * Every IANA time zone this browser knows, labelled with its offset today so "Chicago" and
 * "GMT-5" both find it: "America/Chicago (GMT-5)".
 */
export function timeZoneOptions(): { value: string; label: string }[] {
  if (cached) return cached;
  const now = new Date();
  const zones = Intl.supportedValuesOf('timeZone');
  if (!zones.includes('UTC')) zones.push('UTC');
  cached = zones.map((zone) => {
    const offset = offsetOf(zone, now);
    return { value: zone, label: `${zone.replace(/_/g, ' ')}${offset ? ` (${offset})` : ''}` };
  });
  return cached;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
