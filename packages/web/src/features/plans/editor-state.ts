import type { FrequencyPeriod, InterventionModality, ObjectiveStatus } from '@trellis/domain';
import type { PlanContent, PlanContentInput } from './plans-api';

/**
 * The draft as the editor holds it. Every item has a `key` for React and for matching the
 * server's answer; `id` is the server's, absent until the first save of a new item (the server
 * gives ids; a client may not invent them).
 */
export interface EObjective {
  key: string;
  id?: string;
  text: string;
  measure: string;
  targetDate: string | null;
  status: ObjectiveStatus;
}
export interface EIntervention {
  key: string;
  id?: string;
  modality: InterventionModality | null;
  frequency: { times: number; per: FrequencyPeriod } | null;
  responsibleUserId: string | null;
  description: string;
}
export interface EGoal {
  key: string;
  id?: string;
  text: string;
  objectives: EObjective[];
}
export interface EProblem {
  key: string;
  id?: string;
  statement: string;
  source: { kind: 'diagnosis'; code: string } | { kind: 'asam'; dimension: number } | null;
  goals: EGoal[];
  interventions: EIntervention[];
}

let counter = 0;
export const newKey = () => {
  counter += 1;
  return `new-${counter}`;
};

export function fromContent(content: PlanContent): EProblem[] {
  return content.problems.map((p) => ({
    key: p.id,
    id: p.id,
    statement: p.statement,
    source: p.source,
    goals: p.goals.map((g) => ({
      key: g.id,
      id: g.id,
      text: g.text,
      objectives: g.objectives.map((o) => ({ ...o, key: o.id, status: o.status as ObjectiveStatus })),
    })),
    interventions: p.interventions.map((i) => ({
      key: i.id,
      id: i.id,
      modality: i.modality as InterventionModality | null,
      frequency: i.frequency as EIntervention['frequency'],
      responsibleUserId: i.responsibleUserId,
      description: i.description,
    })),
  }));
}

const withId = <T extends { id?: string }>(item: T) => (item.id ? { id: item.id } : {});

export function toInput(problems: readonly EProblem[]): PlanContentInput {
  return {
    problems: problems.map((p) => ({
      ...withId(p),
      statement: p.statement,
      source: p.source,
      goals: p.goals.map((g) => ({
        ...withId(g),
        text: g.text,
        objectives: g.objectives.map((o) => ({
          ...withId(o),
          text: o.text,
          measure: o.measure,
          targetDate: o.targetDate || null,
          status: o.status,
        })),
      })),
      interventions: p.interventions.map((i) => ({
        ...withId(i),
        modality: i.modality,
        frequency: i.frequency,
        responsibleUserId: i.responsibleUserId,
        description: i.description,
      })),
    })),
  };
}

/** The same shape with keys as ids: what the domain's checks read (they do not look at ids). */
export function toContent(problems: readonly EProblem[]): PlanContent {
  return {
    problems: problems.map((p) => ({
      id: p.key,
      statement: p.statement,
      source: p.source,
      goals: p.goals.map((g) => ({
        id: g.key,
        text: g.text,
        objectives: g.objectives.map((o) => ({
          id: o.key,
          text: o.text,
          measure: o.measure,
          targetDate: o.targetDate || null,
          status: o.status,
        })),
      })),
      interventions: p.interventions.map((i) => ({
        id: i.key,
        modality: i.modality,
        frequency: i.frequency,
        responsibleUserId: i.responsibleUserId,
        description: i.description,
      })),
    })),
  };
}

/**
 * The ids the server gave to new items, by key: the content sent and the content answered have
 * the same shape and order, so items are paired by position.
 */
