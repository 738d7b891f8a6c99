import { type api, can, DomainError, localDateOf, planDue } from '@trellis/domain';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { organizationTimeZone } from '../organizations/index.js';
import { readPatientLabels } from '../patients/index.js';
import { openTask } from '../tasks/index.js';
import { openEpisodesWithPlans } from './repo.js';
import { planSettingsValues } from './settings.js';

type Ctx = RequestContext & { actor: StaffActor };

function endOfDay(date: string, timeZone: string): Date {
  return new Date(
    Temporal.PlainDate.from(date).toZonedDateTime({ timeZone, plainTime: '23:59' }).epochMilliseconds,
  );
}
type Item = Omit<api.DuePlanList['items'][number], 'patientName'>;

/**
 * Plans due and overdue: a first plan not signed within N days of admission, a review not done
 * M days after the version in effect was signed. One query over the open episodes (the caller's
 * caseload, or all of them for a director), the pure rule per episode, names read for one page.
 * Each due-soon or overdue item listed is queued once in the work queue for the episode's
 * clinician (idempotent per episode, kind and due date); signing the plan closes it.
 */
export async function listDuePlans(
  db: Kysely<DB>,
  ctx: Ctx,
  query: z.output<typeof api.DuePlansQuery>,
): Promise<api.DuePlanList> {
  const orgId = ctx.actor.organizationId;
  if (query.scope === 'all' && !can(ctx.actor, 'clinical.oversee', { organizationId: orgId })) {
    throw new DomainError(
      'forbidden',
      'Only a program director sees every clinician’s plans. Use scope=mine for your own caseload.',
    );
  }
  const timeZone = await organizationTimeZone(db, orgId);
  const today = localDateOf(ctx.now, timeZone);
  const settings = await planSettingsValues(db, orgId);
  const rows = await openEpisodesWithPlans(db, orgId, {
    primaryClinicianId: query.scope === 'mine' ? ctx.actor.userId : undefined,
  });
  const all: Item[] = [];
  for (const row of rows) {
    const due = planDue({
      admissionDate: row.admission_date,
      episodeOpen: true,
      lastSignedOn: row.effective_signed_at ? localDateOf(row.effective_signed_at, timeZone) : null,
      settings,
      today,
    });
    if (!due) continue;
    const wanted =
      query.state === 'all' ||
      (query.state === 'actionable' ? due.state !== 'on_track' : due.state === query.state);
    if (!wanted) continue;
    all.push({
      episodeId: row.episode_id,
      patientId: row.patient_id,
      clinicianId: row.primary_clinician_id,
      planId: row.plan_id,
      planStatus: row.plan_status ?? 'none',
      ...due,
    });
  }
  all.sort((a, b) => a.daysLeft - b.daysLeft || a.patientId.localeCompare(b.patientId));
  const offset = Number(query.cursor ?? 0) || 0;
  const page = all.slice(offset, offset + query.limit);
  const names = await readPatientLabels(
    db,
    orgId,
    page.map((i) => i.patientId),
  );
  const items: api.DuePlanList['items'] = [];
  for (const item of page) {
    items.push({ ...item, patientName: names.get(item.patientId)?.displayName ?? '' });
    if (item.state !== 'on_track') {
      await openTask(db, ctx, {
        kind: item.kind === 'review' ? 'plan_review_due' : 'plan_due',
        subject: { type: 'episode', id: item.episodeId },
        patientId: item.patientId,
        title: item.kind === 'review' ? 'Treatment plan review due' : 'Treatment plan to be signed',
        ownerUserId: item.clinicianId,
        dueAt: endOfDay(item.dueDate, timeZone),
        period: item.dueDate,
      });
    }
  }
  await recordAuditEvent(db, ctx, {
    action: 'plan.due.list',
    resourceType: 'plan_due_list',
    details: {
      scope: query.scope,
      state: query.state,
      count: items.length,
      patientIds: items.map((i) => i.patientId),
    },
  });
  const next = offset + query.limit;
  return { items, nextCursor: next < all.length ? String(next) : null, today };
}
