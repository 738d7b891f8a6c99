import { api } from '@trellis/domain';
import type { Config } from '../config.js';
import { assertSchemaNotNewer } from '../db/migrate.js';
import { listOrganizations } from '../modules/organizations/index.js';
import { createUser } from '../modules/users/index.js';
import { newSecretToken } from '../security/tokens.js';
import { openForCommand } from './open.js';

interface Options {
  email: string;
  name: string;
  role: string[];
  password?: string;
  organization?: string;
}

export async function userCreateCommand(config: Config, options: Options) {
  const generated = options.password === undefined;
  const password = options.password ?? newSecretToken().slice(0, 20);
  const parsed = api.CreateUserRequest.safeParse({
    email: options.email,
    displayName: options.name,
    roles: options.role,
    password,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'input'}: ${i.message}`);
    throw new Error(`cannot create the account:\n${problems.join('\n')}`);
  }
  const database = await openForCommand(config);
  try {
    await assertSchemaNotNewer(database.db);
    const orgs = await listOrganizations(database.db);
    const org = options.organization ? orgs.find((o) => o.id === options.organization) : orgs[0];
    if (!org || (!options.organization && orgs.length > 1)) {
      throw new Error(
        orgs.length === 0
          ? 'there is no organization yet: run `trellis seed --demo` or start the server once.'
          : `name the organization with --organization: ${orgs.map((o) => `${o.id} (${o.name})`).join(', ')}`,
      );
    }
    const now = new Date();
    const user = await database.db.transaction().execute((trx) =>
      createUser(
        trx,
        {
          actor: {
            userId: '00000000-0000-0000-0000-000000000000',
            organizationId: org.id,
            roles: ['admin'],
            label: 'trellis cli',
          },
          ip: null,
          requestId: 'cli',
          now,
        },
        parsed.data,
      ),
    );
    process.stdout.write(
      `Created ${user.email} (${user.roles.join(', ')}) in ${org.name}.\n` +
        (generated
          ? `Password: ${password}\nAsk the person to keep it safe; they can change it later.\n`
          : ''),
    );
  } finally {
    await database.close();
  }
}
