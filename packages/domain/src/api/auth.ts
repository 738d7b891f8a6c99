import { z } from 'zod';
import { ROLES, STAFF_ROLES } from '../access/roles.js';
import { Email, Id, Instant } from './common.js';

export const PASSWORD_MIN_LENGTH = 12;

export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, {
    error: `Use at least ${PASSWORD_MIN_LENGTH} characters; a short sentence is easy to remember.`,
  })
  .max(256, { error: 'Use at most 256 characters.' });

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1, { error: 'Enter your current password.' }).max(256),
  newPassword: Password,
});

/** A link an administrator gives a person who forgot their password: it works once. */
export const PasswordLink = z.object({
  /** Show it once; it is stored only hashed. */
  token: z.string(),
  /** The page the person opens, /set-password/<token>. */
  path: z.string(),
  expiresAt: Instant,
});

/** Whose password the link sets, so the person knows it is theirs. */
export const PasswordLinkInfo = z.object({
  displayName: z.string(),
  email: z.string(),
  expiresAt: Instant,
});

export const SetPasswordRequest = z.strictObject({ newPassword: Password });
export type PasswordLinkOutput = z.output<typeof PasswordLink>;
export type PasswordLinkInfoOutput = z.output<typeof PasswordLinkInfo>;

export const LoginRequest = z.strictObject({
  email: z.string().trim().toLowerCase().min(1, { error: 'Enter your email.' }).max(254),
  password: z.string().min(1, { error: 'Enter your password.' }).max(256),
});

export const MfaCodeRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'Enter the 6-digit code from your authenticator app.' }),
});

export const SessionUser = z.object({
  id: Id,
  organizationId: Id,
  organizationName: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  mfaEnabled: z.boolean(),
  /** The organization's IANA time zone (its first active location): what "today" means in the app. */
  timeZone: z.string(),
});
export type SessionUser = z.infer<typeof SessionUser>;

/** What sign-in answers: either signed in, or which second step is still needed. */
export const SessionState = z.object({
  status: z.enum(['signed_in', 'mfa_required', 'mfa_enrollment_required']),
  csrfToken: z.string(),
  user: SessionUser.nullable(),
  idleTimeoutMinutes: z.number().int(),
});
export type SessionState = z.infer<typeof SessionState>;

export const MfaEnrollment = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
});

export const StaffRole = z.enum(STAFF_ROLES, {
  error: `Choose one of: ${STAFF_ROLES.join(', ')}.`,
});

export { Email };
