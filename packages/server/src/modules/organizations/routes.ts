import { api } from '@trellis/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { authorize, expectedVersion } from '../../http/request-context.js';
import {
  createLocation,
  createRoom,
  getLocations,
  getRooms,
  updateLocation,
  updateRoom,
} from './locations.js';
import { getOrganization, updateOrganization } from './organization-settings.js';

const IdParams = z.strictObject({ id: api.Id });

export const organizationRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get(
    '/organization',
    {
      schema: {
        tags: ['organization'],
        summary: 'Your organization and its settings',
        response: { 200: api.Organization },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'organization.read');
      const org = await getOrganization(db, ctx.actor.organizationId);
      reply.header('etag', `"${org.version}"`);
      return org;
    },
  );

  app.patch(
    '/organization',
    {
      schema: {
        tags: ['organization'],
        summary: 'Change settings (If-Match required)',
        body: api.UpdateOrganizationRequest,
        response: { 200: api.Organization },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'organization.manage');
      const version = expectedVersion(request);
      const org = await db
        .transaction()
        .execute((trx) => updateOrganization(trx, ctx, version, request.body));
      return reply.header('etag', `"${org.version}"`).send(org);
    },
  );

  app.get(
    '/locations',
    { schema: { tags: ['organization'], response: { 200: z.object({ items: z.array(api.Location) }) } } },
    async (request) => {
      const ctx = await authorize(db, request, 'organization.read');
      return { items: await getLocations(db, ctx.actor.organizationId) };
    },
  );

  app.post(
    '/locations',
    { schema: { tags: ['organization'], body: api.LocationInput, response: { 201: api.Location } } },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'organization.manage');
      const location = await db.transaction().execute((trx) => createLocation(trx, ctx, request.body));
      return reply.code(201).header('etag', `"${location.version}"`).send(location);
    },
  );

  app.put(
    '/locations/:id',
    {
      schema: {
        tags: ['organization'],
        params: IdParams,
        body: api.LocationInput,
        response: { 200: api.Location },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'organization.manage');
      const version = expectedVersion(request);
      const location = await db
        .transaction()
        .execute((trx) => updateLocation(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${location.version}"`).send(location);
    },
  );

  app.get(
    '/rooms',
    {
      schema: {
        tags: ['organization'],
        querystring: z.strictObject({ locationId: api.Id.optional() }),
        response: { 200: z.object({ items: z.array(api.Room) }) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'organization.read');
      return { items: await getRooms(db, ctx.actor.organizationId, request.query.locationId) };
    },
  );

  app.post(
    '/rooms',
    { schema: { tags: ['organization'], body: api.RoomInput, response: { 201: api.Room } } },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'organization.manage');
      const room = await db.transaction().execute((trx) => createRoom(trx, ctx, request.body));
      return reply.code(201).header('etag', `"${room.version}"`).send(room);
    },
  );

  app.put(
    '/rooms/:id',
    {
      schema: { tags: ['organization'], params: IdParams, body: api.RoomInput, response: { 200: api.Room } },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'organization.manage');
      const version = expectedVersion(request);
      const room = await db
        .transaction()
        .execute((trx) => updateRoom(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${room.version}"`).send(room);
    },
  );
};
