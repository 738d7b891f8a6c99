import { Temporal } from 'temporal-polyfill';
import type { TemplateContent } from '../api/plan-library.js';
import type { ProblemSource } from '../api/plans.js';
import { canonicalCode } from '../diagnoses/search.js';
import type { PlanContent } from './content.js';
import type { InterventionModality } from './model.js';

export * from './starter-library.js';

export interface FillContext {
  /** The day the plan is started: objectives' target dates count from it. */
  startDate: string;
  /** The episode's diagnosis codes, primary first. */
  diagnosisCodes: readonly string[];
  /** Who is responsible for an intervention by default: the episode's primary clinician. */
  defaultResponsibleUserId: string | null;
  newId: () => string;
}

/**
 * Who a template's intervention falls to by default. The primary clinician runs therapy and
 * groups; a prescriber and a peer specialist are chosen by the clinician, so those stay empty
 * (the plan lists them as missing until someone is named).
 */
const NOT_THE_CLINICIAN: readonly InterventionModality[] = ['medication_management', 'peer_support'];

/** The first episode diagnosis a template problem names by prefix, else its ASAM dimension. */
export function linkProblem(
  link: TemplateContent['problems'][number]['link'],
  diagnosisCodes: readonly string[],
): ProblemSource | null {
  const prefixes = link.diagnosisPrefixes.map((p) => canonicalCode(p));
  const code = diagnosisCodes.find((c) => prefixes.some((p) => canonicalCode(c).startsWith(p)));
  if (code) return { kind: 'diagnosis', code: canonicalCode(code) };
  return link.asamDimension ? { kind: 'asam', dimension: link.asamDimension } : null;
}

/**
 * A draft's content from one or more templates, in order: each problem linked to the episode,
 * each objective's target date set from the start date, every item with a new id.
 */
export function planFromTemplates(templates: readonly TemplateContent[], context: FillContext): PlanContent {
  const start = Temporal.PlainDate.from(context.startDate);
  return {
    problems: templates.flatMap((template) =>
      template.problems.map((problem) => ({
        id: context.newId(),
        statement: problem.statement,
        source: linkProblem(problem.link, context.diagnosisCodes),
        goals: problem.goals.map((goal) => ({
          id: context.newId(),
          text: goal.text,
          objectives: goal.objectives.map((objective) => ({
            id: context.newId(),
            text: objective.text,
            measure: objective.measure,
            targetDate: start.add({ weeks: objective.targetWeeks }).toString(),
            status: 'not_started' as const,
          })),
        })),
        interventions: problem.interventions.map((intervention) => ({
          id: context.newId(),
          modality: intervention.modality,
          frequency: { ...intervention.frequency },
          responsibleUserId: NOT_THE_CLINICIAN.includes(intervention.modality)
            ? null
            : context.defaultResponsibleUserId,
          description: intervention.description,
        })),
      })),
    ),
  };
}
