import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import { ApiError, request } from '../../app/api-client';
import type { Input, Output, StaffUser } from '../../app/types';

export type EpisodePlan = Output<typeof api.EpisodePlan>;
export type TreatmentPlan = Output<typeof api.TreatmentPlan>;
export type PlanVersion = Output<typeof api.PlanVersion>;
export type PlanVersionSummary = Output<typeof api.PlanVersionSummary>;
export type PlanContent = Output<typeof api.PlanContent>;
export type PlanProblem = Output<typeof api.PlanProblem>;
export type PlanChange = Output<typeof api.PlanChange>;
export type PlanDiff = Output<typeof api.PlanDiff>;
export type PlanDue = Output<typeof api.PlanDue>;
export type PlanReview = Output<typeof api.PlanReview>;
export type PlanTemplate = Output<typeof api.PlanTemplate>;
export type PlanSignatureLink = Output<typeof api.PlanSignatureLink>;
export type ScheduleThread = Output<typeof api.ScheduleThread>;
export type InterventionThread = ScheduleThread['interventions'][number];
export type PrintablePlan = Output<typeof api.PrintablePlan>;
export type PlanDocument = Output<typeof api.PlanDocument>;
export type DuePlanList = Output<typeof api.DuePlanList>;
export type DuePlanItem = DuePlanList['items'][number];
export type PlanStaleProblem = Output<typeof api.PlanStaleProblem>;
export type Episode = Output<typeof api.Episode>;
export type PlanContentInput = Input<typeof api.PlanContentInput>;
export type StartReviewBody = Input<typeof api.StartReviewRequest>;
export type ParticipantSignBody = Input<typeof api.ParticipantSignPlanRequest>;
export type StaffSignBody = Input<typeof api.SignPlanRequest>;

const enc = encodeURIComponent;

export const planKeys = {
  all: ['plans'] as const,
  episode: (episodeId: string) => ['plans', 'episode', episodeId] as const,
  /** Everything read about one plan (diff, thread, print, reviews): refreshed after each change. */
  plan: (planId: string) => ['plans', 'plan', planId] as const,
  templates: () => ['plans', 'templates'] as const,
  due: (scope: 'mine' | 'all') => ['plans', 'due', scope] as const,
};

export function useEpisodePlan(episodeId: string | null) {
  return useQuery({
    queryKey: planKeys.episode(episodeId ?? ''),
    queryFn: ({ signal }) => request<EpisodePlan>(`/episodes/${enc(episodeId ?? '')}/plan`, { signal }),
    enabled: Boolean(episodeId),
    // The editor holds the draft: a refetch on focus would only race the autosave.
    refetchOnWindowFocus: false,
    // While waiting for signatures (a participant signing on their phone), look every 15 s.
    refetchInterval: (query) =>
      query.state.data?.plan?.current.status === 'awaiting_signatures' ? 15_000 : false,
  });
}

/** The episode, for its diagnoses (a problem links to one of them). */
export function useEpisode(episodeId: string | null) {
  return useQuery({
    queryKey: ['episodes', episodeId],
    queryFn: ({ signal }) => request<Episode>(`/episodes/${enc(episodeId ?? '')}`, { signal }),
    enabled: Boolean(episodeId),
    staleTime: 60_000,
  });
}

/** Active staff who can be responsible for an intervention, by name. */
export function useStaff(enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['plans', 'staff'],
    queryFn: ({ signal }) =>
      request<{ items: StaffUser[] }>('/users', { signal }).then((r) =>
        r.items
          .filter((u) => u.active && u.roles.some((role) => role !== 'front_desk' && role !== 'billing'))
          .sort((a, b) => a.displayName.localeCompare(b.displayName)),
      ),
    staleTime: 5 * 60_000,
  });
}

export function usePlanTemplates() {
  return useQuery({
    queryKey: planKeys.templates(),
    queryFn: ({ signal }) =>
      request<{ items: PlanTemplate[] }>('/plan-templates', { signal }).then((r) => r.items),
    staleTime: 10 * 60_000,
  });
}

/** After any change: the plan as the server answered it, and everything derived from it read again. */
export function usePlanSaved(episodeId: string) {
  const queryClient = useQueryClient();
  return (plan: TreatmentPlan) => {
    queryClient.setQueryData<EpisodePlan>(planKeys.episode(episodeId), (old) =>
      old ? { ...old, plan, due: plan.due } : old,
    );
    void queryClient.invalidateQueries({ queryKey: planKeys.plan(plan.id) });
    void queryClient.invalidateQueries({ queryKey: ['plans', 'due'] });
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
  };
}

