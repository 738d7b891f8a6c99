import { api } from '@trellis/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { authorize } from '../../http/request-context.js';
import { recordAuditEvent } from './record-audit-event.js';
import { searchAuditLog } from './search-audit-log.js';

interface AuditRouteOptions {
  db: Kysely<DB>;
  /** The organization's zone, for reading dates as its days; given by the app (audit sits below organizations). */
  timeZoneOf: (organizationId: string) => Promise<string>;
}

export const auditRoutes: FastifyPluginAsyncZod<AuditRouteOptions> = async (app, { db, timeZoneOf }) => {
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
      const zone = await timeZoneOf(ctx.actor.organizationId);
      // Who looked at whose access history is itself worth recording.
      return db.transaction().execute(async (trx) => {
        const page = await searchAuditLog(trx, ctx.actor.organizationId, zone, request.query);
        await recordAuditEvent(trx, ctx, {
          action: 'audit.search',
          ...(request.query.patientId ? { patientId: request.query.patientId } : {}),
          details: {
            filters: Object.keys(request.query).filter((k) => k !== 'limit'),
            results: page.items.length,
          },
        });
        return page;
      });
    },
  );
};
