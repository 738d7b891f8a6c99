import { Temporal } from 'temporal-polyfill';
import { DomainError } from '../errors.js';
import { type GroupSeries, type GroupSeriesInput, parseGroupSeries } from './series.js';

/** Builders for the scheduling tests and the expansion benchmark. Synthetic data only. */

export const ids = {
  series: '0190a000-0000-7000-8000-000000000001',
  otherSeries: '0190a000-0000-7000-8000-000000000002',
  newSeries: '0190a000-0000-7000-8000-000000000003',
  roomA: '0190a000-0000-7000-8000-0000000000a1',
  roomB: '0190a000-0000-7000-8000-0000000000b1',
  drLee: '0190a000-0000-7000-8000-0000000000c1',
  drPatel: '0190a000-0000-7000-8000-0000000000c2',
  drOkafor: '0190a000-0000-7000-8000-0000000000c3',
  alex: '0190a000-0000-7000-8000-0000000000d1',
  sam: '0190a000-0000-7000-8000-0000000000d2',
} as const;

export const DBT_MODULES = [
  'Mindfulness',
  'Distress tolerance',
  'Emotion regulation',
  'Interpersonal effectiveness',
];

/** DBT Skills, Mon/Wed/Fri 09:00–12:00 in New York, from Monday 2 March 2026. */
export function aSeries(overrides: Partial<GroupSeriesInput> = {}): GroupSeries {
  return parseGroupSeries({
    id: ids.series,
    title: 'DBT Skills',
    kind: 'dbt_skills',
    weekdays: [1, 3, 5],
    startTime: '09:00',
    durationMinutes: 180,
    startDate: '2026-03-02',
    timeZone: 'America/New_York',
    venue: { kind: 'room', roomId: ids.roomB },
    facilitatorIds: [ids.drLee],
    capacity: 12,
    curriculum: DBT_MODULES,
    ...overrides,
  });
}

export const date = (iso: string) => Temporal.PlainDate.from(iso);
export const range = (from: string, to: string) => ({ from: date(from), to: date(to) });

/** The DomainError `fn` throws; fails loudly when it throws something else or nothing. */
export function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('Expected a DomainError, but nothing was thrown.');
}

/** The fields a DomainError names, in order. */
export const fieldsOf = (fn: () => unknown) => domainErrorOf(fn).errors.map((e) => e.field);
