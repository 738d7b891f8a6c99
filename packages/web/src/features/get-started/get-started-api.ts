import { useMutation, useQuery } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import { ApiError, request } from '../../app/api-client';
import type { Input } from '../../app/types';

export type GetStarted = api.PublicGetStarted;
export type PublicInquiryBody = Input<typeof api.PublicInquiryRequest>;
export type PublicInquiryAccepted = api.PublicInquiryAccepted;

/** The organization named in the link (?org=…), when the installation serves several. */
function orgParam(): string | undefined {
  return new URLSearchParams(window.location.search).get('org') ?? undefined;
}

export function useGetStarted() {
  return useQuery({
    queryKey: ['public', 'get-started'],
    queryFn: ({ signal }) =>
      request<GetStarted>('/public/get-started', { query: { org: orgParam() }, signal }),
    staleTime: 10 * 60_000,
  });
}

export function useSendInquiry() {
  return useMutation({
    mutationFn: (body: PublicInquiryBody) =>
      request<PublicInquiryAccepted>('/public/inquiries', {
        method: 'POST',
        body,
        query: { org: orgParam() },
        sessionEndsOn401: false,
      }),
  });
}

/** The server's message for one field, by its full path (`insurance.payerName`). */
export function messageFor(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.problem.errors?.find((e) => e.field === field || e.field === `body.${field}`)?.message;
}
