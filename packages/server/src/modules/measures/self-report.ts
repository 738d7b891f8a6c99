import {
  type api,
  CRISIS_RESOURCES,
  checkAnswers,
  DomainError,
  type FieldProblem,
  getInstrument,
  type InstrumentCode,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RequestContext } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { recordAuditEvent } from '../audit/index.js';
import { type LinkRequestContext, type LinkUse, peekLink, redeemLink } from '../links/index.js';
import { getOrganization } from '../organizations/index.js';
import { readPatient } from '../patients/index.js';
import { episodeForLink } from './episode-ref.js';
import { storeAdministration } from './record-administration.js';
import { findMeasureRequest, markSubmitted, saveDraft } from './repo.js';
import type { DraftAnswers, MeasureRequestRow } from './tables.js';

type Answers = z.output<typeof api.SelfReportAnswers>['answers'];

const NOT_VALID = () =>
  new DomainError(
    'not_found',
    'This link is not valid. Check that you opened the whole link from your message, or ask your care team for a new one.',
  );

/** No one is signed in: the link is the actor (audit rows name it, with no user). */
function linkContext(ctx: LinkRequestContext): RequestContext {
  return { actor: null, ip: ctx.ip, requestId: ctx.requestId, now: ctx.now };
}

async function requestOf(db: Kysely<DB>, link: LinkUse): Promise<MeasureRequestRow> {
  if (link.subject.type !== 'measure_request') throw NOT_VALID();
  const request = await findMeasureRequest(db, link.organizationId, link.subject.id);
  if (!request) throw NOT_VALID();
  return request;
}

async function audit(
  db: Kysely<DB>,
  ctx: LinkRequestContext,
  link: LinkUse,
  request: MeasureRequestRow,
  action: string,
  details: Record<string, unknown> = {},
) {
  await recordAuditEvent(db, linkContext(ctx), {
    action,
    organizationId: request.organization_id,
    actorLabel: 'one-time link',
    resourceType: 'measure_request',
    resourceId: request.id,
    patientId: request.patient_id,
    details: { linkId: link.id, ...details },
  });
}

/**
 * What the person holding the link sees: the questionnaires with their wording, their first
 * name only (enough to know the form is theirs, little if the link was forwarded), and what
 * they saved so far. The link is checked, not used.
 */
export async function openSelfReport(
  db: Kysely<DB>,
  ctx: LinkRequestContext,
  token: string,
): Promise<z.infer<typeof api.SelfReportForm>> {
  const link = await peekLink(db, token, 'self_report', ctx.now);
  const request = await requestOf(db, link);
  const patient = await readPatient(db, request.organization_id, request.patient_id);
  const organization = await getOrganization(db, request.organization_id);
  await audit(db, ctx, link, request, 'measure.self_report.open');
  const firstName = (patient.preferredName?.trim() || patient.legalFirstName).split(/\s+/)[0] ?? '';
  return {
    firstName,
    programName: organization.name,
    expiresAt: request.expires_at.toISOString(),
    instruments: request.instruments.map((code) => {
      const def = getInstrument(code);
      return {
        code: def.code,
        title: def.title,
        instructions: def.instructions,
        recallPeriod: def.recallPeriod,
        copyright: def.copyright,
        items: def.items.map((item) => ({
          id: item.id,
          text: item.text,
          options: item.options.map((o) => ({ value: o.value, label: o.label })),
          required: item.required,
          ...(item.askedWhen ? { askedWhen: item.askedWhen } : {}),
          ...(item.section ? { section: item.section } : {}),
        })),
      };
    }),
    progress: request.draft,
    savedAt: request.draft_saved_at?.toISOString() ?? null,
    crisisResources: [...CRISIS_RESOURCES],
  };
}

/** Answers may be partial here, but every one must be an item of an instrument the link asks. */
function partialProblems(request: MeasureRequestRow, answers: Answers): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [code, items] of Object.entries(answers)) {
    if (!request.instruments.includes(code)) {
      problems.push({
        field: `answers.${code}`,
        message: `This link does not ask for the ${code} questionnaire.`,
      });
      continue;
    }
    const def = getInstrument(code);
    for (const [itemId, value] of Object.entries(items ?? {})) {
      const item = def.items.find((i) => i.id === itemId);
      if (!item) {
        problems.push({
          field: `answers.${code}.${itemId}`,
          message: `"${itemId}" is not a question of this form.`,
        });
      } else if (value !== null && !item.options.some((o) => o.value === value)) {
        problems.push({ field: `answers.${code}.${itemId}`, message: 'Choose one of the answers shown.' });
      }
    }
  }
  return problems;
}

