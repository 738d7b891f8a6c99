import { canonicalCode } from '../diagnoses/search.js';
import type { FieldProblem } from '../errors.js';
import type { PlanContent } from './content.js';

export interface PlanCheckContext {
  /** The ICD-10-CM codes on the episode: a problem's diagnosis must be one of them. */
  diagnosisCodes: readonly string[];
}

const blank = (value: string | null | undefined) => (value ?? '').trim().length === 0;

/**
 * Everything a version still needs before it can be signed, each named by its path in the
 * content (problems.0.goals.1.objectives.0.targetDate), so the editor can point at it. A draft
 * may be saved with any of these missing; signing refuses until the list is empty.
 */
export function missingForPlanSignature(content: PlanContent, context: PlanCheckContext): FieldProblem[] {
  const out: FieldProblem[] = [];
  const add = (field: string, message: string) => out.push({ field, message });
  if (content.problems.length === 0) {
    add('problems', 'A plan needs at least one problem before it can be signed.');
    return out;
  }
  const codes = new Set(context.diagnosisCodes.map(canonicalCode));
  content.problems.forEach((problem, p) => {
    const at = `problems.${p}`;
    if (blank(problem.statement)) add(`${at}.statement`, 'Describe the problem.');
    if (!problem.source) {
      add(`${at}.source`, 'Link the problem to one of the episode’s diagnoses or to an ASAM dimension.');
    } else if (problem.source.kind === 'diagnosis' && !codes.has(canonicalCode(problem.source.code))) {
      add(
        `${at}.source`,
        `${problem.source.code} is not one of this episode’s diagnoses. Choose one of them, or an ASAM dimension.`,
      );
    }
    if (problem.goals.length === 0) add(`${at}.goals`, 'Add at least one goal for this problem.');
    if (problem.interventions.length === 0) {
      add(`${at}.interventions`, 'Add at least one intervention: how the program will work on this problem.');
    }
    problem.goals.forEach((goal, g) => {
      const gAt = `${at}.goals.${g}`;
      if (blank(goal.text)) add(`${gAt}.text`, 'Write the goal, in the participant’s own words.');
      if (goal.objectives.length === 0) {
        add(`${gAt}.objectives`, 'Add at least one measurable objective for this goal.');
      }
      goal.objectives.forEach((objective, o) => {
        const oAt = `${gAt}.objectives.${o}`;
        if (blank(objective.text)) add(`${oAt}.text`, 'Write the objective.');
        if (blank(objective.measure)) {
          add(`${oAt}.measure`, 'Say how progress on this objective is measured.');
        }
        if (!objective.targetDate) add(`${oAt}.targetDate`, 'Give the objective a target date.');
      });
    });
    problem.interventions.forEach((intervention, i) => {
      const iAt = `${at}.interventions.${i}`;
      if (!intervention.modality) add(`${iAt}.modality`, 'Choose the kind of intervention.');
      if (!intervention.frequency) add(`${iAt}.frequency`, 'Say how often, such as 2 times a week.');
      if (!intervention.responsibleUserId) {
        add(`${iAt}.responsibleUserId`, 'Name the staff member responsible for this intervention.');
      }
    });
  });
  return out;
}

/**
 * What a save may not contain even in a draft: an unknown staff member as responsible. The
 * server passes the ids of the organization's active staff.
 */
export function draftProblems(content: PlanContent, staffIds: ReadonlySet<string>): FieldProblem[] {
  const out: FieldProblem[] = [];
  content.problems.forEach((problem, p) => {
    problem.interventions.forEach((intervention, i) => {
      if (intervention.responsibleUserId && !staffIds.has(intervention.responsibleUserId)) {
        out.push({
          field: `content.problems.${p}.interventions.${i}.responsibleUserId`,
          message: 'Not an active staff member of your organization. Choose someone on staff.',
        });
      }
    });
  });
  return out;
}
