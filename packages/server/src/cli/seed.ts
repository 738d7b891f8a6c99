import type { Config } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { DEMO_PASSWORD, DEMO_STAFF, seedDemo } from '../seed/demo.js';
import { openForCommand } from './open.js';

export function demoSignIns(): string {
  const lines = DEMO_STAFF.map((s) => `  ${s.roles.join(', ').padEnd(12)} ${s.email}`);
  return `Demo sign-ins (password for all: ${DEMO_PASSWORD}):\n${lines.join('\n')}\n`;
}

export async function seedCommand(config: Config) {
  const database = await openForCommand(config);
  try {
    await migrateToLatest(database.db);
    await database.db.transaction().execute((trx) => seedDemo(trx, new Date()));
    process.stdout.write(`Loaded the demo organization.\n${demoSignIns()}`);
  } finally {
    await database.close();
  }
}
