import { formatMrn, type StaffRole } from '@trellis/domain';
import { Rng } from '../prng.js';
import { CITIES, FIRST_NAMES, LAST_NAMES, ORGANIZATION_NAMES } from './names.js';
import { addDays, dateMs, toDateString, weekday, zonedInstant } from './time.js';

/**
 * The data set as a plan, before any table: organizations, sites, staff, tracks and every
 * patient's timeline (inquiry → admission → discharge). Pure and deterministic from the seed;
 * each module's loader writes its slice of it into its own tables.
 */
export interface World {
  seed: number;
  patientCount: number;
  /** "Today" of the data set (YYYY-MM-DD, UTC): histories end here, schedules run past it. */
  anchor: string;
  /** Days of discharged history before the anchor. */
  historyDays: number;
  /** The one password of every generated account, and its argon2id hash (computed once). */
  password: string;
  passwordHash: string;
  organizations: PlanOrganization[];
  /** Days every site is closed (US holidays over the history and the weeks ahead). */
  holidays: Set<string>;
}

export interface PlanOrganization {
  index: number;
  id: string;
  name: string;
  slug: string;
  createdAt: Date;
  locations: PlanLocation[];
  staff: PlanStaff[];
  patients: PlanPatient[];
}

export interface PlanLocation {
  index: number;
  id: string;
  name: string;
  timeZone: string;
  city: string;
  region: string;
  createdAt: Date;
  rooms: PlanRoom[];
  tracks: PlanTrack[];
}

export interface PlanRoom {
  id: string;
  name: string;
  capacity: number;
  kind: 'group' | 'office' | 'family';
}

export type ProgramKind = 'mental_health' | 'substance_use' | 'dual' | 'adolescent';

/**
 * A track is a cohort: the scheduling module puts every participant enrolled in a track on the
 * roster of each of its groups (on their own weekdays), so a track holds about 15 people and a
 * site runs as many tracks as its census needs, spread over morning, afternoon and evening.
 */
export interface PlanTrack {
  id: string;
  name: string;
  program: ProgramKind;
  /** ISO weekdays the track meets. */
  days: number[];
  /** Local start, minutes after midnight, and length in minutes of the whole block. */
  startMinutes: number;
  minutes: number;
  createdAt: Date;
  /** Index into the location's rooms: the group room the cohort meets in. */
  roomIndex: number;
  /** Indexes into the organization's staff: the clinicians who run its groups. */
  facilitatorIndexes: number[];
  /** The block split into groups: a process group, then a skills group. */
  series: PlanSeries[];
}

export interface PlanSeries {
  id: string;
  title: string;
  kind: 'process' | 'cbt_skills' | 'dbt_skills' | 'relapse_prevention' | 'life_skills' | 'psychoeducation';
  startMinutes: number;
  minutes: number;
  curriculum: string[];
}

export interface PlanStaff {
  id: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
  roles: StaffRole[];
  credentials: string | null;
  locationIndex: number;
  active: boolean;
  createdAt: Date;
}

export type PatientStatus = 'discharged' | 'active' | 'intake';
export type DischargeReason = 'completed' | 'left_against_advice' | 'transferred' | 'lost_contact';

/**
 * One person's timeline. Everyone starts as an inquiry. Active and discharged people were
 * admitted (a patient row and an episode); of those still in intake, half are inquiries only and
 * half are registered with an admission booked (a pending episode).
 */
export interface PlanPatient {
  /** Position in the organization's list. */
  index: number;
  /** The registry row's id; null for an inquiry that is not a patient (yet). */
  id: string | null;
  /** TR-000123, in order of registration; null without a patient row. */
  mrn: string | null;
  registeredAt: Date | null;
  inquiryId: string;
  episodeId: string | null;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  birthDate: string;
  sex: 'female' | 'male';
  /** Ten digits. */
  phone: string;
  email: string | null;
  locationIndex: number;
  trackIndex: number;
  status: PatientStatus;
  inquiryAt: Date;
  inquiryDate: string;
  /** Set for active and discharged people, and for those booked to start (pending). */
  admitDate: string | null;
  plannedWeeks: number;
  dischargeDate: string | null;
  dischargeReason: DischargeReason | null;
  /** Sessions a week the plan calls for (3–5), on these ISO weekdays of the track. */
  sessionDays: number[];
  /** Index into the organization's staff list. */
  clinicianIndex: number;
  /** Index into the organization's staff list: the intake coordinator of the inquiry. */
  coordinatorIndex: number;
  /** PHQ-9 / GAD-7 at admission and the weekly change (negative: improving). */
  phq9Start: number;
  gad7Start: number;
  weeklyChange: number;
  attendanceRate: number;
}

