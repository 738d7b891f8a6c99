import { api } from '@trellis/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { authorize } from '../../http/request-context.js';
import { organizationTimeZone } from '../organizations/index.js';
import { searchAuditLog } from './search-audit-log.js';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get(
    '/audit-events',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log by user, patient, action and date (newest first)',
        querystring: api.AuditSearchQuery,
        response: { 200: api.pageOf(api.AuditEvent) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'audit.read');
      const zone = await organizationTimeZone(db, ctx.actor.organizationId);
      return searchAuditLog(db, ctx.actor.organizationId, zone, request.query);
    },
  );
};
