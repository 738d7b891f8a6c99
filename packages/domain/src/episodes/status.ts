/**
 * An episode of care moves pending → active → on hold → discharged. Discharge ends it for good:
 * coming back is a readmission, a new episode, so the history of the first stays as it was.
 */
export const EPISODE_STATUSES = ['pending', 'active', 'on_hold', 'discharged'] as const;
export type EpisodeStatus = (typeof EPISODE_STATUSES)[number];

/** Open episodes hold the patient's place in the program: at most one at a time. */
export const OPEN_EPISODE_STATUSES: readonly EpisodeStatus[] = ['pending', 'active', 'on_hold'];

export function isOpen(status: EpisodeStatus): boolean {
  return status !== 'discharged';
}

const ALLOWED: Record<EpisodeStatus, readonly EpisodeStatus[]> = {
  // A pending admission starts, or never starts (discharged with a reason such as did_not_start).
  pending: ['active', 'discharged'],
  active: ['on_hold', 'discharged'],
  on_hold: ['active', 'discharged'],
  discharged: [],
};

const LABEL: Record<EpisodeStatus, string> = {
  pending: 'pending',
  active: 'active',
  on_hold: 'on hold',
  discharged: 'discharged',
};

/** null when the change is allowed; otherwise a message saying what to do instead. */
export function transitionProblem(from: EpisodeStatus, to: EpisodeStatus): string | null {
  if (ALLOWED[from].includes(to)) return null;
  if (from === to) return `The episode is already ${LABEL[to]}.`;
  if (from === 'discharged') {
    return 'This episode is discharged and stays closed. To bring the patient back, admit them again: a readmission starts a new episode and keeps this one as history.';
  }
  const options = ALLOWED[from].map((s) => LABEL[s]).join(' or ');
  return `An episode that is ${LABEL[from]} cannot become ${LABEL[to]}; it can become ${options}.`;
}

export const DISCHARGE_REASONS = [
  'completed',
  'stepped_up',
  'stepped_down',
  'transferred',
  'left_against_advice',
  'lost_contact',
  'did_not_start',
  'administrative',
  'referred_elsewhere',
  'deceased',
  'other',
] as const;
export type DischargeReason = (typeof DISCHARGE_REASONS)[number];

/** The one-open-episode rule, for a caller that knows the patient's episodes. */
export function openEpisodeProblem(
  existing: readonly { id: string; status: EpisodeStatus }[],
  exceptId?: string,
): string | null {
  const open = existing.find((e) => isOpen(e.status) && e.id !== exceptId);
  if (!open) return null;
  return `This patient already has an ${LABEL[open.status]} episode of care. Discharge it first, or move the patient to the new track with a step up or step down, which closes the current episode and opens the next one.`;
}
