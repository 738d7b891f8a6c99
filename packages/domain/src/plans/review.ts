import type { FieldProblem } from '../errors.js';
import { objectivesOf, type PlanContent } from './content.js';
import { type ObjectiveStatus, OPEN_OBJECTIVE_STATUSES } from './model.js';

export interface ProgressInput {
  objectiveId: string;
  status: ObjectiveStatus;
  note: string;
}

export interface ProgressEntry extends ProgressInput {
  objectiveText: string;
  previousStatus: ObjectiveStatus;
}

export type ReviewOutcome =
  | { ok: true; content: PlanContent; progress: ProgressEntry[] }
  | { ok: false; problems: FieldProblem[] };

/**
 * Applies a review's progress to the signed content: each objective gets the status the review
 * recorded, and the result is the content of the next draft version. Every objective still open
 * (not started or in progress) needs an entry; an entry for a met or discontinued one may reopen it.
 */
export function applyReview(signed: PlanContent, progress: readonly ProgressInput[]): ReviewOutcome {
  const problems: FieldProblem[] = [];
  const objectives = objectivesOf(signed);
  const byId = new Map(objectives.map((o) => [o.objective.id, o]));
  const given = new Map<string, ProgressInput>();
  progress.forEach((entry, i) => {
    if (!byId.has(entry.objectiveId)) {
      problems.push({
        field: `progress.${i}.objectiveId`,
        message: 'Not an objective of the signed plan under review.',
      });
    } else if (given.has(entry.objectiveId)) {
      problems.push({ field: `progress.${i}.objectiveId`, message: 'This objective is listed twice.' });
    } else {
      given.set(entry.objectiveId, entry);
    }
  });
  for (const ref of objectives) {
    if (OPEN_OBJECTIVE_STATUSES.includes(ref.objective.status) && !given.has(ref.objective.id)) {
      problems.push({
        field: 'progress',
        message: `Record progress on “${ref.objective.text || 'an objective'}” (${ref.path}).`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const entries: ProgressEntry[] = [];
  const content: PlanContent = {
    problems: signed.problems.map((problem) => ({
      ...problem,
      goals: problem.goals.map((goal) => ({
        ...goal,
        objectives: goal.objectives.map((objective) => {
          const entry = given.get(objective.id);
          if (!entry) return { ...objective };
          entries.push({
            ...entry,
            objectiveText: objective.text,
            previousStatus: objective.status,
          });
          return { ...objective, status: entry.status };
        }),
      })),
      interventions: problem.interventions.map((i) => ({ ...i })),
    })),
  };
  return { ok: true, content, progress: entries };
}
