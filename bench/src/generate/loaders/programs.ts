import { defaultIntensity, trackProblems } from '@trellis/domain';
import type { Loader } from '../loader.js';
import type { PlanTrack } from '../world.js';

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function trackColumns(t: PlanTrack) {
  const ageGroup = t.program === 'adolescent' ? ('adolescent' as const) : ('adult' as const);
  const population =
    t.program === 'dual' ? 'dual_diagnosis' : t.program === 'adolescent' ? 'mental_health' : t.program;
  const weeklyPattern = t.days.map((day) => ({
    day,
    start: hhmm(t.startMinutes),
    end: hhmm(t.startMinutes + t.minutes),
  }));
  const intensity = defaultIntensity('iop', ageGroup);
  const problems = trackProblems({ levelOfCare: 'iop', ageGroup, weeklyPattern, intensity });
  if (problems.length > 0) {
    throw new Error(`The plan's track ${t.name} breaks the intensity rule: ${problems[0]?.message}`);
  }
  return { ageGroup, population, weeklyPattern, intensity } as const;
}

/** programs module: the tracks of every location (adult MH, substance use, co-occurring, adolescent). */
export const programsLoader: Loader = {
  name: 'programs',
  module: 'programs',
  tables: ['track'],
  after: ['organizations'],
  async load({ world, insert }) {
    await insert.insert(
      'track',
      world.organizations.flatMap((org) =>
        org.locations.flatMap((l) =>
          l.tracks.map((t) => {
            const c = trackColumns(t);
            return {
              id: t.id,
              organization_id: org.id,
              name: t.name,
              description: null,
              population: c.population,
              age_group: c.ageGroup,
              level_of_care: 'iop',
              modality: 'in_person',
              location_id: l.id,
              // Room for the census the plan puts in it, with a margin.
              capacity: Math.min(
                500,
                Math.max(24, Math.ceil((org.patients.length / org.locations.length) * 0.2)),
              ),
              weekly_pattern: JSON.stringify(c.weeklyPattern),
              intensity: JSON.stringify(c.intensity),
              status: 'active',
              created_at: t.createdAt,
              updated_at: t.createdAt,
            };
          }),
        ),
      ),
    );
  },
};
