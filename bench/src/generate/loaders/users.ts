import type { Loader } from '../loader.js';

/** users module: staff accounts of every role, all with the one precomputed password hash. */
export const usersLoader: Loader = {
  name: 'users',
  module: 'users',
  tables: ['app_user'],
  after: ['organizations'],
  async load({ world, insert, rng }) {
    const lastLogin = new Date(Date.parse(`${world.anchor}T00:00:00Z`) - 12 * 3_600_000);
    await insert.insert(
      'app_user',
      world.organizations.flatMap((org) =>
        org.staff.map((s) => ({
          id: s.id,
          organization_id: org.id,
          email: s.email,
          display_name: s.displayName,
          roles: s.roles,
          credentials: s.credentials,
          password_hash: world.passwordHash,
          last_login_at: s.active ? new Date(lastLogin.getTime() - rng.int(0, 72) * 3_600_000) : null,
          active: s.active,
          created_at: s.createdAt,
          updated_at: s.createdAt,
        })),
      ),
    );
  },
};
