import { addDays, type api, type DischargeReason, localDate, type StaffRole } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../context.js';
import type { DB } from '../db/schema.js';
import { admitPatient, transitionEpisode } from '../modules/episodes/index.js';
import { createPatient } from '../modules/patients/index.js';
import { createTrack } from '../modules/programs/index.js';
import { createUser, searchUsers } from '../modules/users/index.js';

type Ctx = RequestContext & { actor: StaffActor };

/** Clinicians beyond the foundation's one, so caseloads spread (ten staff in all). */
const MORE_CLINICIANS: { email: string; displayName: string; roles: StaffRole[]; credentials: string }[] = [
  {
    email: 'rosa.alvarez@cedargrove.example',
    displayName: 'Rosa Alvarez',
    roles: ['clinician'],
    credentials: 'LCSW',
  },
  {
    email: 'marcus.webb@cedargrove.example',
    displayName: 'Marcus Webb',
    roles: ['clinician'],
    credentials: 'LADC',
  },
  {
    email: 'priya.nair@cedargrove.example',
    displayName: 'Priya Nair',
    roles: ['clinician'],
    credentials: 'PsyD',
  },
  {
    email: 'joel.kim@cedargrove.example',
    displayName: 'Joel Kim',
    roles: ['clinician'],
    credentials: 'LMFT',
  },
];

const FIRST = [
  'Avery',
  'Blake',
  'Cameron',
  'Dakota',
  'Elliot',
  'Finley',
  'Gray',
  'Harper',
  'Indigo',
  'Jordan',
  'Kai',
  'Logan',
  'Marlowe',
  'Noel',
  'Oakley',
  'Parker',
  'Quinn',
  'Reese',
  'Sage',
  'Taylor',
];
const LAST = [
  'Ashford',
  'Brookline',
  'Calloway',
  'Dunmore',
  'Ellery',
  'Fairbanks',
  'Garland',
  'Hollis',
  'Ingram',
  'Jessup',
  'Kettering',
  'Lowell',
  'Merrick',
  'Norwood',
  'Oakes',
  'Prescott',
];
const PRONOUNS = ['she/her', 'he/him', 'they/them', null] as const;

/** A small deterministic generator: the demo looks the same on every machine. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return { next, pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T };
}

const MORNING = [1, 3, 4].map((day) => ({ day, start: '09:00', end: '12:00' }));
const EVENING = [1, 2, 4].map((day) => ({ day, start: '18:00', end: '21:00' }));
const VIRTUAL = [2, 3, 5].map((day) => ({ day, start: '10:00', end: '13:00' }));

const DIAGNOSES: Record<'mh' | 'sud' | 'dual', string[][]> = {
  mh: [['F33.1', 'F41.1'], ['F43.10'], ['F31.81'], ['F32.1', 'F43.23'], ['F60.3', 'F33.2']],
  sud: [['F10.20'], ['F11.20', 'F41.1'], ['F14.20'], ['F12.20', 'F43.22'], ['F15.20']],
  dual: [
    ['F33.1', 'F10.20'],
    ['F43.10', 'F11.20'],
    ['F31.32', 'F12.20'],
    ['F41.1', 'F13.20'],
  ],
};

/**
 * Three tracks and about sixty synthetic patients in every state: registered only, pending,
 * active, on hold, discharged, and readmitted. All through the use cases, so the demo obeys the
 * same rules as the app (capacity, one open episode, Part 2 marking).
 */
