import { createHash } from 'node:crypto';
import {
  applyReview,
  canonicalJson,
  DEFAULT_ATTESTATIONS,
  DEFAULT_PLAN_SETTINGS,
  objectivesOf,
  PLAN_PARTICIPANT_ATTESTATION,
  PLAN_STARTER_TEMPLATES,
  type PlanContent,
  planFromTemplates,
} from '@trellis/domain';
import { Rng } from '../../prng.js';
import type { Loader } from '../loader.js';
import { addDays, zonedInstant } from '../time.js';
import type { PlanOrganization, PlanPatient, ProgramKind, World } from '../world.js';

/** The server's document type for plan signatures (plans/to-api.ts DOCUMENT_TYPE). */
const DOCUMENT_TYPE = 'treatment_plan';

interface PlannedSignature {
  id: string;
  role: 'author' | 'patient';
  userId: string | null;
  typedName: string;
  at: Date;
}

interface PlannedVersion {
  id: string;
  number: number;
  status: 'draft' | 'awaiting_signatures' | 'signed';
  content: PlanContent;
  basedOn: number | null;
  reviewId: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  signedAt: Date | null;
  contentHash: string;
  signatures: PlannedSignature[];
}

interface PlannedReview {
  id: string;
  reviewedNumber: number;
  resultingNumber: number;
  reviewedOn: string;
  progress: unknown[];
  at: Date;
}

export interface PlannedPlan {
  id: string;
  organizationId: string;
  patientId: string;
  episodeId: string;
  clinicianId: string;
  createdAt: Date;
  versions: PlannedVersion[];
  reviews: PlannedReview[];
}

/** The starter templates a clinician would pick for the track's population. */
function templatesFor(program: ProgramKind, rng: Rng): string[] {
  switch (program) {
    case 'substance_use':
      return [rng.pick(['alcohol-use', 'alcohol-use', 'opioid-use', 'stimulant-use'])];
    case 'dual':
      return ['co-occurring'];
    default:
      return rng.chance(0.4) ? ['depression', 'anxiety'] : ['depression'];
  }
}

const STARTERS = new Map(PLAN_STARTER_TEMPLATES.map((t) => [t.key, t.content]));

/** Objectives move on at each review: most progress, some are met, a few are revised. */
function progressAt(rng: Rng, content: PlanContent, reviewIndex: number) {
  return objectivesOf(content)
    .filter((o) => o.objective.status === 'not_started' || o.objective.status === 'in_progress')
    .map((o) => {
      const roll = rng.int(0, 99);
      const status =
        o.objective.status === 'not_started'
          ? roll < 80
            ? 'in_progress'
            : 'not_started'
          : roll < 35 + reviewIndex * 15
            ? 'met'
            : roll > 94
              ? 'revised'
              : 'in_progress';
      return { objectiveId: o.objective.id, status, note: 'Discussed at the monthly plan review.' } as const;
    });
}

function hashOf(
  plan: { id: string; patientId: string; episodeId: string },
  number: number,
  content: unknown,
) {
  // The same shape the plans module signs (plans/to-api.ts signedContent).
  const signed = {
    documentType: DOCUMENT_TYPE,
    planId: plan.id,
    patientId: plan.patientId,
    episodeId: plan.episodeId,
    versionNumber: number,
    content,
  };
  return createHash('sha256').update(canonicalJson(signed), 'utf8').digest('hex');
}