export const BENCH_PASSWORD = 'bench-password-2026';

/** Accounts the runner signs in as: bench.<role>@<slug>.example in the first organization. */
export function benchEmail(slug: string, role: StaffRole): string {
  return `bench.${role.replace('_', '')}@${slug}.example`;
}

const HISTORY_DAYS = 224; // 32 weeks: with 6–12-week episodes, about 70 % discharged, 20 % active
const ORG_SHARES = [0.8, 0.15, 0.05];

interface ProgramTemplate {
  program: ProgramKind;
  name: string;
  days: number[];
  /** The slots a cohort of this program may meet in: [start minutes, block minutes, label]. */
  slots: [number, number, string][];
  skills: PlanSeries['kind'];
  weight: number;
}

const PROGRAMS: ProgramTemplate[] = [
  {
    program: 'mental_health',
    name: 'Adult Mental Health IOP',
    days: [1, 2, 3, 4, 5],
    slots: [
      [9 * 60, 180, 'Mornings'],
      [13 * 60, 180, 'Afternoons'],
      [18 * 60, 180, 'Evenings'],
    ],
    skills: 'cbt_skills',
    weight: 0.45,
  },
  {
    program: 'substance_use',
    name: 'Substance Use IOP',
    days: [1, 2, 3, 4],
    slots: [
      [18 * 60, 180, 'Evenings'],
      [9 * 60, 180, 'Mornings'],
    ],
    skills: 'relapse_prevention',
    weight: 0.3,
  },
  {
    program: 'dual',
    name: 'Co-occurring Disorders IOP',
    days: [1, 2, 3, 4, 5],
    slots: [
      [13 * 60, 180, 'Afternoons'],
      [9 * 60, 180, 'Mornings'],
    ],
    skills: 'dbt_skills',
    weight: 0.17,
  },
  {
    program: 'adolescent',
    name: 'Adolescent IOP',
    days: [1, 2, 3, 4],
    slots: [[15 * 60 + 30, 150, 'After School']],
    skills: 'dbt_skills',
    weight: 0.08,
  },
];

const CURRICULA: Record<PlanSeries['kind'], string[]> = {
  process: [],
  cbt_skills: ['Thoughts and feelings', 'Cognitive distortions', 'Behavioral activation', 'Problem solving'],
  dbt_skills: ['Mindfulness', 'Distress tolerance', 'Emotion regulation', 'Interpersonal effectiveness'],
  relapse_prevention: [
    'Triggers',
    'Cravings',
    'High-risk situations',
    'Building supports',
    'Lapse and relapse',
  ],
  life_skills: [],
  psychoeducation: [],
};

/** The cohorts of one site: each program's share of the census in groups of about 12. */
function buildTracks(
  rng: Rng,
  orgIndex: number,
  census: number,
  city: string,
  multiSite: boolean,
  createdAt: Date,
): PlanTrack[] {
  const offered = orgIndex === 0 ? PROGRAMS : PROGRAMS.slice(0, orgIndex === 1 ? 3 : 2);
  const totalWeight = offered.reduce((sum, p) => sum + p.weight, 0);
  const tracks: PlanTrack[] = [];
  for (const program of offered) {
    // About 15 enrolled per cohort: with 3–5 of the track's days each, 10–14 in each group.
    const count = Math.max(1, Math.round((census * program.weight) / totalWeight / 15));
    for (let k = 0; k < count; k++) {
      const [startMinutes, minutes, label] = program.slots[k % program.slots.length] as [
        number,
        number,
        string,
      ];
      const cohort = Math.floor(k / program.slots.length);
      const letter =
        String.fromCharCode(65 + (cohort % 26)) + (cohort >= 26 ? String(Math.floor(cohort / 26)) : '');
      const name = `${program.name} — ${label} ${letter}${multiSite ? ` (${city})` : ''}`;
      const half = Math.floor(minutes / 2);
      tracks.push({
        id: rng.uuidv7(createdAt),
        name,
        program: program.program,
        days: program.days,
        startMinutes,
        minutes,
        createdAt,
        roomIndex: 0,
        facilitatorIndexes: [],
        series: [
          {
            id: rng.uuidv7(createdAt),
            title: 'Process group',
            kind: 'process',
            startMinutes,
            minutes: half,
            curriculum: [],
          },
          {
            id: rng.uuidv7(createdAt),
            title:
              program.skills === 'relapse_prevention'
                ? 'Relapse prevention'
                : program.skills === 'dbt_skills'
                  ? 'DBT skills'
                  : 'CBT skills',
            kind: program.skills,
            startMinutes: startMinutes + half,
            minutes: minutes - half,
            curriculum: CURRICULA[program.skills],
          },
        ],
      });
    }
  }
  return tracks;
}

