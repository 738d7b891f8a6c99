import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import { request } from '../../app/api-client';
import type { Input, Output } from '../../app/types';

export type PatientSummary = api.PatientSummary;
export type Patient = api.Patient;
export type ChartHeader = api.ChartHeader;
export type Episode = api.Episode;
export type Coverage = api.Coverage;
export type BenefitCheck = api.BenefitCheck;
export type Consent = api.Consent;
export type ConsentPreview = api.ConsentPreview;
export type CreatePatientBody = Input<typeof api.CreatePatientRequest>;
export type ConsentTerms = Input<typeof api.ConsentPreviewRequest>;
export type CreateConsentBody = Input<typeof api.CreateConsentRequest>;
export type RevokeConsentBody = Input<typeof api.RevokeConsentRequest>;
export type SearchResult = Output<typeof api.PatientSearchResult>;

const enc = encodeURIComponent;

export const patientKeys = {
  search: (q: string) => ['patients', 'search', q] as const,
  chart: (id: string) => ['patients', id, 'chart'] as const,
  episodes: (id: string) => ['patients', id, 'episodes'] as const,
  coverages: (id: string) => ['patients', id, 'coverages'] as const,
  consents: (id: string) => ['patients', id, 'consents'] as const,
};

export function usePatientSearch(q: string) {
  return useQuery({
    queryKey: patientKeys.search(q),
    queryFn: ({ signal }) => request<SearchResult>('/patients', { query: { q, limit: 25 }, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useChartHeader(id: string) {
  return useQuery({
    queryKey: patientKeys.chart(id),
    queryFn: ({ signal }) => request<ChartHeader>(`/patients/${enc(id)}/chart`, { signal }),
  });
}

export function useEpisodes(id: string) {
  return useQuery({
    queryKey: patientKeys.episodes(id),
    queryFn: ({ signal }) =>
      request<{ items: Episode[] }>(`/patients/${enc(id)}/episodes`, { signal }).then((r) => r.items),
  });
}

export function useCoverages(id: string) {
  return useQuery({
    queryKey: patientKeys.coverages(id),
    queryFn: ({ signal }) =>
      request<{ items: Coverage[] }>(`/patients/${enc(id)}/coverages`, { signal }).then((r) => r.items),
  });
}

export function useConsents(id: string) {
  return useQuery({
    queryKey: patientKeys.consents(id),
    queryFn: ({ signal }) =>
      request<{ items: Consent[] }>(`/patients/${enc(id)}/consents`, { signal }).then((r) => r.items),
  });
}

export function useCreatePatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePatientBody) => request<Patient>('/patients', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['patients', 'search'] }),
  });
}

export function useAddCoverage(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Input<typeof api.CoverageInput>) =>
      request<Coverage>(`/patients/${enc(patientId)}/coverages`, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['patients', patientId] }),
  });
}

export function usePreviewConsent(patientId: string) {
  return useMutation({
    mutationFn: (body: ConsentTerms) =>
      request<ConsentPreview>(`/patients/${enc(patientId)}/consents/preview`, { method: 'POST', body }),
  });
}

export function useCreateConsent(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConsentBody) =>
      request<Consent>(`/patients/${enc(patientId)}/consents`, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['patients', patientId] }),
  });
}

export function useRevokeConsent(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RevokeConsentBody }) =>
      request<Consent>(`/consents/${enc(id)}/revoke`, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['patients', patientId] }),
  });
}
