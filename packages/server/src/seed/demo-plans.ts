import { type api, localDate } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../context.js';
import type { DB } from '../db/schema.js';
import { getActiveEpisode } from '../modules/episodes/index.js';
import { organizationTimeZone } from '../modules/organizations/index.js';
import { searchPatients } from '../modules/patients/index.js';
import {
  listPlanTemplates,
  savePlanDraft,
  signPlanAsClinician,
  signPlanInPerson,
  startPlan,
  startReview,
} from '../modules/plans/index.js';
import { searchUsers } from '../modules/users/index.js';

type Ctx = RequestContext & { actor: StaffActor };
const DAY_MS = 86_400_000;

async function actAs(db: Kysely<DB>, ctx: Ctx, email: string): Promise<Ctx | null> {
  const [user] = await searchUsers(db, ctx.actor.organizationId, { q: email });
  if (!user) return null;
  return { ...ctx, actor: { ...ctx.actor, userId: user.id, roles: user.roles, label: user.email } };
}

/** The starter templates that fit an episode's diagnoses: mental health, substance use, or both. */
function templateKeys(codes: readonly string[]): string[] {
  const has = (...prefixes: string[]) => codes.some((c) => prefixes.some((p) => c.startsWith(p)));
  const sud = has('F10', 'F11', 'F12', 'F13', 'F14', 'F15');
  const mh = has('F31', 'F32', 'F33', 'F41', 'F43', 'F60');
  if (sud && mh) return ['co-occurring'];
  if (has('F11')) return ['opioid-use'];
  if (has('F14', 'F15')) return ['stimulant-use'];
  if (has('F10', 'F12', 'F13')) return ['alcohol-use'];
  if (has('F31')) return ['bipolar'];
  if (has('F43.1')) return ['ptsd'];
  if (has('F41') && !has('F32', 'F33')) return ['anxiety'];
  return ['depression'];
}

type State = 'v2_signed' | 'in_review' | 'signed' | 'awaiting_participant' | 'draft';
const STATES: State[] = ['v2_signed', 'in_review', 'signed', 'awaiting_participant', 'draft', 'signed'];

/**
 * Treatment plans for the demo: a few active participants (the demo clinician's first) get a
 * plan from the library in each state — signed and reviewed into a signed version 2, under
 * review (version 2 drafted), signed, waiting for the participant's signature, and a draft
 * still missing items. Others have none, so the due list shows first plans overdue. Written
 * through the use cases, back-dated to plausible days after admission; every person is synthetic.
 */
export async function seedDemoPlans(db: Kysely<DB>, ctx: Ctx, password: string): Promise<void> {
  const orgId = ctx.actor.organizationId;
  const clinician = await actAs(db, ctx, 'clinician@cedargrove.example');
  const director = await actAs(db, ctx, 'director@cedargrove.example');
  if (!clinician || !director) return;
  const today = localDate(ctx.now, await organizationTimeZone(db, orgId));
  const templates = await listPlanTemplates(db, clinician, false);
  const byKey = new Map(templates.map((t) => [t.starterKey, t.id]));

  const { items: patients } = await searchPatients(db, clinician, { limit: 100 });
  const active: { patient: api.PatientSummary; episode: api.Episode }[] = [];
  for (const patient of patients) {
    const episode = await getActiveEpisode(db, orgId, patient.id);
    if (episode?.status === 'active' && episode.admissionDate < today) active.push({ patient, episode });
  }
  const mine = (a: (typeof active)[number]) =>
    a.episode.primaryClinicianId === clinician.actor.userId ? 0 : 1;
  active.sort(
    (a, b) =>
      mine(a) - mine(b) ||
      a.episode.admissionDate.localeCompare(b.episode.admissionDate) ||
      a.patient.id.localeCompare(b.patient.id),
  );

  for (const [i, state] of STATES.entries()) {
    const entry = active[i];
    if (!entry) break;
    const { episode } = entry;
    const admitted = Date.parse(`${episode.admissionDate}T15:00:00Z`);
    // A day after admission, never later than an hour ago.
    const on = (days: number): Ctx => ({
      ...clinician,
      now: new Date(Math.min(admitted + days * DAY_MS, ctx.now.getTime() - 3_600_000)),
    });
    const keys = templateKeys(episode.diagnoses.map((d) => d.code));
    let plan = await startPlan(db, on(1), episode.id, {
      templateIds: keys.flatMap((k) => (byKey.get(k) ? [byKey.get(k) as string] : [])),
    });
    const content = structuredClone(plan.current.content);
    for (const problem of content.problems) {
      for (const intervention of problem.interventions) {
        // The program director covers medication reviews in the demo (no prescriber account).
        intervention.responsibleUserId ??=
          intervention.modality === 'medication_management' ? director.actor.userId : clinician.actor.userId;
      }
    }
    if (state === 'draft') {
      const objective = content.problems[0]?.goals[0]?.objectives[0];
      if (objective) objective.measure = '';
    }
    plan = await savePlanDraft(db, on(2), plan.id, plan.version, { content });
    if (state === 'draft') continue;
    plan = await signPlanAsClinician(db, on(3), plan.id, plan.version, { typedName: 'Sam Lee', password });
    if (state === 'awaiting_participant') continue;
    plan = await signPlanInPerson(db, on(3), plan.id, plan.version, {
      signerRole: 'patient',
      method: 'in_person',
      typedName: `${entry.patient.legalFirstName} ${entry.patient.legalLastName}`,
    });
    if (state === 'signed') continue;

    const objectives = plan.current.content.problems.flatMap((p) => p.goals.flatMap((g) => g.objectives));
    const reviewed = await startReview(db, on(31), plan.id, plan.version, {
      summary: 'Attends groups regularly; practising skills between sessions.',
      participantComment: 'Some days are still hard, but I have more good days.',
      progress: objectives.map((o, k) => ({
        objectiveId: o.id,
        status: k === 0 ? 'met' : 'in_progress',
        note: k === 0 ? 'Met and kept up for three weeks.' : '',
      })),
    });
    plan = reviewed.plan;
    if (state === 'in_review') continue;
    plan = await signPlanAsClinician(db, on(32), plan.id, plan.version, { typedName: 'Sam Lee', password });
    await signPlanInPerson(db, on(32), plan.id, plan.version, {
      signerRole: 'patient',
      method: 'in_person',
      typedName: `${entry.patient.legalFirstName} ${entry.patient.legalLastName}`,
    });
  }
}