function programWeight(program: ProgramKind): number {
  return PROGRAMS.find((p) => p.program === program)?.weight ?? 0;
}

function slugOf(name: string): string {
  return name.toLowerCase().split(' ')[0] as string;
}

export function buildWorld(seed: number, patientCount: number, anchor: string, passwordHash: string): World {
  const rng = Rng.for(seed, 'world');
  const historyStart = addDays(anchor, -(HISTORY_DAYS + 15 * 7));
  const orgCreated = new Date(dateMs(addDays(historyStart, -30)) + 15 * 3_600_000);
  const shares = patientCount < 1000 ? [1] : ORG_SHARES;

  let assigned = 0;
  const organizations = shares.map((share, orgIndex): PlanOrganization => {
    const count = orgIndex === shares.length - 1 ? patientCount - assigned : Math.round(patientCount * share);
    assigned += count;
    const name = ORGANIZATION_NAMES[orgIndex] as string;
    const slug = slugOf(name);
    const createdAt = new Date(orgCreated.getTime() + orgIndex * 86_400_000);
    const org: PlanOrganization = {
      index: orgIndex,
      id: rng.uuidv7(createdAt),
      name,
      slug,
      createdAt,
      locations: [],
      staff: [],
      patients: [],
    };
    const locationCount = Math.max(1, Math.round(count / 2500));
    for (let l = 0; l < locationCount; l++) {
      const place = CITIES[(orgIndex * 5 + l) % CITIES.length] as (typeof CITIES)[number];
      const createdAt = new Date(org.createdAt.getTime() + (l + 1) * 3_600_000);
      const census = (count / locationCount) * 0.2;
      const tracks = buildTracks(rng, orgIndex, census, place.city, locationCount > 1, createdAt);
      // One group room per cohort meeting at the same time, so no two cohorts share a room.
      const bySlot = new Map<number, number>();
      const rooms: PlanRoom[] = [];
      for (const track of tracks) {
        const n = bySlot.get(track.startMinutes) ?? 0;
        bySlot.set(track.startMinutes, n + 1);
        track.roomIndex = n;
        while (rooms.length <= n) {
          rooms.push({
            id: rng.uuidv7(createdAt),
            name: `Group Room ${rooms.length + 1}`,
            capacity: 16,
            kind: 'group',
          });
        }
      }
      rooms.push({ id: rng.uuidv7(createdAt), name: 'Family Room', capacity: 6, kind: 'family' });
      for (let r = 0; r < Math.max(2, Math.ceil(census / 40)); r++) {
        rooms.push({ id: rng.uuidv7(createdAt), name: `Office ${r + 1}`, capacity: 3, kind: 'office' });
      }
      org.locations.push({
        index: l,
        id: rng.uuidv7(createdAt),
        name: `${place.city} ${l === 0 ? 'Main Clinic' : 'Clinic'}`,
        timeZone: place.zone,
        city: place.city,
        region: place.region,
        createdAt,
        rooms,
        tracks,
      });
    }
    org.staff = buildStaff(rng, org, count);
    // Clinicians of each site run its cohorts in turn; the bench clinician first, so it has groups.
    for (const location of org.locations) {
      const clinicians = org.staff.flatMap((s, i) =>
        s.active && s.locationIndex === location.index && s.roles.includes('clinician') ? [i] : [],
      );
      location.tracks.forEach((track, k) => {
        const lead = clinicians[k % clinicians.length] as number;
        const second = clinicians[(k + 1 + Math.floor(k / clinicians.length)) % clinicians.length] as number;
        track.facilitatorIndexes = lead === second ? [lead] : [lead, second];
      });
    }
    org.patients = buildPatients(rng, org, count, anchor);
    return org;
  });

  return {
    seed,
    patientCount,
    anchor,
    historyDays: HISTORY_DAYS,
    password: BENCH_PASSWORD,
    passwordHash,
    organizations,
    holidays: holidaysAround(anchor),
  };
}

const CLINICAL_CREDENTIALS = ['LCSW', 'LPC', 'LMFT', 'LCADC', 'PsyD', 'LMHC'];

