import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import { request } from '../../app/api-client';
import type { Output } from '../../app/types';

/** A task as the queue lists it, with its patient's name and MRN. */
export type Task = Output<typeof api.QueuedTask>;
export type Administration = Output<typeof api.Administration>;

const enc = encodeURIComponent;

export const taskKeys = {
  all: ['tasks'] as const,
  riskAlerts: () => ['tasks', 'risk-alerts'] as const,
};

/** Open risk alerts for me or my roles (a director sees the program's), newest first. */
export function useRiskAlerts(enabled: boolean) {
  return useQuery({
    queryKey: taskKeys.riskAlerts(),
    queryFn: ({ signal }) =>
      request<{ items: Task[] }>('/tasks', {
        query: { kind: 'risk_alert', owner: 'me_or_my_roles', status: 'open', limit: 100 },
        signal,
      }).then((r) => [...r.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt))),
    enabled,
    refetchInterval: 60_000,
  });
}

/** The score that opened an alert, to say what happened. */
export function useAdministration(id: string | null) {
  return useQuery({
    queryKey: ['tasks', 'administration', id],
    queryFn: ({ signal }) => request<Administration>(`/measures/${enc(id ?? '')}`, { signal }),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}

export function useResolveTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, note }: { task: Task; note: string }) =>
      request<Output<typeof api.Task>>(`/tasks/${enc(task.id)}/resolve`, {
        method: 'POST',
        version: task.version,
        body: { status: 'done', note },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
