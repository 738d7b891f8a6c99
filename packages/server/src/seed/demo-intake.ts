import { type api, type InquiryStage, localDate, type StaffRole } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../context.js';
import type { DB } from '../db/schema.js';
import { readCoverages, recordBenefitCheck } from '../modules/coverage/index.js';
import {
  addFollowUp,
  admitInquiry,
  createInquiry,
  createReferralSource,
  moveInquiry,
  recordScreening,
  writeInquiry,
} from '../modules/intake/index.js';
import { listTracks } from '../modules/programs/index.js';
import { searchUsers } from '../modules/users/index.js';

type Ctx = RequestContext & { actor: StaffActor };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const REFERRAL_PARTNERS: api.ReferralSourceInput[] = [
  {
    name: 'Springfield Memorial Hospital',
    kind: 'hospital',
    contactName: 'Behavioral health discharge planning',
  },
  { name: 'Lakeview Withdrawal Management Center', kind: 'detox', contactName: 'Admissions desk' },
  { name: 'Prairie Family Practice', kind: 'pcp', contactName: 'Dr. Example (front office)' },
  { name: 'Sangamon Employee Assistance Program', kind: 'eap' },
  { name: 'County Treatment Court', kind: 'court', contactName: 'Probation liaison' },
  { name: 'Lincoln High School Counseling', kind: 'school' },
  { name: 'Riverbend Counseling Associates', kind: 'outpatient_therapist' },
];

interface DemoInquiry {
  first: string;
  last: string;
  /** Days before today the inquiry came in. */
  daysAgo: number;
  stage: InquiryStage;
  source: 'phone' | 'web_form' | 'referral';
  help: api.Inquiry['helpWanted'];
  schedule: api.Inquiry['preferredSchedule'];
  dateOfBirth?: string;
  referral?: string;
  insurance?: api.InsuranceAsTold;
  /** benefits: a check by billing; self_pay: no insurance, the person pays. */
  benefits?: 'checked' | 'self_pay';
  screening?: 'calm' | 'urgent' | 'withdrawal';
  closed?: {
    reason: 'no_response' | 'referred_elsewhere' | 'chose_another_program' | 'not_a_fit' | 'other';
    text?: string;
  };
  followUp?: string;
}

const BCBS = (memberId: string): api.InsuranceAsTold => ({
  payerName: 'Blue Example Health',
  memberId,
  relationship: 'self',
});