function buildStaff(rng: Rng, org: PlanOrganization, patientCount: number): PlanStaff[] {
  const staff: PlanStaff[] = [];
  const used = new Set<string>();
  const add = (roles: StaffRole[], locationIndex: number, bench = false) => {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    let email = bench
      ? benchEmail(org.slug, roles[0] as StaffRole)
      : `${first}.${last}@${org.slug}.example`.toLowerCase();
    for (let n = 2; used.has(email); n++) email = `${first}.${last}${n}@${org.slug}.example`.toLowerCase();
    used.add(email);
    const clinical = roles.some((r) => r === 'clinician' || r === 'director');
    const createdAt = new Date(org.createdAt.getTime() + rng.int(1, 3 * 24) * 3_600_000);
    staff.push({
      id: rng.uuidv7(createdAt),
      email,
      displayName: `${first} ${last}`,
      firstName: first,
      lastName: last,
      roles,
      credentials: clinical ? rng.pick(CLINICAL_CREDENTIALS) : null,
      locationIndex,
      // A few accounts of people who left: lists must still filter them out.
      active: bench || !rng.chance(0.05),
      createdAt,
    });
  };
  const bench = org.index === 0;
  for (const role of ['admin', 'director', 'clinician', 'intake', 'billing', 'front_desk'] as const) {
    if (bench) add([role], 0, true);
  }
  add(['admin'], 0);
  const perLocation = patientCount / org.locations.length;
  for (const location of org.locations) {
    const census = perLocation * 0.2;
    add(['director', 'clinician'], location.index);
    for (let i = 0; i < Math.max(2, Math.ceil(census / 12)); i++) add(['clinician'], location.index);
    for (let i = 0; i < Math.max(1, Math.ceil(perLocation / 2500)); i++) add(['intake'], location.index);
    for (let i = 0; i < Math.max(1, Math.ceil(census / 150)); i++) add(['front_desk'], location.index);
  }
  for (let i = 0; i < Math.max(1, Math.ceil(patientCount / 5000)); i++) add(['billing'], 0);
  return staff;
}

function buildPatients(rng: Rng, org: PlanOrganization, count: number, anchor: string): PlanPatient[] {
  const patients: PlanPatient[] = [];
  const staffAt = (role: StaffRole) =>
    org.locations.map((l) =>
      org.staff.flatMap((s, i) =>
        s.active && s.locationIndex === l.index && s.roles.includes(role) ? [i] : [],
      ),
    );
  const cliniciansAt = staffAt('clinician');
  const intakeAt = staffAt('intake');
  const areaCodes = ['217', '312', '414', '614', '720', '919'];
  for (let i = 0; i < count; i++) {
    const locationIndex = i % org.locations.length;
    const location = org.locations[locationIndex] as PlanLocation;
    const trackIndex = pickTrack(rng, location.tracks);
    const track = location.tracks[trackIndex] as PlanTrack;
    const status = rng.weighted<PatientStatus>([
      ['discharged', 0.7],
      ['active', 0.2],
      ['intake', 0.1],
    ]);
    const plannedWeeks = rng.int(6, 12);
    let admitDate: string | null = null;
    let dischargeDate: string | null = null;
    let dischargeReason: DischargeReason | null = null;
    let inquiryDate: string;
    if (status === 'intake') {
      inquiryDate = addDays(anchor, -rng.int(0, 20));
      // Half are booked to start within ten days: registered, with a pending episode.
      if (rng.chance(0.5)) admitDate = nextMeetingDay(addDays(anchor, rng.int(1, 10)), track.days);
    } else {
      if (status === 'active') {
        admitDate = addDays(anchor, -rng.int(0, plannedWeeks * 7 - 1));
      } else {
        dischargeReason = rng.weighted<DischargeReason>([
          ['completed', 0.65],
          ['left_against_advice', 0.15],
          ['transferred', 0.1],
          ['lost_contact', 0.1],
        ]);
        const weeks =
          dischargeReason === 'completed' ? plannedWeeks : rng.int(1, Math.max(1, plannedWeeks - 2));
        dischargeDate = addDays(anchor, -rng.int(1, HISTORY_DAYS));
        admitDate = addDays(dischargeDate, -(weeks * 7 - rng.int(1, 3)));
      }
      admitDate = nextMeetingDay(admitDate, track.days);
      if (admitDate > anchor) admitDate = anchor;
      if (dischargeDate && dischargeDate <= admitDate) dischargeDate = addDays(admitDate, 7);
      if (dischargeDate && dischargeDate >= anchor) dischargeDate = addDays(anchor, -1);
      if (dischargeDate && dischargeDate < admitDate) admitDate = dischargeDate;
      inquiryDate = addDays(admitDate, -rng.int(3, 21));
    }
    const adolescent = track.program === 'adolescent';
    const age = adolescent ? rng.int(13, 17) : Math.round(rng.normal(38, 12, 18, 78));
    const birthDate = addDays(anchor, -(age * 365 + rng.int(0, 364)));
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const sessions = Math.min(track.days.length, rng.int(3, 5));
    const inquiryAt = zonedInstant(inquiryDate, rng.int(8 * 60, 17 * 60), location.timeZone);
    // Registered at the admission booking: a few days before the first session, never after today.
    let registeredAt: Date | null = null;
    if (admitDate) {
      const booked = Math.min(
        zonedInstant(
          addDays(admitDate, -rng.int(1, 3)),
          rng.int(9 * 60, 16 * 60),
          location.timeZone,
        ).getTime(),
        dateMs(anchor) - rng.int(1, 36) * 3_600_000,
      );
      registeredAt = new Date(Math.max(booked, inquiryAt.getTime() + 3_600_000));
    }
    const intake = intakeAt[locationIndex] as number[];
    patients.push({
      index: i,
      id: registeredAt ? rng.uuidv7(registeredAt) : null,
      mrn: null,
      registeredAt,
      inquiryId: rng.uuidv7(inquiryAt),
      episodeId: registeredAt ? rng.uuidv7(registeredAt) : null,
      firstName: first,
      lastName: last,
      preferredName: rng.chance(0.08) ? rng.pick(FIRST_NAMES) : null,
      birthDate,
      sex: rng.chance(0.55) ? 'female' : 'male',
      phone: `${rng.pick(areaCodes)}55501${String(rng.int(0, 99)).padStart(2, '0')}`,
      email: rng.chance(0.7) ? `${first}.${last}.${i + 1}@mail.example`.toLowerCase() : null,
      locationIndex,
      trackIndex,
      status,
      inquiryAt,
      inquiryDate,
      admitDate,
      plannedWeeks,
      dischargeDate,
      dischargeReason,
      sessionDays: rng.sample(track.days, sessions).sort(),
      clinicianIndex: rng.chance(0.7)
        ? (track.facilitatorIndexes[0] as number)
        : rng.pick(cliniciansAt[locationIndex] as number[]),
      coordinatorIndex: intake.length > 0 ? rng.pick(intake) : 0,
      phq9Start: Math.round(rng.normal(15, 4, 5, 27)),
      gad7Start: Math.round(rng.normal(12, 3.5, 3, 21)),
      weeklyChange: rng.normal(-0.9, 0.6, -3, 1),
      attendanceRate: rng.normal(0.86, 0.08, 0.45, 1),
    });
  }
  // MRNs are handed out in order of registration, as the counter does.
  const registered = patients.filter((p) => p.registeredAt !== null);
  registered.sort((a, b) => (a.registeredAt as Date).getTime() - (b.registeredAt as Date).getTime());
  registered.forEach((p, n) => {
    p.mrn = formatMrn(n + 1);
  });
  return patients;
}

