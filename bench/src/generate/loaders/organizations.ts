import type { Loader } from '../loader.js';

/** organizations module: organization, location, room. */
export const organizationsLoader: Loader = {
  name: 'organizations',
  module: 'organizations',
  tables: ['organization', 'location', 'room'],
  after: [],
  async load({ world, insert }) {
    await insert.insert(
      'organization',
      world.organizations.map((org) => ({
        id: org.id,
        name: org.name,
        // Two-step sign-in stays optional so the runner can sign in with a password alone.
        mfa_required_roles: [],
        session_idle_minutes: 30,
        session_absolute_hours: 12,
        created_at: org.createdAt,
        updated_at: org.createdAt,
      })),
    );
    await insert.insert(
      'location',
      world.organizations.flatMap((org) =>
        org.locations.map((l, i) => ({
          id: l.id,
          organization_id: org.id,
          name: l.name,
          time_zone: l.timeZone,
          address_line: `${100 + i * 10} Example Avenue`,
          city: l.city,
          region: l.region,
          postal_code: String(10000 + ((org.index * 97 + i * 13) % 89999)),
          phone: `555-01${String((org.index * 10 + i) % 100).padStart(2, '0')}`,
          created_at: l.createdAt,
          updated_at: l.createdAt,
        })),
      ),
    );
    await insert.insert(
      'room',
      world.organizations.flatMap((org) =>
        org.locations.flatMap((l) =>
          l.rooms.map((r) => ({
            id: r.id,
            organization_id: org.id,
            location_id: l.id,
            name: r.name,
            capacity: r.capacity,
            created_at: l.createdAt,
            updated_at: l.createdAt,
          })),
        ),
      ),
    );
  },
};
