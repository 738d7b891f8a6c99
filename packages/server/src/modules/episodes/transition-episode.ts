import { type api, DomainError, transitionProblem } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext, StaffActor } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { recordAuditEvent } from '../audit/index.js';
import { todayFor } from './checks.js';
import type { WhenEpisodeEnds } from './episode-ends.js';
import {
  insertStatusChange,
  listDiagnoses,
  listStatusChanges,
  lockEpisode,
  updateEpisodeAtVersion,
} from './repo.js';
import type { EpisodeRow, EpisodeUpdate } from './tables.js';
import { toEpisode } from './to-api.js';

export type TransitionInput = z.output<typeof api.TransitionRequest>;
type Ctx = RequestContext & { actor: StaffActor };

export interface TransitionOptions {
  /** The episode, already locked by the caller. */
  locked?: EpisodeRow;
  /** Run in this transaction when the episode is discharged. */
  whenEnds?: readonly WhenEpisodeEnds[];
  /** Why it ends: a track change keeps the patient in treatment. */
  endKind?: 'discharge' | 'track_change';
}

/** The discharge date: today when not given, never before admission nor in the future. */
export function dischargeDateProblem(date: string, admissionDate: string, today: string): string | null {
  if (date < admissionDate) return `The discharge date is before the admission date (${admissionDate}).`;
  if (date > today) return 'The discharge date is in the future. Discharge on the day it happens.';
  return null;
}

/**
 * Moves an episode along its state machine (domain: transitionProblem) and records who, when and
 * why in its status history. Discharging needs a discharge reason. `expectedVersion` is checked
 * when the client sent one; the row lock and the state machine keep concurrent changes apart.
 */
export async function transitionEpisode(
  db: Kysely<DB>,
  ctx: Ctx,
  id: string,
  expectedVersion: number | undefined,
  input: TransitionInput,
  options: TransitionOptions = {},
): Promise<api.Episode> {
  const orgId = ctx.actor.organizationId;
  const current = options.locked ?? (await lockEpisode(db, orgId, id));
  if (!current) throw DomainError.notFound('episode of care');
  if (expectedVersion !== undefined && current.version !== expectedVersion) {
    throw DomainError.stale(
      'episode of care',
      toEpisode(current, await listDiagnoses(db, orgId, [id]), await listStatusChanges(db, orgId, id)),
    );
  }
  const problem = transitionProblem(current.status, input.to);
  if (problem) throw new DomainError('invalid_state', problem, [{ field: 'to', message: problem }]);

  const changes: EpisodeUpdate = { status: input.to, status_changed_at: ctx.now };
  if (input.to === 'discharged') {
    if (!input.dischargeReason) {
      throw DomainError.invalid('dischargeReason', 'Choose the reason for discharge, such as completed.');
    }
    const date = input.date ?? (await todayFor(db, orgId, ctx.now));
    const dateProblem = dischargeDateProblem(
      date,
      current.admission_date,
      await todayFor(db, orgId, ctx.now),
    );
    if (dateProblem) throw DomainError.invalid('date', dateProblem);
    changes.discharge_date = date;
    changes.discharge_reason = input.dischargeReason;
  } else if (input.dischargeReason || input.date) {
    throw DomainError.invalid(
      input.dischargeReason ? 'dischargeReason' : 'date',
      'A discharge reason and date go with a discharge only.',
    );
  }

  const row = await updateEpisodeAtVersion(db, orgId, id, current.version, changes, ctx.now);
  if (!row) throw new Error('a locked episode changed under its lock');
  await insertStatusChange(db, {
    id: newId(),
    organization_id: orgId,
    episode_id: id,
    from_status: current.status,
    to_status: input.to,
    reason: input.reason ?? null,
    changed_by: ctx.actor.userId,
    changed_at: ctx.now,
  });
  await recordAuditEvent(db, ctx, {
    action: 'episode.transition',
    resourceType: 'episode',
    resourceId: id,
    patientId: current.patient_id,
    details: {
      from: current.status,
      to: input.to,
      ...(input.dischargeReason ? { dischargeReason: input.dischargeReason } : {}),
    },
  });
  if (input.to === 'discharged' && changes.discharge_date) {
    const end = {
      episodeId: id,
      patientId: current.patient_id,
      endDate: changes.discharge_date,
      kind: options.endKind ?? 'discharge',
    } as const;
    for (const whenEnds of options.whenEnds ?? []) await whenEnds(db, ctx, end);
  }
  return toEpisode(row, await listDiagnoses(db, orgId, [id]), await listStatusChanges(db, orgId, id));
}
