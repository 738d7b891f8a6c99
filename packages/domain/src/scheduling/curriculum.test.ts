import { describe, expect, it } from 'vitest';
import { moduleForSession, modulesMissing } from './curriculum.js';
import { cancelOccurrence } from './exceptions.js';
import { expandSeries } from './expand.js';
import { aSeries, DBT_MODULES, date, range } from './fixtures.js';

describe('curriculum rotation', () => {
  const series = aSeries(); // Mon/Wed/Fri, four modules

  it('rotates by held session, so cancelled and closed days use up no module', () => {
    const cancel = cancelOccurrence(series, date('2026-03-04'), 'Snow');
    const closure = { date: '2026-03-09', reason: 'Staff training' };
    const list = expandSeries(series, [cancel], [closure], range('2026-03-02', '2026-03-20'));
    expect(list.map((o) => [o.originalDate, o.module?.title ?? '—'])).toEqual([
      ['2026-03-02', 'Mindfulness'],
      ['2026-03-04', '—'],
      ['2026-03-06', 'Distress tolerance'],
      ['2026-03-09', '—'],
      ['2026-03-11', 'Emotion regulation'],
      ['2026-03-13', 'Interpersonal effectiveness'],
      ['2026-03-16', 'Mindfulness'],
      ['2026-03-18', 'Distress tolerance'],
      ['2026-03-20', 'Emotion regulation'],
    ]);
    expect(list[6]?.module).toEqual({ index: 0, title: 'Mindfulness', cycle: 1 });
  });

  it('gives someone joining in week 3 every module in their next four sessions', () => {
    const cancel = cancelOccurrence(series, date('2026-03-18'), 'Snow');
    const fromWeek3 = expandSeries(series, [cancel], [], range('2026-03-16', '2026-04-30')).filter(
      (o) => o.status !== 'cancelled',
    );
    const attended = fromWeek3.slice(0, DBT_MODULES.length).map((o) => o.module);
    expect(modulesMissing(DBT_MODULES, attended)).toEqual([]);
    expect(modulesMissing(DBT_MODULES, attended.slice(0, 3))).toHaveLength(1);
  });

  it('starts at a given module and has none without a curriculum', () => {
    expect(moduleForSession(['A', 'B', 'C'], 0, 2)).toEqual({ index: 2, title: 'C', cycle: 0 });
    expect(moduleForSession(['A', 'B', 'C'], 1, 2)).toEqual({ index: 0, title: 'A', cycle: 1 });
    const process = aSeries({ kind: 'process', curriculum: [] });
    expect(expandSeries(process, [], [], range('2026-03-02', '2026-03-02'))[0]?.module).toBeNull();
  });
});
