import { addDays, localDate } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../context.js';
import type { DB } from '../db/schema.js';
import { createConsent, revokeConsent } from '../modules/consents/index.js';
import { organizationTimeZone } from '../modules/organizations/index.js';
import { searchPatients } from '../modules/patients/index.js';
import { openTask } from '../modules/tasks/index.js';
import { searchUsers } from '../modules/users/index.js';

type Ctx = RequestContext & { actor: StaffActor };

async function actAs(db: Kysely<DB>, ctx: Ctx, email: string): Promise<Ctx | null> {
  const [user] = await searchUsers(db, ctx.actor.organizationId, { q: email });
  if (!user) return null;
  return { ...ctx, actor: { ...ctx.actor, userId: user.id, roles: user.roles, label: user.email } };
}

/**
 * Consents for the demo patients, signed in person at intake (every one consents to treatment;
 * some to telehealth; some to Part 2 disclosures, one of them revoked), and a few follow-ups in
 * the clinicians' queue. All through the modules' use cases; every name is invented.
 */
export async function seedDemoConsents(db: Kysely<DB>, ctx: Ctx): Promise<void> {
  const intake = await actAs(db, ctx, 'intake@cedargrove.example');
  const clinician = await actAs(db, ctx, 'clinician@cedargrove.example');
  if (!intake || !clinician) return;
  const { items: patients } = await searchPatients(db, intake, { limit: 60 });
  const today = localDate(ctx.now, await organizationTimeZone(db, ctx.actor.organizationId));
  const sign = (name: string) => ({
    signerRole: 'patient' as const,
    method: 'in_person' as const,
    typedName: name,
  });

  for (const [i, patient] of patients.entries()) {
    const name = `${patient.legalFirstName} ${patient.legalLastName}`;
    await createConsent(db, intake, patient.id, { kind: 'treatment', signature: sign(name) }, 'demo seed');
    if (i % 3 === 0) {
      await createConsent(
        db,
        intake,
        patient.id,
        { kind: 'telehealth', expiresOn: addDays(today, 365), signature: sign(name) },
        'demo seed',
      );
    }
    if (i % 4 === 0) {
      await createConsent(
        db,
        intake,
        patient.id,
        {
          kind: 'part2',
          recipient: { kind: 'tpo_designation' },
          purposes: ['treatment', 'payment', 'health_care_operations'],
          informationKinds: ['all_records'],
          signature: sign(name),
        },
        'demo seed',
      );
    }
    if (i % 10 === 5 || i === 7) {
      const named = await createConsent(
        db,
        intake,
        patient.id,
        {
          kind: 'part2',
          recipient: { kind: 'named', name: 'Springfield Family Medicine (Dr. Alex Example)' },
          purposes: ['care_coordination'],
          informationKinds: ['attendance', 'treatment_plan', 'discharge_summary'],
          informationDescription: 'for this episode of care',
          expiresOn: addDays(today, 180),
          signature: sign(name),
        },
        'demo seed',
      );
      if (i === 7) await revokeConsent(db, intake, named.id, { receivedVia: 'in_writing' });
    }
    if (i % 8 === 0) {
      await openTask(db, clinician, {
        kind: 'follow_up',
        subject: { type: 'patient', id: patient.id },
        patientId: patient.id,
        title: 'Call back about transportation to group',
        ownerUserId: clinician.actor.userId,
        dueAt: new Date(ctx.now.getTime() + 24 * 3_600_000),
        period: 'demo',
      });
    }
  }
}
