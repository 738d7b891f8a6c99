import { checkAnswers, getInstrument, scoreInstrument } from '@trellis/domain';
import type { Rng } from '../../prng.js';
import type { Loader } from '../loader.js';
import { dayNumber, zonedMs } from '../time.js';

const SCHEDULE = [
  { instrument: 'phq9', timing: 'admission' },
  { instrument: 'phq9', timing: 'interval', everyDays: 7 },
  { instrument: 'phq9', timing: 'discharge' },
  { instrument: 'gad7', timing: 'admission' },
  { instrument: 'gad7', timing: 'interval', everyDays: 7 },
  { instrument: 'gad7', timing: 'discharge' },
];

/**
 * Answers that add up to `target`: points spread over the scored items (0–3 each); the last
 * PHQ-9 item (self-harm) only now and then, for the more severe; the difficulty item answered
 * when anything was checked.
 */
function answersFor(rng: Rng, code: 'phq9' | 'gad7', target: number): Record<string, number | null> {
  const def = getInstrument(code);
  const scored = def.items.filter((i) => i.scored);
  const answers: Record<string, number | null> = {};
  for (const item of def.items) answers[item.id] = item.scored ? 0 : null;
  let left = Math.max(0, Math.min(target, scored.length * 3));
  const selfHarm = code === 'phq9' ? scored.at(-1) : undefined;
  if (selfHarm && target >= 15 && rng.chance(0.08)) {
    answers[selfHarm.id] = 1;
    left -= 1;
  }
  const spread = scored.filter((i) => i !== selfHarm);
  while (left > 0 && spread.some((i) => (answers[i.id] ?? 0) < 3)) {
    const item = rng.pick(spread);
    if ((answers[item.id] ?? 0) < 3) {
      answers[item.id] = (answers[item.id] ?? 0) + 1;
      left--;
    }
  }
  const difficulty = def.items.find((i) => !i.scored);
  if (difficulty && target > 0) answers[difficulty.id] = rng.int(0, 2);
  return answers;
}

/**
 * measures module: each track's schedule (PHQ-9 and GAD-7 at admission, weekly and at discharge)
 * and the weekly administrations of every episode, scored by the domain's own instruments: a
 * trajectory from the person's starting severity, most improving, some not.
 */
export const measuresLoader: Loader = {
  name: 'measures',
  module: 'measures',
  tables: ['measure_administration', 'measure_schedule'],
  after: ['episodes', 'programs', 'users'],
  async load({ world, insert, rng, shared }) {
    const part2 =
      (shared.get('episodePart2') as Map<string, boolean> | undefined) ?? new Map<string, boolean>();
    await insert.insert(
      'measure_schedule',
      world.organizations.flatMap((org) =>
        org.locations.flatMap((l) =>
          l.tracks.map((t) => ({
            id: rng.uuidv7(t.createdAt),
            organization_id: org.id,
            track_id: t.id,
            rules: JSON.stringify(SCHEDULE),
            created_at: t.createdAt,
            updated_at: t.createdAt,
          })),
        ),
      ),
    );
    const writer = await insert.writer('measure_administration');
    const anchorDay = dayNumber(world.anchor);
    for (const org of world.organizations) {
      for (const p of org.patients) {
        if (!p.id || !p.episodeId || !p.admitDate || p.admitDate > world.anchor) continue;
        const location = org.locations[p.locationIndex];
        const track = location?.tracks[p.trackIndex];
        if (!location || !track) continue;
        const clinician = org.staff[p.clinicianIndex];
        const admitDay = dayNumber(p.admitDate);
        const endDay = p.dischargeDate ? dayNumber(p.dischargeDate) : anchorDay;
        for (let week = 0; admitDay + week * 7 <= endDay; week++) {
          if (week > 0 && !rng.chance(0.9)) continue; // a missed week
          const day = Math.min(admitDay + week * 7, endDay);
          if (day >= anchorDay) break;
          const at = zonedMs(day, track.startMinutes - rng.int(5, 30), location.timeZone);
          const selfReport = rng.chance(0.3);
          for (const code of ['phq9', 'gad7'] as const) {
            const start = code === 'phq9' ? p.phq9Start : p.gad7Start;
            const target = Math.round(
              start + p.weeklyChange * week * (code === 'phq9' ? 1 : 0.8) + rng.normal(0, 1.5),
            );
            // Stored as the server stores them: checked, unanswered items left out.
            const answers = checkAnswers(getInstrument(code), answersFor(rng, code, Math.max(0, target)));
            const score = scoreInstrument(code, answers);
            const administeredAt = new Date(at + (code === 'gad7' ? 120_000 : 0));
            await writer.add({
              id: rng.uuidv7(administeredAt),
              organization_id: org.id,
              patient_id: p.id,
              episode_id: p.episodeId,
              instrument_code: code,
              instrument_version: score.version,
              answers: JSON.stringify(answers),
              total: score.total,
              band_code: score.band.code,
              band_label: score.band.label,
              flags: JSON.stringify(score.flags),
              subscales: JSON.stringify(score.subscales ?? null),
              settings_used: JSON.stringify(score.settingsUsed),
              administered_at: administeredAt,
              source: selfReport ? 'self_report' : 'staff',
              entered_by: selfReport ? null : (clinician?.id ?? null),
              measure_request_id: null,
              supersedes_id: null,
              superseded_by_id: null,
              correction_reason: null,
              part2: part2.get(p.episodeId) ?? false,
              created_at: administeredAt,
              updated_at: administeredAt,
            });
          }
        }
      }
    }
    await writer.close();
  },
};
