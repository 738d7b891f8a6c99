import type { api } from '@trellis/domain';
import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { RequestContext, StaffActor } from '../context.js';
import type { DB } from '../db/schema.js';
import { getActiveEpisode } from '../modules/episodes/index.js';
import { getLocations, getRooms } from '../modules/organizations/index.js';
import { searchPatients } from '../modules/patients/index.js';
import { listTracks } from '../modules/programs/index.js';
import {
  addClosure,
  bookAppointment,
  createSeries,
  enrollParticipant,
  setWorkingHours,
} from '../modules/scheduling/index.js';
import { searchUsers } from '../modules/users/index.js';

type Ctx = RequestContext & { actor: StaffActor };

const CURRICULA: Record<string, string[]> = {
  process: [],
  cbt_skills: [
    'Thoughts, feelings, actions',
    'Thinking traps',
    'Behavioral activation',
    'Problem solving',
    'Keeping gains',
  ],
  dbt_skills: ['Mindfulness', 'Distress tolerance', 'Emotion regulation', 'Interpersonal effectiveness'],
  relapse_prevention: [
    'Triggers',
    'Cravings and urges',
    'High-risk situations',
    'Refusal skills',
    'Lapse or relapse',
    'Support network',
  ],
  life_skills: ['Sleep and routine', 'Money and work', 'Healthy relationships', 'Stress at home'],
  psychoeducation: ['How mood and substances interact', 'Medication questions', 'Recovery and the brain'],
  family_group: [],
};

interface Plan {
  title: string;
  kind: api.Series['kind'];
  weekdays: (1 | 2 | 3 | 4 | 5)[];
  startTime: string;
  durationMinutes: number;
  room: string | null;
  facilitator: string;
}

/** Three hours a day on each track's three days (9 h a week), plus a family group for the mornings. */
const PLANS: Record<string, Plan[]> = {
  'Adult Mental Health IOP — Mornings': [
    {
      title: 'Process Group',
      kind: 'process',
      weekdays: [1, 3, 4],
      startTime: '09:00',
      durationMinutes: 90,
      room: 'Group Room A',
      facilitator: 'Rosa Alvarez',
    },
    {
      title: 'CBT Skills',
      kind: 'cbt_skills',
      weekdays: [1, 3],
      startTime: '10:30',
      durationMinutes: 90,
      room: 'Group Room A',
      facilitator: 'Priya Nair',
    },
    {
      title: 'DBT Skills',
      kind: 'dbt_skills',
      weekdays: [4],
      startTime: '10:30',
      durationMinutes: 90,
      room: 'Group Room A',
      facilitator: 'Sam Lee',
    },
    {
      title: 'Family Group',
      kind: 'family_group',
      weekdays: [4],
      startTime: '12:30',
      durationMinutes: 60,
      room: 'Group Room B',
      facilitator: 'Joel Kim',
    },
  ],
  'Substance Use IOP — Evenings': [
    {
      title: 'Relapse Prevention',
      kind: 'relapse_prevention',
      weekdays: [1, 2, 4],
      startTime: '18:00',
      durationMinutes: 90,
      room: 'Group Room B',
      facilitator: 'Marcus Webb',
    },
    {
      title: 'Life Skills',
      kind: 'life_skills',
      weekdays: [1, 2],
      startTime: '19:30',
      durationMinutes: 90,
      room: 'Group Room B',
      facilitator: 'Sam Lee',
    },
    {
      title: 'Process Group',
      kind: 'process',
      weekdays: [4],
      startTime: '19:30',
      durationMinutes: 90,
      room: 'Group Room B',
      facilitator: 'Marcus Webb',
    },
  ],
  'Dual Diagnosis IOP — Virtual': [
    {
      title: 'DBT Skills',
      kind: 'dbt_skills',
      weekdays: [2, 3, 5],
      startTime: '10:00',
      durationMinutes: 90,
      room: null,
      facilitator: 'Joel Kim',
    },
    {
      title: 'Psychoeducation',
      kind: 'psychoeducation',
      weekdays: [2, 3],
      startTime: '11:30',
      durationMinutes: 90,
      room: null,
      facilitator: 'Rosa Alvarez',
    },
    {
      title: 'Process Group',
      kind: 'process',
      weekdays: [5],
      startTime: '11:30',
      durationMinutes: 90,
      room: null,
      facilitator: 'Sam Lee',
    },
  ],
};

