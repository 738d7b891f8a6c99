import { inquiryReference, type ScreeningAnswers, screeningOutcome } from '@trellis/domain';
import type { Rng } from '../../prng.js';
import type { Loader } from '../loader.js';
import { FIRST_NAMES, LAST_NAMES } from '../names.js';
import { addDays, dateMs, zonedInstant } from '../time.js';
import type { PlanOrganization, PlanPatient, World } from '../world.js';

const STAGES = ['new', 'contacted', 'screened', 'benefits_checked', 'assessment_booked', 'admitted'] as const;
type Stage = (typeof STAGES)[number] | 'closed';

const REFERRAL_SOURCES: [string, string][] = [
  ['St. Example Regional Hospital', 'hospital'],
  ['Riverside Detox Center', 'detox'],
  ['Lakeside Counseling Group', 'outpatient_therapist'],
  ['Maple Family Medicine', 'pcp'],
  ['Acme Employee Assistance', 'eap'],
  ['County Drug Court', 'court'],
  ['Central High School Counselors', 'school'],
  ['Community Health Partners', 'outpatient_therapist'],
  ['Northside Primary Care', 'pcp'],
  ['Self-referral line', 'self'],
];

export interface PlannedInquiry {
  id: string;
  org: PlanOrganization;
  person: PlanPatient | null;
  firstName: string;
  lastName: string;
  phone: string;
  email: string | null;
  birthDate: string | null;
  stage: Stage;
  /** Times of each stage reached, in order; the first is the inquiry itself (new). */
  stages: { stage: Stage; at: Date }[];
  coordinatorIndex: number;
  help: 'mental_health' | 'substance_use' | 'both' | 'unsure';
  locationIndex: number;
}

/**
 * Everyone's inquiry (admitted, in progress) plus the inquiries that closed without an admission,
 * about a quarter as many again. Deterministic from the loader's own random stream, so the
 * coverage loader reads the same list by calling this with a stream of the same name.
 */
export function planInquiries(world: World, rng: Rng): PlannedInquiry[] {
  const out: PlannedInquiry[] = [];
  const anchorMs = dateMs(world.anchor);
  for (const org of world.organizations) {
    for (const p of org.patients) {
      const location = org.locations[p.locationIndex];
      const track = location?.tracks[p.trackIndex];
      const help =
        track?.program === 'substance_use'
          ? 'substance_use'
          : track?.program === 'dual'
            ? 'both'
            : 'mental_health';
      let reached: Stage;
      if (p.id) reached = 'admitted';
      else
        reached = rng.weighted<Stage>([
          ['new', 0.3],
          ['contacted', 0.25],
          ['screened', 0.2],
          ['benefits_checked', 0.15],
          ['assessment_booked', 0.1],
        ]);
      const end = p.registeredAt ? p.registeredAt.getTime() : anchorMs - 3_600_000;
      const start = p.inquiryAt.getTime();
      const upTo = STAGES.indexOf(reached as (typeof STAGES)[number]);
      const stages = STAGES.slice(0, upTo + 1).map((stage, i) => ({
        stage: stage as Stage,
        at: new Date(i === 0 ? start : start + ((end - start) * i) / (upTo + 1)),
      }));
      out.push({
        id: p.inquiryId,
        org,
        person: p,
        firstName: p.firstName,
        lastName: p.lastName,
        phone: p.phone,
        email: p.email,
        birthDate: rng.chance(0.8) ? p.birthDate : null,
        stage: reached,
        stages,
        coordinatorIndex: p.coordinatorIndex,
        help,
        locationIndex: p.locationIndex,
      });
    }
    // Inquiries that never became admissions: not a fit, referred elsewhere, no answer.
    const closedCount = Math.round(org.patients.length * 0.25);
    const intake = org.staff.flatMap((s, i) => (s.roles.includes('intake') && s.active ? [i] : []));
    for (let i = 0; i < closedCount; i++) {
      const locationIndex = i % org.locations.length;
      const zone = org.locations[locationIndex]?.timeZone ?? 'UTC';
      const day = addDays(world.anchor, -rng.int(2, world.historyDays + 60));
      const at = zonedInstant(day, rng.int(8 * 60, 18 * 60), zone);
      const upTo = rng.int(0, 3);
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const stages: { stage: Stage; at: Date }[] = STAGES.slice(0, upTo + 1).map((stage, k) => ({
        stage,
        at: new Date(at.getTime() + k * rng.int(1, 3) * 86_400_000),
      }));
      stages.push({
        stage: 'closed',
        at: new Date((stages.at(-1) as { at: Date }).at.getTime() + 86_400_000),
      });
      out.push({
        id: rng.uuidv7(at),
        org,
        person: null,
        firstName: first,
        lastName: last,
        phone: `${rng.pick(['217', '312', '414', '614'])}55501${String(rng.int(0, 99)).padStart(2, '0')}`,
        email: rng.chance(0.5) ? `${first}.${last}.c${i}@mail.example`.toLowerCase() : null,
        birthDate: rng.chance(0.5) ? addDays(world.anchor, -rng.int(18 * 365, 70 * 365)) : null,
        stage: 'closed',
        stages: stages.filter((s) => s.at.getTime() < anchorMs),
        coordinatorIndex: intake.length > 0 ? rng.pick(intake) : 0,
        help: rng.pick(['mental_health', 'substance_use', 'both', 'unsure'] as const),
        locationIndex,
      });
    }
  }
  return out.filter((q) => q.stages.length > 0);
}