/** Every person here is invented: names, the 555-01xx phone range, and .example addresses. */
const DEMO_INQUIRIES: DemoInquiry[] = [
  {
    first: 'Rowan',
    last: 'Wilder',
    daysAgo: 0,
    stage: 'new',
    source: 'web_form',
    help: 'both',
    schedule: ['virtual'],
    insurance: BCBS('XEH4410021'),
  },
  {
    first: 'Ellis',
    last: 'Sutton',
    daysAgo: 0,
    stage: 'new',
    source: 'web_form',
    help: 'mental_health',
    schedule: ['evening'],
  },
  {
    first: 'Mira',
    last: 'Vance',
    daysAgo: 1,
    stage: 'new',
    source: 'referral',
    help: 'substance_use',
    schedule: ['evening'],
    referral: 'Lakeview Withdrawal Management Center',
  },
  {
    first: 'Theo',
    last: 'Thornton',
    daysAgo: 1,
    stage: 'new',
    source: 'phone',
    help: 'unsure',
    schedule: [],
  },
  {
    first: 'Lena',
    last: 'Ramsey',
    daysAgo: 2,
    stage: 'contacted',
    source: 'phone',
    help: 'mental_health',
    schedule: ['morning'],
    followUp: 'Call back with group times',
  },
  {
    first: 'Jonah',
    last: 'Langley',
    daysAgo: 3,
    stage: 'contacted',
    source: 'referral',
    help: 'mental_health',
    schedule: ['virtual'],
    referral: 'Prairie Family Practice',
  },
  {
    first: 'Nia',
    last: 'Whitaker',
    daysAgo: 3,
    stage: 'screened',
    source: 'phone',
    help: 'mental_health',
    schedule: ['evening'],
    screening: 'urgent',
  },
  {
    first: 'Cole',
    last: 'Delacroix',
    daysAgo: 4,
    stage: 'screened',
    source: 'referral',
    help: 'substance_use',
    schedule: ['evening'],
    referral: 'County Treatment Court',
    screening: 'withdrawal',
    insurance: { payerName: 'Illinois Example Medicaid', memberId: 'MCD778120' },
  },
  {
    first: 'Ivy',
    last: 'Beaumont',
    daysAgo: 5,
    stage: 'screened',
    source: 'web_form',
    help: 'both',
    schedule: ['virtual'],
    screening: 'calm',
    insurance: BCBS('XEH4410388'),
  },
  {
    first: 'Sam',
    last: 'Carrow',
    daysAgo: 6,
    stage: 'benefits_checked',
    source: 'phone',
    help: 'mental_health',
    schedule: ['morning'],
    screening: 'calm',
    insurance: { payerName: 'Example Aetna Choice', memberId: 'W22889100' },
    benefits: 'checked',
  },
  {
    first: 'Jules',
    last: 'Everly',
    daysAgo: 7,
    stage: 'benefits_checked',
    source: 'referral',
    help: 'mental_health',
    schedule: ['morning'],
    referral: 'Sangamon Employee Assistance Program',
    screening: 'calm',
    benefits: 'self_pay',
  },
  {
    first: 'Ari',
    last: 'Hadley',
    daysAgo: 8,
    stage: 'assessment_booked',
    source: 'referral',
    help: 'both',
    schedule: ['virtual'],
    referral: 'Riverbend Counseling Associates',
    screening: 'calm',
    insurance: BCBS('XEH4410590'),
    benefits: 'checked',
    dateOfBirth: '1992-04-17',
  },
  {
    first: 'Quinn',
    last: 'Kinsley',
    daysAgo: 9,
    stage: 'assessment_booked',
    source: 'phone',
    help: 'mental_health',
    schedule: ['morning'],
    screening: 'calm',
    benefits: 'self_pay',
    dateOfBirth: '1979-11-02',
  },
  {
    first: 'Reese',
    last: 'Marsh',
    daysAgo: 12,
    stage: 'admitted',
    source: 'referral',
    help: 'mental_health',
    schedule: ['morning'],
    referral: 'Springfield Memorial Hospital',
    screening: 'calm',
    insurance: BCBS('XEH4409977'),
    benefits: 'checked',
    dateOfBirth: '1986-08-23',
  },
  {
    first: 'Devon',
    last: 'Pemberton',
    daysAgo: 14,
    stage: 'admitted',
    source: 'web_form',
    help: 'both',
    schedule: ['virtual'],
    screening: 'calm',
    benefits: 'self_pay',
    dateOfBirth: '1995-01-30',
  },
  {
    first: 'Kit',
    last: 'Rowley',
    daysAgo: 20,
    stage: 'closed',
    source: 'web_form',
    help: 'mental_health',
    schedule: ['evening'],
    closed: { reason: 'no_response' },
  },
  {
    first: 'Blair',
    last: 'Stroud',
    daysAgo: 18,
    stage: 'closed',
    source: 'phone',
    help: 'substance_use',
    schedule: ['evening'],
    screening: 'calm',
    closed: { reason: 'referred_elsewhere' },
  },
  {
    first: 'Emery',
    last: 'Yates',
    daysAgo: 16,
    stage: 'closed',
    source: 'referral',
    help: 'mental_health',
    schedule: ['morning'],
    referral: 'Lincoln High School Counseling',
    closed: { reason: 'other', text: 'Family is moving out of state next month.' },
  },
];

