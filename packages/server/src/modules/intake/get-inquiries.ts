import { type api, DomainError, INQUIRY_STAGES, usPhoneDigits } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { readCoverages } from '../coverage/index.js';
import {
  boardCardRows,
  countInquiriesByStage,
  findInquiry,
  type InquiryFilter,
  latestScreeningRow,
  listInquiryRows,
  listScreeningRows,
  listStageChanges,
} from './repo.js';
import { staffNames } from './staff-names.js';
import type { InquiryRow } from './tables.js';
import { toInquiry, toInquiryCard, toScreening, toStageChange } from './to-api.js';

type Ctx = RequestContext & { actor: StaffActor };

/** Audit fields of an inquiry: once it is a patient's, the patient is named too. */
export function inquiryAudit(row: Pick<InquiryRow, 'id' | 'patient_id'>) {
  return {
    resourceType: 'inquiry',
    resourceId: row.id,
    ...(row.patient_id ? { patientId: row.patient_id } : {}),
  };
}

export async function findInquiryOrFail(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
): Promise<InquiryRow> {
  const row = await findInquiry(db, organizationId, id);
  if (!row) throw DomainError.notFound('inquiry');
  return row;
}

/** An inquiry with its coverages and newest screening, as its page shows it. No audit here. */
export async function describeInquiry(db: Kysely<DB>, row: InquiryRow): Promise<api.InquiryDetail> {
  const coverages = await readCoverages(db, row.organization_id, { inquiryId: row.id });
  const screening = await latestScreeningRow(db, row.organization_id, row.id);
  return {
    ...toInquiry(row),
    coverages,
    latestScreening: screening
      ? {
          id: screening.id,
          urgent: screening.urgent,
          suggestedLevel: screening.suggested_level,
          screenedAt: screening.screened_at.toISOString(),
        }
      : null,
  };
}

/** One inquiry; the read is audited. */
export async function getInquiry(db: Kysely<DB>, ctx: Ctx, id: string): Promise<api.InquiryDetail> {
  const row = await findInquiryOrFail(db, ctx.actor.organizationId, id);
  await recordAuditEvent(db, ctx, { action: 'inquiry.read', ...inquiryAudit(row) });
  return describeInquiry(db, row);
}

/** How the search box is read: a reference, a phone number, an email, or a name. */
export function readSearch(q: string): InquiryFilter['search'] {
  const text = q.trim();
  if (!text) return undefined;
  if (/^GS-?[0-9A-Z]{4}-?[0-9A-Z]{4}$/i.test(text)) {
    const code = text.toUpperCase().replace(/-/g, '').slice(2);
    return { kind: 'reference', value: `GS-${code.slice(0, 4)}-${code.slice(4)}` };
  }
  if (text.includes('@')) return { kind: 'email', value: text.toLowerCase() };
  if (/^[\d\s().+-]+$/.test(text)) {
    const digits = usPhoneDigits(text) ?? text.replace(/\D/g, '');
    if (digits.length >= 4) return { kind: 'phone', value: digits };
  }
  return { kind: 'name', value: text };
}

function decodeCursor(cursor: string): InquiryFilter['after'] {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof at === 'string' &&
      typeof id === 'string' &&
      !Number.isNaN(Date.parse(at)) &&
      /^[0-9a-f-]{36}$/i.test(id)
    ) {
      return { updatedAt: new Date(at), id };
    }
  } catch {
    // fall through
  }
  throw DomainError.invalid('cursor', 'Use the cursor from the previous page.');
}

const encodeCursor = (row: InquiryRow) =>
  Buffer.from(JSON.stringify([row.updated_at.toISOString(), row.id])).toString('base64url');

export type InquiryListQuery = z.output<typeof api.InquiryListQuery>;

/**
 * Inquiries, newest activity first, filtered and page by page. One audit event names what was
 * shown (ids and the count, never the search text).
 */
export async function listInquiries(
  db: Kysely<DB>,
  ctx: Ctx,
  query: InquiryListQuery,
): Promise<{ items: api.Inquiry[]; nextCursor: string | null }> {
  const rows = await listInquiryRows(db, ctx.actor.organizationId, {
    stage: query.stage,
    source: query.source,
    helpWanted: query.helpWanted,
    coordinatorId: query.coordinatorId,
    referralSourceId: query.referralSourceId,
    search: query.q ? readSearch(query.q) : undefined,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  await recordAuditEvent(db, ctx, {
    action: query.q ? 'inquiry.search' : 'inquiry.list',
    resourceType: 'inquiry',
    details: {
      count: page.length,
      inquiryIds: page.map((r) => r.id),
      patientIds: page.flatMap((r) => (r.patient_id ? [r.patient_id] : [])),
      filters: Object.keys(query).filter((k) => k !== 'limit' && k !== 'cursor' && k !== 'q'),
    },
  });
  return {
    items: page.map(toInquiry),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

/** The pipeline board: per stage, how many and the newest cards. Audited like a list. */
export async function getInquiryBoard(
  db: Kysely<DB>,
  ctx: Ctx,
  query: z.output<typeof api.InquiryBoardQuery>,
): Promise<api.InquiryBoard> {
  const orgId = ctx.actor.organizationId;
  const counts = await countInquiriesByStage(db, orgId, query.coordinatorId);
  const cards = await boardCardRows(db, orgId, query.perStage, query.coordinatorId);
  await recordAuditEvent(db, ctx, {
    action: 'inquiry.board',
    resourceType: 'inquiry',
    details: { count: cards.length, inquiryIds: cards.map((c) => c.id) },
  });
  return {
    stages: INQUIRY_STAGES.map((stage) => ({
      stage,
      count: counts.get(stage) ?? 0,
      cards: cards.filter((c) => c.stage === stage).map(toInquiryCard),
    })),
  };
}

/** Every stage change of an inquiry with who and when, oldest first. */
export async function getInquiryHistory(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
): Promise<api.InquiryStageChange[]> {
  const orgId = ctx.actor.organizationId;
  const inquiry = await findInquiryOrFail(db, orgId, id);
  const rows = await listStageChanges(db, orgId, id);
  await recordAuditEvent(db, ctx, { action: 'inquiry.history.read', ...inquiryAudit(inquiry) });
  const names = await staffNames(
    db,
    orgId,
    rows.map((r) => r.changed_by),
  );
  return rows.map((r) => toStageChange(r, names));
}

/** The screenings of an inquiry, newest first. */
export async function listScreenings(db: Kysely<DB>, ctx: Ctx, id: string): Promise<api.Screening[]> {
  const orgId = ctx.actor.organizationId;
  const inquiry = await findInquiryOrFail(db, orgId, id);
  const rows = await listScreeningRows(db, orgId, id);
  await recordAuditEvent(db, ctx, {
    action: 'inquiry.screening.list',
    ...inquiryAudit(inquiry),
    details: { count: rows.length },
  });
  const names = await staffNames(
    db,
    orgId,
    rows.map((r) => r.screened_by),
  );
  return rows.map((r) => toScreening(r, names));
}
