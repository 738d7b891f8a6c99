import { existsSync } from 'node:fs';
import path from 'node:path';
import { systemClock } from '../clock.js';
import type { Config } from '../config.js';
import { assertSchemaNotNewer, migrateToLatest } from '../db/migrate.js';
import { buildApp } from '../http/app.js';
import { startJobRunner } from '../modules/jobs/index.js';
import { hasAnyOrganization } from '../modules/organizations/index.js';
import { seedDemo } from '../seed/demo.js';
import { describeTarget, openForCommand } from './open.js';
import { demoSignIns } from './seed.js';

export async function serveCommand(config: Config, options: { migrate: boolean }) {
  const database = await openForCommand(config);
  let stopping = false;
  const fail = async (message: string) => {
    process.stderr.write(`trellis: ${message}\n`);
    await database.close();
    process.exit(1);
  };

  try {
    const status = await assertSchemaNotNewer(database.db);
    if (status.pending.length > 0) {
      if (!options.migrate) {
        return fail(`the schema needs ${status.pending.length} migration(s); run \`trellis migrate\` first.`);
      }
      await migrateToLatest(database.db);
    }
  } catch (error) {
    return fail((error as Error).message);
  }

  let seeded = false;
  if (config.seedDemo && !(await hasAnyOrganization(database.db))) {
    await database.db.transaction().execute((trx) => seedDemo(trx, new Date()));
    seeded = true;
  }

  const app = await buildApp({ config, database, clock: systemClock });
  const jobs = startJobRunner(database.db, systemClock, (error) =>
    app.log.error({ err: { type: (error as Error).name } }, 'background job pass failed'),
  );
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    await jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    return fail(
      `cannot listen on port ${config.port}: ${(error as Error).message}. Set PORT to a free port.`,
    );
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const web = existsSync(path.join(config.webDistDir, 'index.html'))
    ? ''
    : '\n(The web app is not built: run `npm run build` to serve it.)';
  process.stdout.write(
    `\nTrellis is running at http://localhost:${port} on ${describeTarget(config)}.${web}\n` +
      `API documentation: http://localhost:${port}/api/docs\n` +
      (seeded ? `\nLoaded the synthetic demo organization.\n${demoSignIns()}` : '') +
      '\nPress Ctrl-C to stop.\n',
  );
}