const ORDER: InquiryStage[] = [
  'new',
  'contacted',
  'screened',
  'benefits_checked',
  'assessment_booked',
  'admitted',
];

const NO_SAFETY = {
  suicidalThoughtsPastMonth: false,
  suicidePlanOrIntent: false,
  recentSuicideAttempt: false,
  thoughtsOfHarmingOthers: false,
};

const SCREENINGS: Record<NonNullable<DemoInquiry['screening']>, api.ScreeningRequest> = {
  calm: {
    presentingConcern: 'Low mood and worry for several months; finding it hard to keep up at work.',
    currentTreatment: 'Sees a primary care doctor; no current therapist.',
    substanceUse: false,
    safety: NO_SAFETY,
  },
  urgent: {
    presentingConcern: 'Feeling hopeless since a recent loss; not sleeping.',
    substanceUse: false,
    safety: { ...NO_SAFETY, suicidalThoughtsPastMonth: true },
    notes: 'Agreed to a call from a clinician today; gave 988 information.',
  },
  withdrawal: {
    presentingConcern: 'Daily drinking for two years; court-ordered treatment.',
    substanceUse: true,
    substances: ['alcohol'],
    lastUse: 'within_24_hours',
    withdrawalRisk: 'high',
    medicalConcerns: 'Shaky in the mornings; had a withdrawal seizure once.',
    safety: NO_SAFETY,
  },
};

function actingAs(user: api.StaffUser, organizationId: string, now: Date): Ctx {
  return {
    actor: { userId: user.id, organizationId, roles: user.roles as StaffRole[], label: user.email },
    ip: null,
    requestId: 'seed',
    now,
  };
}

/**
 * The demo's intake pipeline: referral partners, and about twenty inquiries in every stage —
 * new from the web form, contacted, screened (one urgent), benefits checked (by billing or
 * self-pay), assessment booked, admitted into a track with a free place, and closed with a
 * reason. All through the use cases, so the demo obeys the pipeline's rules.
 */
