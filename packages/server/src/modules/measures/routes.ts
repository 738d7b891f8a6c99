import { api, getInstrument, instrumentToQuestionnaire, listInstruments } from '@trellis/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { authorize, expectedVersion } from '../../http/request-context.js';
import { correctAdministration } from './correct-administration.js';
import { listDueMeasures } from './due-measures.js';
import { enterAdministration } from './enter-administration.js';
import { getAdministration, getAdministrationAsFhir, listAdministrations } from './get-administrations.js';
import { listInstrumentSettings, saveInstrumentSettings } from './instrument-settings.js';
import { issueMeasureLink } from './issue-measure-link.js';
import { patientOutcome, trackOutcome } from './outcomes.js';
import { getMeasureSchedule, saveMeasureSchedule } from './schedule.js';

const IdParams = z.strictObject({ id: api.Id });
const CodeParams = z.strictObject({ code: api.InstrumentCode });
const tags = ['measures'];

/** Measurement-based care for staff: instruments, administrations, schedules, the due list, outcomes. */
export const measureRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get(
    '/instruments',
    {
      schema: {
        tags,
        summary: 'The instrument library (PHQ-9, GAD-7, PCL-5, AUDIT, DAST-10, C-SSRS screener …)',
        response: { 200: z.object({ items: z.array(api.InstrumentSummary) }) },
      },
    },
    async (request) => {
      await authorize(db, request, 'clinical.read');
      return {
        items: listInstruments().map((d) => ({
          code: d.code,
          version: d.version,
          title: d.title,
          shortTitle: d.shortTitle,
          population: d.population,
          licensedTextRequired: d.licensedTextRequired,
          itemCount: d.items.length,
          totalRange: d.totalRange,
        })),
      };
    },
  );

  app.get(
    '/instruments/:code',
    {
      schema: {
        tags,
        summary:
          'One instrument: items, options, scoring, bands, flags, settings (?format=fhir: a FHIR R4 Questionnaire)',
        params: CodeParams,
        querystring: api.FormatQuery,
        response: { 200: z.union([api.InstrumentDefinition, api.FhirResource]) },
      },
    },
    async (request) => {
      await authorize(db, request, 'clinical.read');
      const def = getInstrument(request.params.code);
      // Definitions are plain, frozen data; the response schema checks their shape on the way out.
      return (request.query.format === 'fhir' ? instrumentToQuestionnaire(def) : def) as unknown as Record<
        string,
        unknown
      >;
    },
  );

  app.get(
    '/instrument-settings',
    {
      schema: {
        tags,
        summary:
          'The organization’s settings per instrument (band sets, cut-points, reliable-change criterion)',
        response: { 200: z.object({ items: z.array(api.InstrumentSettings) }) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'clinical.read');
      return { items: await listInstrumentSettings(db, ctx.actor.organizationId) };
    },
  );

  app.put(
    '/instrument-settings/:code',
    {
      schema: {
        tags,
        summary: 'Set an instrument’s settings (If-Match "0" the first time)',
        params: CodeParams,
        body: api.SaveInstrumentSettingsRequest,
        response: { 200: api.InstrumentSettings },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'program.manage');
      const version = expectedVersion(request);
      const saved = await db
        .transaction()
        .execute((trx) => saveInstrumentSettings(trx, ctx, request.params.code, version, request.body));
      return reply.header('etag', `"${saved.version}"`).send(saved);
    },
  );

  app.post(
    '/patients/:id/measures',
    {
      schema: {
        tags,
        summary: 'Enter answers given in session: scored, stored, and any risk alert opened at once',
        params: IdParams,
        body: api.RecordAdministrationRequest,
        response: { 201: api.Administration },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.write', {
        patientId: request.params.id,
        type: 'patient',
      });
      const created = await db
        .transaction()
        .execute((trx) => enterAdministration(trx, ctx, request.params.id, request.body));
      return reply.code(201).header('etag', `"1"`).send(created);
    },
  );

  app.get(
    '/patients/:id/measures',
    {
      schema: {
        tags,
        summary: 'A patient’s administrations, newest first (corrected entries on request)',
        params: IdParams,
        querystring: api.AdministrationHistoryQuery,
        response: { 200: z.object({ items: z.array(api.Administration) }) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'clinical.read', {
        patientId: request.params.id,
        type: 'patient',
      });
      const items = await db
        .transaction()
        .execute((trx) => listAdministrations(trx, ctx, request.params.id, request.query));
      return { items };
    },
  );

  app.get(
    '/measures/due',
    {
      schema: {
        tags,
        summary: 'Measures due and overdue today: your episodes (mine=true), a track, or the organization',
        querystring: api.DueMeasuresQuery,
        response: { 200: api.DueMeasures },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'clinical.read', { type: 'measure_due_list' });
      return db.transaction().execute((trx) => listDueMeasures(trx, ctx, request.query));
    },
  );

  app.get(
    '/measures/:id',
    {
      schema: {
        tags,
        summary: 'One administration (?format=fhir: a Bundle of QuestionnaireResponse and Observation)',
        params: IdParams,
        querystring: api.FormatQuery,
        response: { 200: z.union([api.Administration, api.FhirBundle]) },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'clinical.read', {
        type: 'measure_administration',
        id: request.params.id,
      });
      return db
        .transaction()
        .execute(
          (trx): Promise<api.Administration | api.FhirBundle> =>
            request.query.format === 'fhir'
              ? getAdministrationAsFhir(trx, ctx, request.params.id)
              : getAdministration(trx, ctx, request.params.id),
        );
    },
  );

  app.post(
    '/measures/:id/corrections',
    {
      schema: {
        tags,
        summary: 'Correct an entry: a new administration that supersedes it, with the reason',
        params: IdParams,
        body: api.CorrectAdministrationRequest,
        response: { 201: api.Administration },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.write', {
        type: 'measure_administration',
        id: request.params.id,
      });
      const created = await db
        .transaction()
        .execute((trx) => correctAdministration(trx, ctx, request.params.id, request.body));
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/patients/:id/measure-links',
    {
      schema: {
        tags,
        summary: 'Send questionnaires by one-time link (no account; expires; single use)',
        params: IdParams,
        body: api.IssueMeasureLinkRequest,
        response: { 201: api.MeasureLink },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'clinical.write', {
        patientId: request.params.id,
        type: 'patient',
      });
      const link = await db
        .transaction()
        .execute((trx) => issueMeasureLink(trx, ctx, request.params.id, request.body));
      return reply.code(201).send(link);
    },
  );

  app.get(
    '/patients/:id/outcomes',
    {
      schema: {
        tags,
        summary: 'A patient’s scores over time with bands, baseline, change and its classification',
        params: IdParams,
        querystring: api.PatientOutcomeQuery,
        response: { 200: api.PatientOutcome },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'clinical.read', {
        patientId: request.params.id,
        type: 'patient',
      });
      return db.transaction().execute((trx) => patientOutcome(trx, ctx, request.params.id, request.query));
    },
  );

  app.get(
    '/tracks/:id/measure-schedule',
    {
      schema: {
        tags,
        summary:
          'The track’s measurement schedule (version 0 until saved), with a suggestion for its population',
        params: IdParams,
        response: { 200: api.MeasureSchedule },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'program.read');
      const schedule = await getMeasureSchedule(db, ctx.actor.organizationId, request.params.id);
      return reply.header('etag', `"${schedule.version}"`).send(schedule);
    },
  );

  app.put(
    '/tracks/:id/measure-schedule',
    {
      schema: {
        tags,
        summary: 'Save the track’s measurement schedule (If-Match "0" the first time)',
        params: IdParams,
        body: api.SaveMeasureScheduleRequest,
        response: { 200: api.MeasureSchedule },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'program.manage');
      const version = expectedVersion(request);
      const schedule = await db
        .transaction()
        .execute((trx) => saveMeasureSchedule(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${schedule.version}"`).send(schedule);
    },
  );

  app.get(
    '/tracks/:id/outcomes',
    {
      schema: {
        tags,
        summary:
          'Outcomes of the track’s active patients: counts per classification, latest against baseline',
        params: IdParams,
        querystring: api.TrackOutcomeQuery,
        response: { 200: api.TrackOutcome },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'clinical.read', { type: 'track', id: request.params.id });
      return db
        .transaction()
        .execute((trx) => trackOutcome(trx, ctx, request.params.id, request.query.instrument));
    },
  );
};
