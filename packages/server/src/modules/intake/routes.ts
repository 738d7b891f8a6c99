import { api } from '@trellis/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { authorize, expectedVersion, type SignedInContext } from '../../http/request-context.js';
import { auditDuplicateWarning, PossibleDuplicateError } from '../patients/index.js';
import { admitInquiry, convertInquiry } from './convert-inquiry.js';
import { createInquiry } from './create-inquiry.js';
import { addFollowUp, listFollowUps } from './follow-ups.js';
import {
  describeInquiry,
  getInquiry,
  getInquiryBoard,
  getInquiryHistory,
  listInquiries,
  listScreenings,
} from './get-inquiries.js';
import { addInquiryCoverage } from './inquiry-coverages.js';
import { moveInquiry } from './move-inquiry.js';
import { publicIntakeRoutes } from './public-routes.js';
import { recordScreening } from './record-screening.js';
import {
  createReferralSource,
  getReferralSource,
  listReferralSources,
  updateReferralSource,
} from './referral-sources.js';
import { updateInquiry } from './update-inquiry.js';

const IdParams = z.strictObject({ id: api.Id });
const tags = ['intake'];

/** If-Match is optional on the pipeline's actions (the row is locked); when sent, it is checked. */
function optionalVersion(request: FastifyRequest): number | undefined {
  return request.headers['if-match'] === undefined ? undefined : expectedVersion(request);
}

/** A duplicate warning rolls the request back; its disclosure of the candidates is audited apart. */
async function auditingDuplicates<T>(db: Kysely<DB>, ctx: SignedInContext, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PossibleDuplicateError) await auditDuplicateWarning(db, ctx, error);
    throw error;
  }
}

