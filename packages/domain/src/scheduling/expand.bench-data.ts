import { Temporal } from 'temporal-polyfill';
import type { LocationClosure, SeriesException } from './exceptions.js';
import type { DateRange } from './expand.js';
import { GROUP_KINDS, type GroupSeries, type IsoWeekday } from './series.js';

/**
 * A synthetic program calendar for timing expansion: `seriesCount` groups across three zones
 * (one without daylight saving), over `weeks` weeks that include the spring-forward change, with
 * cancellations, moves, substitutions and two closure days. Deterministic: the same arguments
 * give the same data. Used by expand.bench.ts (`npx vitest bench --project domain`) and by the
 * load benchmarks in bench/. Timing targets live there, never in tests.
 */
export interface ExpansionBenchData {
  series: GroupSeries[];
  exceptions: SeriesException[];
  closures: LocationClosure[];
  range: DateRange;
}

const ZONES = ['America/New_York', 'America/Chicago', 'America/Phoenix'];
const PATTERNS: IsoWeekday[][] = [[1, 2, 3, 4, 5], [1, 3, 5], [2, 4], [1, 2, 4], [6]];
const STARTS = ['08:30', '09:00', '10:00', '13:00', '17:30', '18:00'];

function uuid(n: number): string {
  return `0190b000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function makeExpansionBenchData(seriesCount = 40, weeks = 12): ExpansionBenchData {
  const from = Temporal.PlainDate.from('2026-02-16');
  const to = from.add({ days: weeks * 7 - 1 });
  const series: GroupSeries[] = [];
  const exceptions: SeriesException[] = [];
  for (let i = 0; i < seriesCount; i++) {
    const id = uuid(i + 1);
    const weekdays = PATTERNS[i % PATTERNS.length] as IsoWeekday[];
    series.push({
      id,
      title: `Group ${i + 1}`,
      kind: GROUP_KINDS[i % GROUP_KINDS.length] as GroupSeries['kind'],
      weekdays,
      startTime: STARTS[i % STARTS.length] as string,
      durationMinutes: 60 + (i % 3) * 60,
      startDate: from.subtract({ days: (i % 5) * 14 }).toString(),
      endDate: null,
      timeZone: ZONES[i % ZONES.length] as string,
      venue: i % 4 === 3 ? { kind: 'virtual' } : { kind: 'room', roomId: uuid(1000 + (i % 8)) },
      facilitatorIds: [uuid(2000 + (i % 15)), uuid(2000 + ((i + 7) % 15))],
      capacity: 12,
      curriculum: Array.from({ length: 4 + (i % 5) }, (_, m) => `Module ${m + 1}`),
      curriculumStartModule: 0,
    });
    // One session a fortnight changes: cancelled, moved a day later, or covered by someone else.
    for (let week = 0; week < weeks; week += 2) {
      const day = from.add({ days: week * 7 + ((weekdays[0] as number) - 1) }).toString();
      const change = (i + week) % 3;
      if (change === 0)
        exceptions.push({ kind: 'cancel', seriesId: id, date: day, reason: 'Facilitator out' });
      else if (change === 1) {
        const next = Temporal.PlainDate.from(day).add({ days: 1 }).toString();
        exceptions.push({ kind: 'move', seriesId: id, date: day, toDate: next, toStartTime: '14:00' });
      } else {
        exceptions.push({
          kind: 'substitute',
          seriesId: id,
          date: day,
          absentFacilitatorId: uuid(2000 + (i % 15)),
          substituteFacilitatorId: uuid(3000),
        });
      }
    }
  }
  const closures: LocationClosure[] = [
    { date: '2026-02-16', reason: "Presidents' Day" },
    { date: '2026-04-03', reason: 'Staff training' },
  ];
  return { series, exceptions, closures, range: { from, to } };
}
