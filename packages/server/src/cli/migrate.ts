import type { Config } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { describeTarget, openForCommand } from './open.js';

export async function migrateCommand(config: Config) {
  const database = await openForCommand(config);
  try {
    const applied = await migrateToLatest(database.db);
    process.stdout.write(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${describeTarget(config)}: ${applied.join(', ')}\n`
        : `The schema of ${describeTarget(config)} is up to date.\n`,
    );
  } finally {
    await database.close();
  }
}
