import { type Action, api } from '@trellis/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { authorize, type SignedInContext, signedInContext } from '../../http/request-context.js';
import { checkDisclosure } from './check-disclosure.js';
import { createConsent, previewConsent } from './create-consent.js';
import { printableConsent } from './printable.js';
import { consentPatientId, getConsent, listConsents } from './read-consents.js';
import { revokeConsent } from './revoke-consent.js';

const PatientParams = z.strictObject({ patientId: api.Id });
const ConsentParams = z.strictObject({ id: api.Id });

/**
 * Staff roles are checked on the action alone; a patient signed in to the portal reaches only
 * consents of their own record, so for them the consent's patient is looked up first.
 */
async function authorizeConsent(
  db: Kysely<DB>,
  request: FastifyRequest,
  action: Action,
  id: string,
): Promise<SignedInContext> {
  const { actor } = signedInContext(request);
  const patientId = actor.roles.includes('patient')
    ? await consentPatientId(db, actor.organizationId, id).catch(() => undefined)
    : undefined;
  return authorize(db, request, action, { type: 'consent', id, ...(patientId ? { patientId } : {}) });
}

export const consentRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get(
    '/patients/:patientId/consents',
    {
      schema: {
        tags: ['consents'],
        summary: "A patient's consents, newest first, with their status now",
        params: PatientParams,
        querystring: api.ConsentListQuery,
        response: { 200: z.object({ items: z.array(api.Consent) }) },
      },
    },
    async (request) => {
      const { patientId } = request.params;
      const ctx = await authorize(db, request, 'consent.read', { type: 'patient', id: patientId, patientId });
      const items = await db.transaction().execute((trx) => listConsents(trx, ctx, patientId, request.query));
      return { items };
    },
  );

  app.post(
    '/patients/:patientId/consents/preview',
    {
      schema: {
        tags: ['consents'],
        summary: 'The exact text the signer will read for these terms, with its hash',
        params: PatientParams,
        body: api.ConsentPreviewRequest,
        response: { 200: api.ConsentPreview },
      },
    },
    async (request) => {
      const { patientId } = request.params;
      const ctx = await authorize(db, request, 'consent.manage', {
        type: 'patient',
        id: patientId,
        patientId,
      });
      return db.transaction().execute((trx) => previewConsent(trx, ctx, patientId, request.body));
    },
  );

  app.post(
    '/patients/:patientId/consents',
    {
      schema: {
        tags: ['consents'],
        summary: 'Record a consent signed in person by the patient or their representative',
        params: PatientParams,
        body: api.CreateConsentRequest,
        response: { 201: api.Consent },
      },
    },
    async (request, reply) => {
      const { patientId } = request.params;
      const ctx = await authorize(db, request, 'consent.manage', {
        type: 'patient',
        id: patientId,
        patientId,
      });
      const userAgent = request.headers['user-agent'] ?? null;
      const consent = await db
        .transaction()
        .execute((trx) => createConsent(trx, ctx, patientId, request.body, userAgent));
      return reply.code(201).header('etag', `"${consent.version}"`).send(consent);
    },
  );

  app.post(
    '/patients/:patientId/consents/coverage',
    {
      schema: {
        tags: ['consents'],
        summary: "Whether the patient's consents on file permit a disclosure now",
        params: PatientParams,
        body: api.DisclosureCheckRequest,
        response: { 200: api.DisclosureCheck },
      },
    },
    async (request) => {
      const { patientId } = request.params;
      const ctx = await authorize(db, request, 'consent.read', { type: 'patient', id: patientId, patientId });
      return db.transaction().execute((trx) => checkDisclosure(trx, ctx, patientId, request.body));
    },
  );

  app.get(
    '/consents/:id',
    { schema: { tags: ['consents'], params: ConsentParams, response: { 200: api.Consent } } },
    async (request, reply) => {
      const ctx = await authorizeConsent(db, request, 'consent.read', request.params.id);
      const consent = await db.transaction().execute((trx) => getConsent(trx, ctx, request.params.id));
      return reply.header('etag', `"${consent.version}"`).send(consent);
    },
  );

  app.get(
    '/consents/:id/printable',
    {
      schema: {
        tags: ['consents'],
        summary: 'The consent as a clean printable page (text/html)',
        params: ConsentParams,
        produces: ['text/html'],
      },
    },
    async (request, reply) => {
      const ctx = await authorizeConsent(db, request, 'consent.read', request.params.id);
      const html = await db.transaction().execute((trx) => printableConsent(trx, ctx, request.params.id));
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
  );

  app.post(
    '/consents/:id/revoke',
    {
      schema: {
        tags: ['consents'],
        summary: 'Record the patient’s revocation: it stops covering new disclosures at once',
        params: ConsentParams,
        body: api.RevokeConsentRequest,
        response: { 200: api.Consent },
      },
    },
    async (request, reply) => {
      const ctx = await authorizeConsent(db, request, 'consent.manage', request.params.id);
      const consent = await db
        .transaction()
        .execute((trx) => revokeConsent(trx, ctx, request.params.id, request.body));
      return reply.header('etag', `"${consent.version}"`).send(consent);
    },
  );
};
