import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import { ApiError, request } from '../../app/api-client';
import type { Input, StaffUser } from '../../app/types';

export type CreateUserBody = Input<typeof api.CreateUserRequest>;
export type UpdateUserBody = Input<typeof api.UpdateUserRequest>;

export const userKeys = {
  all: ['users'] as const,
  list: (q: string, includeInactive: boolean) => ['users', 'list', { q, includeInactive }] as const,
  one: (id: string) => ['users', 'one', id] as const,
};

export function useUserList(q: string, includeInactive: boolean) {
  return useQuery({
    queryKey: userKeys.list(q, includeInactive),
    queryFn: ({ signal }) =>
      request<{ items: StaffUser[] }>('/users', { query: { q, includeInactive }, signal }).then(
        (r) => r.items,
      ),
    placeholderData: (previous) => previous,
  });
}

export function useStaffUser(id: string) {
  return useQuery({
    queryKey: userKeys.one(id),
    queryFn: ({ signal }) => request<StaffUser>(`/users/${encodeURIComponent(id)}`, { signal }),
  });
}

/** After any change: this record is known, every list may be out of date. */
function useRemember() {
  const queryClient = useQueryClient();
  return (user: StaffUser) => {
    queryClient.setQueryData(userKeys.one(user.id), user);
    void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
  };
}

/** A stale write brings the current record along: keep it, so the next try sends its version. */
function useRememberCurrent() {
  const remember = useRemember();
  return (error: Error) => {
    if (error instanceof ApiError && error.isStale) remember(error.problem.current as StaffUser);
  };
}

export function useCreateUser() {
  const remember = useRemember();
  return useMutation({
    mutationFn: (body: CreateUserBody) => request<StaffUser>('/users', { method: 'POST', body }),
    onSuccess: remember,
  });
}

export function useUpdateUser() {
  const remember = useRemember();
  const rememberCurrent = useRememberCurrent();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: UpdateUserBody }) =>
      request<StaffUser>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body, version }),
    onSuccess: remember,
    onError: rememberCurrent,
  });
}

export function useResetMfa() {
  const remember = useRemember();
  const rememberCurrent = useRememberCurrent();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      request<StaffUser>(`/users/${encodeURIComponent(id)}/reset-mfa`, { method: 'POST', version }),
    onSuccess: remember,
    onError: rememberCurrent,
  });
}

/** Lets a locked-out person sign in again now. */
export function useUnlockUser() {
  const remember = useRemember();
  const rememberCurrent = useRememberCurrent();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      request<StaffUser>(`/users/${encodeURIComponent(id)}/unlock`, { method: 'POST', version }),
    onSuccess: remember,
    onError: rememberCurrent,
  });
}
