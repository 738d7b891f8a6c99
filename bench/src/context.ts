import { STAFF_ROLES, type StaffRole } from '@trellis/domain';
import type { DirectDb } from './direct.js';
import { benchEmail } from './generate/world.js';
import { Rng } from './prng.js';
import type { BenchUser, ScenarioContext } from './scenarios/types.js';

/** The scenario context of the data set's first organization and its bench accounts. */
export async function buildContext(
  direct: DirectDb,
  anchor: string,
  seed: number,
): Promise<(scenario: string) => ScenarioContext> {
  // The organization the bench accounts belong to (the largest one).
  const orgs = await direct.rows<{ id: string; name: string }>(
    `select o.id, o.name from app_user u join organization o on o.id = u.organization_id
     where u.email like 'bench.admin@%' limit 1`,
  );
  const org = orgs[0];
  if (!org) throw new Error('The data set has no organization: generate it again with --fresh.');
  const slug = org.name.toLowerCase().split(' ')[0] as string;
  const users = {} as Record<StaffRole, BenchUser>;
  for (const role of STAFF_ROLES) {
    const email = benchEmail(slug, role);
    const found = await direct.rows<{ id: string; roles: StaffRole[] }>(
      'select id, roles from app_user where lower(email) = lower($1)',
      [email],
    );
    const user = found[0];
    if (!user) throw new Error(`The data set has no account ${email}: generate it again with --fresh.`);
    users[role] = { id: user.id, email, roles: user.roles };
  }
  const tables = new Set(
    (
      await direct.rows<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = current_schema()`,
      )
    ).map((r) => r.table_name),
  );
  return (scenario) => ({
    engine: direct.engine,
    anchor,
    organization: { id: org.id, name: org.name, slug },
    users,
    tables,
    query: (sql, params) => direct.rows(sql, params),
    rng: Rng.for(seed, `scenario:${scenario}`),
  });
}