export async function seedDemoIntake(db: Kysely<DB>, seedCtx: Ctx): Promise<void> {
  const orgId = seedCtx.actor.organizationId;
  const staff = await searchUsers(db, orgId, {});
  const coordinator = staff.find((u) => u.roles.includes('intake'));
  const billing = staff.find((u) => u.roles.includes('billing'));
  const clinician = staff.find((u) => u.roles.includes('clinician'));
  if (!coordinator || !billing || !clinician) return;
  const now = seedCtx.now;
  const at = (time: number) => actingAs(coordinator, orgId, new Date(time));

  const partners = new Map<string, string>();
  for (const partner of REFERRAL_PARTNERS) {
    partners.set(partner.name, (await createReferralSource(db, at(now.getTime() - 60 * DAY), partner)).id);
  }
  const open = (await listTracks(db, orgId, { status: 'active' })).filter((t) => t.census.open < t.capacity);

  for (const [n, demo] of DEMO_INQUIRIES.entries()) {
    let time = now.getTime() - demo.daysAgo * DAY - 2 * HOUR;
    const step = () => {
      time += Math.min(HOUR * 5, Math.max(HOUR, (demo.daysAgo * DAY) / 8));
      return at(time);
    };
    const phone = `(217) 555-01${String(20 + n).padStart(2, '0')}`;
    const email = `${demo.first}.${demo.last}@inquiries.example`.toLowerCase();
    let inquiryId: string;
    if (demo.source === 'web_form') {
      // What the public form writes (the same writer), with the birth date the coordinator added later.
      const row = await writeInquiry(
        db,
        { ...at(time), actor: null },
        {
          organizationId: orgId,
          source: 'web_form',
          actorLabel: 'public web form',
          insurance: demo.insurance,
          fields: {
            first_name: demo.first,
            last_name: demo.last,
            phone: phone.replace(/\D/g, ''),
            email,
            preferred_contact_method: 'phone',
            help_wanted: demo.help,
            preferred_schedule: demo.schedule,
            date_of_birth: demo.dateOfBirth ?? null,
            consent_to_contact_at: new Date(time),
            created_by: null,
          },
        },
      );
      inquiryId = row.id;
    } else {
      const created = await createInquiry(db, at(time), {
        source: demo.source,
        firstName: demo.first,
        lastName: demo.last,
        phone: phone.replace(/\D/g, ''),
        email,
        preferredContactMethod: 'phone',
        bestTimeToContact: n % 2 ? 'Mornings' : 'After 5 pm',
        helpWanted: demo.help,
        preferredSchedule: demo.schedule,
        referralSourceId: demo.referral ? (partners.get(demo.referral) ?? null) : null,
        ...(demo.dateOfBirth ? { dateOfBirth: demo.dateOfBirth } : {}),
        ...(demo.insurance ? { insurance: demo.insurance } : {}),
      });
      inquiryId = created.id;
    }

    const target = demo.closed ? (demo.screening ? 'screened' : 'new') : demo.stage;
    const reach = ORDER.indexOf(target);
    if (reach >= 1) await moveInquiry(db, step(), inquiryId, { to: 'contacted' });
    if (demo.followUp) {
      await addFollowUp(db, step(), inquiryId, {
        title: demo.followUp,
        dueAt: new Date(now.getTime() + DAY).toISOString(),
      });
    }
    if (demo.screening) await recordScreening(db, step(), inquiryId, SCREENINGS[demo.screening]);
    if (reach >= 2) await moveInquiry(db, step(), inquiryId, { to: 'screened' });
    if (demo.benefits === 'checked') {
      const [coverage] = await readCoverages(db, orgId, { inquiryId });
      if (coverage) {
        await recordBenefitCheck(db, actingAs(billing, orgId, new Date(time + HOUR)), coverage.id, {
          source: n % 2 ? 'portal' : 'phone',
          coverageActive: true,
          network: 'in_network',
          mentalHealth: { iopCovered: true },
          substanceUse: { iopCovered: demo.help !== 'mental_health' ? true : null },
          deductibleCents: 150_000,
          deductibleMetCents: 35_000 + n * 1_000,
          outOfPocketMaxCents: 600_000,
          outOfPocketMetCents: 80_000,
          coinsurancePercent: 20,
          priorAuthRequired: true,
          priorAuthPhone: '800-555-0142',
          limitDays: 30,
          limitPeriod: 'calendar_year',
          referenceNumber: `CALL-${20261100 + n}`,
        });
      }
    }
    if (reach >= 3) {
      await moveInquiry(db, step(), inquiryId, {
        to: 'benefits_checked',
        ...(demo.benefits === 'self_pay' ? { selfPay: true } : {}),
      });
    }
    if (reach >= 4) {
      const assessment = new Date(now.getTime() + ((n % 4) + 1) * DAY);
      assessment.setUTCHours(15, 0, 0, 0);
      await moveInquiry(db, step(), inquiryId, {
        to: 'assessment_booked',
        assessmentAt: assessment.toISOString(),
      });
    }
    if (reach >= 5) {
      // The track with the most open places, so the demo leaves room in every track to admit into.
      const track = open
        .filter((t) => t.census.open < t.capacity)
        .sort((a, b) => b.capacity - b.census.open - (a.capacity - a.census.open))[0];
      if (track) {
        track.census.open += 1;
        await admitInquiry(db, at(now.getTime() - HOUR), inquiryId, {
          confirmNotDuplicate: true,
          admission: {
            trackId: track.id,
            admissionDate: localDate(now, 'America/Chicago'),
            primaryClinicianId: clinician.id,
            diagnoses: [{ code: 'F33.1' }],
          },
        });
      }
    }
    if (demo.closed) {
      await moveInquiry(db, step(), inquiryId, {
        to: 'closed',
        reason: demo.closed.reason,
        ...(demo.closed.text ? { reasonText: demo.closed.text } : {}),
      });
    }
  }
}
