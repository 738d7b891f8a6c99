import { api } from '@trellis/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { authorize, expectedVersion } from '../../http/request-context.js';
import { getTask, readTaskQueue } from './list-tasks.js';
import { createTask } from './open-task.js';
import { assignTask, resolveTask } from './resolve-task.js';

const TaskParams = z.strictObject({ id: api.Id });

export const taskRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get(
    '/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary:
          'The work queue: urgent first, then by due time; filter by owner, kind, status, patient, due',
        querystring: api.TaskListQuery,
        response: { 200: api.pageOf(api.QueuedTask) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'task.read', {
        type: 'task',
        ...(request.query.patientId ? { patientId: request.query.patientId } : {}),
      });
      return db.transaction().execute((trx) => readTaskQueue(trx, ctx, request.query));
    },
  );

  app.get(
    '/tasks/:id',
    { schema: { tags: ['tasks'], params: TaskParams, response: { 200: api.Task } } },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'task.read', { type: 'task', id: request.params.id });
      const task = await db.transaction().execute((trx) => getTask(trx, ctx, request.params.id));
      return reply.header('etag', `"${task.version}"`).send(task);
    },
  );

  app.post(
    '/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Add a follow-up by hand (owned by you unless you name a person or team)',
        body: api.CreateTaskRequest,
        response: { 201: api.Task },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'task.manage', {
        type: 'task',
        ...(request.body.patientId ? { patientId: request.body.patientId } : {}),
      });
      const task = await db.transaction().execute((trx) => createTask(trx, ctx, request.body));
      return reply.code(201).header('etag', `"${task.version}"`).send(task);
    },
  );

  app.post(
    '/tasks/:id/resolve',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Mark a task done or cancelled (If-Match required; a risk alert needs a note)',
        params: TaskParams,
        body: api.ResolveTaskRequest,
        response: { 200: api.Task },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'task.manage', { type: 'task', id: request.params.id });
      const version = expectedVersion(request);
      const task = await db
        .transaction()
        .execute((trx) => resolveTask(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${task.version}"`).send(task);
    },
  );

  app.post(
    '/tasks/:id/assign',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Give a task to a person or a team (If-Match required)',
        params: TaskParams,
        body: api.AssignTaskRequest,
        response: { 200: api.Task },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'task.manage', { type: 'task', id: request.params.id });
      const version = expectedVersion(request);
      const task = await db
        .transaction()
        .execute((trx) => assignTask(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${task.version}"`).send(task);
    },
  );
};