/** A cohort, in proportion to its program's share of the census. */
function pickTrack(rng: Rng, tracks: PlanTrack[]): number {
  const perProgram = new Map<ProgramKind, number>();
  for (const t of tracks) perProgram.set(t.program, (perProgram.get(t.program) ?? 0) + 1);
  return rng.weighted(
    tracks.map((t, i) => [i, programWeight(t.program) / (perProgram.get(t.program) ?? 1)] as const),
  );
}

function nextMeetingDay(date: string, days: number[]): string {
  let d = date;
  for (let i = 0; i < 7 && !days.includes(weekday(d)); i++) d = addDays(d, 1);
  return d;
}

/** Today (UTC) as the data set's anchor. */
export function todayAnchor(now = Date.now()): string {
  return toDateString(now);
}

/** New Year, Memorial Day, Independence Day, Labor Day, Thanksgiving and Christmas. */
export function holidaysAround(anchor: string): Set<string> {
  const year = Number(anchor.slice(0, 4));
  const out = new Set<string>();
  const nth = (y: number, month: number, weekdayWanted: number, n: number) => {
    let d = `${y}-${String(month).padStart(2, '0')}-01`;
    while (weekday(d) !== weekdayWanted) d = addDays(d, 1);
    return addDays(d, 7 * (n - 1));
  };
  const lastMonday = (y: number, month: number) => {
    let d = addDays(`${y}-${String(month + 1).padStart(2, '0')}-01`, -1);
    while (weekday(d) !== 1) d = addDays(d, -1);
    return d;
  };
  for (const y of [year - 1, year, year + 1]) {
    out.add(`${y}-01-01`);
    out.add(lastMonday(y, 5));
    out.add(`${y}-07-04`);
    out.add(nth(y, 9, 1, 1));
    out.add(nth(y, 11, 4, 4));
    out.add(`${y}-12-25`);
  }
  return out;
}
