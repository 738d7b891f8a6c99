import { api } from '@trellis/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { authorize, expectedVersion, type SignedInContext } from '../../http/request-context.js';
import { createPatient } from './create-patient.js';
import { auditDuplicateWarning, PossibleDuplicateError } from './duplicates.js';
import { getPatient } from './get-patient.js';
import { searchPatients } from './search-patients.js';
import { updatePatient } from './update-patient.js';

const PatientParams = z.strictObject({ id: api.Id });

/** A duplicate warning rolls the request back; its disclosure of the candidates is audited apart. */
async function auditingDuplicates<T>(db: Kysely<DB>, ctx: SignedInContext, work: () => Promise<T>) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PossibleDuplicateError) await auditDuplicateWarning(db, ctx, error);
    throw error;
  }
}

export const patientRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get(
    '/patients',
    {
      schema: {
        tags: ['patients'],
        summary: 'Search patients by name, MRN, date of birth or phone (one q); at most 50',
        querystring: api.PatientSearchQuery,
        response: { 200: api.PatientSearchResult },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'patient.read', { type: 'patient' });
      return db.transaction().execute((trx) => searchPatients(trx, ctx, request.query));
    },
  );

  app.post(
    '/patients',
    {
      schema: {
        tags: ['patients'],
        summary: 'Register a patient; 409 with candidates when the name and date of birth are taken',
        body: api.CreatePatientRequest,
        response: { 201: api.Patient },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'patient.write', { type: 'patient' });
      const patient = await auditingDuplicates(db, ctx, () =>
        db.transaction().execute((trx) => createPatient(trx, ctx, request.body)),
      );
      return reply.code(201).header('etag', `"${patient.version}"`).send(patient);
    },
  );

  app.get(
    '/patients/:id',
    { schema: { tags: ['patients'], params: PatientParams, response: { 200: api.Patient } } },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'patient.read', {
        type: 'patient',
        id: request.params.id,
        patientId: request.params.id,
      });
      const patient = await db.transaction().execute((trx) => getPatient(trx, ctx, request.params.id));
      return reply.header('etag', `"${patient.version}"`).send(patient);
    },
  );

  app.patch(
    '/patients/:id',
    {
      schema: {
        tags: ['patients'],
        summary: 'Change demographics (If-Match required)',
        params: PatientParams,
        body: api.UpdatePatientRequest,
        response: { 200: api.Patient },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'patient.write', {
        type: 'patient',
        id: request.params.id,
        patientId: request.params.id,
      });
      const version = expectedVersion(request);
      const patient = await auditingDuplicates(db, ctx, () =>
        db.transaction().execute((trx) => updatePatient(trx, ctx, request.params.id, version, request.body)),
      );
      return reply.header('etag', `"${patient.version}"`).send(patient);
    },
  );
};
