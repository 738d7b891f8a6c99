import type {
  PlanContent,
  PlanContentInput,
  PlanGoal,
  PlanIntervention,
  PlanObjective,
  PlanProblem,
} from '../api/plans.js';
import type { FieldProblem } from '../errors.js';

export type { PlanContent, PlanGoal, PlanIntervention, PlanObjective, PlanProblem };

/**
 * Gives every new item of an edited plan its id and keeps the ids it came with: ids are stable
 * across versions, so the diff, reviews and (later) session notes can point at an objective.
 */
export function normalizeContent(input: PlanContentInput, newId: () => string): PlanContent {
  return {
    problems: input.problems.map((p) => ({
      id: p.id ?? newId(),
      statement: p.statement,
      source: p.source,
      goals: p.goals.map((g) => ({
        id: g.id ?? newId(),
        text: g.text,
        objectives: g.objectives.map((o) => ({
          id: o.id ?? newId(),
          text: o.text,
          measure: o.measure,
          targetDate: o.targetDate,
          status: o.status,
        })),
      })),
      interventions: p.interventions.map((i) => ({
        id: i.id ?? newId(),
        modality: i.modality,
        frequency: i.frequency ? { times: i.frequency.times, per: i.frequency.per } : null,
        responsibleUserId: i.responsibleUserId,
        description: i.description,
      })),
    })),
  };
}

export interface ObjectiveRef {
  problem: PlanProblem;
  goal: PlanGoal;
  objective: PlanObjective;
  /** The objective's path in the content, e.g. problems.0.goals.1.objectives.2 */
  path: string;
}

export function objectivesOf(content: PlanContent): ObjectiveRef[] {
  return content.problems.flatMap((problem, p) =>
    problem.goals.flatMap((goal, g) =>
      goal.objectives.map((objective, o) => ({
        problem,
        goal,
        objective,
        path: `problems.${p}.goals.${g}.objectives.${o}`,
      })),
    ),
  );
}

export interface InterventionRef {
  problem: PlanProblem;
  intervention: PlanIntervention;
  path: string;
}

export function interventionsOf(content: PlanContent): InterventionRef[] {
  return content.problems.flatMap((problem, p) =>
    problem.interventions.map((intervention, i) => ({
      problem,
      intervention,
      path: `problems.${p}.interventions.${i}`,
    })),
  );
}

/** An id used twice in one plan would make the diff and reviews ambiguous. */
export function duplicateIdProblems(content: PlanContent): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  const check = (id: string, path: string) => {
    if (seen.has(id)) problems.push({ field: `${path}.id`, message: 'This id is used twice in the plan.' });
    seen.add(id);
  };
  content.problems.forEach((problem, p) => {
    check(problem.id, `content.problems.${p}`);
    problem.goals.forEach((goal, g) => {
      check(goal.id, `content.problems.${p}.goals.${g}`);
      goal.objectives.forEach((o, i) => {
        check(o.id, `content.problems.${p}.goals.${g}.objectives.${i}`);
      });
    });
    problem.interventions.forEach((iv, i) => {
      check(iv.id, `content.problems.${p}.interventions.${i}`);
    });
  });
  return problems;
}
