import { api } from '@trellis/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { authorize, expectedVersion } from '../../http/request-context.js';
import {
  getBenefitCheck,
  listBenefitChecks,
  recordBenefitCheck,
  updateBenefitCheck,
} from './benefit-checks.js';
import { createCoverage } from './create-coverage.js';
import { getCoverage, listPatientCoverages } from './get-coverages.js';
import { updateCoverage } from './update-coverage.js';

const PatientParams = z.strictObject({ patientId: api.Id });
const CoverageParams = z.strictObject({ id: api.Id });
const CheckParams = z.strictObject({ id: api.Id, checkId: api.Id });
const tags = ['coverage'];

export const coverageRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get(
    '/patients/:patientId/coverages',
    {
      schema: {
        tags,
        summary: "A patient's insurance coverages, in the order of benefits, each with its newest check",
        params: PatientParams,
        response: { 200: api.CoverageList },
      },
    },
    async (request) => {
      const { patientId } = request.params;
      const ctx = await authorize(db, request, 'coverage.read', {
        type: 'patient',
        id: patientId,
        patientId,
      });
      return { items: await db.transaction().execute((trx) => listPatientCoverages(trx, ctx, patientId)) };
    },
  );

  app.post(
    '/patients/:patientId/coverages',
    {
      schema: {
        tags,
        summary: 'Add an insurance coverage to a patient',
        params: PatientParams,
        body: api.CoverageInput,
        response: { 201: api.Coverage },
      },
    },
    async (request, reply) => {
      const { patientId } = request.params;
      const ctx = await authorize(db, request, 'coverage.manage', {
        type: 'patient',
        id: patientId,
        patientId,
      });
      const coverage = await db
        .transaction()
        .execute((trx) => createCoverage(trx, ctx, { patientId }, request.body));
      return reply.code(201).header('etag', `"${coverage.version}"`).send(coverage);
    },
  );

  app.get(
    '/coverages/:id',
    { schema: { tags, summary: 'One coverage', params: CoverageParams, response: { 200: api.Coverage } } },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'coverage.read', { type: 'coverage', id: request.params.id });
      const coverage = await db.transaction().execute((trx) => getCoverage(trx, ctx, request.params.id));
      return reply.header('etag', `"${coverage.version}"`).send(coverage);
    },
  );

  app.patch(
    '/coverages/:id',
    {
      schema: {
        tags,
        summary: 'Change a coverage (If-Match required); coverages are never deleted',
        params: CoverageParams,
        body: api.UpdateCoverageRequest,
        response: { 200: api.Coverage },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'coverage.manage', {
        type: 'coverage',
        id: request.params.id,
      });
      const version = expectedVersion(request);
      const coverage = await db
        .transaction()
        .execute((trx) => updateCoverage(trx, ctx, request.params.id, version, request.body));
      return reply.header('etag', `"${coverage.version}"`).send(coverage);
    },
  );

  app.get(
    '/coverages/:id/benefit-checks',
    {
      schema: {
        tags,
        summary: "A coverage's benefit checks, newest first",
        params: CoverageParams,
        response: { 200: api.BenefitCheckList },
      },
    },
    async (request) => {
      const ctx = await authorize(db, request, 'coverage.read', { type: 'coverage', id: request.params.id });
      return {
        items: await db.transaction().execute((trx) => listBenefitChecks(trx, ctx, request.params.id)),
      };
    },
  );

  app.post(
    '/coverages/:id/benefit-checks',
    {
      schema: {
        tags,
        summary: 'Record a benefit check (phone, portal); resolves the verification request',
        params: CoverageParams,
        body: api.BenefitCheckInput,
        response: { 201: api.BenefitCheck },
      },
    },
    async (request, reply) => {
      const ctx = await authorize(db, request, 'coverage.manage', {
        type: 'coverage',
        id: request.params.id,
      });
      const check = await db
        .transaction()
        .execute((trx) => recordBenefitCheck(trx, ctx, request.params.id, request.body));
      return reply.code(201).header('etag', `"${check.version}"`).send(check);
    },
  );

  app.get(
    '/coverages/:id/benefit-checks/:checkId',
    {
      schema: {
        tags,
        summary: 'One benefit check',
        params: CheckParams,
        response: { 200: api.BenefitCheck },
      },
    },
    async (request, reply) => {
      const { id, checkId } = request.params;
      const ctx = await authorize(db, request, 'coverage.read', { type: 'benefit_check', id: checkId });
      const check = await db.transaction().execute((trx) => getBenefitCheck(trx, ctx, id, checkId));
      return reply.header('etag', `"${check.version}"`).send(check);
    },
  );

  app.patch(
    '/coverages/:id/benefit-checks/:checkId',
    {
      schema: {
        tags,
        summary: 'Correct a benefit check (If-Match required)',
        params: CheckParams,
        body: api.UpdateBenefitCheckRequest,
        response: { 200: api.BenefitCheck },
      },
    },
    async (request, reply) => {
      const { id, checkId } = request.params;
      const ctx = await authorize(db, request, 'coverage.manage', { type: 'benefit_check', id: checkId });
      const version = expectedVersion(request);
      const check = await db
        .transaction()
        .execute((trx) => updateBenefitCheck(trx, ctx, id, checkId, version, request.body));
      return reply.header('etag', `"${check.version}"`).send(check);
    },
  );
};
