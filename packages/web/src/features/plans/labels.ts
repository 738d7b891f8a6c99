import {
  ASAM_DIMENSIONS,
  frequencyLabel,
  INTERVENTION_MODALITIES,
  INTERVENTION_MODALITY_LABELS,
  type InterventionModality,
  OBJECTIVE_STATUS_LABELS,
  OBJECTIVE_STATUSES,
  type ObjectiveStatus,
  type PlanVersionStatus,
} from '@trellis/domain';

export const VERSION_STATUS: Record<PlanVersionStatus, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  awaiting_signatures: { label: 'Awaiting signatures', color: 'yellow' },
  signed: { label: 'Signed (in effect)', color: 'green' },
  voided: { label: 'Replaced before signing', color: 'gray' },
};

export const MODALITY_OPTIONS = INTERVENTION_MODALITIES.map((m) => ({
  value: m,
  label: INTERVENTION_MODALITY_LABELS[m],
}));

export const STATUS_OPTIONS = OBJECTIVE_STATUSES.map((s) => ({
  value: s,
  label: OBJECTIVE_STATUS_LABELS[s],
}));

export const SIGNER_LABEL = {
  clinician: 'Clinician',
  participant: 'Participant',
  supervisor: 'Supervisor (co-signature)',
} as const;

export function modalityLabel(modality: string | null | undefined): string {
  return modality
    ? (INTERVENTION_MODALITY_LABELS[modality as InterventionModality] ?? modality)
    : 'Not chosen';
}

export function statusLabel(status: string): string {
  return OBJECTIVE_STATUS_LABELS[status as ObjectiveStatus] ?? status;
}

export function asamLabel(dimension: number): string {
  const name = ASAM_DIMENSIONS['3'].find((d) => d.number === dimension)?.name;
  return `ASAM dimension ${dimension}${name ? `: ${name}` : ''}`;
}

export interface Diagnosis {
  code: string;
  text: string;
}

export function sourceLabel(
  source: { kind: 'diagnosis'; code: string } | { kind: 'asam'; dimension: number } | null,
  diagnoses: readonly Diagnosis[],
): string {
  if (!source) return 'Not linked';
  if (source.kind === 'asam') return asamLabel(source.dimension);
  const text = diagnoses.find((d) => d.code === source.code)?.text;
  return text ? `${text} (${source.code})` : source.code;
}

export { frequencyLabel };

const FIELD_WORDS: Record<string, string> = {
  statement: 'what the problem is',
  source: 'the diagnosis or ASAM dimension it is linked to',
  goals: 'a goal',
  interventions: 'an intervention',
  objectives: 'a measurable objective',
  measure: 'how progress is measured',
  targetDate: 'the target date',
  status: 'the status',
  modality: 'the kind of intervention',
  frequency: 'how often',
  responsibleUserId: 'the responsible staff member',
  description: 'the description',
};

/**
 * Where a field is, in words: "Problem 1 › Goal 2 › Objective 1". `problems.0.goals.1.objectives.0.targetDate`
 * becomes { where: "Problem 1 › Goal 2 › Objective 1", what: "the target date" }.
 */
export function fieldInWords(path: string): { where: string; what: string } {
  const parts = path.replace(/^content\./, '').split('.');
  const where: string[] = [];
  let what = '';
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? '';
    const next = parts[i + 1];
    if (next !== undefined && /^\d+$/.test(next)) {
      const n = Number(next) + 1;
      if (part === 'problems') where.push(`Problem ${n}`);
      else if (part === 'goals') where.push(`Goal ${n}`);
      else if (part === 'objectives') where.push(`Objective ${n}`);
      else if (part === 'interventions') where.push(`Intervention ${n}`);
      i += 1;
    } else {
      what =
        part === 'text'
          ? where.at(-1)?.startsWith('Goal')
            ? 'the goal'
            : 'the objective'
          : (FIELD_WORDS[part] ?? part);
    }
  }
  return { where: where.join(' › ') || 'The plan', what };
}

/** The element that holds a field in the editor (checklist items and server errors move the focus there). */
export function fieldId(path: string): string {
  return `plan-field-${path.replace(/^content\./, '')}`;
}

const DIFF_FIELD: Record<string, string> = {
  statement: 'Problem',
  source: 'Linked to',
  text: 'Text',
  measure: 'Measured by',
  targetDate: 'Target date',
  status: 'Status',
  modality: 'Kind',
  frequency: 'How often',
  responsibleUserId: 'Responsible',
  description: 'Description',
  problemId: 'Moved to another problem',
  goalId: 'Moved to another goal',
};

export function diffFieldLabel(field: string, entity: string): string {
  if (field === 'text') return entity === 'goal' ? 'Goal' : 'Objective';
  return DIFF_FIELD[field] ?? field;
}

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A calendar date (YYYY-MM-DD) as "Dec 30, 2026", read as a local day (no shift across zones). */
export function formatDay(date: string | null | undefined): string {
  if (!date) return 'No date';
  return dateOnly.format(new Date(`${date}T12:00:00`));
}

/** A value from the diff in words. */
export function diffValueText(
  field: string,
  value: unknown,
  names: { staff: ReadonlyMap<string, string>; diagnoses: readonly Diagnosis[] },
): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  switch (field) {
    case 'status':
      return statusLabel(String(value));
    case 'modality':
      return modalityLabel(String(value));
    case 'frequency': {
      const f = value as { times?: number; per?: string };
      return typeof f.times === 'number' && (f.per === 'week' || f.per === 'month')
        ? frequencyLabel({ times: f.times, per: f.per })
        : JSON.stringify(value);
    }
    case 'responsibleUserId':
      return names.staff.get(String(value)) ?? 'A former staff member';
    case 'source': {
      const s = value as { kind?: string; code?: string; dimension?: number };
      if (s.kind === 'asam' && typeof s.dimension === 'number') return asamLabel(s.dimension);
      if (s.kind === 'diagnosis' && typeof s.code === 'string')
        return sourceLabel({ kind: 'diagnosis', code: s.code }, names.diagnoses);
      return JSON.stringify(value);
    }
    case 'targetDate':
      return formatDay(String(value));
    case 'problemId':
    case 'goalId':
      return 'elsewhere';
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
