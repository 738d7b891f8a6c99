import type { Actor } from '../access/can.js';
import { DomainError } from '../errors.js';
import {
  CLOSE_REASONS,
  type CloseReason,
  INQUIRY_STAGE_LABELS,
  INQUIRY_STAGES,
  type InquiryStage,
} from './stages.js';

/** What the pipeline needs to know of an inquiry to judge a move. */
export interface InquiryFacts {
  stage: InquiryStage;
  /** A pre-admission phone screening is on file. */
  hasScreening: boolean;
  /** A benefit check is recorded on one of the inquiry's coverages. */
  hasBenefitCheck: boolean;
  /** The person (or the program) decided to go without insurance. */
  selfPay: boolean;
}

/** The requested move, with what the target stage needs. */
export interface InquiryTransition {
  to: InquiryStage;
  /** benefits_checked: go on without a benefit check because the person pays themselves. */
  selfPay?: boolean | undefined;
  /** assessment_booked: when the initial assessment takes place (an instant, ISO 8601). */
  assessmentAt?: string | undefined;
  /** closed: why. */
  reason?: CloseReason | undefined;
  /** closed with reason other: in words. */
  reasonText?: string | undefined;
  /** admitted: the patient and the episode of care the admission created. */
  patientId?: string | undefined;
  episodeId?: string | undefined;
}

export interface InquiryStageChange {
  fromStage: InquiryStage;
  toStage: InquiryStage;
  changedBy: string;
  changedAt: Date;
  reason: CloseReason | null;
  reasonText: string | null;
  assessmentAt: Date | null;
}

export interface TransitionOutcome {
  /** The columns of the inquiry that change. */
  changes: {
    stage: InquiryStage;
    stageChangedAt: Date;
    assessmentAt?: Date | null;
    selfPay?: boolean;
    closedReason: CloseReason | null;
    closedReasonText: string | null;
    episodeId?: string;
  };
  /** The row of the stage history. */
  change: InquiryStageChange;
}

/**
 * Where each stage may go. Forward one stage at a time (each stage means something was done),
 * back one stage to correct a mistake, closed from any open stage, and reopened from closed.
 * assessment_booked → assessment_booked reschedules the assessment.
 */
export const INQUIRY_TRANSITIONS: Record<InquiryStage, readonly InquiryStage[]> = {
  new: ['contacted', 'closed'],
  contacted: ['screened', 'new', 'closed'],
  screened: ['benefits_checked', 'contacted', 'closed'],
  benefits_checked: ['assessment_booked', 'screened', 'closed'],
  assessment_booked: ['admitted', 'assessment_booked', 'benefits_checked', 'closed'],
  admitted: [],
  closed: ['new'],
};

/** What must happen at each stage before the inquiry can go on. */
const NEXT_STEP: Record<InquiryStage, string> = {
  new: 'mark it “Contacted” once you have reached the person',
  contacted: 'record the phone screening and move it to “Screened”',
  screened: 'record a benefit check (or decide on self-pay) and move it to “Benefits checked”',
  benefits_checked: 'book the initial assessment (date and time) and move it to “Assessment booked”',
  assessment_booked: 'admit the person into a track',
  admitted: '',
  closed: 'reopen it (it goes back to “New”)',
};

/** How far back a booked assessment may lie: recording a booking a few days late is normal. */
const ASSESSMENT_PAST_DAYS = 30;
const ASSESSMENT_FUTURE_DAYS = 366;
const REASON_TEXT_MAX = 500;

const label = (stage: InquiryStage) => `“${INQUIRY_STAGE_LABELS[stage]}”`;

function refuse(message: string): DomainError {
  return new DomainError('invalid_state', message);
}

function refuseJump(from: InquiryStage, to: InquiryStage): DomainError {
  if (from === to) return refuse(`This inquiry is already at ${label(from)}.`);
  if (from === 'admitted') {
    return refuse(
      `This inquiry is at ${label(from)}, so it cannot move to ${label(to)}: the person is admitted, and their story continues in the patient’s chart.`,
    );
  }
  return refuse(
    `This inquiry is at ${label(from)}, so it cannot move to ${label(to)}. First ${NEXT_STEP[from]}.`,
  );
}

