import { describe, expect, it } from 'vitest';
import { expandAllSeries, expandSeries } from './expand.js';
import { aSeries, fieldsOf, ids, range } from './fixtures.js';

const everyDay = [1, 2, 3, 4, 5, 6, 7] as const;

/** date → [local start, UTC start] for each occurrence. */
function times(occurrences: ReturnType<typeof expandSeries>) {
  return Object.fromEntries(
    occurrences.map((o) => [
      o.originalDate,
      [o.localStart.toString().slice(11, 16), o.startUtc.slice(11, 16)],
    ]),
  );
}

describe('expanding a weekly series across daylight-saving changes', () => {
  it('keeps 09:00 at 09:00 in New York across spring-forward (2026-03-08)', () => {
    const series = aSeries({ weekdays: [...everyDay], startDate: '2026-03-01' });
    expect(times(expandSeries(series, [], [], range('2026-03-07', '2026-03-09')))).toEqual({
      '2026-03-07': ['09:00', '14:00'], // EST, UTC−5
      '2026-03-08': ['09:00', '13:00'], // EDT, UTC−4, the day of the change
      '2026-03-09': ['09:00', '13:00'],
    });
  });

  it('keeps 09:00 at 09:00 in New York across fall-back (2026-11-01)', () => {
    const series = aSeries({ weekdays: [...everyDay], startDate: '2026-10-01' });
    expect(times(expandSeries(series, [], [], range('2026-10-31', '2026-11-02')))).toEqual({
      '2026-10-31': ['09:00', '13:00'],
      '2026-11-01': ['09:00', '14:00'],
      '2026-11-02': ['09:00', '14:00'],
    });
  });

  it('does the same in Chicago, an hour later in UTC', () => {
    const series = aSeries({ weekdays: [6, 7, 1], startDate: '2026-01-01', timeZone: 'America/Chicago' });
    expect(times(expandSeries(series, [], [], range('2026-03-07', '2026-03-09')))).toEqual({
      '2026-03-07': ['09:00', '15:00'],
      '2026-03-08': ['09:00', '14:00'],
      '2026-03-09': ['09:00', '14:00'],
    });
    expect(times(expandSeries(series, [], [], range('2026-10-31', '2026-11-02')))).toEqual({
      '2026-10-31': ['09:00', '14:00'],
      '2026-11-01': ['09:00', '15:00'],
      '2026-11-02': ['09:00', '15:00'],
    });
  });

  it('never moves in Phoenix, which keeps no daylight saving', () => {
    const series = aSeries({ weekdays: [6, 7, 1], startDate: '2026-01-01', timeZone: 'America/Phoenix' });
    const spring = expandSeries(series, [], [], range('2026-03-07', '2026-03-09'));
    const fall = expandSeries(series, [], [], range('2026-10-31', '2026-11-02'));
    for (const o of [...spring, ...fall]) {
      expect(o.localStart.toString()).toMatch(/T09:00:00$/);
      expect(o.startUtc.slice(11, 16)).toBe('16:00');
    }
    expect(spring).toHaveLength(3);
    expect(fall).toHaveLength(3);
  });

  it("moves a start in the spring-forward gap later by the gap ('compatible'), and says so", () => {
    const series = aSeries({
      weekdays: [...everyDay],
      startDate: '2026-03-01',
      startTime: '02:30',
      durationMinutes: 60,
    });
    const [before, gap, after] = expandSeries(series, [], [], range('2026-03-07', '2026-03-09'));
    expect(before?.localStart.toString()).toBe('2026-03-07T02:30:00');
    expect(before?.shiftedByDst).toBe(false);
    expect(gap?.localStart.toString()).toBe('2026-03-08T03:30:00');
    expect(gap?.localEnd.toString()).toBe('2026-03-08T04:30:00');
    expect(gap?.startUtc).toBe('2026-03-08T07:30:00.000Z');
    expect(gap?.shiftedByDst).toBe(true);
    expect(after?.localStart.toString()).toBe('2026-03-09T02:30:00');
  });

  it('takes the first of a repeated fall-back hour and keeps the duration as elapsed time', () => {
    const series = aSeries({
      weekdays: [7],
      startDate: '2026-10-01',
      startTime: '01:30',
      durationMinutes: 60,
    });
    const [o] = expandSeries(series, [], [], range('2026-11-01', '2026-11-01'));
    if (!o) throw new Error('expected one occurrence');
    expect(o.startUtc).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
    expect(o.endUtc).toBe('2026-11-01T06:30:00.000Z');
    expect(o.localEnd.toString()).toBe('2026-11-01T01:30:00'); // 01:30 EST, an hour later
    expect(o.endEpochMs - o.startEpochMs).toBe(60 * 60_000);
  });
});

describe('expanding a series over a range', () => {
  it('lists each session with its times, number, module, people and room', () => {
    const list = expandSeries(aSeries(), [], [], range('2026-03-02', '2026-03-08'));
    expect(list.map((o) => o.originalDate)).toEqual(['2026-03-02', '2026-03-04', '2026-03-06']);
    const [first] = list;
    expect(first).toMatchObject({
      key: `${ids.series}/2026-03-02`,
      seriesId: ids.series,
      title: 'DBT Skills',
      status: 'scheduled',
      timeZone: 'America/New_York',
      startUtc: '2026-03-02T14:00:00.000Z',
      endUtc: '2026-03-02T17:00:00.000Z',
      index: 0,
      module: { index: 0, title: 'Mindfulness', cycle: 0 },
      facilitatorIds: [ids.drLee],
      venue: { kind: 'room', roomId: ids.roomB },
      cancellation: null,
    });
    expect(first?.localEnd.toString()).toBe('2026-03-02T12:00:00');
    expect(list.map((o) => o.index)).toEqual([0, 1, 2]);
  });

  it('numbers sessions from the start of the series, not the start of the range', () => {
    const list = expandSeries(aSeries(), [], [], range('2026-03-16', '2026-03-20'));
    expect(list.map((o) => o.index)).toEqual([6, 7, 8]);
  });

  it('respects the start and end dates of the series, both inclusive', () => {
    const series = aSeries({ startDate: '2026-03-04', endDate: '2026-03-09' });
    const list = expandSeries(series, [], [], range('2026-03-01', '2026-03-31'));
    expect(list.map((o) => o.originalDate)).toEqual(['2026-03-04', '2026-03-06', '2026-03-09']);
    expect(expandSeries(series, [], [], range('2026-02-01', '2026-02-28'))).toEqual([]);
  });

  it('refuses a backwards or unbounded range, naming it', () => {
    expect(fieldsOf(() => expandSeries(aSeries(), [], [], range('2026-03-09', '2026-03-02')))).toEqual([
      'range.to',
    ]);
    expect(fieldsOf(() => expandSeries(aSeries(), [], [], range('2026-01-01', '2029-01-01')))).toEqual([
      'range',
    ]);
  });

  it('merges several series earliest first', () => {
    const morning = aSeries();
    const evening = aSeries({
      id: ids.otherSeries,
      title: 'Process Group',
      kind: 'process',
      weekdays: [1, 2],
      startTime: '08:00',
    });
    const list = expandAllSeries([morning, evening], [], [], range('2026-03-02', '2026-03-03'));
    expect(list.map((o) => `${o.originalDate} ${o.title}`)).toEqual([
      '2026-03-02 Process Group',
      '2026-03-02 DBT Skills',
      '2026-03-03 Process Group',
    ]);
  });
});