function answersFor(rng: Rng, help: PlannedInquiry['help']): ScreeningAnswers {
  const substance = help === 'substance_use' || help === 'both';
  const risky = rng.chance(0.04);
  return {
    presentingConcern: substance ? 'Wants help to stop drinking' : 'Low mood and anxiety for several months',
    currentTreatment: rng.chance(0.4) ? 'Sees a therapist monthly' : null,
    substanceUse: substance,
    ...(substance
      ? {
          substances: rng.sample(['alcohol', 'opioids', 'cannabis', 'stimulants'] as const, rng.int(1, 2)),
          lastUse: rng.pick(['within_7_days', 'within_30_days', 'over_30_days'] as const),
          withdrawalRisk: rng.pick(['none', 'low', 'low', 'moderate'] as const),
        }
      : {}),
    medicalConcerns: null,
    safety: {
      suicidalThoughtsPastMonth: risky,
      suicidePlanOrIntent: false,
      recentSuicideAttempt: false,
      thoughtsOfHarmingOthers: false,
    },
  };
}

/** intake module: referral sources, inquiries at every stage, their stage history and screenings. */
export const intakeLoader: Loader = {
  name: 'intake',
  module: 'intake',
  tables: ['referral_source', 'inquiry', 'inquiry_stage_change', 'inquiry_screening'],
  after: ['patients', 'users'],
  async load({ world, insert, rng, shared }) {
    const sourceIds = new Map<string, string[]>();
    await insert.insert(
      'referral_source',
      world.organizations.flatMap((org) => {
        const ids: string[] = [];
        const rows = REFERRAL_SOURCES.map(([name, kind]) => {
          const id = rng.uuidv7(org.createdAt);
          ids.push(id);
          return {
            id,
            organization_id: org.id,
            name,
            kind,
            contact_name: null,
            phone: `555-010-${String(rng.int(0, 99)).padStart(4, '0')}`,
            email: null,
            notes: null,
            active: true,
            created_at: org.createdAt,
            updated_at: org.createdAt,
          };
        });
        sourceIds.set(org.id, ids);
        return rows;
      }),
    );
    const inquiries = planInquiries(world, rng);
    shared.set('inquiries', inquiries);
    const inquiryRows = await insert.writer('inquiry');
    const changeRows = await insert.writer('inquiry_stage_change', { after: [inquiryRows] });
    const screeningRows = await insert.writer('inquiry_screening', { after: [inquiryRows] });
    const bytes = new Uint8Array(8);
    const references = new Set<string>();
    for (const q of inquiries) {
      const coordinator = q.org.staff[q.coordinatorIndex];
      const source = rng.weighted<'phone' | 'web_form' | 'referral'>([
        ['phone', 0.5],
        ['web_form', 0.25],
        ['referral', 0.25],
      ]);
      let reference: string;
      do {
        for (let i = 0; i < 8; i++) bytes[i] = rng.int(0, 255);
        reference = inquiryReference(bytes);
      } while (references.has(reference));
      references.add(reference);
      const first = q.stages[0] as { at: Date };
      const last = q.stages.at(-1) as { stage: Stage; at: Date };
      const track = q.org.locations[q.locationIndex]?.tracks[q.person?.trackIndex ?? 0];
      const assessmentAt =
        q.stage === 'assessment_booked'
          ? new Date(dateMs(world.anchor) + rng.int(1, 7) * 86_400_000 + 14 * 3_600_000)
          : q.stage === 'admitted'
            ? new Date(last.at.getTime() - 86_400_000)
            : null;
      await inquiryRows.add({
        id: q.id,
        organization_id: q.org.id,
        reference,
        source,
        stage: q.stage,
        first_name: q.firstName,
        last_name: q.lastName,
        phone: q.phone,
        email: q.email,
        preferred_contact_method: rng.pick(['phone', 'text', 'email'] as const),
        best_time_to_contact: rng.chance(0.3) ? 'Afternoons' : null,
        date_of_birth: q.birthDate,
        address_line1: null,
        address_line2: null,
        city: null,
        region: null,
        postal_code: null,
        help_wanted: q.help,
        preferred_schedule: [track && track.startMinutes < 12 * 60 ? 'morning' : 'evening'],
        referral_source_id: source === 'referral' ? rng.pick(sourceIds.get(q.org.id) ?? []) : null,
        notes: null,
        coordinator_id: coordinator?.id ?? null,
        assessment_at: assessmentAt,
        self_pay: rng.chance(0.08),
        urgent: false,
        closed_reason:
          q.stage === 'closed'
            ? rng.pick(['not_a_fit', 'referred_elsewhere', 'no_response', 'chose_another_program'] as const)
            : null,
        closed_reason_text: null,
        patient_id: q.stage === 'admitted' ? q.person?.id : null,
        episode_id: q.stage === 'admitted' ? q.person?.episodeId : null,
        converted_at: q.stage === 'admitted' ? q.person?.registeredAt : null,
        consent_to_contact_at: first.at,
        stage_changed_at: last.at,
        created_by: source === 'web_form' ? null : (coordinator?.id ?? null),
        created_at: first.at,
        updated_at: last.at,
        version: q.stages.length,
      });
      for (let i = 1; i < q.stages.length; i++) {
        const from = q.stages[i - 1] as { stage: Stage };
        const to = q.stages[i] as { stage: Stage; at: Date };
        await changeRows.add({
          id: rng.uuidv7(to.at),
          organization_id: q.org.id,
          inquiry_id: q.id,
          from_stage: from.stage,
          to_stage: to.stage,
          reason: null,
          reason_text: null,
          assessment_at: to.stage === 'assessment_booked' ? assessmentAt : null,
          changed_by: coordinator?.id ?? null,
          changed_at: to.at,
          created_at: to.at,
          updated_at: to.at,
        });
        if (to.stage === 'screened' && coordinator) {
          const answers = answersFor(rng, q.help);
          const outcome = screeningOutcome(answers);
          await screeningRows.add({
            id: rng.uuidv7(to.at),
            organization_id: q.org.id,
            inquiry_id: q.id,
            answers: JSON.stringify(answers),
            urgent: outcome.urgent,
            reasons: outcome.reasons.map((r) => r.code),
            suggested_level: outcome.suggestedLevel,
            urgent_task_id: null,
            screened_by: coordinator.id,
            screened_at: to.at,
            created_at: to.at,
            updated_at: to.at,
          });
        }
      }
    }
    await inquiryRows.close();
    await changeRows.close();
    await screeningRows.close();
  },
};
