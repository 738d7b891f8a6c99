import { describe, expect, it } from 'vitest';
import { api } from '../index.js';
import type { PlanContent } from './content.js';
import { countChanges, diffPlanContent } from './diff.js';
import { applyReview } from './review.js';
import { linkProblem, PLAN_STARTER_TEMPLATES, planFromTemplates } from './templates.js';
import { missingForPlanSignature } from './validate.js';

let n = 0;
const newId = () => `0190d000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
const CLINICIAN = '0190d000-0000-7000-8000-00000000aaaa';
const clone = (c: PlanContent): PlanContent => JSON.parse(JSON.stringify(c));
const template = (key: string) => PLAN_STARTER_TEMPLATES.find((t) => t.key === key)!.content;

describe('the starter library', () => {
  it('holds the eight conditions, each valid as a template', () => {
    expect(PLAN_STARTER_TEMPLATES.map((t) => t.key)).toEqual([
      'depression',
      'anxiety',
      'ptsd',
      'bipolar',
      'alcohol-use',
      'opioid-use',
      'stimulant-use',
      'co-occurring',
    ]);
    for (const t of PLAN_STARTER_TEMPLATES) {
      expect(api.TemplateContent.parse(t.content)).toEqual(t.content);
      expect(t.title.length).toBeGreaterThan(0);
    }
  });

  it('fills a draft that needs only the people the clinician chooses', () => {
    for (const t of PLAN_STARTER_TEMPLATES) {
      const content = planFromTemplates([t.content], {
        startDate: '2026-03-02',
        diagnosisCodes: [],
        defaultResponsibleUserId: CLINICIAN,
        newId,
      });
      const missing = missingForPlanSignature(content, { diagnosisCodes: [] });
      // A prescriber and a peer specialist are named by hand; everything else is complete.
      expect(missing.every((p) => p.field.endsWith('responsibleUserId'))).toBe(true);
      expect(api.PlanContent.parse(content)).toEqual(content);
    }
  });

  it('links problems to the episode’s diagnoses, else to an ASAM dimension, and dates objectives', () => {
    const content = planFromTemplates([template('depression'), template('alcohol-use')], {
      startDate: '2026-03-02',
      diagnosisCodes: ['F33.1', 'F10.20'],
      defaultResponsibleUserId: CLINICIAN,
      newId,
    });
    expect(content.problems.map((p) => p.source)).toEqual([
      { kind: 'diagnosis', code: 'F33.1' },
      { kind: 'diagnosis', code: 'F10.20' },
    ]);
    expect(content.problems[0]?.goals[0]?.objectives[0]?.targetDate).toBe('2026-03-30');
    expect(content.problems[0]?.interventions.map((i) => i.responsibleUserId)).toEqual([
      CLINICIAN,
      CLINICIAN,
      null,
    ]);
    expect(linkProblem({ diagnosisPrefixes: ['F10'], asamDimension: 5 }, ['F33.1'])).toEqual({
      kind: 'asam',
      dimension: 5,
    });
    expect(linkProblem({ diagnosisPrefixes: ['F43.1'], asamDimension: null }, ['F43.10'])).toEqual({
      kind: 'diagnosis',
      code: 'F43.10',
    });
    expect(linkProblem({ diagnosisPrefixes: ['F43.1'], asamDimension: null }, [])).toBeNull();
  });
});

describe('version diff', () => {
  const v1 = (): PlanContent =>
    planFromTemplates([template('anxiety')], {
      startDate: '2026-03-02',
      diagnosisCodes: ['F41.1'],
      defaultResponsibleUserId: CLINICIAN,
      newId,
    });

  it('finds nothing between equal versions', () => {
    const a = v1();
    expect(diffPlanContent(a, clone(a))).toEqual([]);
  });

  it('reports field-level changes with before and after', () => {
    const a = v1();
    const b = clone(a);
    const objective = b.problems[0]!.goals[0]!.objectives[1]!;
    objective.status = 'in_progress';
    objective.targetDate = '2026-05-01';
    b.problems[0]!.interventions[0]!.frequency = { times: 3, per: 'week' };
    const changes = diffPlanContent(a, b);
    expect(changes).toEqual([
      {
        change: 'changed',
        entity: 'objective',
        id: objective.id,
        label: objective.text,
        context: [a.problems[0]!.statement, a.problems[0]!.goals[0]!.text],
        fields: [
          {
            field: 'targetDate',
            before: a.problems[0]!.goals[0]!.objectives[1]!.targetDate,
            after: '2026-05-01',
          },
          { field: 'status', before: 'not_started', after: 'in_progress' },
        ],
      },
      {
        change: 'changed',
        entity: 'intervention',
        id: b.problems[0]!.interventions[0]!.id,
        label: 'Group CBT: Worry management, cognitive restructuring and graded exposure.',
        context: [a.problems[0]!.statement],
        fields: [{ field: 'frequency', before: { times: 2, per: 'week' }, after: { times: 3, per: 'week' } }],
      },
    ]);
  });

  it('reports added and removed items with their children, and moves', () => {
    const a = v1();
    const b = clone(a);
    const removedGoal = b.problems[0]!.goals.splice(0, 1)[0]!;
    b.problems[0]!.goals.push({
      id: newId(),
      text: 'I want to drive on the highway again.',
      objectives: [
        {
          id: newId(),
          text: 'Drive one exit.',
          measure: 'Log',
          targetDate: '2026-04-01',
          status: 'not_started',
        },
      ],
    });
    // The new goal takes over one of the removed goal's objectives: a move.
    const moved = removedGoal.objectives[0]!;
    b.problems[0]!.goals[0]!.objectives.push(moved);
    const changes = diffPlanContent(a, b);
    expect(changes.map((c) => `${c.change} ${c.entity}`)).toEqual([
      'added goal',
      'added objective',
      'changed objective',
      'removed goal',
      'removed objective',
      'removed objective',
    ]);
    expect(changes[2]?.fields).toEqual([
      { field: 'goalId', before: removedGoal.id, after: b.problems[0]!.goals[0]!.id },
    ]);
    expect(changes[0]?.fields).toEqual([
      { field: 'text', before: null, after: 'I want to drive on the highway again.' },
    ]);
    expect(countChanges(changes)).toEqual({ added: 2, removed: 3, changed: 1 });
  });

  it('shows a review as status changes in the next version', () => {
    const signed = v1();
    const progress = signed.problems[0]!.goals[0]!.objectives.map((o, i) => ({
      objectiveId: o.id,
      status: i === 0 ? ('met' as const) : ('in_progress' as const),
      note: '',
    }));
    const outcome = applyReview(signed, progress);
    if (!outcome.ok) throw new Error('review refused');
    const changes = diffPlanContent(signed, outcome.content);
    expect(changes).toHaveLength(3);
    expect(changes.every((c) => c.entity === 'objective' && c.fields[0]?.field === 'status')).toBe(true);
  });
});
