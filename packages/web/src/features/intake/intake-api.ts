import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import { ApiError, request } from '../../app/api-client';
import type { Input, Output } from '../../app/types';

export type InquiryDetail = api.InquiryDetail;
export type InquiryBoard = api.InquiryBoard;
export type InquiryCard = api.InquiryCard;
export type InquiryStageChange = api.InquiryStageChange;
export type Coverage = api.Coverage;
export type BenefitCheck = api.BenefitCheck;
export type ReferralSource = api.ReferralSource;
export type Task = Output<typeof api.Task>;
export type Track = api.Track;
export type DiagnosisCode = Output<typeof api.DiagnosisCode>;
export type PatientSummary = api.PatientSummary;
export type ScreeningRecorded = api.ScreeningRecorded;
export type CreateInquiryBody = Input<typeof api.CreateInquiryRequest>;
export type UpdateInquiryBody = Input<typeof api.UpdateInquiryRequest>;
export type TransitionBody = Input<typeof api.InquiryTransitionRequest>;
export type ScreeningBody = Input<typeof api.ScreeningRequest>;
export type BenefitCheckBody = Input<typeof api.BenefitCheckInput>;
export type CoverageBody = Input<typeof api.CoverageInput>;
export type ConvertBody = Input<typeof api.ConvertInquiryRequest>;
export type AdmitBody = Input<typeof api.AdmitInquiryRequest>;
export type ConvertResult = api.ConvertInquiryResult;
export type AdmitResult = api.AdmitInquiryResult;

export const intakeKeys = {
  all: ['intake'] as const,
  board: () => ['intake', 'board'] as const,
  one: (id: string) => ['intake', 'one', id] as const,
  history: (id: string) => ['intake', 'history', id] as const,
  followUps: (id: string) => ['intake', 'follow-ups', id] as const,
};

const enc = encodeURIComponent;

export function useInquiryBoard() {
  return useQuery({
    queryKey: intakeKeys.board(),
    queryFn: ({ signal }) => request<InquiryBoard>('/inquiries/board', { query: { perStage: 50 }, signal }),
  });
}

export function useInquiry(id: string) {
  return useQuery({
    queryKey: intakeKeys.one(id),
    queryFn: ({ signal }) => request<InquiryDetail>(`/inquiries/${enc(id)}`, { signal }),
  });
}

export function useInquiryHistory(id: string) {
  return useQuery({
    queryKey: intakeKeys.history(id),
    queryFn: ({ signal }) =>
      request<{ items: InquiryStageChange[] }>(`/inquiries/${enc(id)}/history`, { signal }).then(
        (r) => r.items,
      ),
  });
}

export function useFollowUps(id: string) {
  return useQuery({
    queryKey: intakeKeys.followUps(id),
    queryFn: ({ signal }) =>
      request<{ items: Task[] }>(`/inquiries/${enc(id)}/follow-ups`, { signal }).then((r) => r.items),
  });
}

