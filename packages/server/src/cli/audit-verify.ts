import type { Config } from '../config.js';
import { assertSchemaNotNewer } from '../db/migrate.js';
import { verifyAuditChain } from '../modules/audit/index.js';
import { openForCommand } from './open.js';

export async function auditVerifyCommand(config: Config) {
  const database = await openForCommand(config);
  try {
    await assertSchemaNotNewer(database.db);
    const result = await verifyAuditChain(database.db);
    if (result.breaks.length > 0) {
      for (const b of result.breaks) {
        const what =
          b.problem === 'content_changed'
            ? 'its content was changed'
            : 'the event before it is missing or changed';
        process.stderr.write(
          `Audit log BROKEN at event ${b.id} (seq ${b.seq}, chain ${b.chainKey}): ${what}.\n`,
        );
      }
      process.stderr.write(
        `${result.breaks.length} of ${result.chains} chain(s) broken; ${result.eventsChecked} event(s) checked.\n`,
      );
      process.exitCode = 1;
      return;
    }
    process.stdout.write(
      `Audit log intact: ${result.eventsChecked} event(s) in ${result.chains} chain(s) verified.\n`,
    );
  } finally {
    await database.close();
  }
}
