import { api, can, DomainError } from '@trellis/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { authorize, expectedVersion, type SignedInContext } from '../../http/request-context.js';
import { recordAuditEvent } from '../audit/index.js';
import { listDuePlans } from './due-plans.js';
import {
  diffPlanVersions,
  getEpisodePlan,
  getPlan,
  getPlanVersion,
  listPlanReviews,
  listPlanVersions,
} from './get-plan.js';
import { planLibraryRoutes } from './library-routes.js';
import { issuePlanLink } from './plan-links.js';
import { printablePlan } from './printable.js';
import { startReview } from './review-plan.js';
import { savePlanDraft } from './save-draft.js';
import { readScheduleThread } from './schedule-thread.js';
import { cosignPlan, signPlanAsClinician, signPlanInPerson, submitPlan } from './sign-plan.js';
import { startPlan } from './start-plan.js';

const IdParams = z.strictObject({ id: api.Id });
const VersionParams = z.strictObject({ id: api.Id, number: z.coerce.number().int().min(1) });
const tags = ['plans'];
const plan = (id: string) => ({ type: 'treatment_plan', id });

/**
 * Refuses a co-signature by someone who is not a supervisor with words that say so (the
 * generic "your role does not allow this" would not), and audits the refusal in its own
 * transaction since the request rolls back.
 */
async function requireSupervisor(db: Kysely<DB>, ctx: SignedInContext, id: string) {
  if (can(ctx.actor, 'clinical.cosign', { organizationId: ctx.actor.organizationId })) return;
  await db.transaction().execute((trx) =>
    recordAuditEvent(trx, ctx, {
      action: 'plan.cosign',
      outcome: 'denied',
      reason: 'not a supervisor',
      resourceType: 'treatment_plan',
      resourceId: id,
    }),
  );
  throw new DomainError(
    'forbidden',
    'Only a supervisor (a program director) can co-sign a treatment plan. Ask one to co-sign it.',
  );
}