export function useReferralSources() {
  return useQuery({
    queryKey: ['intake', 'referral-sources'],
    queryFn: ({ signal }) =>
      request<{ items: ReferralSource[] }>('/referral-sources', { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

export function useTracks() {
  return useQuery({
    queryKey: ['tracks', 'list'],
    queryFn: ({ signal }) => request<{ items: Track[] }>('/tracks', { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

export type StaffUser = api.StaffUser;

/** Active staff with the clinician role: who can be a primary clinician. */
export function useClinicians() {
  return useQuery({
    queryKey: ['users', 'list', { clinicians: true }],
    queryFn: ({ signal }) =>
      request<{ items: StaffUser[] }>('/users', { signal }).then((r) =>
        r.items.filter((u) => u.active && u.roles.includes('clinician')),
      ),
    staleTime: 5 * 60_000,
  });
}

export function useDiagnosisSearch(q: string) {
  return useQuery({
    queryKey: ['diagnoses', q],
    queryFn: ({ signal }) =>
      request<{ items: DiagnosisCode[] }>('/diagnoses', { query: { q, limit: 20 }, signal }).then(
        (r) => r.items,
      ),
    placeholderData: (previous) => previous,
    staleTime: 10 * 60_000,
  });
}

/** After a change to one inquiry: it is known, the board and its history may be out of date. */
function useRemember() {
  const queryClient = useQueryClient();
  return (inquiry: InquiryDetail | null, id?: string) => {
    if (inquiry) queryClient.setQueryData(intakeKeys.one(inquiry.id), inquiry);
    else if (id) void queryClient.invalidateQueries({ queryKey: intakeKeys.one(id) });
    const which = inquiry?.id ?? id;
    if (which) {
      void queryClient.invalidateQueries({ queryKey: intakeKeys.history(which) });
      void queryClient.invalidateQueries({ queryKey: intakeKeys.followUps(which) });
    }
    void queryClient.invalidateQueries({ queryKey: intakeKeys.board() });
  };
}

export function useCreateInquiry() {
  const remember = useRemember();
  return useMutation({
    mutationFn: (body: CreateInquiryBody) => request<InquiryDetail>('/inquiries', { method: 'POST', body }),
    onSuccess: (inquiry) => remember(inquiry),
  });
}

export function useUpdateInquiry() {
  const remember = useRemember();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: UpdateInquiryBody }) =>
      request<InquiryDetail>(`/inquiries/${enc(id)}`, { method: 'PATCH', body, version }),
    onSuccess: (inquiry) => remember(inquiry),
    onError: (error, { id }) => {
      if (error instanceof ApiError && error.isStale) remember(null, id);
    },
  });
}

export function useTransition(id: string) {
  const remember = useRemember();
  return useMutation({
    mutationFn: (body: TransitionBody) =>
      request<InquiryDetail>(`/inquiries/${enc(id)}/transition`, { method: 'POST', body }),
    onSuccess: (inquiry) => remember(inquiry),
  });
}

export function useRecordScreening(id: string) {
  const remember = useRemember();
  return useMutation({
    mutationFn: (body: ScreeningBody) =>
      request<ScreeningRecorded>(`/inquiries/${enc(id)}/screenings`, { method: 'POST', body }),
    onSuccess: () => remember(null, id),
  });
}

export function useAddInquiryCoverage(id: string) {
  const remember = useRemember();
  return useMutation({
    mutationFn: (body: CoverageBody) =>
      request<Coverage>(`/inquiries/${enc(id)}/coverages`, { method: 'POST', body }),
    onSuccess: () => remember(null, id),
  });
}

/** Records a benefit check on a coverage; `inquiryId` or `patientId` says which page to refresh. */
export function useRecordBenefitCheck(owner: { inquiryId?: string; patientId?: string }) {
  const remember = useRemember();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ coverageId, body }: { coverageId: string; body: BenefitCheckBody }) =>
      request<BenefitCheck>(`/coverages/${enc(coverageId)}/benefit-checks`, { method: 'POST', body }),
    onSuccess: () => {
      if (owner.inquiryId) remember(null, owner.inquiryId);
      if (owner.patientId) void queryClient.invalidateQueries({ queryKey: ['patients', owner.patientId] });
    },
  });
}

export function useAddFollowUp(id: string) {
  const remember = useRemember();
  return useMutation({
    mutationFn: (body: { title: string; dueAt: string }) =>
      request<Task>(`/inquiries/${enc(id)}/follow-ups`, { method: 'POST', body }),
    onSuccess: () => remember(null, id),
  });
}

export function useConvert(id: string) {
  const remember = useRemember();
  return useMutation({
    mutationFn: (body: ConvertBody) =>
      request<ConvertResult>(`/inquiries/${enc(id)}/convert`, { method: 'POST', body }),
    onSuccess: () => remember(null, id),
  });
}

export function useAdmit(id: string) {
  const remember = useRemember();
  return useMutation({
    mutationFn: (body: AdmitBody) =>
      request<AdmitResult>(`/inquiries/${enc(id)}/admit`, { method: 'POST', body }),
    onSuccess: () => remember(null, id),
  });
}

/** The candidates of a duplicate warning (409), if this error is one. */
export function duplicateCandidates(error: unknown): PatientSummary[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const candidates = (error.problem as { candidates?: PatientSummary[] }).candidates;
  return Array.isArray(candidates) && candidates.length > 0 ? candidates : null;
}