/**
 * The demo's weekly groups with rooms and facilitators, its clinicians' working hours, two
 * holidays, the active participants enrolled (one in four on a lighter pattern, with the reason
 * written down), and two individual sessions next week. All through the scheduling use cases.
 */
export async function seedDemoScheduling(db: Kysely<DB>, ctx: Ctx): Promise<void> {
  const orgId = ctx.actor.organizationId;
  const staff = new Map((await searchUsers(db, orgId, {})).map((u) => [u.displayName, u.id]));
  const location = (await getLocations(db, orgId))[0];
  if (!location) return;
  const rooms = new Map((await getRooms(db, orgId, location.id)).map((r) => [r.name, r.id]));
  const tracks = await listTracks(db, orgId, {});
  const today = Temporal.Instant.fromEpochMilliseconds(ctx.now.getTime())
    .toZonedDateTimeISO(location.timeZone)
    .toPlainDate();
  const monday = today.subtract({ days: today.dayOfWeek - 1 });
  const seriesStart = monday.subtract({ weeks: 12 }).toString();

  for (const clinician of ['Sam Lee', 'Rosa Alvarez', 'Marcus Webb', 'Priya Nair', 'Joel Kim']) {
    const id = staff.get(clinician);
    if (!id) continue;
    const day = [{ start: '09:00', end: '17:00' }];
    await setWorkingHours(db, ctx, id, { hours: { '1': day, '2': day, '3': day, '4': day, '5': day } });
  }
  for (const track of tracks) {
    for (const plan of PLANS[track.name] ?? []) {
      const facilitator = staff.get(plan.facilitator);
      const roomId = plan.room ? rooms.get(plan.room) : undefined;
      if (!facilitator || (plan.room && !roomId)) continue;
      await createSeries(db, ctx, {
        trackId: track.id,
        title: plan.title,
        kind: plan.kind,
        weekdays: plan.weekdays,
        startTime: plan.startTime,
        durationMinutes: plan.durationMinutes,
        startDate: seriesStart,
        venue: roomId ? { kind: 'room', roomId } : { kind: 'virtual' },
        facilitatorIds: [facilitator],
        capacity: 12,
        curriculum: CURRICULA[plan.kind] ?? [],
      });
    }
  }
  for (const [date, reason] of [
    ['2026-12-25', 'Christmas Day'],
    ['2027-01-01', 'New Year’s Day'],
  ] as const) {
    if (date > today.toString()) await addClosure(db, ctx, location.id, { date, reason });
  }

  const patients = (await searchPatients(db, ctx, { limit: 500 })).items;
  const enrolled: { patientId: string; trackName: string }[] = [];
  let n = 0;
  for (const patient of patients) {
    const episode = await getActiveEpisode(db, orgId, patient.id);
    if (episode?.status !== 'active') continue;
    const track = tracks.find((t) => t.id === episode.trackId);
    if (!track) continue;
    n += 1;
    const lighter = n % 4 === 0;
    const days = [...new Set((PLANS[track.name] ?? []).flatMap((p) => p.weekdays))].sort();
    await enrollParticipant(db, ctx, episode.id, {
      startDate: episode.admissionDate > seriesStart ? episode.admissionDate : seriesStart,
      ...(lighter
        ? {
            weekdays: days.slice(0, 2),
            reason: 'Works on the third day; step-down agreed with the care team.',
          }
        : {}),
    });
    enrolled.push({ patientId: patient.id, trackName: track.name });
  }

  const nextTuesday = monday.add({ weeks: 1, days: 1 }).toString();
  const lee = staff.get('Sam Lee');
  const office = rooms.get('Office 1');
  const morning = enrolled.filter((e) => e.trackName === 'Adult Mental Health IOP — Mornings').slice(0, 2);
  for (const [i, e] of morning.entries()) {
    if (!lee || !office) break;
    await bookAppointment(db, ctx, {
      kind: i === 0 ? 'individual' : 'family',
      clinicianId: lee,
      participantIds: [e.patientId],
      date: nextTuesday,
      startTime: i === 0 ? '14:00' : '15:00',
      durationMinutes: 50,
      venue: { kind: 'room', roomId: office },
    });
  }
}