function planFor(world: World, org: PlanOrganization, p: PlanPatient, rng: Rng): PlannedPlan | null {
  if (!p.id || !p.episodeId || !p.admitDate || p.admitDate > world.anchor) return null;
  const location = org.locations[p.locationIndex];
  const track = location?.tracks[p.trackIndex];
  const clinician = org.staff[p.clinicianIndex];
  if (!location || !track || !clinician) return null;
  const zone = location.timeZone;
  const lastDay = p.dischargeDate ?? world.anchor;
  const at = (date: string, minutes: number) => zonedInstant(date, minutes, zone);
  const startDate = addDays(p.admitDate, 1);
  if (startDate > lastDay) return null;
  const createdAt = at(startDate, 14 * 60 + rng.int(0, 120));
  const newId = () => rng.uuidv7(createdAt);
  const plan: PlannedPlan = {
    id: rng.uuidv7(createdAt),
    organizationId: org.id,
    patientId: p.id,
    episodeId: p.episodeId,
    clinicianId: clinician.id,
    createdAt,
    versions: [],
    reviews: [],
  };
  const participantName = `${p.firstName} ${p.lastName}`;
  const keys = templatesFor(track.program, rng);
  let content = planFromTemplates(
    keys.map((k) => STARTERS.get(k)).filter((t) => t !== undefined),
    { startDate, diagnosisCodes: [], defaultResponsibleUserId: clinician.id, newId },
  );
  // Medication management and peer support name their own staff; the clinician here.
  content = {
    problems: content.problems.map((problem) => ({
      ...problem,
      interventions: problem.interventions.map((i) => ({ ...i, responsibleUserId: clinician.id })),
    })),
  };

  // Version 1 is signed within the deadline, most often in the first days; a few admitted in
  // the last days are still drafts or wait for the participant.
  let signDate = addDays(p.admitDate, rng.int(2, DEFAULT_PLAN_SETTINGS.signDeadlineDays - 1));
  let number = 1;
  let basedOn: number | null = null;
  let reviewId: string | null = null;
  let versionCreated = createdAt;
  for (;;) {
    const version: PlannedVersion = {
      id: rng.uuidv7(versionCreated),
      number,
      status: 'draft',
      content,
      basedOn,
      reviewId,
      createdAt: versionCreated,
      submittedAt: null,
      signedAt: null,
      contentHash: hashOf(plan, number, content),
      signatures: [],
    };
    plan.versions.push(version);
    if (signDate > lastDay) break;
    const clinicianAt = at(signDate, 15 * 60 + rng.int(0, 90));
    version.submittedAt = clinicianAt;
    version.status = 'awaiting_signatures';
    version.signatures.push({
      id: rng.uuidv7(clinicianAt),
      role: 'author',
      userId: clinician.id,
      typedName: clinician.displayName,
      at: clinicianAt,
    });
    if (signDate === lastDay && rng.chance(0.5)) break;
    const participantAt = new Date(clinicianAt.getTime() + rng.int(5, 40) * 60_000);
    version.signatures.push({
      id: rng.uuidv7(participantAt),
      role: 'patient',
      userId: null,
      typedName: participantName,
      at: participantAt,
    });
    version.status = 'signed';
    version.signedAt = participantAt;

    // The review comes every cadence days after the signature; it opens the next version.
    const reviewOn = addDays(signDate, DEFAULT_PLAN_SETTINGS.reviewCadenceDays);
    if (reviewOn > lastDay) break;
    const reviewAt = at(reviewOn, 13 * 60 + rng.int(0, 120));
    const progress = progressAt(rng, content, plan.reviews.length);
    const outcome = applyReview(content, progress);
    if (!outcome.ok) break;
    reviewId = rng.uuidv7(reviewAt);
    plan.reviews.push({
      id: reviewId,
      reviewedNumber: number,
      resultingNumber: number + 1,
      reviewedOn: reviewOn,
      progress: outcome.progress,
      at: reviewAt,
    });
    basedOn = number;
    number += 1;
    content = outcome.content;
    versionCreated = reviewAt;
    signDate = addDays(reviewOn, rng.int(0, 2));
  }
  return plan;
}

/** Every plan of the data set: read by two loaders, so drawn from its own stream of the seed. */
export function planPlans(world: World): PlannedPlan[] {
  const rng = Rng.for(world.seed, 'plan:plans');
  const out: PlannedPlan[] = [];
  for (const org of world.organizations) {
    for (const p of org.patients) {
      const plan = planFor(world, org, p, rng);
      if (plan) out.push(plan);
    }
  }
  return out;
}

