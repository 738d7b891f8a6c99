import { z } from 'zod';
import { Password, StaffRole } from './auth.js';
import { Email, Id, Instant } from './common.js';

export const StaffUser = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  roles: z.array(StaffRole),
  credentials: z.string().nullable(),
  active: z.boolean(),
  mfaEnabled: z.boolean(),
  lockedUntil: Instant.nullable(),
  lastLoginAt: Instant.nullable(),
  createdAt: Instant,
  version: z.number().int(),
});
export type StaffUser = z.infer<typeof StaffUser>;

const DisplayName = z
  .string()
  .trim()
  .min(1, { error: 'Enter the name colleagues know this person by.' })
  .max(120);
const Roles = z
  .array(StaffRole)
  .min(1, { error: 'Give the account at least one role.' })
  .max(6)
  .refine((roles) => new Set(roles).size === roles.length, { error: 'A role is listed twice.' });
const Credentials = z.string().trim().max(60).nullable();

export const CreateUserRequest = z.strictObject({
  email: Email,
  displayName: DisplayName,
  roles: Roles,
  credentials: Credentials.optional(),
  password: Password,
});

export const UpdateUserRequest = z.strictObject({
  displayName: DisplayName.optional(),
  roles: Roles.optional(),
  credentials: Credentials.optional(),
  active: z.boolean().optional(),
});

export const UserListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
