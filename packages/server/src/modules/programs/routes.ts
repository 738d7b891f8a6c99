import { api, type TrackCommand } from '@trellis/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { authorize, expectedVersion } from '../../http/request-context.js';
import { changeTrackStatus } from './change-track-status.js';
import { listTracks } from './list-tracks.js';
import { createTrack, getTrack, updateTrack } from './save-track.js';

const TrackParams = z.strictObject({ id: api.Id });

export const programRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get(
    '/tracks',
    {
      schema: {
        tags: ['programs'],
        summary: 'Tracks with their census (open episodes against capacity); archived ones on request',
        querystring: api.TrackListQuery,
        response: { 200: z.object({ items: z.array(api.Track) }) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'program.read');
      return { items: await listTracks(db, ctx.actor.organizationId, request.query) };
    },
  );

  app.post(
    '/tracks',
    {
      schema: {
        tags: ['programs'],
        summary: 'Define a track; intensity defaults to its level of care and age group',
        body: api.TrackInput,
        response: { 201: api.Track },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'program.manage');
      const track = await db.transaction().execute((trx) => createTrack(trx, ctx, request.body));
      return reply.code(201).header('etag', `"${track.version}"`).send(track);
    },
  );

  app.get(
    '/tracks/:id',
    { schema: { tags: ['programs'], params: TrackParams, response: { 200: api.Track } } },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'program.read', { type: 'track', id: request.params.id });
      const track = await getTrack(db, ctx.actor.organizationId, request.params.id);
      return reply.header('etag', `"${track.version}"`).send(track);
    },
  );

  app.put(
    '/tracks/:id',
    {
      schema: {
        tags: ['programs'],
        summary: 'Replace a track’s definition (If-Match required)',
        params: TrackParams,
        body: api.TrackInput,
        response: { 200: api.Track },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'program.manage', { type: 'track', id: request.params.id });
      const version = expectedVersion(request);
      const track = await db
        .transaction()
        .execute((trx) => updateTrack(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${track.version}"`).send(track);
    },
  );

  const commands: [TrackCommand, string][] = [
    ['pause', 'Pause: no new admissions, current patients stay (If-Match required)'],
    ['activate', 'Reopen a paused or archived track (If-Match required)'],
    ['archive', 'Archive: refused while patients have open episodes in it (If-Match required)'],
  ];
  for (const [command, summary] of commands) {
    app.post(
      `/tracks/:id/${command}`,
      { schema: { tags: ['programs'], summary, params: TrackParams, response: { 200: api.Track } } },
      async (request, reply) => {
        const ctx = await authorize(db, request, 'program.manage', { type: 'track', id: request.params.id });
        const version = expectedVersion(request);
        const track = await db
          .transaction()
          .execute((trx) => changeTrackStatus(trx, ctx, request.params.id, version, command));
        return reply.header('etag', `"${track.version}"`).send(track);
      },
    );
  }
};
