import { describe, expect, it } from 'vitest';
import {
  applyIds,
  type EProblem,
  emptyObjective,
  fromContent,
  idsGiven,
  mergeContent,
  toInput,
} from './editor-state';
import type { PlanContent } from './plans-api';

const content: PlanContent = {
  problems: [
    {
      id: 'p1',
      statement: 'Low mood',
      source: { kind: 'diagnosis', code: 'F33.1' },
      goals: [
        {
          id: 'g1',
          text: 'Feel like myself',
          objectives: [
            { id: 'o1', text: 'Walk daily', measure: 'Log', targetDate: '2027-01-10', status: 'not_started' },
            {
              id: 'o2',
              text: 'Call a friend',
              measure: 'Log',
              targetDate: '2027-01-20',
              status: 'not_started',
            },
          ],
        },
      ],
      interventions: [
        {
          id: 'i1',
          modality: 'group_cbt',
          frequency: { times: 3, per: 'week' },
          responsibleUserId: 'u1',
          description: '',
        },
      ],
    },
  ],
};

const edit = (problems: EProblem[], change: (p: EProblem) => void): EProblem[] => {
  const copy = structuredClone(problems);
  const first = copy[0];
  if (first) change(first);
  return copy;
};

describe('plan editor state', () => {
  it('sends ids it was given and leaves them out for new items', () => {
    const problems = edit(fromContent(content), (p) => p.goals[0]?.objectives.push(emptyObjective()));
    const input = toInput(problems);
    const objectives = input.problems?.[0]?.goals?.[0]?.objectives ?? [];
    expect(objectives.map((o) => o.id)).toEqual(['o1', 'o2', undefined]);
    expect(JSON.stringify(input)).not.toContain('"key"');
  });

  it('fills in the ids the server gave to new items, also after more typing', () => {
    const sent = edit(fromContent(content), (p) => p.goals[0]?.objectives.push(emptyObjective()));
    const newKey = sent[0]?.goals[0]?.objectives[2]?.key ?? '';
    const saved = structuredClone(content);
    saved.problems[0]?.goals[0]?.objectives.push({
      id: 'o3',
      text: '',
      measure: '',
      targetDate: null,
      status: 'not_started',
    });
    const ids = idsGiven(sent, saved);
    expect([...ids.entries()]).toEqual([[newKey, 'o3']]);

    // Typed into the new objective while the save was on its way.
    const later = edit(sent, (p) => {
      const objective = p.goals[0]?.objectives[2];
      if (objective) objective.text = 'Sleep by 11';
    });
    const filled = applyIds(later, ids);
    expect(filled[0]?.goals[0]?.objectives[2]).toMatchObject({ id: 'o3', key: newKey, text: 'Sleep by 11' });
  });

  it('merges a stale save by id: my fields on top of theirs, their other changes kept', () => {
    const base = fromContent(content);
    const mine = edit(base, (p) => {
      p.statement = 'Low mood and poor sleep'; // I changed the statement
      const o1 = p.goals[0]?.objectives[0];
      if (o1) o1.status = 'in_progress'; // and objective 1's status
      p.goals[0]?.objectives.splice(1, 1); // and removed objective 2
      p.goals[0]?.objectives.push({ ...emptyObjective(), text: 'Journal' }); // and added one
    });
    const theirs = edit(base, (p) => {
      const o1 = p.goals[0]?.objectives[0];
      if (o1) {
        o1.measure = 'Step counter'; // they changed another field of objective 1
        o1.status = 'met'; // and the same field as I did
      }
      const iv = p.interventions[0];
      if (iv) iv.frequency = { times: 2, per: 'week' };
      p.interventions.push({
        key: 'i2',
        id: 'i2',
        modality: 'family_therapy',
        frequency: null,
        responsibleUserId: null,
        description: '',
      });
    });

    const merged = mergeContent(base, mine, theirs);
    const problem = merged[0];
    expect(problem?.statement).toBe('Low mood and poor sleep');
    const objectives = problem?.goals[0]?.objectives ?? [];
    expect(objectives.map((o) => o.id ?? o.text)).toEqual(['o1', 'Journal']);
    expect(objectives[0]).toMatchObject({ measure: 'Step counter', status: 'in_progress' });
    expect(problem?.interventions.map((i) => i.id)).toEqual(['i1', 'i2']);
    expect(problem?.interventions[0]?.frequency).toEqual({ times: 2, per: 'week' });
  });
});
