import { expandAllSeries, makeExpansionBenchData } from '@trellis/domain';

/** Issue 6: "expanding 12 weeks of the calendar for 300 enrolled participants and 40 series". */
export interface CalendarExpansionMeasurement {
  series: number;
  weeks: number;
  participants: number;
  occurrences: number;
  /** Participant places on the rosters of all occurrences. */
  rosterPlaces: number;
  runs: number;
  medianMs: number;
  maxMs: number;
}

interface Enrollment {
  patientId: string;
  track: number;
  startDate: string;
  endDate: string | null;
  /** ISO weekdays the participant comes on; null = every day of the track's groups. */
  weekdays: number[] | null;
}

/**
 * In the bench process, without the database: the domain's expansion of 40 group series over 12
 * weeks (with cancellations, moves, substitutions, closures, across a daylight-saving change:
 * the domain's own makeExpansionBenchData), then every occurrence's roster from 300 enrollments
 * (20 tracks of two series, 15 participants each, rolling start dates, some ended, a third on a
 * pattern of their own), tested as the server's loadTimeline does (scheduling/schedule-data.ts
 * `attends`). Timed as the median of `runs` after warm-up.
 */
export function measureCalendarExpansion(runs = 25): CalendarExpansionMeasurement {
  const weeks = 12;
  const data = makeExpansionBenchData(40, weeks);
  const tracks = 20;
  const trackOf = new Map(data.series.map((s, i) => [s.id, i % tracks]));
  const enrollments: Enrollment[] = [];
  for (let p = 0; p < 300; p++) {
    const track = p % tracks;
    const start = data.range.from.add({ days: ((p * 7) % (weeks * 7)) - 21 });
    enrollments.push({
      patientId: `0190c000-0000-7000-8000-${p.toString(16).padStart(12, '0')}`,
      track,
      startDate: start.toString(),
      endDate: p % 5 === 0 ? start.add({ weeks: 8 }).toString() : null,
      weekdays: p % 3 === 0 ? [1, 3, 4] : null,
    });
  }
  const byTrack = new Map<number, Enrollment[]>();
  for (const e of enrollments) byTrack.set(e.track, [...(byTrack.get(e.track) ?? []), e]);

  const once = () => {
    const occurrences = expandAllSeries(data.series, data.exceptions, data.closures, data.range);
    const weekdays = new Map<string, number>();
    let places = 0;
    for (const occurrence of occurrences) {
      const date = occurrence.originalDate;
      let weekday = weekdays.get(date);
      if (weekday === undefined) {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
        weekdays.set(date, weekday);
      }
      const roster: string[] = [];
      for (const e of byTrack.get(trackOf.get(occurrence.seriesId) ?? -1) ?? []) {
        if (e.startDate > date || (e.endDate !== null && e.endDate < date)) continue;
        if (e.weekdays === null || e.weekdays.includes(weekday)) roster.push(e.patientId);
      }
      places += roster.length;
    }
    return { occurrences: occurrences.length, places };
  };

  for (let i = 0; i < 3; i++) once();
  const times: number[] = [];
  let last = { occurrences: 0, places: 0 };
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = once();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    series: data.series.length,
    weeks,
    participants: enrollments.length,
    occurrences: last.occurrences,
    rosterPlaces: last.places,
    runs,
    medianMs: round(times[Math.floor(times.length / 2)] ?? 0),
    maxMs: round(times.at(-1) ?? 0),
  };
}
