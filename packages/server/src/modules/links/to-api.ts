import type { api } from '@trellis/domain';
import type { LinkRow } from './tables.js';

/** A link as the module that issued it sees it after a redeem or a peek. */
export interface LinkUse {
  id: string;
  organizationId: string;
  purpose: api.LinkPurpose;
  subject: { type: string; id: string };
  patientId: string | null;
  expiresAt: Date;
  usesLeft: number;
}

export function toLinkUse(row: LinkRow): LinkUse {
  return {
    id: row.id,
    organizationId: row.organization_id,
    purpose: row.purpose as api.LinkPurpose,
    subject: { type: row.subject_type, id: row.subject_id },
    patientId: row.patient_id,
    expiresAt: row.expires_at,
    usesLeft: row.max_uses - row.use_count,
  };
}

/** What the holder of a link may be shown: no patient id, no organization. */
export function toLinkInfo(use: LinkUse): api.LinkInfo {
  return {
    id: use.id,
    purpose: use.purpose,
    subject: use.subject,
    expiresAt: use.expiresAt.toISOString(),
    usesLeft: use.usesLeft,
  };
}
