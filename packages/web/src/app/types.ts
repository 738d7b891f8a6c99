import type { api } from '@trellis/domain';

export type { Role, StaffRole } from '@trellis/domain';

/**
 * The wire types come from the zod schemas in @trellis/domain. This reads a schema's types without
 * the web app importing zod itself: `Output<typeof api.Room>` is what the API answers.
 */
export type Output<T extends { _zod: { output: unknown } }> = T['_zod']['output'];
export type Input<T extends { _zod: { input: unknown } }> = T['_zod']['input'];

export type SessionState = api.SessionState;
export type SessionUser = api.SessionUser;
export type StaffUser = api.StaffUser;
export type Organization = api.Organization;
export type Location = api.Location;
export type Room = Output<typeof api.Room>;
export type AuditEvent = api.AuditEvent;
export type Problem = api.Problem;