/** Treatment plans: per episode, in versions; signatures, reviews, diff, schedule thread, print; library and settings. */
export const planRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get(
    '/episodes/:id/plan',
    {
      schema: {
        tags,
        summary: 'The treatment plan of an episode (null when none was started) and what is due',
        params: IdParams,
        response: { 200: api.EpisodePlan },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.read', { type: 'episode', id: request.params.id });
      const result = await db.transaction().execute((trx) => getEpisodePlan(trx, ctx, request.params.id));
      if (result.plan) reply.header('etag', `"${result.plan.version}"`);
      return result;
    },
  );

  app.post(
    '/episodes/:id/plan',
    {
      schema: {
        tags,
        summary: 'Start the plan of an episode: empty, or filled from library templates (draft version 1)',
        params: IdParams,
        body: api.CreatePlanRequest,
        response: { 201: api.TreatmentPlan },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.write', { type: 'episode', id: request.params.id });
      const created = await db
        .transaction()
        .execute((trx) => startPlan(trx, ctx, request.params.id, request.body));
      return reply.code(201).header('etag', `"${created.version}"`).send(created);
    },
  );

  app.get(
    '/plans/due',
    {
      schema: {
        tags,
        summary: 'Plans due and overdue: my caseload, or all (directors); queued in the work queue',
        querystring: api.DuePlansQuery,
        response: { 200: api.DuePlanList },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'clinical.read');
      return db.transaction().execute((trx) => listDuePlans(trx, ctx, request.query));
    },
  );

  app.get(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'A treatment plan with its current version',
        params: IdParams,
        response: { 200: api.TreatmentPlan },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.read', plan(request.params.id));
      const found = await db.transaction().execute((trx) => getPlan(trx, ctx, request.params.id));
      return reply.header('etag', `"${found.version}"`).send(found);
    },
  );

  app.put(
    '/plans/:id/draft',
    {
      schema: {
        tags,
        summary:
          'Save the plan’s content (If-Match). A signed plan gets a new draft version; 409 with what changed when stale',
        params: IdParams,
        body: api.SavePlanDraftRequest,
        response: { 200: api.TreatmentPlan },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.write', plan(request.params.id));
      const version = expectedVersion(request);
      const saved = await db
        .transaction()
        .execute((trx) => savePlanDraft(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${saved.version}"`).send(saved);
    },
  );

  app.post(
    '/plans/:id/submit',
    {
      schema: {
        tags,
        summary: 'Send the draft for signatures (If-Match; 422 listing what is missing)',
        params: IdParams,
        body: z.strictObject({}).optional(),
        response: { 200: api.TreatmentPlan },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.write', plan(request.params.id));
      const version = expectedVersion(request);
      const saved = await db.transaction().execute((trx) => submitPlan(trx, ctx, request.params.id, version));
      return reply.header('etag', `"${saved.version}"`).send(saved);
    },
  );

  app.post(
    '/plans/:id/sign',
    {
      schema: {
        tags,
        summary: 'The clinician signs with their password (If-Match; a draft is checked and frozen first)',
        params: IdParams,
        body: api.SignPlanRequest,
        response: { 200: api.TreatmentPlan },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.sign', plan(request.params.id));
      const version = expectedVersion(request);
      const saved = await db
        .transaction()
        .execute((trx) => signPlanAsClinician(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${saved.version}"`).send(saved);
    },
  );

  app.post(
    '/plans/:id/participant-signature',
    {
      schema: {
        tags,
        summary: 'The participant (or guardian) signs in person, recorded by staff (If-Match)',
        params: IdParams,
        body: api.ParticipantSignPlanRequest,
        response: { 200: api.TreatmentPlan },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.sign', plan(request.params.id));
      const version = expectedVersion(request);
      const saved = await db
        .transaction()
        .execute((trx) => signPlanInPerson(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${saved.version}"`).send(saved);
    },
  );

  app.post(
    '/plans/:id/signature-link',
    {
      schema: {
        tags,
        summary: 'A one-time link for the participant to read and sign the plan on their phone',
        params: IdParams,
        body: api.IssuePlanLinkRequest,
        response: { 201: api.PlanSignatureLink },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.write', plan(request.params.id));
      const issued = await db
        .transaction()
        .execute((trx) => issuePlanLink(trx, ctx, request.params.id, request.body));
      return reply.code(201).send(issued);
    },
  );

  app.post(
    '/plans/:id/cosign',
    {
      schema: {
        tags,
        summary: 'A supervisor (program director) co-signs the clinician’s signature (If-Match)',
        params: IdParams,
        body: api.CosignPlanRequest,
        response: { 200: api.TreatmentPlan },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.read', plan(request.params.id));
      await requireSupervisor(db, ctx, request.params.id);
      const version = expectedVersion(request);
      const saved = await db
        .transaction()
        .execute((trx) => cosignPlan(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${saved.version}"`).send(saved);
    },
  );

  app.get(
    '/plans/:id/versions',
    {
      schema: {
        tags,
        summary: 'The plan’s versions, oldest first',
        params: IdParams,
        response: { 200: z.object({ items: z.array(api.PlanVersionSummary) }) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'clinical.read', plan(request.params.id));
      return {
        items: await db.transaction().execute((trx) => listPlanVersions(trx, ctx, request.params.id)),
      };
    },
  );

  app.get(
    '/plans/:id/versions/:number',
    {
      schema: {
        tags,
        summary: 'One version of the plan',
        params: VersionParams,
        response: { 200: api.PlanVersion },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'clinical.read', plan(request.params.id));
      return db
        .transaction()
        .execute((trx) => getPlanVersion(trx, ctx, request.params.id, request.params.number));
    },
  );

  app.get(
    '/plans/:id/diff',
    {
      schema: {
        tags,
        summary:
          'Compare two versions: problems, goals, objectives and interventions added, removed or changed',
        params: IdParams,
        querystring: api.PlanDiffQuery,
        response: { 200: api.PlanDiff },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'clinical.read', plan(request.params.id));
      return db.transaction().execute((trx) => diffPlanVersions(trx, ctx, request.params.id, request.query));
    },
  );

  app.post(
    '/plans/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Review the signed plan: progress per objective; produces the next draft version (If-Match)',
        params: IdParams,
        body: api.StartReviewRequest,
        response: { 201: api.StartReviewResult },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.write', plan(request.params.id));
      const version = expectedVersion(request);
      const result = await db
        .transaction()
        .execute((trx) => startReview(trx, ctx, request.params.id, version, request.body));
      return reply.code(201).header('etag', `"${result.plan.version}"`).send(result);
    },
  );

  app.get(
    '/plans/:id/reviews',
    {
      schema: {
        tags,
        summary: 'The plan’s reviews, newest first',
        params: IdParams,
        response: { 200: z.object({ items: z.array(api.PlanReview) }) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'clinical.read', plan(request.params.id));
      return { items: await db.transaction().execute((trx) => listPlanReviews(trx, ctx, request.params.id)) };
    },
  );

  app.get(
    '/plans/:id/schedule-thread',
    {
      schema: {
        tags,
        summary: 'For each intervention, the sessions that deliver it in the next weeks, and what is missing',
        params: IdParams,
        querystring: api.ScheduleThreadQuery,
        response: { 200: api.ScheduleThread },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'clinical.read', plan(request.params.id));
      return db
        .transaction()
        .execute((trx) => readScheduleThread(trx, ctx, request.params.id, request.query.weeks));
    },
  );

  app.get(
    '/plans/:id/print',
    {
      schema: {
        tags,
        summary: 'The plan to print or take home: names resolved, signatures, next review',
        params: IdParams,
        querystring: api.PrintablePlanQuery,
        response: { 200: api.PrintablePlan },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'clinical.read', plan(request.params.id));
      return db
        .transaction()
        .execute((trx) => printablePlan(trx, ctx, request.params.id, request.query.version));
    },
  );

  await app.register(planLibraryRoutes, { db });
};
