import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { INQUIRY_STAGES, type InquiryStage } from './stages.js';
import {
  INQUIRY_TRANSITIONS,
  type InquiryFacts,
  type InquiryTransition,
  transitionInquiry,
} from './transition.js';

const NOW = new Date('2026-11-30T15:00:00Z');
const ACTOR = { userId: '0190d6a0-0000-7000-8000-0000000000c1' };
const TOMORROW = '2026-12-01T16:00:00Z';

/** Facts under which every precondition holds, so only the jump itself is judged. */
const ready = (stage: InquiryStage): InquiryFacts => ({
  stage,
  hasScreening: true,
  hasBenefitCheck: true,
  selfPay: false,
});

/** A request carrying what its target stage needs. */
function requestFor(to: InquiryStage): InquiryTransition {
  switch (to) {
    case 'assessment_booked':
      return { to, assessmentAt: TOMORROW };
    case 'closed':
      return { to, reason: 'no_response' };
    case 'admitted':
      return { to, patientId: 'p', episodeId: 'e' };
    default:
      return { to };
  }
}

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

// The allowed moves, written out by hand (from → to): everything else is an invalid jump.
const ALLOWED = new Set([
  'new→contacted',
  'new→closed',
  'contacted→screened',
  'contacted→new',
  'contacted→closed',
  'screened→benefits_checked',
  'screened→contacted',
  'screened→closed',
  'benefits_checked→assessment_booked',
  'benefits_checked→screened',
  'benefits_checked→closed',
  'assessment_booked→admitted',
  'assessment_booked→assessment_booked',
  'assessment_booked→benefits_checked',
  'assessment_booked→closed',
  'closed→new',
]);

const PAIRS = INQUIRY_STAGES.flatMap((from) => INQUIRY_STAGES.map((to) => ({ from, to })));

