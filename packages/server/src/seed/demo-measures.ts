import { type api, localDate, suggestedSchedule } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { RequestContext, StaffActor } from '../context.js';
import type { DB } from '../db/schema.js';
import { getActiveEpisode } from '../modules/episodes/index.js';
import { enterAdministration, saveMeasureSchedule } from '../modules/measures/index.js';
import { organizationTimeZone } from '../modules/organizations/index.js';
import { searchPatients } from '../modules/patients/index.js';
import { listTracks } from '../modules/programs/index.js';
import { searchUsers } from '../modules/users/index.js';

type Ctx = RequestContext & { actor: StaffActor };

async function actAs(db: Kysely<DB>, ctx: Ctx, email: string): Promise<Ctx | null> {
  const [user] = await searchUsers(db, ctx.actor.organizationId, { q: email });
  if (!user) return null;
  return { ...ctx, actor: { ...ctx.actor, userId: user.id, roles: user.roles, label: user.email } };
}

/** Item answers 0–3 adding up to `total` over `count` items, spread evenly. */
function spread(prefix: string, count: number, total: number): Record<string, number> {
  const answers: Record<string, number> = {};
  for (let i = 0; i < count; i += 1) {
    const share = Math.floor(total / count) + (i < total % count ? 1 : 0);
    answers[`${prefix}_${i + 1}`] = Math.min(3, share);
  }
  return answers;
}

const phq9 = (total: number, item9 = 0) => ({ ...spread('phq9', 8, total - item9), phq9_9: item9 });
const gad7 = (total: number) => spread('gad7', 7, total);

type Course = 'improving' | 'deteriorating' | 'item9' | 'steady';

/** PHQ-9 and GAD-7 totals of week `k` of `weeks` for a course (synthetic, plausible). */
function scores(course: Course, k: number, weeks: number, seed: number): { phq9: number; gad7: number } {
  const last = Math.max(weeks - 1, 1);
  const t = k / last;
  switch (course) {
    case 'improving':
      return { phq9: Math.round(17 + (seed % 4) - t * (10 + (seed % 3))), gad7: Math.round(14 - t * 8) };
    case 'deteriorating':
      return { phq9: Math.round(7 + t * 10), gad7: Math.round(8 + t * 6) };
    case 'item9':
      return { phq9: 15 - (k % 2), gad7: 12 };
    case 'steady':
      return { phq9: 11 + (k % 2), gad7: 9 };
  }
}

/**
 * Measurement-based care for the demo: each track's suggested schedule, and weekly PHQ-9 and
 * GAD-7 histories since admission for the active patients — most improving, one reliably
 * worse (its alert is open), one with item 9 above zero this week (its alert is open on the
 * demo clinician's dashboard). Entered through the use cases, so scores, settings and alerts are
 * exactly what the app would record; every person is synthetic.
 */
export async function seedDemoMeasures(db: Kysely<DB>, ctx: Ctx): Promise<void> {
  const orgId = ctx.actor.organizationId;
  const director = await actAs(db, ctx, 'director@cedargrove.example');
  const clinician = await actAs(db, ctx, 'clinician@cedargrove.example');
  if (!director || !clinician) return;
  const tracks = await listTracks(db, orgId, {});
  for (const track of tracks) {
    await saveMeasureSchedule(db, director, track.id, 0, { rules: suggestedSchedule(track.population) });
  }

  const today = localDate(ctx.now, await organizationTimeZone(db, orgId));
  const { items: patients } = await searchPatients(db, clinician, { limit: 100 });
  const active: { patient: api.PatientSummary; episode: api.Episode }[] = [];
  for (const patient of patients) {
    const episode = await getActiveEpisode(db, orgId, patient.id);
    if (episode?.status === 'active' && episode.admissionDate < today) active.push({ patient, episode });
  }
  active.sort(
    (a, b) =>
      a.episode.admissionDate.localeCompare(b.episode.admissionDate) ||
      a.patient.id.localeCompare(b.patient.id),
  );

  // The longest histories show a course best; the item-9 alert goes to the demo clinician if
  // one of their patients is active, so it is on the dashboard they sign in to.
  const item9 = active.find((a) => a.episode.primaryClinicianId === clinician.actor.userId) ?? active.at(-1);
  const deteriorating = active.find((a) => a !== item9);
  const courses = new Map<string, Course>();
  for (const [i, entry] of active.entries()) {
    courses.set(
      entry.episode.id,
      entry === item9
        ? 'item9'
        : entry === deteriorating
          ? 'deteriorating'
          : i % 5 === 4
            ? 'steady'
            : 'improving',
    );
  }

  for (const [i, { patient, episode }] of active.entries()) {
    const course = courses.get(episode.id) ?? 'improving';
    const weeks = Math.floor((Date.parse(today) - Date.parse(episode.admissionDate)) / (7 * 86_400_000)) + 1;
    for (let k = 0; k < weeks; k += 1) {
      const day = new Date(Date.parse(episode.admissionDate) + k * 7 * 86_400_000);
      // Mid-morning in Chicago on the week's day, and never in the future.
      const at = new Date(Math.min(day.getTime() + 16 * 3_600_000, ctx.now.getTime() - 3_600_000));
      const { phq9: p, gad7: g } = scores(course, k, weeks, i);
      const positive = course === 'item9' && k === weeks - 1 ? 1 : 0;
      const entry = { episodeId: episode.id, administeredAt: at.toISOString() };
      await enterAdministration(db, clinician, patient.id, {
        ...entry,
        instrument: 'phq9',
        answers: phq9(p + positive, positive),
      });
      await enterAdministration(db, clinician, patient.id, {
        ...entry,
        instrument: 'gad7',
        answers: gad7(g),
      });
    }
  }
}
