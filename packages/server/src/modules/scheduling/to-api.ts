import type { api, IntensityResult, Occurrence } from '@trellis/domain';
import type { Temporal } from 'temporal-polyfill';
import type { AppointmentRow, SeriesRow } from './tables.js';

export const minuteText = (t: Temporal.PlainDateTime) => t.toString({ smallestUnit: 'minute' });

export function toSeries(row: SeriesRow, timeZone: string): api.Series {
  return {
    id: row.id,
    trackId: row.track_id,
    locationId: row.location_id,
    timeZone,
    title: row.title,
    kind: row.kind as api.Series['kind'],
    weekdays: row.weekdays,
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    startDate: row.start_date,
    endDate: row.end_date,
    venue: row.room_id ? { kind: 'room', roomId: row.room_id } : { kind: 'virtual' },
    facilitatorIds: row.facilitator_ids,
    capacity: row.capacity,
    curriculum: row.curriculum,
    curriculumStartModule: row.curriculum_start_module,
    previousSeriesId: row.previous_series_id,
    version: row.version,
  };
}

export function toOccurrence(o: Occurrence, trackId: string): api.Occurrence {
  return {
    key: o.key,
    seriesId: o.seriesId,
    trackId,
    title: o.title,
    kind: o.kind,
    originalDate: o.originalDate,
    status: o.status,
    start: minuteText(o.localStart),
    end: minuteText(o.localEnd),
    timeZone: o.timeZone,
    startUtc: o.startUtc,
    endUtc: o.endUtc,
    shiftedByDst: o.shiftedByDst,
    module: o.module ? { index: o.module.index, title: o.module.title, cycle: o.module.cycle } : null,
    facilitatorIds: o.facilitatorIds,
    venue: o.venue,
    cancellationReason: o.cancellation?.reason ?? null,
  };
}

export function toWeekIntensity(result: IntensityResult & { weekStart: string }): api.WeekIntensity {
  return {
    weekStart: result.weekStart,
    sessions: result.sessions,
    days: result.days,
    totalHours: Math.round(result.totalHours * 100) / 100,
    flags: result.flags,
    problems: result.problems,
    meetsMinimum: result.meetsMinimum,
  };
}

export function toAppointment(
  row: AppointmentRow,
  timeZone: string,
  local: { start: string; end: string },
  intensity: api.Appointment['intensity'],
): api.Appointment {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    clinicianId: row.clinician_id,
    participantIds: row.participant_ids,
    locationId: row.location_id,
    timeZone,
    venue: row.room_id ? { kind: 'room', roomId: row.room_id } : { kind: 'virtual' },
    start: local.start,
    end: local.end,
    startUtc: row.starts_at.toISOString(),
    endUtc: row.ends_at.toISOString(),
    durationMinutes: Math.round((row.ends_at.getTime() - row.starts_at.getTime()) / 60_000),
    cancelReason: row.cancel_reason,
    intensity,
    version: row.version,
  };
}