export const intakeRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; publicFormRateLimit?: number }> = async (
  app,
  { db, publicFormRateLimit },
) => {
  await app.register(publicIntakeRoutes, {
    db,
    ...(publicFormRateLimit !== undefined ? { formRateLimit: publicFormRateLimit } : {}),
  });

  // ------------------------------------------------------------ referral sources

  app.get(
    '/referral-sources',
    {
      schema: {
        tags,
        summary: 'Referral partners of the organization',
        querystring: api.ReferralSourceListQuery,
        response: { 200: z.object({ items: z.array(api.ReferralSource) }) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'inquiry.read');
      return {
        items: await listReferralSources(
          db,
          ctx.actor.organizationId,
          request.query.includeInactive ?? false,
        ),
      };
    },
  );

  app.post(
    '/referral-sources',
    { schema: { tags, body: api.ReferralSourceInput, response: { 201: api.ReferralSource } } },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'inquiry.manage');
      const source = await db.transaction().execute((trx) => createReferralSource(trx, ctx, request.body));
      return reply.code(201).header('etag', `"${source.version}"`).send(source);
    },
  );

  app.get(
    '/referral-sources/:id',
    { schema: { tags, params: IdParams, response: { 200: api.ReferralSource } } },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'inquiry.read');
      const source = await getReferralSource(db, ctx.actor.organizationId, request.params.id);
      return reply.header('etag', `"${source.version}"`).send(source);
    },
  );

  app.patch(
    '/referral-sources/:id',
    {
      schema: {
        tags,
        summary: 'Change or deactivate a referral source (If-Match required)',
        params: IdParams,
        body: api.UpdateReferralSourceRequest,
        response: { 200: api.ReferralSource },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'inquiry.manage');
      const version = expectedVersion(request);
      const source = await db
        .transaction()
        .execute((trx) => updateReferralSource(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${source.version}"`).send(source);
    },
  );

  // ------------------------------------------------------------ inquiries

  app.get(
    '/inquiries/board',
    {
      schema: {
        tags,
        summary: 'The pipeline board: per stage, the count and the newest cards',
        querystring: api.InquiryBoardQuery,
        response: { 200: api.InquiryBoard },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'inquiry.read', { type: 'inquiry' });
      return db.transaction().execute((trx) => getInquiryBoard(trx, ctx, request.query));
    },
  );

  app.get(
    '/inquiries',
    {
      schema: {
        tags,
        summary: 'Inquiries, newest activity first (filters, search, cursor)',
        querystring: api.InquiryListQuery,
        response: { 200: api.InquiryPage },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'inquiry.read', { type: 'inquiry' });
      return db.transaction().execute((trx) => listInquiries(trx, ctx, request.query));
    },
  );

  app.post(
    '/inquiries',
    {
      schema: {
        tags,
        summary: 'Take an inquiry (phone or referral); insurance given becomes a coverage to verify',
        body: api.CreateInquiryRequest,
        response: { 201: api.InquiryDetail },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'inquiry.manage', { type: 'inquiry' });
      const inquiry = await db.transaction().execute(async (trx) => {
        const row = await createInquiry(trx, ctx, request.body);
        return describeInquiry(trx, row);
      });
      return reply.code(201).header('etag', `"${inquiry.version}"`).send(inquiry);
    },
  );

  app.get(
    '/inquiries/:id',
    { schema: { tags, params: IdParams, response: { 200: api.InquiryDetail } } },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'inquiry.read', { type: 'inquiry', id: request.params.id });
      const inquiry = await db.transaction().execute((trx) => getInquiry(trx, ctx, request.params.id));
      return reply.header('etag', `"${inquiry.version}"`).send(inquiry);
    },
  );

  app.patch(
    '/inquiries/:id',
    {
      schema: {
        tags,
        summary: 'Change an inquiry’s details (If-Match required); the stage moves by transition',
        params: IdParams,
        body: api.UpdateInquiryRequest,
        response: { 200: api.InquiryDetail },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'inquiry.manage', { type: 'inquiry', id: request.params.id });
      const version = expectedVersion(request);
      const inquiry = await db
        .transaction()
        .execute((trx) => updateInquiry(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${inquiry.version}"`).send(inquiry);
    },
  );

  app.post(
    '/inquiries/:id/transition',
    {
      schema: {
        tags,
        summary: 'Move an inquiry to another stage; an invalid jump is refused with what must happen first',
        params: IdParams,
        body: api.InquiryTransitionRequest,
        response: { 200: api.InquiryDetail },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'inquiry.manage', { type: 'inquiry', id: request.params.id });
      const version = optionalVersion(request);
      const inquiry = await db
        .transaction()
        .execute((trx) => moveInquiry(trx, ctx, request.params.id, request.body, version));
      return reply.header('etag', `"${inquiry.version}"`).send(inquiry);
    },
  );

  app.get(
    '/inquiries/:id/history',
    {
      schema: {
        tags,
        summary: 'Every stage change of an inquiry, with who and when',
        params: IdParams,
        response: { 200: api.InquiryHistory },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'inquiry.read', { type: 'inquiry', id: request.params.id });
      return {
        items: await db.transaction().execute((trx) => getInquiryHistory(trx, ctx, request.params.id)),
      };
    },
  );

  app.post(
    '/inquiries/:id/screenings',
    {
      schema: {
        tags,
        summary:
          'Record the pre-admission phone screening; a positive safety screen answers with crisis resources',
        params: IdParams,
        body: api.ScreeningRequest,
        response: { 201: api.ScreeningRecorded },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'inquiry.manage', { type: 'inquiry', id: request.params.id });
      const recorded = await db
        .transaction()
        .execute((trx) => recordScreening(trx, ctx, request.params.id, request.body));
      return reply.code(201).send(recorded);
    },
  );

  app.get(
    '/inquiries/:id/screenings',
    { schema: { tags, params: IdParams, response: { 200: api.ScreeningList } } },
    async (request) => {
      const ctx = await authorize(db, request, 'inquiry.read', { type: 'inquiry', id: request.params.id });
      return { items: await db.transaction().execute((trx) => listScreenings(trx, ctx, request.params.id)) };
    },
  );

  app.post(
    '/inquiries/:id/coverages',
    {
      schema: {
        tags,
        summary: 'Add insurance to an inquiry before admission (queued for verification)',
        params: IdParams,
        body: api.CoverageInput,
        response: { 201: api.Coverage },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'coverage.manage', { type: 'inquiry', id: request.params.id });
      await authorize(db, request, 'inquiry.read', { type: 'inquiry', id: request.params.id });
      const coverage = await db
        .transaction()
        .execute((trx) => addInquiryCoverage(trx, ctx, request.params.id, request.body));
      return reply.code(201).header('etag', `"${coverage.version}"`).send(coverage);
    },
  );

  app.get(
    '/inquiries/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'The work-queue items about an inquiry',
        params: IdParams,
        response: { 200: z.object({ items: z.array(api.Task) }) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'inquiry.read', { type: 'inquiry', id: request.params.id });
      return { items: await db.transaction().execute((trx) => listFollowUps(trx, ctx, request.params.id)) };
    },
  );

  app.post(
    '/inquiries/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'Plan a follow-up with a due time',
        params: IdParams,
        body: api.CreateFollowUpRequest,
        response: { 201: api.Task },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'inquiry.manage', { type: 'inquiry', id: request.params.id });
      const task = await db
        .transaction()
        .execute((trx) => addFollowUp(trx, ctx, request.params.id, request.body));
      return reply.code(201).send(task);
    },
  );

  app.post(
    '/inquiries/:id/convert',
    {
      schema: {
        tags,
        summary: 'Register the person as a patient from the inquiry (or link an existing patient)',
        description:
          'A possible duplicate (same name and date of birth) answers 409 with the candidates: send existingPatientId to link one, or confirmNotDuplicate: true.',
        params: IdParams,
        body: api.ConvertInquiryRequest,
        response: { 200: api.ConvertInquiryResult },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'inquiry.manage', { type: 'inquiry', id: request.params.id });
      await authorize(db, request, 'patient.write', { type: 'inquiry', id: request.params.id });
      const version = optionalVersion(request);
      return auditingDuplicates(db, ctx, () =>
        db.transaction().execute((trx) => convertInquiry(trx, ctx, request.params.id, request.body, version)),
      );
    },
  );

  app.post(
    '/inquiries/:id/admit',
    {
      schema: {
        tags,
        summary: 'Admit into a track from the inquiry: registers the patient if needed, in one transaction',
        params: IdParams,
        body: api.AdmitInquiryRequest,
        response: { 200: api.AdmitInquiryResult },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'inquiry.manage', { type: 'inquiry', id: request.params.id });
      await authorize(db, request, 'patient.write', { type: 'inquiry', id: request.params.id });
      await authorize(db, request, 'episode.manage', { type: 'inquiry', id: request.params.id });
      const version = optionalVersion(request);
      return auditingDuplicates(db, ctx, () =>
        db.transaction().execute((trx) => admitInquiry(trx, ctx, request.params.id, request.body, version)),
      );
    },
  );
};
