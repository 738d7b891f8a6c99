import type { PlanChange } from '../api/plans.js';
import type { PlanContent, PlanGoal, PlanIntervention, PlanObjective, PlanProblem } from './content.js';
import { INTERVENTION_MODALITY_LABELS } from './model.js';

export type { PlanChange };

type DiffValue = PlanChange['fields'][number]['before'];
type Entity = PlanChange['entity'];

interface Located<T> {
  item: T;
  parentId: string | null;
  context: string[];
}

const problemLabel = (p: PlanProblem) => p.statement || 'Untitled problem';
const goalLabel = (g: PlanGoal) => g.text || 'Untitled goal';
const objectiveLabel = (o: PlanObjective) => o.text || 'Untitled objective';
const interventionLabel = (i: PlanIntervention) =>
  (i.modality ? INTERVENTION_MODALITY_LABELS[i.modality] : 'Intervention') +
  (i.description ? `: ${i.description}` : '');

function fieldsOf(
  entity: Entity,
  item: PlanProblem | PlanGoal | PlanObjective | PlanIntervention,
): Record<string, DiffValue> {
  switch (entity) {
    case 'problem': {
      const p = item as PlanProblem;
      return { statement: p.statement, source: p.source ? { ...p.source } : null };
    }
    case 'goal':
      return { text: (item as PlanGoal).text };
    case 'objective': {
      const o = item as PlanObjective;
      return { text: o.text, measure: o.measure, targetDate: o.targetDate, status: o.status };
    }
    case 'intervention': {
      const i = item as PlanIntervention;
      return {
        modality: i.modality,
        frequency: i.frequency ? { ...i.frequency } : null,
        responsibleUserId: i.responsibleUserId,
        description: i.description,
      };
    }
  }
}

function same(a: DiffValue, b: DiffValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function index(content: PlanContent) {
  const problems = new Map<string, Located<PlanProblem>>();
  const goals = new Map<string, Located<PlanGoal>>();
  const objectives = new Map<string, Located<PlanObjective>>();
  const interventions = new Map<string, Located<PlanIntervention>>();
  for (const p of content.problems) {
    problems.set(p.id, { item: p, parentId: null, context: [] });
    for (const g of p.goals) {
      goals.set(g.id, { item: g, parentId: p.id, context: [problemLabel(p)] });
      for (const o of g.objectives) {
        objectives.set(o.id, { item: o, parentId: g.id, context: [problemLabel(p), goalLabel(g)] });
      }
    }
    for (const i of p.interventions) {
      interventions.set(i.id, { item: i, parentId: p.id, context: [problemLabel(p)] });
    }
  }
  return { problems, goals, objectives, interventions };
}

const LABELS = {
  problem: problemLabel,
  goal: goalLabel,
  objective: objectiveLabel,
  intervention: interventionLabel,
} as const;

const PARENT_FIELD: Record<Entity, string | null> = {
  problem: null,
  goal: 'problemId',
  objective: 'goalId',
  intervention: 'problemId',
};

/**
 * The structured difference between two versions: every problem, goal, objective and
 * intervention added, removed or changed, matched by id (ids are stable across versions), with
 * the fields that differ before and after. An item moved under another parent is "changed"
 * with its parent id among the fields. Children of an added or removed item are listed too.
 * Order: as the items appear in the newer version, then removed items as they were.
 */
export function diffPlanContent(before: PlanContent, after: PlanContent): PlanChange[] {
  const a = index(before);
  const b = index(after);
  const changes: PlanChange[] = [];

  const compare = <T extends PlanProblem | PlanGoal | PlanObjective | PlanIntervention>(
    entity: Entity,
    id: string,
    old: Located<T> | undefined,
    now: Located<T> | undefined,
  ) => {
    const label = (LABELS[entity] as (x: T) => string)((now ?? old)!.item);
    if (!old && now) {
      const fields = fieldsOf(entity, now.item);
      changes.push({
        change: 'added',
        entity,
        id,
        label,
        context: now.context,
        fields: Object.entries(fields).map(([field, value]) => ({ field, before: null, after: value })),
      });
      return;
    }
    if (old && !now) {
      const fields = fieldsOf(entity, old.item);
      changes.push({
        change: 'removed',
        entity,
        id,
        label,
        context: old.context,
        fields: Object.entries(fields).map(([field, value]) => ({ field, before: value, after: null })),
      });
      return;
    }
    if (!old || !now) return;
    const oldFields = fieldsOf(entity, old.item);
    const newFields = fieldsOf(entity, now.item);
    const fields = Object.keys(newFields)
      .filter((f) => !same(oldFields[f] ?? null, newFields[f] ?? null))
      .map((f) => ({ field: f, before: oldFields[f] ?? null, after: newFields[f] ?? null }));
    const parentField = PARENT_FIELD[entity];
    if (parentField && old.parentId !== now.parentId) {
      fields.push({ field: parentField, before: old.parentId, after: now.parentId });
    }
    if (fields.length > 0)
      changes.push({ change: 'changed', entity, id, label, context: now.context, fields });
  };

  for (const p of after.problems) {
    compare('problem', p.id, a.problems.get(p.id), b.problems.get(p.id));
    for (const g of p.goals) {
      compare('goal', g.id, a.goals.get(g.id), b.goals.get(g.id));
      for (const o of g.objectives)
        compare('objective', o.id, a.objectives.get(o.id), b.objectives.get(o.id));
    }
    for (const i of p.interventions)
      compare('intervention', i.id, a.interventions.get(i.id), b.interventions.get(i.id));
  }
  for (const p of before.problems) {
    if (!b.problems.has(p.id)) compare('problem', p.id, a.problems.get(p.id), undefined);
    for (const g of p.goals) {
      if (!b.goals.has(g.id)) compare('goal', g.id, a.goals.get(g.id), undefined);
      for (const o of g.objectives) {
        if (!b.objectives.has(o.id)) compare('objective', o.id, a.objectives.get(o.id), undefined);
      }
    }
    for (const i of p.interventions) {
      if (!b.interventions.has(i.id)) compare('intervention', i.id, a.interventions.get(i.id), undefined);
    }
  }
  return changes;
}

export function countChanges(changes: readonly PlanChange[]) {
  return {
    added: changes.filter((c) => c.change === 'added').length,
    removed: changes.filter((c) => c.change === 'removed').length,
    changed: changes.filter((c) => c.change === 'changed').length,
  };
}