export function idsGiven(sent: readonly EProblem[], saved: PlanContent): Map<string, string> {
  const ids = new Map<string, string>();
  sent.forEach((p, pi) => {
    const sp = saved.problems[pi];
    if (!sp) return;
    if (!p.id) ids.set(p.key, sp.id);
    p.goals.forEach((g, gi) => {
      const sg = sp.goals[gi];
      if (!sg) return;
      if (!g.id) ids.set(g.key, sg.id);
      g.objectives.forEach((o, oi) => {
        const so = sg.objectives[oi];
        if (so && !o.id) ids.set(o.key, so.id);
      });
    });
    p.interventions.forEach((i, ii) => {
      const si = sp.interventions[ii];
      if (si && !i.id) ids.set(i.key, si.id);
    });
  });
  return ids;
}

/** The editor's content (which may have changed since the save was sent) with the new ids filled in. */
export function applyIds(problems: EProblem[], ids: ReadonlyMap<string, string>): EProblem[] {
  if (ids.size === 0) return problems;
  const fill = <T extends { key: string; id?: string }>(item: T): T =>
    !item.id && ids.has(item.key) ? { ...item, id: ids.get(item.key) as string } : item;
  return problems.map((p) => ({
    ...fill(p),
    goals: p.goals.map((g) => ({ ...fill(g), objectives: g.objectives.map(fill) })),
    interventions: p.interventions.map(fill),
  }));
}

export function emptyObjective(): EObjective {
  return { key: newKey(), text: '', measure: '', targetDate: null, status: 'not_started' };
}
export function emptyGoal(): EGoal {
  return { key: newKey(), text: '', objectives: [emptyObjective()] };
}
export function emptyIntervention(responsibleUserId: string | null): EIntervention {
  return { key: newKey(), modality: null, frequency: null, responsibleUserId, description: '' };
}
export function emptyProblem(responsibleUserId: string | null): EProblem {
  return {
    key: newKey(),
    statement: '',
    source: null,
    goals: [emptyGoal()],
    interventions: [emptyIntervention(responsibleUserId)],
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Three-way merge of one list of items by id: their list, with my edits on top. A field I
 * changed (mine differs from base) takes my value, any other keeps theirs; an item I removed is
 * removed; items I added (no id yet, or unknown to both) come after theirs; items they added stay.
 */
function mergeList<T extends { key: string; id?: string }>(
  base: readonly T[],
  mine: readonly T[],
  theirs: readonly T[],
  fields: readonly (keyof T)[],
  children: (b: T | undefined, m: T, t: T) => Partial<T> = () => ({}),
): T[] {
  const byId = <U extends { id?: string }>(list: readonly U[]) =>
    new Map(list.filter((x) => x.id).map((x) => [x.id as string, x]));
  const b = byId(base);
  const m = byId(mine);
  const out: T[] = [];
  for (const t of theirs) {
    const id = t.id as string;
    const my = m.get(id);
    const was = b.get(id);
    if (!my) {
      if (was) continue; // I removed it
      out.push(t); // they added it
      continue;
    }
    const merged = { ...t, key: my.key };
    for (const f of fields) {
      if (!same(my[f], was?.[f])) merged[f] = my[f];
    }
    out.push({ ...merged, ...children(was, my, t) });
  }
  const known = new Set(theirs.map((t) => t.id));
  for (const my of mine) {
    if (!my.id || (!known.has(my.id) && !b.has(my.id))) out.push(my);
  }
  return out;
}

export function mergeContent(
  base: readonly EProblem[],
  mine: readonly EProblem[],
  theirs: readonly EProblem[],
) {
  return mergeList(base, mine, theirs, ['statement', 'source'], (bp, mp, tp) => ({
    goals: mergeList(bp?.goals ?? [], mp.goals, tp.goals, ['text'], (bg, mg, tg) => ({
      objectives: mergeList(bg?.objectives ?? [], mg.objectives, tg.objectives, [
        'text',
        'measure',
        'targetDate',
        'status',
      ]),
    })),
    interventions: mergeList(bp?.interventions ?? [], mp.interventions, tp.interventions, [
      'modality',
      'frequency',
      'responsibleUserId',
      'description',
    ]),
  }));
}
