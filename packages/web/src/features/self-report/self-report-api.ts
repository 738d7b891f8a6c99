import { useMutation, useQuery } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import { request } from '../../app/api-client';
import type { Output } from '../../app/types';

export type SelfReportForm = Output<typeof api.SelfReportForm>;
export type SelfReportSubmitted = Output<typeof api.SelfReportSubmitted>;
export type CrisisResource = SelfReportForm['crisisResources'][number];
/** Answers by instrument, then by item; null is "left blank" (an optional question). */
export type SelfReportAnswers = Record<string, Record<string, number | null>>;

const enc = encodeURIComponent;

export function useSelfReport(token: string) {
  return useQuery({
    queryKey: ['public', 'self-report', token],
    queryFn: ({ signal }) =>
      request<SelfReportForm>(`/public/self-report/${enc(token)}`, { signal, sessionEndsOn401: false }),
    // A used or expired link stays so: asking again only repeats the same answer.
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useSaveProgress(token: string) {
  return useMutation({
    // Try even when the browser says it is offline: the failure is what tells the page to keep
    // the answers on the phone and say so (react-query would otherwise wait in silence).
    networkMode: 'always',
    mutationFn: (answers: SelfReportAnswers) =>
      request<{ savedAt: string }>(`/public/self-report/${enc(token)}/progress`, {
        method: 'PUT',
        body: { answers },
        sessionEndsOn401: false,
      }),
  });
}

export function useSubmitSelfReport(token: string) {
  return useMutation({
    networkMode: 'always',
    mutationFn: (answers: SelfReportAnswers) =>
      request<SelfReportSubmitted>(`/public/self-report/${enc(token)}`, {
        method: 'POST',
        body: { answers },
        sessionEndsOn401: false,
      }),
  });
}

/**
 * A copy of the answers on this phone, written before each save: a lost connection loses
 * nothing, and reopening the link (only its holder can) shows them again. Cleared once sent.
 */
export const localCopy = {
  key: (token: string) => `trellis.self-report.${token.slice(0, 12)}`,
  read(token: string): SelfReportAnswers | null {
    try {
      const raw = window.localStorage.getItem(this.key(token));
      return raw ? (JSON.parse(raw) as SelfReportAnswers) : null;
    } catch {
      return null;
    }
  },
  write(token: string, answers: SelfReportAnswers) {
    try {
      window.localStorage.setItem(this.key(token), JSON.stringify(answers));
    } catch {
      // Private browsing or a full storage: the server copy still holds the answers.
    }
  },
  clear(token: string) {
    try {
      window.localStorage.removeItem(this.key(token));
    } catch {
      // Nothing to clear.
    }
  },
};
