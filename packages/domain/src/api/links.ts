import { z } from 'zod';
import { Id, Instant } from './common.js';

/**
 * What a one-time link is for, the longest it may live, and the page of the web app it opens.
 * Modules add their purpose here (one entry).
 */
export const LINK_PURPOSES = {
  self_report: { maxLifetimeHours: 7 * 24, path: '/self-report/' },
  plan_signature: { maxLifetimeHours: 14 * 24, path: '/sign/plan/' },
  consent_signature: { maxLifetimeHours: 14 * 24, path: '/sign/consent/' },
  virtual_join: { maxLifetimeHours: 30 * 24, path: '/join/' },
  password_reset: { maxLifetimeHours: 3 * 24, path: '/set-password/' },
} as const satisfies Record<string, { maxLifetimeHours: number; path: string }>;

export type LinkPurpose = keyof typeof LINK_PURPOSES;
export const LinkPurpose = z.enum(Object.keys(LINK_PURPOSES) as [LinkPurpose, ...LinkPurpose[]]);

export function linkPath(purpose: LinkPurpose, token: string): string {
  return `${LINK_PURPOSES[purpose].path}${token}`;
}

/** A link token as it appears in a URL: 43 base64url characters (256 bits). */
export const LinkToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, {
  error: 'This link is not complete. Open it again from the message you received.',
});

/** What a link's holder may learn before using it: what it is for and until when. */
export const LinkInfo = z.object({
  id: Id,
  purpose: LinkPurpose,
  subject: z.object({ type: z.string(), id: Id }),
  expiresAt: Instant,
  usesLeft: z.number().int(),
});
export type LinkInfo = z.infer<typeof LinkInfo>;
