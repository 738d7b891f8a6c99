import { Command } from 'commander';
import { loadConfig } from '../config.js';
import { auditVerifyCommand } from './audit-verify.js';
import { migrateCommand } from './migrate.js';
import { seedCommand } from './seed.js';
import { serveCommand } from './serve.js';
import { userCreateCommand } from './user-create.js';

const program = new Command('trellis')
  .description('Trellis: the open-source platform for Intensive Outpatient Programs.')
  .showHelpAfterError();

program
  .command('serve')
  .description('Migrate the database, load the demo into an empty one, and serve Trellis.')
  .option('--no-migrate', 'refuse to start instead of migrating an older schema')
  .action((options: { migrate: boolean }) => serveCommand(loadConfig(), options));

program
  .command('migrate')
  .description('Bring the database schema up to date.')
  .action(() => migrateCommand(loadConfig()));

program
  .command('seed')
  .description('Load data into the database.')
  .requiredOption('--demo', 'the synthetic demo organization')
  .action(() => seedCommand(loadConfig()));

const user = program.command('user').description('Manage staff accounts.');
user
  .command('create')
  .description('Create a staff account (prints a generated password unless --password is given).')
  .requiredOption('--email <email>', 'sign-in email')
  .requiredOption('--name <name>', 'display name')
  .option('--role <role...>', 'one or more roles: admin director clinician intake billing front_desk', [
    'admin',
  ])
  .option('--password <password>', 'at least 12 characters')
  .option('--organization <id>', 'organization id (needed only when there are several)')
  .action((options) => userCreateCommand(loadConfig(), options));

const audit = program.command('audit').description('The audit log.');
audit
  .command('verify')
  .description('Recompute the hash chain of every event and name the first broken one.')
  .action(() => auditVerifyCommand(loadConfig()));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`trellis: ${(error as Error).message}\n`);
  process.exit(1);
}
