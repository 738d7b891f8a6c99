import { useMutation, useQuery } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import { request } from '../../app/api-client';
import type { Output } from '../../app/types';

export type PublicPlanSigning = Output<typeof api.PublicPlanSigning>;
export type PublicPlanSigned = Output<typeof api.PublicPlanSigned>;

const enc = encodeURIComponent;

/** The plan behind a one-time signing link (no sign-in). */
export function usePublicPlan(token: string) {
  return useQuery({
    queryKey: ['public', 'plan-signature', token],
    queryFn: ({ signal }) =>
      request<PublicPlanSigning>(`/public/plan-signature/${enc(token)}`, { signal, sessionEndsOn401: false }),
    // A used or expired link stays so: asking again only repeats the same answer.
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useSignPublicPlan(token: string) {
  return useMutation({
    networkMode: 'always',
    mutationFn: (body: { signerRole: 'patient' | 'guardian'; typedName: string }) =>
      request<PublicPlanSigned>(`/public/plan-signature/${enc(token)}`, {
        method: 'POST',
        body,
        sessionEndsOn401: false,
      }),
  });
}
