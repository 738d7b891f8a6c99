import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  cancelOccurrence,
  type LocationClosure,
  moveOccurrence,
  substituteFacilitator,
} from './exceptions.js';
import { expandSeries } from './expand.js';
import { aSeries, date, fieldsOf, ids, range } from './fixtures.js';

const series = aSeries(); // Mon/Wed/Fri 09:00–12:00 from Mon 2 March 2026
const week = range('2026-03-02', '2026-03-08');
const at = (iso: string) => Temporal.PlainDateTime.from(iso);

describe('exceptions to single occurrences', () => {
  it('cancels one occurrence with its reason; the next session takes its number', () => {
    const cancel = cancelOccurrence(series, date('2026-03-04'), 'Facilitator training day');
    const [mon, wed, fri] = expandSeries(series, [cancel], [], week);
    expect(wed).toMatchObject({
      status: 'cancelled',
      index: null,
      module: null,
      cancellation: { by: 'exception', reason: 'Facilitator training day' },
    });
    expect(mon?.index).toBe(0);
    expect(fri).toMatchObject({ status: 'scheduled', index: 1 });
  });

  it('moves one occurrence to a new local date, time and room', () => {
    const move = moveOccurrence(series, date('2026-03-04'), at('2026-03-05T13:00'), {
      venue: { kind: 'room', roomId: ids.roomA },
      reason: 'Room B flooring',
    });
    const list = expandSeries(series, [move], [], week);
    const moved = list.find((o) => o.originalDate === '2026-03-04');
    expect(moved).toMatchObject({ status: 'moved', index: 1, venue: { kind: 'room', roomId: ids.roomA } });
    expect(moved?.localStart.toString()).toBe('2026-03-05T13:00:00');
    expect(moved?.localEnd.toString()).toBe('2026-03-05T16:00:00');
    expect(list.map((o) => o.localStart.toPlainDate().toString())).toEqual([
      '2026-03-02',
      '2026-03-05',
      '2026-03-06',
    ]);
  });

  it('lists a moved session in the range it moved to, not the one it left', () => {
    const move = moveOccurrence(series, date('2026-03-06'), at('2026-03-09T15:00'));
    expect(expandSeries(series, [move], [], week).map((o) => o.originalDate)).toEqual([
      '2026-03-02',
      '2026-03-04',
    ]);
    const next = expandSeries(series, [move], [], range('2026-03-09', '2026-03-09'));
    expect(next.map((o) => [o.originalDate, o.localStart.toString(), o.index])).toEqual([
      ['2026-03-09', '2026-03-09T09:00:00', 3],
      ['2026-03-06', '2026-03-09T15:00:00', 2],
    ]);
  });

  it('substitutes a facilitator for one occurrence only', () => {
    const cover = aSeries({ facilitatorIds: [ids.drLee, ids.drPatel] });
    const sub = substituteFacilitator(cover, date('2026-03-04'), ids.drLee, ids.drOkafor);
    const [mon, wed] = expandSeries(cover, [sub], [], week);
    expect(mon?.facilitatorIds).toEqual([ids.drLee, ids.drPatel]);
    expect(wed?.facilitatorIds).toEqual([ids.drOkafor, ids.drPatel]);
    expect(wed?.status).toBe('scheduled');
  });

  it('checks an exception against the series before it is stored, naming the field', () => {
    expect(fieldsOf(() => cancelOccurrence(series, date('2026-03-03'), 'x'))).toEqual(['date']);
    expect(fieldsOf(() => cancelOccurrence(series, date('2026-03-04'), '  '))).toEqual(['reason']);
    expect(fieldsOf(() => moveOccurrence(series, date('2026-03-04'), at('2026-03-04T22:00')))).toEqual([
      'to',
    ]);
    expect(
      fieldsOf(() => substituteFacilitator(series, date('2026-03-04'), ids.drPatel, ids.drOkafor)),
    ).toEqual(['absentFacilitatorId']);
    expect(fieldsOf(() => substituteFacilitator(series, date('2026-03-04'), ids.drLee, ids.drLee))).toEqual([
      'substituteFacilitatorId',
    ]);
  });

  it("ignores exceptions of other series and for dates the pattern doesn't meet", () => {
    const other = { kind: 'cancel', seriesId: ids.otherSeries, date: '2026-03-04', reason: 'x' } as const;
    const offDay = { kind: 'cancel', seriesId: ids.series, date: '2026-03-03', reason: 'x' } as const;
    expect(expandSeries(series, [other, offDay], [], week).map((o) => o.status)).toEqual([
      'scheduled',
      'scheduled',
      'scheduled',
    ]);
  });

  it('lets a cancellation outrank a move of the same occurrence', () => {
    const move = moveOccurrence(series, date('2026-03-04'), at('2026-03-05T13:00'));
    const cancel = cancelOccurrence(series, date('2026-03-04'), 'Snow');
    const wed = expandSeries(series, [move, cancel], [], week).find((o) => o.originalDate === '2026-03-04');
    expect(wed?.status).toBe('cancelled');
    expect(wed?.localStart.toString()).toBe('2026-03-05T13:00:00');
  });
});

describe('location closure days', () => {
  const thanksgiving: LocationClosure = { date: '2026-11-26', reason: 'Thanksgiving' };
  const thursdays = aSeries({ weekdays: [2, 4], startDate: '2026-11-03' }); // Tue/Thu

  it('cancel every occurrence on the closed day, and it uses up no number', () => {
    const list = expandSeries(thursdays, [], [thanksgiving], range('2026-11-24', '2026-12-01'));
    expect(list.map((o) => [o.originalDate, o.status, o.index])).toEqual([
      ['2026-11-24', 'scheduled', 6],
      ['2026-11-26', 'cancelled', null],
      ['2026-12-01', 'scheduled', 7],
    ]);
    expect(list[1]?.cancellation).toEqual({ by: 'closure', reason: 'Thanksgiving' });
  });

  it('spare a session moved off the closed day, and cancel one moved onto it', () => {
    const away = moveOccurrence(thursdays, date('2026-11-26'), at('2026-11-25T09:00'));
    const onto = moveOccurrence(thursdays, date('2026-11-24'), at('2026-11-26T13:00'));
    const list = expandSeries(thursdays, [away, onto], [thanksgiving], range('2026-11-23', '2026-11-29'));
    expect(list.map((o) => [o.originalDate, o.status, o.index])).toEqual([
      ['2026-11-26', 'moved', 6],
      ['2026-11-24', 'cancelled', null],
    ]);
  });
});
