import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import { ApiError, request } from '../../app/api-client';
import type { Input, Location, Output, Room, StaffUser } from '../../app/types';

export type CalendarItem = Output<typeof api.CalendarItem>;
export type Calendar = Output<typeof api.Calendar>;
export type Series = Output<typeof api.Series>;
export type Track = Output<typeof api.Track>;
export type Enrollment = Output<typeof api.Enrollment>;
export type Appointment = Output<typeof api.Appointment>;
export type Slot = Output<typeof api.Slot>;
export type SlotList = Output<typeof api.SlotList>;
export type ShortfallList = Output<typeof api.ShortfallList>;
export type ChangeSeriesResult = Output<typeof api.ChangeSeriesResult>;
export type CreateSeriesBody = Input<typeof api.CreateSeriesRequest>;
export type ChangeSeriesBody = Input<typeof api.ChangeSeriesRequest>;
export type EnrollBody = Input<typeof api.EnrollRequest>;
export type ChangeEnrollmentBody = Input<typeof api.ChangeEnrollmentRequest>;
export type CreateAppointmentBody = Input<typeof api.CreateAppointmentRequest>;
export type CalendarView = 'week' | 'day';
export type CalendarBy = 'trackId' | 'roomId' | 'clinicianId' | 'patientId';

const enc = encodeURIComponent;

export const scheduleKeys = {
  all: ['schedule'] as const,
  calendar: (view: CalendarView, date: string, by: CalendarBy, id: string) =>
    ['schedule', 'calendar', view, date, by, id] as const,
  series: (trackId: string) => ['schedule', 'series', trackId] as const,
  oneSeries: (id: string) => ['schedule', 'series-one', id] as const,
  enrollment: (episodeId: string) => ['schedule', 'enrollment', episodeId] as const,
  shortfalls: (week: string) => ['schedule', 'shortfalls', week] as const,
};

export function useCalendar(view: CalendarView, date: string, by: CalendarBy, id: string | null) {
  return useQuery({
    queryKey: scheduleKeys.calendar(view, date, by, id ?? ''),
    queryFn: ({ signal }) => request<Calendar>('/calendar', { query: { view, date, [by]: id }, signal }),
    enabled: Boolean(id),
    placeholderData: (previous) => previous,
  });
}

export function useTracks() {
  return useQuery({
    queryKey: ['schedule', 'tracks'],
    queryFn: ({ signal }) =>
      request<{ items: Track[] }>('/tracks', { signal }).then((r) =>
        r.items.filter((t) => t.status === 'active'),
      ),
    staleTime: 5 * 60_000,
  });
}

export function useRooms(enabled = true) {
  return useQuery({
    queryKey: ['schedule', 'rooms'],
    queryFn: ({ signal }) =>
      request<{ items: Room[] }>('/rooms', { signal }).then((r) => r.items.filter((room) => room.active)),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useLocations(enabled = true) {
  return useQuery({
    queryKey: ['schedule', 'locations'],
    queryFn: ({ signal }) => request<{ items: Location[] }>('/locations', { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Active clinicians and directors: the people who may facilitate a group or see someone. */
export function useClinicians(enabled = true) {
  return useQuery({
    queryKey: ['schedule', 'clinicians'],
    queryFn: ({ signal }) =>
      request<{ items: StaffUser[] }>('/users', { signal }).then((r) =>
        r.items
          .filter((u) => u.active && u.roles.some((role) => role === 'clinician' || role === 'director'))
          .sort((a, b) => a.displayName.localeCompare(b.displayName)),
      ),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useTrackSeries(trackId: string | null) {
  return useQuery({
    queryKey: scheduleKeys.series(trackId ?? ''),
    queryFn: ({ signal }) =>
      request<{ items: Series[] }>('/series', { query: { trackId }, signal }).then((r) => r.items),
    enabled: Boolean(trackId),
  });
}

export function useSeries(id: string | null) {
  return useQuery({
    queryKey: scheduleKeys.oneSeries(id ?? ''),
    queryFn: ({ signal }) => request<Series>(`/series/${enc(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useCreateSeries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSeriesBody) => request<Series>('/series', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: scheduleKeys.all }),
  });
}

export function useChangeSeries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: ChangeSeriesBody }) =>
      request<ChangeSeriesResult>(`/series/${enc(id)}`, { method: 'PATCH', body, version }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: scheduleKeys.all }),
  });
}

/** The episode's enrollment; null when the participant is not enrolled yet (404). */
export function useEnrollment(episodeId: string | null) {
  return useQuery({
    queryKey: scheduleKeys.enrollment(episodeId ?? ''),
    queryFn: async ({ signal }) => {
      try {
        return await request<Enrollment>(`/episodes/${enc(episodeId ?? '')}/enrollment`, { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled: Boolean(episodeId),
  });
}

export function useSaveEnrollment(episodeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version?: number; body: EnrollBody | ChangeEnrollmentBody }) =>
      version === undefined
        ? request<Enrollment>(`/episodes/${enc(episodeId)}/enrollment`, { method: 'POST', body })
        : request<Enrollment>(`/episodes/${enc(episodeId)}/enrollment`, { method: 'PUT', body, version }),
    onSuccess: (enrollment) => {
      queryClient.setQueryData(scheduleKeys.enrollment(episodeId), enrollment);
      void queryClient.invalidateQueries({ queryKey: ['schedule', 'calendar'] });
      void queryClient.invalidateQueries({ queryKey: ['schedule', 'shortfalls'] });
    },
  });
}

export interface SlotSearch {
  clinicianId: string;
  patientId: string;
  duration: number;
  from: string;
  to: string;
  roomId?: string | undefined;
}

export function useSlots(search: SlotSearch | null) {
  return useQuery({
    queryKey: ['schedule', 'slots', search],
    queryFn: ({ signal }) => request<SlotList>('/slots', { query: { ...search, limit: 100 }, signal }),
    enabled: search !== null,
    retry: false,
  });
}

export function useBookAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAppointmentBody) =>
      request<Appointment>('/appointments', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: scheduleKeys.all }),
  });
}

export function useAppointment(id: string | null) {
  return useQuery({
    queryKey: ['schedule', 'appointment', id ?? ''],
    queryFn: ({ signal }) => request<Appointment>(`/appointments/${enc(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useCancelAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, reason }: { id: string; version: number; reason: string }) =>
      request<Appointment>(`/appointments/${enc(id)}`, {
        method: 'PATCH',
        body: { status: 'cancelled', reason },
        version,
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: scheduleKeys.all }),
  });
}

export function useShortfalls(week: string, enabled: boolean) {
  return useQuery({
    queryKey: scheduleKeys.shortfalls(week),
    queryFn: ({ signal }) =>
      request<ShortfallList>('/intensity/shortfalls', { query: { week, limit: 50 }, signal }),
    enabled,
  });
}