function invalid(problems: FieldProblem[]): DomainError {
  const first = problems[0];
  return new DomainError(
    'validation',
    problems.length === 1 && first ? first.message : `${problems.length} answers need attention.`,
    problems,
  );
}

function merge(draft: DraftAnswers, answers: Answers): DraftAnswers {
  const merged: DraftAnswers = { ...draft };
  for (const [code, items] of Object.entries(answers))
    merged[code] = { ...(merged[code] ?? {}), ...(items ?? {}) };
  return merged;
}

/**
 * Saves what was entered so far, server-side, without scoring: a phone that loses its
 * connection, or a person who stops halfway, keeps their answers until the link expires.
 */
export async function saveSelfReportProgress(
  db: Kysely<DB>,
  ctx: LinkRequestContext,
  token: string,
  answers: Answers,
): Promise<{ savedAt: string }> {
  const link = await peekLink(db, token, 'self_report', ctx.now);
  const request = await requestOf(db, link);
  const problems = partialProblems(request, answers);
  if (problems.length > 0) throw invalid(problems);
  const saved = await saveDraft(
    db,
    request.organization_id,
    request.id,
    merge(request.draft, answers),
    ctx.now,
  );
  if (!saved) {
    throw new DomainError(
      'conflict',
      'These answers were already sent. If you need to change them, tell your care team.',
    );
  }
  await audit(db, ctx, link, request, 'measure.self_report.save', { instruments: Object.keys(answers) });
  return { savedAt: ctx.now.toISOString() };
}

/**
 * Sends the answers: every questionnaire complete (the saved draft fills what this request
 * leaves out), scored and stored, risk alerts opened, and the link used — all in one
 * transaction, so a refused submission leaves the link usable and nothing stored.
 */
export async function submitSelfReport(
  db: Kysely<DB>,
  ctx: LinkRequestContext,
  token: string,
  answers: Answers,
): Promise<z.infer<typeof api.SelfReportSubmitted>> {
  const link = await redeemLink(db, token, 'self_report', ctx);
  const request = await requestOf(db, link);
  const orgId = request.organization_id;
  const extra = partialProblems(request, answers);
  if (extra.length > 0) throw invalid(extra);
  const merged = merge(request.draft, answers);

  const problems: FieldProblem[] = [];
  for (const code of request.instruments) {
    try {
      checkAnswers(getInstrument(code), merged[code] ?? {});
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push(
        ...error.errors.map((p) => ({ ...p, field: p.field.replace(/^answers\./, `answers.${code}.`) })),
      );
    }
  }
  if (problems.length > 0) throw invalid(problems);

  const resolved = await episodeForLink(db, orgId, request.patient_id, request.episode_id);
  const context = linkContext(ctx);
  const stored = [];
  for (const code of request.instruments) {
    stored.push(
      await storeAdministration(db, context, {
        organizationId: orgId,
        patientId: request.patient_id,
        instrument: code as InstrumentCode,
        answers: merged[code] ?? {},
        administeredAt: ctx.now,
        ...resolved,
        source: 'self_report',
        measureRequestId: request.id,
      }),
    );
  }
  const ids = stored.map((s) => s.id);
  if (!(await markSubmitted(db, orgId, request.id, ids, ctx.now))) {
    throw new DomainError('conflict', 'These answers were already sent.');
  }
  await audit(db, ctx, link, request, 'measure.self_report.submit', { administrationIds: ids });
  const critical = stored.some((s) => s.flags.some((f) => f.severity === 'critical'));
  return {
    submitted: true,
    message: critical
      ? 'Thank you. Your answers were sent to your care team, and they have been asked to follow up with you. If you are in danger now, use the numbers below.'
      : 'Thank you. Your answers were sent to your care team.',
    crisisResources: critical ? [...CRISIS_RESOURCES] : [],
  };
}