describe('transitionInquiry', () => {
  it('has the hand-written table as its table', () => {
    const table = INQUIRY_STAGES.flatMap((from) => INQUIRY_TRANSITIONS[from].map((to) => `${from}→${to}`));
    expect(new Set(table)).toEqual(ALLOWED);
  });

  it.each(PAIRS.filter(({ from, to }) => ALLOWED.has(`${from}→${to}`)))(
    'allows $from → $to',
    ({ from, to }) => {
      const outcome = transitionInquiry(ready(from), requestFor(to), NOW, ACTOR);
      expect(outcome.changes.stage).toBe(to);
      expect(outcome.changes.stageChangedAt).toEqual(NOW);
      expect(outcome.change).toMatchObject({
        fromStage: from,
        toStage: to,
        changedBy: ACTOR.userId,
        changedAt: NOW,
      });
    },
  );

  it.each(PAIRS.filter(({ from, to }) => !ALLOWED.has(`${from}→${to}`)))(
    'refuses the jump $from → $to, naming both stages',
    ({ from, to }) => {
      const error = errorOf(() => transitionInquiry(ready(from), requestFor(to), NOW, ACTOR));
      expect(error.code).toBe('invalid_state');
      if (from === to) {
        expect(error.message).toMatch(/already at/);
      } else {
        expect(error.message).toContain(`“${labelOf(from)}”`);
        expect(error.message).toContain(`“${labelOf(to)}”`);
      }
    },
  );

  it('says what must happen first when skipping ahead', () => {
    const error = errorOf(() =>
      transitionInquiry(ready('contacted'), { to: 'benefits_checked' }, NOW, ACTOR),
    );
    expect(error.message).toBe(
      'This inquiry is at “Contacted”, so it cannot move to “Benefits checked”. First record the phone screening and move it to “Screened”.',
    );
  });

  it('needs a recorded screening to reach screened', () => {
    const facts = { ...ready('contacted'), hasScreening: false };
    const error = errorOf(() => transitionInquiry(facts, { to: 'screened' }, NOW, ACTOR));
    expect(error.code).toBe('invalid_state');
    expect(error.message).toMatch(/record the phone screening/);
  });

  it('needs a benefit check or an explicit self-pay decision to reach benefits_checked', () => {
    const facts = { ...ready('screened'), hasBenefitCheck: false };
    const error = errorOf(() => transitionInquiry(facts, { to: 'benefits_checked' }, NOW, ACTOR));
    expect(error.code).toBe('invalid_state');
    expect(error.message).toMatch(/“Screened”.*“Benefits checked”.*benefit check.*self-pay/);

    const selfPay = transitionInquiry(facts, { to: 'benefits_checked', selfPay: true }, NOW, ACTOR);
    expect(selfPay.changes).toMatchObject({ stage: 'benefits_checked', selfPay: true });
    const decided = transitionInquiry({ ...facts, selfPay: true }, { to: 'benefits_checked' }, NOW, ACTOR);
    expect(decided.changes.stage).toBe('benefits_checked');
    // self-pay false is not a decision to skip the check
    expect(() => transitionInquiry(facts, { to: 'benefits_checked', selfPay: false }, NOW, ACTOR)).toThrow(
      DomainError,
    );
  });

  it('needs the date and time to book an assessment, within sensible bounds', () => {
    const facts = ready('benefits_checked');
    for (const assessmentAt of [undefined, 'next tuesday', '2026-12-01']) {
      const error = errorOf(() =>
        transitionInquiry(facts, { to: 'assessment_booked', assessmentAt }, NOW, ACTOR),
      );
      expect(error.code).toBe('validation');
      expect(error.errors[0]?.field).toBe('assessmentAt');
    }
    expect(
      errorOf(() =>
        transitionInquiry(
          facts,
          { to: 'assessment_booked', assessmentAt: '2026-09-01T10:00:00Z' },
          NOW,
          ACTOR,
        ),
      ).message,
    ).toMatch(/more than 30 days ago/);
    expect(
      errorOf(() =>
        transitionInquiry(
          facts,
          { to: 'assessment_booked', assessmentAt: '2028-01-01T10:00:00Z' },
          NOW,
          ACTOR,
        ),
      ).message,
    ).toMatch(/more than a year ahead/);
    const booked = transitionInquiry(facts, { to: 'assessment_booked', assessmentAt: TOMORROW }, NOW, ACTOR);
    expect(booked.changes.assessmentAt).toEqual(new Date(TOMORROW));
    expect(booked.change.assessmentAt).toEqual(new Date(TOMORROW));
  });

  it('reschedules a booked assessment and clears the booking when stepping back or closing', () => {
    const later = '2026-12-03T16:00:00Z';
    const moved = transitionInquiry(
      ready('assessment_booked'),
      { to: 'assessment_booked', assessmentAt: later },
      NOW,
      ACTOR,
    );
    expect(moved.changes.assessmentAt).toEqual(new Date(later));
    expect(
      transitionInquiry(ready('assessment_booked'), { to: 'benefits_checked' }, NOW, ACTOR).changes
        .assessmentAt,
    ).toBeNull();
    expect(
      transitionInquiry(ready('assessment_booked'), { to: 'closed', reason: 'not_a_fit' }, NOW, ACTOR).changes
        .assessmentAt,
    ).toBeNull();
  });

  it('admits only with the patient and the episode the admission created', () => {
    const error = errorOf(() =>
      transitionInquiry(ready('assessment_booked'), { to: 'admitted' }, NOW, ACTOR),
    );
    expect(error.code).toBe('invalid_state');
    expect(error.message).toMatch(/admitting the person into a track/);
    const admitted = transitionInquiry(
      ready('assessment_booked'),
      { to: 'admitted', patientId: 'p1', episodeId: 'e1' },
      NOW,
      ACTOR,
    );
    expect(admitted.changes).toMatchObject({ stage: 'admitted', episodeId: 'e1' });
  });

  it('closes with a reason, and with words when the reason is other', () => {
    const facts = ready('contacted');
    expect(errorOf(() => transitionInquiry(facts, { to: 'closed' }, NOW, ACTOR)).errors[0]?.field).toBe(
      'reason',
    );
    expect(
      errorOf(() => transitionInquiry(facts, { to: 'closed', reason: 'other', reasonText: '  ' }, NOW, ACTOR))
        .errors[0]?.field,
    ).toBe('reasonText');
    const closed = transitionInquiry(
      facts,
      { to: 'closed', reason: 'other', reasonText: ' Moved away ' },
      NOW,
      ACTOR,
    );
    expect(closed.changes).toMatchObject({
      stage: 'closed',
      closedReason: 'other',
      closedReasonText: 'Moved away',
    });
    expect(closed.change).toMatchObject({ reason: 'other', reasonText: 'Moved away' });
  });

  it('reopens a closed inquiry at new and forgets the close reason', () => {
    const reopened = transitionInquiry(ready('closed'), { to: 'new' }, NOW, ACTOR);
    expect(reopened.changes).toMatchObject({ stage: 'new', closedReason: null, closedReasonText: null });
  });

  it('refuses details that belong to another target stage', () => {
    const error = errorOf(() =>
      transitionInquiry(ready('new'), { to: 'contacted', assessmentAt: TOMORROW }, NOW, ACTOR),
    );
    expect(error.code).toBe('validation');
    expect(error.errors[0]?.field).toBe('assessmentAt');
    expect(
      errorOf(() =>
        transitionInquiry(
          ready('screened'),
          { to: 'closed', reason: 'other', selfPay: true, reasonText: 'x' },
          NOW,
          ACTOR,
        ),
      ).errors[0]?.field,
    ).toBe('selfPay');
  });
});

function labelOf(stage: InquiryStage): string {
  return {
    new: 'New',
    contacted: 'Contacted',
    screened: 'Screened',
    benefits_checked: 'Benefits checked',
    assessment_booked: 'Assessment booked',
    admitted: 'Admitted',
    closed: 'Closed',
  }[stage];
}
