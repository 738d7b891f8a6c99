import { api } from '@trellis/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { authorize, expectedVersion } from '../../http/request-context.js';
import { createUser } from './create-user.js';
import { getUser, searchUsers } from './get-users.js';
import { resetUserMfa, unlockUser, updateUser } from './update-user.js';

const UserParams = z.strictObject({ id: api.Id });

export const userRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Staff accounts of the organization',
        querystring: api.UserListQuery,
        response: { 200: z.object({ items: z.array(api.StaffUser) }) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'user.read');
      return { items: await searchUsers(db, ctx.actor.organizationId, request.query) };
    },
  );

  app.get(
    '/users/:id',
    { schema: { tags: ['users'], params: UserParams, response: { 200: api.StaffUser } } },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'user.read', { type: 'user', id: request.params.id });
      const user = await getUser(db, ctx.actor.organizationId, request.params.id);
      reply.header('etag', `"${user.version}"`);
      return user;
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a staff account',
        body: api.CreateUserRequest,
        response: { 201: api.StaffUser },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'user.manage');
      const user = await db.transaction().execute((trx) => createUser(trx, ctx, request.body));
      return reply.code(201).header('etag', `"${user.version}"`).send(user);
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change name, roles, credentials or status (If-Match required)',
        params: UserParams,
        body: api.UpdateUserRequest,
        response: { 200: api.StaffUser },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'user.manage', { type: 'user', id: request.params.id });
      const version = expectedVersion(request);
      const user = await db
        .transaction()
        .execute((trx) => updateUser(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${user.version}"`).send(user);
    },
  );

  app.post(
    '/users/:id/reset-mfa',
    {
      schema: {
        tags: ['users'],
        summary: 'Clear two-step sign-in so the person enrolls again (If-Match required)',
        params: UserParams,
        response: { 200: api.StaffUser },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'user.manage', { type: 'user', id: request.params.id });
      const version = expectedVersion(request);
      const user = await db
        .transaction()
        .execute((trx) => resetUserMfa(trx, ctx, request.params.id, version));
      return reply.header('etag', `"${user.version}"`).send(user);
    },
  );

  app.post(
    '/users/:id/unlock',
    {
      schema: {
        tags: ['users'],
        summary: 'Let a locked-out person sign in again now (If-Match required)',
        params: UserParams,
        response: { 200: api.StaffUser },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'user.manage', { type: 'user', id: request.params.id });
      const version = expectedVersion(request);
      const user = await db.transaction().execute((trx) => unlockUser(trx, ctx, request.params.id, version));
      return reply.header('etag', `"${user.version}"`).send(user);
    },
  );
};