/** signatures module: the clinician's and the participant's signature of each signed plan version. */
export const planSignaturesLoader: Loader = {
  name: 'plan-signatures',
  module: 'signatures',
  tables: ['signature', 'treatment_plan'],
  after: ['episodes', 'users', 'signatures'],
  async load({ world, insert }) {
    const writer = await insert.writer('signature');
    for (const plan of planPlans(world)) {
      for (const version of plan.versions) {
        for (const s of version.signatures) {
          await writer.add({
            id: s.id,
            organization_id: plan.organizationId,
            document_type: DOCUMENT_TYPE,
            document_id: plan.id,
            document_version: version.number,
            content_hash: version.contentHash,
            patient_id: plan.patientId,
            signer_role: s.role,
            method: s.role === 'author' ? 'password' : 'in_person',
            signer_user_id: s.userId,
            recorded_by_user_id: s.role === 'author' ? s.userId : plan.clinicianId,
            typed_name: s.typedName,
            attestation: s.role === 'author' ? DEFAULT_ATTESTATIONS.author : PLAN_PARTICIPANT_ATTESTATION,
            signed_at: s.at,
            ip: null,
            user_agent: null,
            cosigns_signature_id: null,
            addendum_of_type: null,
            addendum_of_id: null,
            link_id: null,
            created_at: s.at,
          });
        }
      }
    }
    await writer.close();
  },
};

/**
 * plans module: one treatment plan per admitted episode from the starter library for its
 * population, signed by clinician and participant within the deadline, reviewed every 30 days
 * into the next version (objectives moving on), the latest sometimes still a draft.
 */
export const plansLoader: Loader = {
  name: 'plans',
  module: 'plans',
  tables: ['treatment_plan', 'treatment_plan_version', 'plan_review'],
  after: ['episodes', 'users', 'plan-signatures'],
  async load({ world, insert }) {
    const plans = await insert.writer('treatment_plan');
    const versions = await insert.writer('treatment_plan_version', { after: [plans] });
    const reviews = await insert.writer('plan_review', { after: [plans] });
    for (const plan of planPlans(world)) {
      const current = plan.versions.at(-1);
      if (!current) continue;
      const effective = plan.versions.filter((v) => v.status === 'signed').at(-1) ?? null;
      const lastChange = current.signedAt ?? current.submittedAt ?? current.createdAt;
      await plans.add({
        id: plan.id,
        organization_id: plan.organizationId,
        patient_id: plan.patientId,
        episode_id: plan.episodeId,
        current_number: current.number,
        status: current.status,
        effective_number: effective?.number ?? null,
        effective_signed_at: effective?.signedAt ?? null,
        created_by: plan.clinicianId,
        created_at: plan.createdAt,
        updated_at: lastChange,
        version: plan.versions.reduce((n, v) => n + 1 + v.signatures.length, 0),
      });
      for (const v of plan.versions) {
        await versions.add({
          id: v.id,
          organization_id: plan.organizationId,
          plan_id: plan.id,
          number: v.number,
          status: v.status,
          content: JSON.stringify(v.content),
          cosignature_required: false,
          based_on_number: v.basedOn,
          review_id: v.reviewId,
          created_by: plan.clinicianId,
          created_at: v.createdAt,
          updated_at: v.signedAt ?? v.submittedAt ?? v.createdAt,
          submitted_at: v.submittedAt,
          signed_at: v.signedAt,
        });
      }
      for (const r of plan.reviews) {
        await reviews.add({
          id: r.id,
          organization_id: plan.organizationId,
          plan_id: plan.id,
          reviewed_number: r.reviewedNumber,
          resulting_number: r.resultingNumber,
          reviewed_on: r.reviewedOn,
          summary: 'Monthly review with the participant: progress on each objective recorded.',
          participant_comment: 'Agreed with the changes.',
          progress: JSON.stringify(r.progress),
          reviewed_by: plan.clinicianId,
          created_at: r.at,
        });
      }
    }
    await plans.close();
    await versions.close();
    await reviews.close();
  },
};