export async function seedDemoPrograms(db: Kysely<DB>, ctx: Ctx, locationId: string): Promise<void> {
  const orgId = ctx.actor.organizationId;
  const existing = new Set((await searchUsers(db, orgId, { includeInactive: true })).map((u) => u.email));
  for (const staff of MORE_CLINICIANS) {
    if (existing.has(staff.email)) continue;
    await createUser(db, ctx, { ...staff, password: 'trellis-demo-2026' });
  }
  const clinicians = (await searchUsers(db, orgId, {}))
    .filter((u) => u.roles.includes('clinician') || u.roles.includes('director'))
    .map((u) => u.id);

  const base = { ageGroup: 'adult', levelOfCare: 'iop', locationId } as const;
  const tracks = {
    mh: await createTrack(db, ctx, {
      ...base,
      name: 'Adult Mental Health IOP — Mornings',
      population: 'mental_health',
      modality: 'in_person',
      capacity: 16,
      weeklyPattern: MORNING,
    }),
    sud: await createTrack(db, ctx, {
      ...base,
      name: 'Substance Use IOP — Evenings',
      population: 'substance_use',
      modality: 'in_person',
      capacity: 14,
      weeklyPattern: EVENING,
    }),
    dual: await createTrack(db, ctx, {
      ...base,
      name: 'Dual Diagnosis IOP — Virtual',
      description: 'Mental health and substance use together, by video.',
      population: 'dual_diagnosis',
      modality: 'virtual',
      capacity: 12,
      weeklyPattern: VIRTUAL,
    }),
  };

  const today = localDate(ctx.now, 'America/Chicago');
  const random = generator(20_261_130);
  let n = 0;
  const newPatient = async () => {
    n += 1;
    const first = FIRST[n % FIRST.length] as string;
    const last = LAST[(n * 7) % LAST.length] as string;
    const year = 1960 + Math.floor(random.next() * 45);
    const month = String(1 + Math.floor(random.next() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random.next() * 28)).padStart(2, '0');
    return createPatient(db, ctx, {
      legalFirstName: first,
      legalLastName: last,
      pronouns: random.pick(PRONOUNS),
      dateOfBirth: `${year}-${month}-${day}`,
      phone: `217-555-01${String(n).padStart(2, '0').slice(-2)}`,
      email: `${first}.${last}.${n}@patients.example`.toLowerCase(),
      preferredLanguage: n % 9 === 0 ? 'es' : 'en',
      emergencyContact: {
        name: `${random.pick(FIRST)} ${last}`,
        relationship: 'family',
        phone: '217-555-0199',
      },
      confirmNotDuplicate: true,
    });
  };
  const admit = (patient: api.Patient, track: keyof typeof tracks, admissionDate: string) =>
    admitPatient(db, ctx, {
      patientId: patient.id,
      trackId: tracks[track].id,
      admissionDate,
      primaryClinicianId: random.pick(clinicians),
      diagnoses: random.pick(DIAGNOSES[track]).map((code) => ({ code })),
      referralSource: { text: random.pick(['Self', 'Primary care', 'Hospital discharge', 'Detox', 'EAP']) },
    });
  const discharge = (episode: api.Episode, dischargeReason: DischargeReason, date: string) =>
    transitionEpisode(db, ctx, episode.id, undefined, {
      to: 'discharged',
      dischargeReason,
      date,
      reason: null,
    });

  // Per track: pending, active, on hold (open places stay under capacity), and past patients.
  const plan: [keyof typeof tracks, { pending: number; active: number; onHold: number; past: number }][] = [
    ['mh', { pending: 2, active: 9, onHold: 1, past: 6 }],
    ['sud', { pending: 2, active: 9, onHold: 2, past: 6 }],
    ['dual', { pending: 2, active: 7, onHold: 1, past: 5 }],
  ];
  const pastReasons: DischargeReason[] = [
    'completed',
    'completed',
    'completed',
    'left_against_advice',
    'lost_contact',
    'referred_elsewhere',
  ];
  for (const [track, counts] of plan) {
    // Past patients first: their history was written before today's census filled up.
    for (let i = 0; i < counts.past; i++) {
      const patient = await newPatient();
      const admitted = addDays(today, -(120 + i * 11));
      const episode = await admit(patient, track, admitted);
      await discharge(episode, pastReasons[i % pastReasons.length] ?? 'completed', addDays(admitted, 42));
      // One per track came back: a readmission is a new episode linked to the first.
      if (i < 1) await admit(patient, track, addDays(today, -2));
    }
    for (let i = 0; i < counts.pending; i++)
      await admit(await newPatient(), track, addDays(today, 3 + i * 4));
    for (let i = 0; i < counts.active + counts.onHold; i++) {
      const episode = await admit(await newPatient(), track, addDays(today, -(5 + i * 3)));
      if (i >= counts.active) {
        await transitionEpisode(db, ctx, episode.id, undefined, { to: 'on_hold', reason: 'Medical leave' });
      }
    }
  }
  // Registered, not admitted yet (intake adds their inquiries).
  for (let i = 0; i < 8; i++) await newPatient();
}
