import type { StaffRole } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext } from '../context.js';
import type { DB } from '../db/schema.js';
import { createLocation, createOrganization, createRoom } from '../modules/organizations/index.js';
import { createUser } from '../modules/users/index.js';
import { seedDemoConsents } from './demo-consents.js';
import { seedDemoIntake } from './demo-intake.js';
import { seedDemoMeasures } from './demo-measures.js';
import { seedDemoPlans } from './demo-plans.js';
import { seedDemoPrograms } from './demo-programs.js';
import { seedDemoScheduling } from './demo-scheduling.js';

/** Every person in the demo is invented; the domain is reserved for examples (RFC 2606). */
export const DEMO_PASSWORD = 'trellis-demo-2026';

export const DEMO_STAFF: { email: string; displayName: string; roles: StaffRole[]; credentials?: string }[] =
  [
    { email: 'admin@cedargrove.example', displayName: 'Alex Admin', roles: ['admin'] },
    {
      email: 'director@cedargrove.example',
      displayName: 'Dana Reyes',
      roles: ['director'],
      credentials: 'LCSW',
    },
    {
      email: 'clinician@cedargrove.example',
      displayName: 'Sam Lee',
      roles: ['clinician'],
      credentials: 'LPC',
    },
    { email: 'intake@cedargrove.example', displayName: 'Ivy Morgan', roles: ['intake'] },
    { email: 'billing@cedargrove.example', displayName: 'Ben Okafor', roles: ['billing'] },
    { email: 'frontdesk@cedargrove.example', displayName: 'Fran Diaz', roles: ['front_desk'] },
  ];

/** Loads the synthetic demo organization: one location in its time zone, rooms, every staff role. */
export async function seedDemo(db: Kysely<DB>, now: Date): Promise<{ organizationId: string }> {
  const org = await createOrganization(db, { name: 'Cedar Grove Behavioral Health (demo)' }, now);
  const ctx: RequestContext & { actor: NonNullable<RequestContext['actor']> } = {
    actor: {
      userId: '00000000-0000-0000-0000-000000000000',
      organizationId: org.id,
      roles: ['admin'],
      label: 'demo seed',
    },
    ip: null,
    requestId: 'seed',
    now,
  };
  const location = await createLocation(db, ctx, {
    name: 'Cedar Grove Main Clinic',
    timeZone: 'America/Chicago',
    addressLine: '100 Example Avenue',
    city: 'Springfield',
    region: 'IL',
    postalCode: '62701',
    phone: '555-0100',
  });
  for (const [name, capacity] of [
    ['Group Room A', 14],
    ['Group Room B', 12],
    ['Family Room', 6],
    ['Office 1', 3],
  ] as const) {
    await createRoom(db, ctx, { locationId: location.id, name, capacity });
  }
  for (const staff of DEMO_STAFF) {
    await createUser(db, ctx, { ...staff, password: DEMO_PASSWORD, credentials: staff.credentials ?? null });
  }
  await seedDemoPrograms(db, ctx, location.id);
  await seedDemoConsents(db, ctx);
  await seedDemoIntake(db, ctx);
  await seedDemoScheduling(db, ctx);
  await seedDemoMeasures(db, ctx);
  await seedDemoPlans(db, ctx, DEMO_PASSWORD);
  return { organizationId: org.id };
}
