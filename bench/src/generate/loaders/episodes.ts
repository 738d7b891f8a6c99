import { DIAGNOSIS_CODES, type DiagnosisCode, isPart2Episode } from '@trellis/domain';
import type { Loader } from '../loader.js';
import { addDays, zonedInstant } from '../time.js';
import type { ProgramKind } from '../world.js';
import { trackColumns } from './programs.js';

const byPrefix = (...prefixes: string[]) =>
  DIAGNOSIS_CODES.filter((d) => prefixes.some((p) => d.code.startsWith(p)));

/**
 * episodes module: one episode per admitted or booked person (active, on hold, pending or
 * discharged), its diagnoses and its status history.
 */
export const episodesLoader: Loader = {
  name: 'episodes',
  module: 'episodes',
  tables: ['episode', 'episode_diagnosis', 'episode_status_change'],
  after: ['patients', 'programs', 'users'],
  async load({ world, insert, rng, shared }) {
    const part2ByEpisode = new Map<string, boolean>();
    shared.set('episodePart2', part2ByEpisode);
    const mood = byPrefix('F32', 'F33', 'F31');
    const anxiety = byPrefix('F41', 'F43');
    const sud = DIAGNOSIS_CODES.filter((d) => d.sud);
    if (mood.length === 0 || anxiety.length === 0 || sud.length === 0) {
      throw new Error('The diagnosis list has no mood, anxiety or substance use codes to draw from.');
    }
    const diagnosesFor = (program: ProgramKind): DiagnosisCode[] => {
      const primary = program === 'substance_use' ? rng.pick(sud) : rng.pick(mood);
      const more: DiagnosisCode[] = [];
      if (program === 'dual') more.push(rng.pick(sud));
      if (rng.chance(0.5)) more.push(rng.pick(anxiety));
      if (program === 'substance_use' && rng.chance(0.4)) more.push(rng.pick(mood));
      const seen = new Set<string>();
      return [primary, ...more].filter((d) => !seen.has(d.code) && seen.add(d.code));
    };
    const episodes = await insert.writer('episode');
    const diagnoses = await insert.writer('episode_diagnosis', { after: [episodes] });
    const changes = await insert.writer('episode_status_change', { after: [episodes] });
    for (const org of world.organizations) {
      for (const p of org.patients) {
        if (!p.id || !p.episodeId || !p.admitDate || !p.registeredAt) continue;
        const location = org.locations[p.locationIndex];
        const track = location?.tracks[p.trackIndex];
        if (!location || !track) continue;
        const zone = location.timeZone;
        const clinician = org.staff[p.clinicianIndex];
        const coordinator = org.staff[p.coordinatorIndex];
        const dx = diagnosesFor(track.program);
        const columns = trackColumns(track);
        const status = p.dischargeDate
          ? 'discharged'
          : p.admitDate > world.anchor
            ? 'pending'
            : rng.chance(0.03)
              ? 'on_hold'
              : 'active';
        const history: {
          from: string | null;
          to: string;
          at: Date;
          by: string | undefined;
          reason: string | null;
        }[] = [{ from: null, to: 'pending', at: p.registeredAt, by: coordinator?.id, reason: null }];
        const startedAt = zonedInstant(p.admitDate, track.startMinutes, zone);
        if (status !== 'pending')
          history.push({ from: 'pending', to: 'active', at: startedAt, by: clinician?.id, reason: null });
        if (status === 'on_hold') {
          const at = zonedInstant(addDays(world.anchor, -rng.int(1, 5)), 17 * 60, zone);
          history.push({
            from: 'active',
            to: 'on_hold',
            at: new Date(Math.max(at.getTime(), startedAt.getTime() + 60_000)),
            by: clinician?.id,
            reason: 'Medical leave',
          });
        }
        if (p.dischargeDate) {
          const at = zonedInstant(p.dischargeDate, 16 * 60 + rng.int(0, 60), zone);
          history.push({
            from: 'active',
            to: 'discharged',
            at: new Date(Math.max(at.getTime(), startedAt.getTime() + 60_000)),
            by: clinician?.id,
            reason: null,
          });
        }
        const last = history.at(-1) as (typeof history)[number];
        const part2 = isPart2Episode({ population: columns.population, diagnoses: dx });
        part2ByEpisode.set(p.episodeId, part2);
        await episodes.add({
          id: p.episodeId,
          organization_id: org.id,
          patient_id: p.id,
          track_id: track.id,
          level_of_care: 'iop',
          status,
          admission_date: p.admitDate,
          discharge_date: p.dischargeDate,
          discharge_reason: p.dischargeReason,
          discharge_summary_id: null,
          primary_clinician_id: clinician?.id,
          referral_source_id: null,
          referral_source_text: null,
          payer_note: null,
          part2,
          previous_episode_id: null,
          entry_kind: 'admission',
          status_changed_at: last.at,
          created_at: p.registeredAt,
          updated_at: last.at,
          version: history.length,
        });
        for (const [position, d] of dx.entries()) {
          await diagnoses.add({
            id: rng.uuidv7(p.registeredAt),
            organization_id: org.id,
            episode_id: p.episodeId,
            position,
            code: d.code,
            description: d.text,
            is_primary: position === 0,
            created_at: p.registeredAt,
            created_by: coordinator?.id ?? null,
            removed_at: null,
            removed_by: null,
          });
        }
        for (const h of history) {
          await changes.add({
            id: rng.uuidv7(h.at),
            organization_id: org.id,
            episode_id: p.episodeId,
            from_status: h.from,
            to_status: h.to,
            reason: h.reason,
            changed_by: h.by ?? null,
            changed_at: h.at,
          });
        }
      }
    }
    await episodes.close();
    await diagnoses.close();
    await changes.close();
  },
};
