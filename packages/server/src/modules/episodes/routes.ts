import { api, searchDiagnoses } from '@trellis/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { authorize, expectedVersion } from '../../http/request-context.js';
import { admitPatient } from './admit-patient.js';
import { changeTrack } from './change-track.js';
import type { WhenEpisodeEnds } from './episode-ends.js';
import { getEpisode, listEpisodes } from './get-episodes.js';
import { transitionEpisode } from './transition-episode.js';
import { updateEpisode } from './update-episode.js';

const IdParams = z.strictObject({ id: api.Id });

/** Status changes may send If-Match; the state machine and a row lock guard them when they do not. */
function optionalVersion(request: FastifyRequest): number | undefined {
  return request.headers['if-match'] === undefined ? undefined : expectedVersion(request);
}

export const episodeRoutes: FastifyPluginAsyncZod<{
  db: Kysely<DB>;
  /** What other modules do when an episode ends (see episode-ends.ts). */
  whenEpisodeEnds?: readonly WhenEpisodeEnds[];
}> = async (app, { db, whenEpisodeEnds = [] }) => {
  app.get(
    '/diagnoses',
    {
      schema: {
        tags: ['episodes'],
        summary: 'Search the curated ICD-10-CM list by code prefix or words of the title',
        querystring: api.DiagnosisSearchQuery,
        response: { 200: z.object({ items: z.array(api.DiagnosisCode) }) },
      },
    },
    async (request) => {
      await authorize(db, request, 'episode.read');
      const found = searchDiagnoses(request.query.q ?? '', request.query.limit);
      return {
        items: found.map((d) => ({
          code: d.code,
          text: d.text,
          group: d.group,
          substanceUse: d.sud === true,
        })),
      };
    },
  );

  app.get(
    '/patients/:id/episodes',
    {
      schema: {
        tags: ['episodes'],
        summary: 'A patient’s episodes of care, newest first',
        params: IdParams,
        response: { 200: z.object({ items: z.array(api.Episode) }) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'episode.read', {
        type: 'patient',
        id: request.params.id,
        patientId: request.params.id,
      });
      return { items: await db.transaction().execute((trx) => listEpisodes(trx, ctx, request.params.id)) };
    },
  );

  app.post(
    '/patients/:id/episodes',
    {
      schema: {
        tags: ['episodes'],
        summary: 'Admit the patient into a track (a readmission when they were discharged before)',
        params: IdParams,
        body: api.AdmitRequest,
        response: { 201: api.Episode },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'episode.manage', {
        type: 'patient',
        id: request.params.id,
        patientId: request.params.id,
      });
      const episode = await db
        .transaction()
        .execute((trx) => admitPatient(trx, ctx, { ...request.body, patientId: request.params.id }));
      return reply.code(201).header('etag', `"${episode.version}"`).send(episode);
    },
  );

  app.get(
    '/episodes/:id',
    { schema: { tags: ['episodes'], params: IdParams, response: { 200: api.Episode } } },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'episode.read', { type: 'episode', id: request.params.id });
      const episode = await db.transaction().execute((trx) => getEpisode(trx, ctx, request.params.id));
      return reply.header('etag', `"${episode.version}"`).send(episode);
    },
  );

  app.patch(
    '/episodes/:id',
    {
      schema: {
        tags: ['episodes'],
        summary: 'Change admission date, diagnoses, clinician, referral or payer note (If-Match required)',
        params: IdParams,
        body: api.UpdateEpisodeRequest,
        response: { 200: api.Episode },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'episode.manage', { type: 'episode', id: request.params.id });
      const version = expectedVersion(request);
      const episode = await db
        .transaction()
        .execute((trx) => updateEpisode(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${episode.version}"`).send(episode);
    },
  );

  app.post(
    '/episodes/:id/transition',
    {
      schema: {
        tags: ['episodes'],
        summary: 'Change status: pending → active → on_hold → discharged (409 when not allowed)',
        params: IdParams,
        body: api.TransitionRequest,
        response: { 200: api.Episode },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'episode.manage', { type: 'episode', id: request.params.id });
      const version = optionalVersion(request);
      const episode = await db.transaction().execute((trx) =>
        transitionEpisode(trx, ctx, request.params.id, version, request.body, {
          whenEnds: whenEpisodeEnds,
        }),
      );
      return reply.header('etag', `"${episode.version}"`).send(episode);
    },
  );

  app.post(
    '/episodes/:id/change-track',
    {
      schema: {
        tags: ['episodes'],
        summary: 'Step up, step down or transfer: discharge this episode and open one in the new track',
        params: IdParams,
        body: api.ChangeTrackRequest,
        response: { 201: z.object({ previous: api.Episode, current: api.Episode }) },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'episode.manage', { type: 'episode', id: request.params.id });
      const version = optionalVersion(request);
      const result = await db
        .transaction()
        .execute((trx) => changeTrack(trx, ctx, request.params.id, version, request.body, whenEpisodeEnds));
      return reply.code(201).header('etag', `"${result.current.version}"`).send(result);
    },
  );
};
