import { Temporal } from 'temporal-polyfill';
import type { GroupKind } from '../scheduling/series.js';
import type { PlanContent } from './content.js';
import { interventionsOf } from './content.js';
import {
  type Frequency,
  frequencyLabel,
  INTERVENTION_MODALITY_LABELS,
  type InterventionModality,
} from './model.js';

export type AppointmentKind = 'individual' | 'family' | 'assessment' | 'medication_management';

/**
 * Which sessions deliver each modality: group series by their kind, appointments by theirs.
 * Family therapy counts family appointments and multi-family groups. Peer support has no kind
 * of session in the schedule yet, so it cannot be checked there.
 */
export const MODALITY_SESSION_KINDS: Readonly<
  Record<
    InterventionModality,
    { groups: readonly GroupKind[]; appointments: readonly AppointmentKind[]; noun: string }
  >
> = {
  group_cbt: { groups: ['cbt_skills'], appointments: [], noun: 'CBT skills group' },
  dbt_skills: { groups: ['dbt_skills'], appointments: [], noun: 'DBT skills group' },
  relapse_prevention: { groups: ['relapse_prevention'], appointments: [], noun: 'relapse-prevention group' },
  life_skills: { groups: ['life_skills'], appointments: [], noun: 'life-skills workshop' },
  process_group: { groups: ['process'], appointments: [], noun: 'process group' },
  individual_therapy: { groups: [], appointments: ['individual'], noun: 'individual session' },
  family_therapy: { groups: ['family_group'], appointments: ['family'], noun: 'family session' },
  medication_management: {
    groups: [],
    appointments: ['medication_management'],
    noun: 'medication-management appointment',
  },
  peer_support: { groups: [], appointments: [], noun: 'peer-support session' },
};

export function sessionKindsOf(modality: InterventionModality): string[] {
  const kinds = MODALITY_SESSION_KINDS[modality];
  return [...kinds.groups.map((k) => `group:${k}`), ...kinds.appointments.map((k) => `appointment:${k}`)];
}

/** A session on the participant's schedule, as the scheduling module reads it. */
export interface ScheduledSession {
  source: 'group' | 'appointment';
  kind: string;
  title: string;
  /** Local wall-clock start, 'YYYY-MM-DDTHH:MM'. */
  start: string;
  startUtc: string;
  status: string;
  ref: string;
}

export type ThreadState = 'ok' | 'short' | 'none' | 'not_checkable';

export interface InterventionThread {
  interventionId: string;
  problemId: string;
  modality: InterventionModality | null;
  frequency: Frequency | null;
  sessionKinds: string[];
  required: number;
  booked: number;
  state: ThreadState;
  message: string | null;
  sessions: ScheduledSession[];
}

/** Sessions that will not happen do not deliver anything. */
const COUNTS = (status: string) => status !== 'cancelled' && status !== 'no_show';

/**
 * How many sessions a frequency asks for in a window of whole weeks: times × weeks for a weekly
 * frequency; for a monthly one, times × (days / 30), rounded (2 a month in 4 weeks asks for 2).
 */
export function requiredSessions(frequency: Frequency, weeks: number): number {
  return frequency.per === 'week' ? frequency.times * weeks : Math.round((frequency.times * weeks * 7) / 30);
}

function windowWords(weeks: number): string {
  return weeks === 1 ? 'the next week' : `the next ${weeks} weeks`;
}

/**
 * The thread from plan to schedule: for each intervention, the participant's sessions in the
 * window that deliver it, and a warning where the plan asks for more than the schedule holds
 * ("Family therapy weekly — no family session booked in the next 4 weeks").
 * `sessions` are the participant's sessions from `from` for `weeks` weeks (the caller reads them).
 */
export function checkScheduleThread(
  content: PlanContent,
  sessions: readonly ScheduledSession[],
  window: { from: string; weeks: number },
): { interventions: InterventionThread[]; warnings: string[]; to: string } {
  const to = Temporal.PlainDate.from(window.from)
    .add({ days: window.weeks * 7 - 1 })
    .toString();
  const inWindow = sessions.filter((s) => {
    const day = s.start.slice(0, 10);
    return day >= window.from && day <= to && COUNTS(s.status);
  });
  const interventions: InterventionThread[] = interventionsOf(content).map(({ problem, intervention }) => {
    const base = {
      interventionId: intervention.id,
      problemId: problem.id,
      modality: intervention.modality,
      frequency: intervention.frequency,
    };
    if (!intervention.modality || !intervention.frequency) {
      return {
        ...base,
        sessionKinds: intervention.modality ? sessionKindsOf(intervention.modality) : [],
        required: 0,
        booked: 0,
        state: 'not_checkable',
        message: 'Choose the kind of intervention and how often, to check it against the schedule.',
        sessions: [],
      };
    }
    const kinds = MODALITY_SESSION_KINDS[intervention.modality];
    const sessionKinds = sessionKindsOf(intervention.modality);
    const label = INTERVENTION_MODALITY_LABELS[intervention.modality];
    if (sessionKinds.length === 0) {
      return {
        ...base,
        sessionKinds,
        required: 0,
        booked: 0,
        state: 'not_checkable',
        message: `${label} is not a kind of session the schedule records; check it by hand.`,
        sessions: [],
      };
    }
    const matching = inWindow.filter((s) =>
      s.source === 'group'
        ? (kinds.groups as readonly string[]).includes(s.kind)
        : (kinds.appointments as readonly string[]).includes(s.kind),
    );
    const required = requiredSessions(intervention.frequency, window.weeks);
    const booked = matching.length;
    const heading = `${label} ${frequencyLabel(intervention.frequency)}`;
    let state: ThreadState = 'ok';
    let message: string | null = null;
    if (required > 0 && booked === 0) {
      state = 'none';
      message = `${heading} — no ${kinds.noun} booked in ${windowWords(window.weeks)}`;
    } else if (booked < required) {
      state = 'short';
      message = `${heading} — ${booked} of ${required} sessions booked in ${windowWords(window.weeks)}`;
    }
    return { ...base, sessionKinds, required, booked, state, message, sessions: matching };
  });
  const warnings = interventions.flatMap((i) =>
    (i.state === 'none' || i.state === 'short') && i.message ? [i.message] : [],
  );
  return { interventions, warnings, to };
}
