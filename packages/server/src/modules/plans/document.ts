import {
  ASAM_DIMENSIONS,
  type api,
  findDiagnosis,
  frequencyLabel,
  INTERVENTION_MODALITY_LABELS,
  OBJECTIVE_STATUS_LABELS,
} from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { searchUsers } from '../users/index.js';
import type { EpisodeFacts } from './load-plan.js';

function sourceLabel(source: api.PlanProblem['source'], episode: EpisodeFacts): string | null {
  if (!source) return null;
  if (source.kind === 'asam') {
    const dimension = ASAM_DIMENSIONS['3'].find((d) => d.number === source.dimension);
    return `ASAM dimension ${source.dimension}${dimension ? `: ${dimension.name}` : ''}`;
  }
  const text =
    episode.diagnoses.find((d) => d.code === source.code)?.text ?? findDiagnosis(source.code)?.text;
  return text ? `${text} (${source.code})` : source.code;
}

/** A version's content with names resolved: diagnoses, modalities, frequencies, staff. */
export async function planDocument(
  db: Kysely<DB>,
  organizationId: string,
  content: api.PlanContent,
  episode: EpisodeFacts,
): Promise<api.PlanDocument> {
  const staff = new Map(
    (await searchUsers(db, organizationId, { includeInactive: true })).map((u) => [
      u.id,
      u.credentials ? `${u.displayName}, ${u.credentials}` : u.displayName,
    ]),
  );
  return {
    problems: content.problems.map((p) => ({
      id: p.id,
      statement: p.statement,
      sourceLabel: sourceLabel(p.source, episode),
      goals: p.goals.map((g) => ({
        id: g.id,
        text: g.text,
        objectives: g.objectives.map((o) => ({ ...o, statusLabel: OBJECTIVE_STATUS_LABELS[o.status] })),
      })),
      interventions: p.interventions.map((i) => ({
        id: i.id,
        modality: i.modality,
        modalityLabel: i.modality ? INTERVENTION_MODALITY_LABELS[i.modality] : 'Not chosen yet',
        frequencyLabel: i.frequency ? frequencyLabel(i.frequency) : 'Not set yet',
        responsibleName: i.responsibleUserId ? (staff.get(i.responsibleUserId) ?? null) : null,
        description: i.description,
      })),
    })),
  };
}
