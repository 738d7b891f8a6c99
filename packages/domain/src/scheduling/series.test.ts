import { describe, expect, it } from 'vitest';
import { aSeries, domainErrorOf, fieldsOf, ids } from './fixtures.js';
import { parseGroupSeries, seriesProblems } from './series.js';

const valid = {
  id: ids.series,
  title: 'Relapse Prevention',
  kind: 'relapse_prevention',
  weekdays: [5, 1, 3, 1],
  startTime: '18:00',
  durationMinutes: 120,
  startDate: '2026-03-02',
  timeZone: 'America/Chicago',
  venue: { kind: 'room', roomId: ids.roomA },
  facilitatorIds: [ids.drPatel],
  capacity: 10,
};

describe('group series definition', () => {
  it('parses a valid series, sorting weekdays and filling defaults', () => {
    const series = parseGroupSeries(valid, { roomCapacity: 10 });
    expect(series.weekdays).toEqual([1, 3, 5]);
    expect(series.endDate).toBeNull();
    expect(series.curriculum).toEqual([]);
    expect(series.curriculumStartModule).toBe(0);
  });

  it('names endDate when the series ends before it starts', () => {
    expect(fieldsOf(() => parseGroupSeries({ ...valid, endDate: '2026-03-01' }))).toEqual(['endDate']);
    expect(parseGroupSeries({ ...valid, endDate: '2026-03-02' }).endDate).toBe('2026-03-02');
  });

  it("names durationMinutes beyond the track's daily maximum (default 4 h)", () => {
    expect(parseGroupSeries({ ...valid, durationMinutes: 240 }).durationMinutes).toBe(240);
    expect(fieldsOf(() => parseGroupSeries({ ...valid, durationMinutes: 241 }))).toEqual(['durationMinutes']);
    expect(fieldsOf(() => parseGroupSeries(valid, { maxDailyMinutes: 90 }))).toEqual(['durationMinutes']);
  });

  it('names durationMinutes when the group would run past midnight', () => {
    expect(fieldsOf(() => parseGroupSeries({ ...valid, startTime: '22:30', durationMinutes: 120 }))).toEqual([
      'durationMinutes',
    ]);
  });

  it('names weekdays when none are chosen, or one is out of range', () => {
    expect(fieldsOf(() => parseGroupSeries({ ...valid, weekdays: [] }))).toEqual(['weekdays']);
    expect(fieldsOf(() => parseGroupSeries({ ...valid, weekdays: [1, 8] }))).toEqual(['weekdays.1']);
    expect(seriesProblems({ ...aSeries(), weekdays: [] }).map((p) => p.field)).toEqual(['weekdays']);
  });

  it('names capacity when it exceeds the room, but not for a virtual group', () => {
    const error = domainErrorOf(() => parseGroupSeries({ ...valid, capacity: 14 }, { roomCapacity: 12 }));
    expect(error.code).toBe('validation');
    expect(error.errors).toEqual([{ field: 'capacity', message: expect.stringContaining('holds 12') }]);
    const virtual = parseGroupSeries(
      { ...valid, venue: { kind: 'virtual' }, capacity: 14 },
      { roomCapacity: 12 },
    );
    expect(virtual.capacity).toBe(14);
  });

  it('names malformed times, dates and zones', () => {
    expect(fieldsOf(() => parseGroupSeries({ ...valid, startTime: '9:00' }))).toEqual(['startTime']);
    expect(fieldsOf(() => parseGroupSeries({ ...valid, startDate: '2026-02-30' }))).toEqual(['startDate']);
    expect(fieldsOf(() => parseGroupSeries({ ...valid, timeZone: 'Mars/Olympus' }))).toEqual(['timeZone']);
    expect(fieldsOf(() => parseGroupSeries({ ...valid, kind: 'individual' }))).toEqual(['kind']);
  });

  it('reports every cross-field problem at once', () => {
    expect(
      fieldsOf(() =>
        parseGroupSeries(
          { ...valid, endDate: '2026-01-01', durationMinutes: 300, capacity: 20 },
          { roomCapacity: 10 },
        ),
      ),
    ).toEqual(['endDate', 'durationMinutes', 'capacity']);
  });

  it('names curriculumStartModule outside the curriculum', () => {
    expect(
      fieldsOf(() => parseGroupSeries({ ...valid, curriculum: ['A', 'B'], curriculumStartModule: 2 })),
    ).toEqual(['curriculumStartModule']);
  });
});
