import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { api } from '@trellis/domain';
import { ApiError, request } from '../../app/api-client';
import type { Input, Location, Organization, Room } from '../../app/types';

export type OrganizationChanges = Input<typeof api.UpdateOrganizationRequest>;
export type LocationBody = Input<typeof api.LocationInput>;
export type RoomBody = Input<typeof api.RoomInput>;

export const orgKeys = {
  organization: ['organization'] as const,
  locations: ['locations'] as const,
  rooms: (locationId: string) => ['rooms', locationId] as const,
};

export function useOrganization() {
  return useQuery({
    queryKey: orgKeys.organization,
    queryFn: ({ signal }) => request<Organization>('/organization', { signal }),
  });
}

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: OrganizationChanges }) =>
      request<Organization>('/organization', { method: 'PATCH', body, version }),
    onSuccess: (org) => queryClient.setQueryData(orgKeys.organization, org),
    onError: (error) => {
      if (error instanceof ApiError && error.isStale) {
        queryClient.setQueryData(orgKeys.organization, error.problem.current as Organization);
      }
    },
  });
}

export function useLocations() {
  return useQuery({
    queryKey: orgKeys.locations,
    queryFn: ({ signal }) => request<{ items: Location[] }>('/locations', { signal }).then((r) => r.items),
  });
}

export function useSaveLocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: LocationBody }) =>
      id
        ? request<Location>(`/locations/${encodeURIComponent(id)}`, {
            method: 'PUT',
            body,
            ...(version !== undefined ? { version } : {}),
          })
        : request<Location>('/locations', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.locations }),
  });
}

export function useRooms(locationId: string) {
  return useQuery({
    queryKey: orgKeys.rooms(locationId),
    queryFn: ({ signal }) =>
      request<{ items: Room[] }>('/rooms', { query: { locationId }, signal }).then((r) => r.items),
  });
}

export function useSaveRoom() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: RoomBody }) =>
      id
        ? request<Room>(`/rooms/${encodeURIComponent(id)}`, {
            method: 'PUT',
            body,
            ...(version !== undefined ? { version } : {}),
          })
        : request<Room>('/rooms', { method: 'POST', body }),
    onSuccess: (room) => queryClient.invalidateQueries({ queryKey: orgKeys.rooms(room.locationId) }),
  });
}
