import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import { request } from '../../app/api-client';
import type { Input, Output } from '../../app/types';

export type InstrumentCode = Output<typeof api.InstrumentCode>;
export type InstrumentSummary = Output<typeof api.InstrumentSummary>;
export type InstrumentDefinition = Output<typeof api.InstrumentDefinition>;
export type InstrumentItem = InstrumentDefinition['items'][number];
export type Band = InstrumentDefinition['bands'][number];
export type Administration = Output<typeof api.Administration>;
export type PatientOutcome = Output<typeof api.PatientOutcome>;
export type OutcomePoint = Output<typeof api.OutcomePoint>;
export type ChangeSummary = Output<typeof api.ChangeSummary>;
export type MeasureLink = Output<typeof api.MeasureLink>;
export type DueMeasures = Output<typeof api.DueMeasures>;
export type DueMeasure = Output<typeof api.DueMeasure>;
export type RecordBody = Input<typeof api.RecordAdministrationRequest>;
export type ChartHeader = Output<typeof api.ChartHeader>;

const enc = encodeURIComponent;

export const measureKeys = {
  all: ['measures'] as const,
  instruments: () => ['measures', 'instruments'] as const,
  instrument: (code: string) => ['measures', 'instrument', code] as const,
  history: (patientId: string) => ['measures', 'history', patientId] as const,
  outcome: (patientId: string, code: string) => ['measures', 'outcome', patientId, code] as const,
  due: () => ['measures', 'due'] as const,
};

export function useInstruments() {
  return useQuery({
    queryKey: measureKeys.instruments(),
    queryFn: ({ signal }) =>
      request<{ items: InstrumentSummary[] }>('/instruments', { signal }).then((r) => r.items),
    staleTime: 30 * 60_000,
  });
}

export function useInstrument(code: string | null) {
  return useQuery({
    queryKey: measureKeys.instrument(code ?? ''),
    queryFn: ({ signal }) => request<InstrumentDefinition>(`/instruments/${enc(code ?? '')}`, { signal }),
    enabled: Boolean(code),
    staleTime: 30 * 60_000,
  });
}

/** The name at the top of the page, from the chart header (one call, audited as a chart read). */
export function usePatientName(patientId: string) {
  return useQuery({
    queryKey: ['measures', 'patient-name', patientId],
    queryFn: ({ signal }) =>
      request<ChartHeader>(`/patients/${enc(patientId)}/chart`, { signal }).then(
        (r) => r.patient.displayName,
      ),
    staleTime: 5 * 60_000,
  });
}

export function useAdministrations(patientId: string) {
  return useQuery({
    queryKey: measureKeys.history(patientId),
    queryFn: ({ signal }) =>
      request<{ items: Administration[] }>(`/patients/${enc(patientId)}/measures`, {
        query: { limit: 500 },
        signal,
      }).then((r) => r.items),
  });
}

export function usePatientOutcome(patientId: string, code: string | null) {
  return useQuery({
    queryKey: measureKeys.outcome(patientId, code ?? ''),
    queryFn: ({ signal }) =>
      request<PatientOutcome>(`/patients/${enc(patientId)}/outcomes`, {
        query: { instrument: code },
        signal,
      }),
    enabled: Boolean(code),
  });
}

export function useRecordAdministration(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordBody) =>
      request<Administration>(`/patients/${enc(patientId)}/measures`, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: measureKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

export function useIssueMeasureLink(patientId: string) {
  return useMutation({
    mutationFn: (body: { instruments: InstrumentCode[]; expiresInHours: number }) =>
      request<MeasureLink>(`/patients/${enc(patientId)}/measure-links`, { method: 'POST', body }),
  });
}

export function useDueMeasures(enabled: boolean) {
  return useQuery({
    queryKey: measureKeys.due(),
    queryFn: ({ signal }) =>
      request<DueMeasures>('/measures/due', { query: { mine: true, limit: 50 }, signal }),
    enabled,
  });
}
