import { api } from '@trellis/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { authorize, expectedVersion } from '../../http/request-context.js';
import { addAddendum } from './add-addendum.js';
import { getAssessment, listAssessments } from './get-assessments.js';
import { saveAssessment } from './save-assessment.js';
import { signAssessment } from './sign-assessment.js';
import { startAssessment } from './start-assessment.js';

const IdParams = z.strictObject({ id: api.Id });
const tags = ['assessments'];

/** The initial biopsychosocial assessment: draft with autosave, ASAM level of care, signing, addenda. */
export const assessmentRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.post(
    '/patients/:id/assessments',
    {
      schema: {
        tags,
        summary: 'Start the initial assessment of the patient’s episode (a draft; one per episode)',
        params: IdParams,
        body: api.CreateAssessmentRequest,
        response: { 201: api.Assessment },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.write', {
        patientId: request.params.id,
        type: 'patient',
      });
      const created = await db
        .transaction()
        .execute((trx) => startAssessment(trx, ctx, request.params.id, request.body));
      return reply.code(201).header('etag', `"${created.version}"`).send(created);
    },
  );

  app.get(
    '/patients/:id/assessments',
    {
      schema: {
        tags,
        summary: 'The patient’s assessments, newest first',
        params: IdParams,
        response: { 200: z.object({ items: z.array(api.AssessmentSummary) }) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'clinical.read', {
        patientId: request.params.id,
        type: 'patient',
      });
      return { items: await db.transaction().execute((trx) => listAssessments(trx, ctx, request.params.id)) };
    },
  );

  app.get(
    '/assessments/:id',
    {
      schema: {
        tags,
        summary:
          'One assessment with its recommended level of care, what is missing to sign, signature and addenda',
        params: IdParams,
        response: { 200: api.Assessment },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.read', {
        type: 'assessment',
        id: request.params.id,
      });
      const assessment = await db.transaction().execute((trx) => getAssessment(trx, ctx, request.params.id));
      return reply.header('etag', `"${assessment.version}"`).send(assessment);
    },
  );

  app.put(
    '/assessments/:id',
    {
      schema: {
        tags,
        summary:
          'Autosave the whole draft (If-Match; 409 with the current draft when someone saved meanwhile)',
        params: IdParams,
        body: api.SaveAssessmentRequest,
        response: { 200: api.Assessment },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.write', {
        type: 'assessment',
        id: request.params.id,
      });
      const version = expectedVersion(request);
      const saved = await db
        .transaction()
        .execute((trx) => saveAssessment(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${saved.version}"`).send(saved);
    },
  );

  app.post(
    '/assessments/:id/sign',
    {
      schema: {
        tags,
        summary: 'Sign (If-Match; 422 listing what is missing); a signed assessment never changes',
        params: IdParams,
        body: api.SignAssessmentRequest,
        response: { 200: api.Assessment },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.sign', {
        type: 'assessment',
        id: request.params.id,
      });
      const version = expectedVersion(request);
      const signed = await db
        .transaction()
        .execute((trx) => signAssessment(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${signed.version}"`).send(signed);
    },
  );

  app.post(
    '/assessments/:id/addenda',
    {
      schema: {
        tags,
        summary: 'Add a signed addendum to a signed assessment',
        params: IdParams,
        body: api.AddAddendumRequest,
        response: { 201: api.Assessment },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.sign', {
        type: 'assessment',
        id: request.params.id,
      });
      const updated = await db
        .transaction()
        .execute((trx) => addAddendum(trx, ctx, request.params.id, request.body));
      return reply.code(201).send(updated);
    },
  );
};
