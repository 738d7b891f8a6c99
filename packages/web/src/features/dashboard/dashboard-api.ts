import { useQuery } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import { request } from '../../app/api-client';
import type { Output } from '../../app/types';

export type CalendarItem = Output<typeof api.CalendarItem>;
export type Track = Output<typeof api.Track>;
export type TrackOutcome = Output<typeof api.TrackOutcome>;
export type DueMeasure = Output<typeof api.DueMeasure>;
export type DueMeasures = Output<typeof api.DueMeasures>;
export type PatientSummary = Output<typeof api.PatientSummary>;

const enc = encodeURIComponent;

export function useTodaysGroups(clinicianId: string, date: string) {
  return useQuery({
    queryKey: ['dashboard', 'calendar', clinicianId, date],
    queryFn: ({ signal }) =>
      request<{ items: CalendarItem[] }>('/calendar', {
        query: { view: 'day', date, clinicianId },
        signal,
      }).then((r) => r.items),
  });
}

export function useMyDueMeasures() {
  return useQuery({
    queryKey: ['measures', 'due', 'mine'],
    queryFn: ({ signal }) =>
      request<DueMeasures>('/measures/due', { query: { mine: true, limit: 50 }, signal }),
  });
}

export function useActiveTracks() {
  return useQuery({
    queryKey: ['dashboard', 'tracks'],
    queryFn: ({ signal }) =>
      request<{ items: Track[] }>('/tracks', { signal }).then((r) =>
        r.items.filter((t) => t.status === 'active'),
      ),
  });
}

export function useTrackOutcome(trackId: string, instrument: string) {
  return useQuery({
    queryKey: ['measures', 'track-outcome', trackId, instrument],
    queryFn: ({ signal }) =>
      request<TrackOutcome>(`/tracks/${enc(trackId)}/outcomes`, { query: { instrument }, signal }),
  });
}
