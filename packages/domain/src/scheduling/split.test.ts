import { describe, expect, it } from 'vitest';
import { cancelOccurrence } from './exceptions.js';
import { expandSeries } from './expand.js';
import { aSeries, date, fieldsOf, ids, range } from './fixtures.js';
import { splitSeriesAt } from './split.js';

const series = aSeries(); // Mon/Wed/Fri from 2 March 2026, four modules

describe('changing a series from one date on', () => {
  it('ends the old series the day before and starts a new one with the changes', () => {
    const { ended, next } = splitSeriesAt(series, date('2026-03-16'), {
      newId: ids.newSeries,
      changes: { startTime: '10:00', venue: { kind: 'room', roomId: ids.roomA } },
    });
    expect(ended).toEqual({ ...series, endDate: '2026-03-15' });
    expect(next).toMatchObject({
      id: ids.newSeries,
      startDate: '2026-03-16',
      endDate: null,
      startTime: '10:00',
    });
    const before = expandSeries(ended, [], [], range('2026-03-09', '2026-03-22'));
    const after = expandSeries(next, [], [], range('2026-03-09', '2026-03-22'));
    expect(before.map((o) => o.localStart.toString())).toEqual([
      '2026-03-09T09:00:00',
      '2026-03-11T09:00:00',
      '2026-03-13T09:00:00',
    ]);
    expect(after.map((o) => o.localStart.toString())).toEqual([
      '2026-03-16T10:00:00',
      '2026-03-18T10:00:00',
      '2026-03-20T10:00:00',
    ]);
  });

  it('carries the curriculum on where the old series left it', () => {
    const cancel = cancelOccurrence(series, date('2026-03-04'), 'Snow');
    // Held before 11 March: 2, 6 and 9 March (4 March cancelled), so the next module is the 4th.
    const { next } = splitSeriesAt(series, date('2026-03-11'), {
      newId: ids.newSeries,
      exceptions: [cancel],
    });
    expect(next.curriculumStartModule).toBe(3);
    const [first] = expandSeries(next, [], [], range('2026-03-11', '2026-03-11'));
    expect(first?.module?.title).toBe('Interpersonal effectiveness');
  });

  it('restarts the rotation when the curriculum itself changes', () => {
    const { next } = splitSeriesAt(series, date('2026-03-11'), {
      newId: ids.newSeries,
      changes: { curriculum: ['Urges', 'Triggers'] },
    });
    expect(next.curriculumStartModule).toBe(0);
  });

  it('moves later exceptions to the new series and reports those that no longer fit', () => {
    const onWed = cancelOccurrence(series, date('2026-03-18'), 'Staff meeting');
    const onFri = cancelOccurrence(series, date('2026-03-20'), 'Holiday');
    const earlier = cancelOccurrence(series, date('2026-03-04'), 'Snow');
    const split = splitSeriesAt(series, date('2026-03-16'), {
      newId: ids.newSeries,
      changes: { weekdays: [1, 3] },
      exceptions: [earlier, onWed, onFri],
    });
    expect(split.carriedExceptions).toEqual([{ ...onWed, seriesId: ids.newSeries }]);
    expect(split.droppedExceptions).toEqual([onFri]);
  });

  it('names the field when the split or the change is not possible', () => {
    expect(fieldsOf(() => splitSeriesAt(series, date('2026-03-02'), { newId: ids.newSeries }))).toEqual([
      'fromDate',
    ]);
    const ending = aSeries({ endDate: '2026-03-31' });
    expect(fieldsOf(() => splitSeriesAt(ending, date('2026-04-01'), { newId: ids.newSeries }))).toEqual([
      'fromDate',
    ]);
    expect(
      fieldsOf(() =>
        splitSeriesAt(series, date('2026-03-16'), {
          newId: ids.newSeries,
          changes: { durationMinutes: 300 },
        }),
      ),
    ).toEqual(['durationMinutes']);
  });
});
