import type { Config } from '../config.js';
import { type Database, openDatabase } from '../db/database.js';

/** Opens the configured database for a command, or ends the process with a plain message. */
export async function openForCommand(config: Config): Promise<Database> {
  try {
    return await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    process.stderr.write(`trellis: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

export function describeTarget(config: Config): string {
  return config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${config.dataDir}`;
}
