import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { type Database, pingDatabase } from '../db/database.js';
import { loggerOptions } from '../logger.js';
import { assessmentRoutes } from '../modules/assessments/routes.js';
import { auditRoutes } from '../modules/audit/routes.js';
import { authRoutes } from '../modules/auth/routes.js';
import { chartRoutes } from '../modules/chart/routes.js';
import { endConsentsAtEpisodeEnd } from '../modules/consents/index.js';
import { consentRoutes } from '../modules/consents/routes.js';
import { coverageRoutes } from '../modules/coverage/routes.js';
import { episodeRoutes } from '../modules/episodes/routes.js';
import { intakeRoutes } from '../modules/intake/routes.js';
import { publicMeasureRoutes } from '../modules/measures/public-routes.js';
import { measureRoutes } from '../modules/measures/routes.js';
import { organizationTimeZone } from '../modules/organizations/index.js';
import { organizationRoutes } from '../modules/organizations/routes.js';
import { patientRoutes } from '../modules/patients/routes.js';
import { closePlanTasksAtEpisodeEnd } from '../modules/plans/index.js';
import { publicPlanRoutes } from '../modules/plans/public-routes.js';
import { planRoutes } from '../modules/plans/routes.js';
import { programRoutes } from '../modules/programs/routes.js';
import { endScheduleAtEpisodeEnd } from '../modules/scheduling/index.js';
import { schedulingRoutes } from '../modules/scheduling/routes.js';
import { taskRoutes } from '../modules/tasks/routes.js';
import { userRoutes } from '../modules/users/routes.js';
import { handleError, sendProblem } from './problem.js';
import { responseSerializerCompiler } from './serializer.js';
import { registerSessionHook } from './session-hook.js';

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  /** false in tests that do not want log lines. */
  logger?: boolean;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database, clock } = deps;
  const app = Fastify({
    logger: deps.logger === false ? false : loggerOptions(config.logLevel),
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler(config.checkResponses));
  app.setErrorHandler(handleError);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Trellis API',
        description: 'The API of Trellis, the open-source platform for Intensive Outpatient Programs.',
        version: '1',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'trellis_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerSessionHook(app, database.db, clock);

  app.get(
    '/api/health',
    { schema: { hide: true }, config: { access: 'public' } },
    async (_request, reply) => {
      if (await pingDatabase(database.db)) return { status: 'ok', db: database.engine };
      return reply.code(503).send({ status: 'unavailable', db: database.engine });
    },
  );

  const v1 = { prefix: '/api/v1', db: database.db };
  await app.register(authRoutes, { ...v1, config });
  await app.register(userRoutes, v1);
  await app.register(organizationRoutes, v1);
  await app.register(auditRoutes, {
    ...v1,
    timeZoneOf: (organizationId: string) => organizationTimeZone(database.db, organizationId),
  });
  await app.register(patientRoutes, v1);
  await app.register(programRoutes, v1);
  await app.register(episodeRoutes, {
    ...v1,
    // Episodes cannot import the modules that build on it: what ends with an episode is wired here.
    whenEpisodeEnds: [endScheduleAtEpisodeEnd, endConsentsAtEpisodeEnd, closePlanTasksAtEpisodeEnd],
  });
  await app.register(chartRoutes, v1);
  await app.register(taskRoutes, v1);
  await app.register(consentRoutes, v1);
  await app.register(intakeRoutes, { ...v1, publicFormRateLimit: config.publicFormRateLimitPerMinute });
  await app.register(coverageRoutes, v1);
  await app.register(schedulingRoutes, v1);
  await app.register(measureRoutes, v1);
  await app.register(publicMeasureRoutes, v1);
  await app.register(assessmentRoutes, v1);
  await app.register(planRoutes, v1);
  await app.register(publicPlanRoutes, v1);

  const indexHtml = path.join(config.webDistDir, 'index.html');
  const hasWeb = existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDistDir, wildcard: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && hasWeb && !request.url.startsWith('/api/')) {
      // The web app routes in the browser: every page address serves the same shell.
      return reply.sendFile('index.html');
    }
    return sendProblem(reply, 404, `There is no ${request.method} ${request.url.split('?')[0]} here.`);
  });

  return app;
}