export function useStartPlan(episodeId: string) {
  const saved = usePlanSaved(episodeId);
  return useMutation({
    mutationFn: (templateIds: string[]) =>
      request<TreatmentPlan>(`/episodes/${enc(episodeId)}/plan`, { method: 'POST', body: { templateIds } }),
    onSuccess: saved,
  });
}

/** The autosave: a full replace of the draft's content, If-Match the plan's version. */
export function saveDraft(planId: string, version: number, content: PlanContentInput) {
  return request<TreatmentPlan>(`/plans/${enc(planId)}/draft`, {
    method: 'PUT',
    version,
    body: { content },
  });
}

type PlanAction =
  | { kind: 'sign'; body: StaffSignBody }
  | { kind: 'cosign'; body: StaffSignBody }
  | { kind: 'participant'; body: ParticipantSignBody }
  | { kind: 'submit' };

const ACTION_PATH: Record<PlanAction['kind'], string> = {
  sign: 'sign',
  cosign: 'cosign',
  participant: 'participant-signature',
  submit: 'submit',
};

/** Signing steps: each answers the plan as it now is. */
export function usePlanAction(episodeId: string, plan: TreatmentPlan) {
  const saved = usePlanSaved(episodeId);
  return useMutation({
    mutationFn: (action: PlanAction) =>
      request<TreatmentPlan>(`/plans/${enc(plan.id)}/${ACTION_PATH[action.kind]}`, {
        method: 'POST',
        version: plan.version,
        body: action.kind === 'submit' ? {} : action.body,
      }),
    onSuccess: saved,
    // Someone changed the plan first: show the plan as it now is, so trying again is informed.
    onError: (error) => {
      if (error instanceof ApiError && error.isStale) saved(error.problem.current as TreatmentPlan);
    },
  });
}

export function useIssuePlanLink(planId: string) {
  return useMutation({
    mutationFn: (expiresInHours: number) =>
      request<PlanSignatureLink>(`/plans/${enc(planId)}/signature-link`, {
        method: 'POST',
        body: { expiresInHours },
      }),
  });
}

export function useStartReview(episodeId: string, plan: TreatmentPlan) {
  const saved = usePlanSaved(episodeId);
  return useMutation({
    mutationFn: (body: StartReviewBody) =>
      request<{ review: PlanReview; plan: TreatmentPlan }>(`/plans/${enc(plan.id)}/reviews`, {
        method: 'POST',
        version: plan.version,
        body,
      }),
    onSuccess: (result) => saved(result.plan),
    onError: (error) => {
      if (error instanceof ApiError && error.isStale) saved(error.problem.current as TreatmentPlan);
    },
  });
}

export function usePlanReviews(planId: string) {
  return useQuery({
    queryKey: [...planKeys.plan(planId), 'reviews'],
    queryFn: ({ signal }) =>
      request<{ items: PlanReview[] }>(`/plans/${enc(planId)}/reviews`, { signal }).then((r) => r.items),
  });
}

export function usePlanDiff(planId: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: [...planKeys.plan(planId), 'diff', from, to],
    queryFn: ({ signal }) => request<PlanDiff>(`/plans/${enc(planId)}/diff`, { query: { from, to }, signal }),
    enabled: from !== null && to !== null && from !== to,
  });
}

export function useScheduleThread(planId: string, weeks = 4) {
  return useQuery({
    queryKey: [...planKeys.plan(planId), 'thread', weeks],
    queryFn: ({ signal }) =>
      request<ScheduleThread>(`/plans/${enc(planId)}/schedule-thread`, { query: { weeks }, signal }),
  });
}

export function usePrintablePlan(planId: string | null, version?: number | null) {
  return useQuery({
    queryKey: [...planKeys.plan(planId ?? ''), 'print', version ?? null],
    queryFn: ({ signal }) =>
      request<PrintablePlan>(`/plans/${enc(planId ?? '')}/print`, { query: { version }, signal }),
    enabled: Boolean(planId),
  });
}

export function useDuePlans(scope: 'mine' | 'all') {
  return useQuery({
    queryKey: planKeys.due(scope),
    queryFn: ({ signal }) =>
      request<DuePlanList>('/plans/due', { query: { scope, state: 'actionable', limit: 50 }, signal }),
  });
}
