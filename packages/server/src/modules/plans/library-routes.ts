import { api } from '@trellis/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { authorize, expectedVersion } from '../../http/request-context.js';
import { getPlanSettings, savePlanSettings } from './settings.js';
import {
  createPlanTemplate,
  getPlanTemplate,
  listPlanTemplates,
  updatePlanTemplate,
} from './template-library.js';

const IdParams = z.strictObject({ id: api.Id });
const tags = ['plans'];

/** The organization's plan template library and plan settings (deadlines, co-signature). */
export const planLibraryRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get(
    '/plan-templates',
    {
      schema: {
        tags,
        summary: 'The organization’s plan template library (seeded from the starter library)',
        querystring: api.PlanTemplateListQuery,
        response: { 200: z.object({ items: z.array(api.PlanTemplate) }) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'clinical.read');
      return {
        items: await db
          .transaction()
          .execute((trx) => listPlanTemplates(trx, ctx, request.query.includeArchived)),
      };
    },
  );

  app.get(
    '/plan-templates/:id',
    { schema: { tags, summary: 'One plan template', params: IdParams, response: { 200: api.PlanTemplate } } },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.read');
      const found = await db.transaction().execute((trx) => getPlanTemplate(trx, ctx, request.params.id));
      return reply.header('etag', `"${found.version}"`).send(found);
    },
  );

  app.post(
    '/plan-templates',
    {
      schema: {
        tags,
        summary: 'Add a template of the organization’s own, or a copy of one to change',
        body: api.CreatePlanTemplateRequest,
        response: { 201: api.PlanTemplate },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'program.manage');
      const created = await db.transaction().execute((trx) => createPlanTemplate(trx, ctx, request.body));
      return reply.code(201).header('etag', `"${created.version}"`).send(created);
    },
  );

  app.put(
    '/plan-templates/:id',
    {
      schema: {
        tags,
        summary: 'Edit or archive a template (If-Match)',
        params: IdParams,
        body: api.UpdatePlanTemplateRequest,
        response: { 200: api.PlanTemplate },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'program.manage');
      const version = expectedVersion(request);
      const saved = await db
        .transaction()
        .execute((trx) => updatePlanTemplate(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${saved.version}"`).send(saved);
    },
  );

  app.get(
    '/plan-settings',
    {
      schema: {
        tags,
        summary: 'How soon a plan must be signed, how often it is reviewed, whether a supervisor co-signs',
        response: { 200: api.PlanSettings },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'organization.read');
      const settings = await getPlanSettings(db, ctx.actor.organizationId);
      return reply.header('etag', `"${settings.version}"`).send(settings);
    },
  );

  app.put(
    '/plan-settings',
    {
      schema: {
        tags,
        summary: 'Set the plan deadlines and co-signature rule (If-Match "0" the first time)',
        body: api.SavePlanSettingsRequest,
        response: { 200: api.PlanSettings },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'program.manage');
      const version = expectedVersion(request);
      const saved = await db
        .transaction()
        .execute((trx) => savePlanSettings(trx, ctx, version, request.body));
      return reply.header('etag', `"${saved.version}"`).send(saved);
    },
  );
};