function assessmentInstant(value: string | undefined, now: Date): Date {
  const at = value === undefined ? null : new Date(value);
  if (!at || Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value ?? '')) {
    throw DomainError.invalid(
      'assessmentAt',
      'Give the date and time of the initial assessment to move the inquiry to “Assessment booked”.',
    );
  }
  const days = (at.getTime() - now.getTime()) / 86_400_000;
  if (days < -ASSESSMENT_PAST_DAYS) {
    throw DomainError.invalid(
      'assessmentAt',
      `That is more than ${ASSESSMENT_PAST_DAYS} days ago. Check the date of the assessment.`,
    );
  }
  if (days > ASSESSMENT_FUTURE_DAYS) {
    throw DomainError.invalid('assessmentAt', 'That is more than a year ahead. Check the year.');
  }
  return at;
}

/** Fields that only make sense for one target stage: sending them elsewhere is a client mistake. */
function refuseStrayFields(request: InquiryTransition) {
  const stray: [keyof InquiryTransition, InquiryStage[]][] = [
    ['selfPay', ['benefits_checked']],
    ['assessmentAt', ['assessment_booked']],
    ['reason', ['closed']],
    ['reasonText', ['closed']],
  ];
  for (const [field, targets] of stray) {
    if (request[field] !== undefined && !targets.includes(request.to)) {
      throw DomainError.invalid(
        field,
        `${field} applies only when moving to ${targets.map(label).join(' or ')}. Leave it out.`,
      );
    }
  }
}

/**
 * Judges a stage change and returns what to write: the inquiry's new columns and the history
 * row. Refuses an invalid jump (409) naming the current and the requested stage and what must
 * happen first, and a move whose needed details are missing (422, field named).
 */
export function transitionInquiry(
  inquiry: InquiryFacts,
  request: InquiryTransition,
  now: Date,
  actor: Pick<Actor, 'userId'>,
): TransitionOutcome {
  const from = inquiry.stage;
  const to = request.to;
  if (!INQUIRY_STAGES.includes(to)) throw DomainError.invalid('to', 'Choose a stage of the pipeline.');
  if (!INQUIRY_TRANSITIONS[from].includes(to)) throw refuseJump(from, to);
  refuseStrayFields(request);

  const changes: TransitionOutcome['changes'] = {
    stage: to,
    stageChangedAt: now,
    closedReason: null,
    closedReasonText: null,
  };
  let reason: CloseReason | null = null;
  let reasonText: string | null = null;
  let assessmentAt: Date | null = null;

  switch (to) {
    case 'screened':
      if (from === 'contacted' && !inquiry.hasScreening) {
        throw refuse(
          `This inquiry is at ${label(from)}, so it cannot move to ${label(to)} yet. First record the phone screening.`,
        );
      }
      break;
    case 'benefits_checked': {
      const selfPay = inquiry.selfPay || request.selfPay === true;
      if (from === 'screened' && !inquiry.hasBenefitCheck && !selfPay) {
        throw refuse(
          `This inquiry is at ${label(from)}, so it cannot move to ${label(to)} yet. First record a benefit check on its insurance, or decide on self-pay (send selfPay: true).`,
        );
      }
      if (request.selfPay !== undefined) changes.selfPay = request.selfPay;
      break;
    }
    case 'assessment_booked':
      assessmentAt = assessmentInstant(request.assessmentAt, now);
      changes.assessmentAt = assessmentAt;
      break;
    case 'admitted':
      if (!request.patientId || !request.episodeId) {
        throw refuse(
          `This inquiry is at ${label(from)}; it moves to ${label(to)} by admitting the person into a track (Admit), which creates the patient if needed and the episode of care.`,
        );
      }
      changes.episodeId = request.episodeId;
      break;
    case 'closed':
      if (!request.reason || !CLOSE_REASONS.includes(request.reason)) {
        throw DomainError.invalid(
          'reason',
          'Choose why the inquiry is closed: not a fit, referred elsewhere, no response, chose another program, or other.',
        );
      }
      reason = request.reason;
      reasonText = request.reasonText?.trim() || null;
      if (reason === 'other' && !reasonText) {
        throw DomainError.invalid('reasonText', 'Say in a few words why the inquiry is closed.');
      }
      if (reasonText && reasonText.length > REASON_TEXT_MAX) {
        throw DomainError.invalid('reasonText', `Use at most ${REASON_TEXT_MAX} characters.`);
      }
      changes.closedReason = reason;
      changes.closedReasonText = reasonText;
      break;
    default:
      break;
  }
  // Leaving "assessment booked" for an earlier stage or closing means the booking no longer holds.
  if (from === 'assessment_booked' && (to === 'benefits_checked' || to === 'closed')) {
    changes.assessmentAt = null;
  }

  return {
    changes,
    change: {
      fromStage: from,
      toStage: to,
      changedBy: actor.userId,
      changedAt: now,
      reason,
      reasonText,
      assessmentAt,
    },
  };
}
