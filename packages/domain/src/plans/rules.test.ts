import { describe, expect, it } from 'vitest';
import { api } from '../index.js';
import type { PlanContent } from './content.js';
import { duplicateIdProblems, normalizeContent } from './content.js';
import { applyReview } from './review.js';
import {
  checkReviewable,
  checkSignAttempt,
  isSupervisor,
  missingSignatures,
  saveEffect,
  statusAfterSignatures,
} from './states.js';
import { draftProblems, missingForPlanSignature } from './validate.js';

let n = 0;
const newId = () => `0190b000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
const STAFF = '0190b000-0000-7000-8000-00000000aaaa';

function complete(): PlanContent {
  return normalizeContent(
    api.PlanContentInput.parse({
      problems: [
        {
          statement: 'Depressed mood most days.',
          source: { kind: 'diagnosis', code: 'F33.1' },
          goals: [
            {
              text: 'I want to enjoy things again.',
              objectives: [
                {
                  text: 'Three pleasant activities a week.',
                  measure: 'Activity log',
                  targetDate: '2026-03-01',
                },
              ],
            },
          ],
          interventions: [
            { modality: 'group_cbt', frequency: { times: 3, per: 'week' }, responsibleUserId: STAFF },
          ],
        },
      ],
    }),
    newId,
  );
}

const ctx = { diagnosisCodes: ['F33.1', 'F10.20'] };
const fields = (content: PlanContent) => missingForPlanSignature(content, ctx).map((p) => p.field);

describe('plan validation', () => {
  it('accepts a complete plan', () => {
    expect(missingForPlanSignature(complete(), ctx)).toEqual([]);
  });

  it('refuses a plan with no problems', () => {
    const problems = missingForPlanSignature({ problems: [] }, ctx);
    expect(problems).toEqual([
      { field: 'problems', message: expect.stringContaining('at least one problem') },
    ]);
  });

  it('needs a target date and a measure on every objective', () => {
    const content = complete();
    const objective = content.problems[0]!.goals[0]!.objectives[0]!;
    objective.targetDate = null;
    objective.measure = '  ';
    expect(fields(content)).toEqual([
      'problems.0.goals.0.objectives.0.measure',
      'problems.0.goals.0.objectives.0.targetDate',
    ]);
  });

  it('needs a goal per problem and an objective per goal', () => {
    const noGoal = complete();
    noGoal.problems[0]!.goals = [];
    expect(fields(noGoal)).toEqual(['problems.0.goals']);
    const noObjective = complete();
    noObjective.problems[0]!.goals[0]!.objectives = [];
    expect(fields(noObjective)).toEqual(['problems.0.goals.0.objectives']);
  });

  it('needs modality, frequency and a responsible staff member on every intervention', () => {
    const content = complete();
    content.problems[0]!.interventions[0] = {
      id: newId(),
      modality: null,
      frequency: null,
      responsibleUserId: null,
      description: '',
    };
    expect(fields(content)).toEqual([
      'problems.0.interventions.0.modality',
      'problems.0.interventions.0.frequency',
      'problems.0.interventions.0.responsibleUserId',
    ]);
    const none = complete();
    none.problems[0]!.interventions = [];
    expect(fields(none)).toEqual(['problems.0.interventions']);
  });

  it('links each problem to an episode diagnosis or an ASAM dimension', () => {
    const unlinked = complete();
    unlinked.problems[0]!.source = null;
    expect(fields(unlinked)).toEqual(['problems.0.source']);
    const other = complete();
    other.problems[0]!.source = { kind: 'diagnosis', code: 'F41.1' };
    expect(missingForPlanSignature(other, ctx)[0]?.message).toContain('not one of this episode’s diagnoses');
    const asam = complete();
    asam.problems[0]!.source = { kind: 'asam', dimension: 5 };
    expect(fields(asam)).toEqual([]);
    const spelled = complete();
    spelled.problems[0]!.source = { kind: 'diagnosis', code: 'f331' };
    expect(fields(spelled)).toEqual([]);
  });

  it('keeps ids that were sent and gives new items one', () => {
    const first = complete();
    const again = normalizeContent(api.PlanContentInput.parse(first), newId);
    expect(again).toEqual(first);
    expect(duplicateIdProblems(first)).toEqual([]);
    const twice = complete();
    twice.problems[0]!.goals[0]!.id = twice.problems[0]!.id;
    expect(duplicateIdProblems(twice)).toEqual([
      { field: 'content.problems.0.goals.0.id', message: 'This id is used twice in the plan.' },
    ]);
  });

  it('refuses a responsible person who is not on staff, even in a draft', () => {
    expect(draftProblems(complete(), new Set([STAFF]))).toEqual([]);
    expect(draftProblems(complete(), new Set())[0]?.field).toBe(
      'content.problems.0.interventions.0.responsibleUserId',
    );
  });
});

describe('version states', () => {
  it('edits a draft in place and starts a new version from a signed one', () => {
    expect(saveEffect('draft', 0)).toBe('edit_draft');
    expect(saveEffect('awaiting_signatures', 0)).toBe('reopen_draft');
    expect(saveEffect('awaiting_signatures', 1)).toBe('void_and_new_version');
    expect(saveEffect('signed', 3)).toBe('new_version');
  });

  it('is signed once clinician and participant signed, and the supervisor when required', () => {
    const both = { clinician: true, participant: true, supervisor: false };
    expect(statusAfterSignatures(both, false)).toBe('signed');
    expect(statusAfterSignatures(both, true)).toBe('awaiting_signatures');
    expect(missingSignatures(both, true)).toEqual(['supervisor']);
    expect(missingSignatures({ clinician: false, participant: false, supervisor: false }, false)).toEqual([
      'clinician',
      'participant',
    ]);
    expect(statusAfterSignatures({ ...both, supervisor: true }, true)).toBe('signed');
  });

  it('models a supervisor as a program director', () => {
    expect(isSupervisor(['director'])).toBe(true);
    expect(isSupervisor(['clinician', 'director'])).toBe(true);
    expect(isSupervisor(['clinician'])).toBe(false);
    expect(isSupervisor(['admin'])).toBe(false);
  });
});

describe('signature rules', () => {
  const none = { clinician: false, participant: false, supervisor: false };
  const clinician = { ...none, clinician: true };

  it('lets the clinician sign a draft, once', () => {
    expect(checkSignAttempt({ slot: 'clinician', status: 'draft', signed: none })).toBeNull();
    expect(
      checkSignAttempt({ slot: 'clinician', status: 'awaiting_signatures', signed: clinician })?.code,
    ).toBe('conflict');
  });

  it('lets the participant sign only a version awaiting signatures', () => {
    expect(checkSignAttempt({ slot: 'participant', status: 'draft', signed: none })?.code).toBe(
      'invalid_state',
    );
    expect(checkSignAttempt({ slot: 'participant', status: 'awaiting_signatures', signed: none })).toBeNull();
    expect(
      checkSignAttempt({
        slot: 'participant',
        status: 'awaiting_signatures',
        signed: { ...none, participant: true },
      })?.code,
    ).toBe('conflict');
  });

  it('refuses signing a signed or voided version', () => {
    expect(checkSignAttempt({ slot: 'participant', status: 'signed', signed: clinician })?.code).toBe(
      'invalid_state',
    );
    expect(checkSignAttempt({ slot: 'clinician', status: 'voided', signed: none })?.code).toBe(
      'invalid_state',
    );
  });

  it('refuses a co-signature by someone who is not a supervisor', () => {
    const error = checkSignAttempt({
      slot: 'supervisor',
      status: 'awaiting_signatures',
      signed: clinician,
      signerIsSupervisor: false,
    });
    expect(error?.code).toBe('forbidden');
    expect(error?.message).toContain('supervisor');
  });

  it('co-signs after the clinician, by someone else, once', () => {
    const base = {
      slot: 'supervisor' as const,
      status: 'awaiting_signatures' as const,
      signerIsSupervisor: true,
    };
    expect(checkSignAttempt({ ...base, signed: none })?.code).toBe('invalid_state');
    expect(checkSignAttempt({ ...base, signed: clinician, signerIsClinicianSigner: true })?.code).toBe(
      'validation',
    );
    expect(checkSignAttempt({ ...base, signed: clinician })).toBeNull();
    expect(
      checkSignAttempt({ ...base, status: 'signed', signed: { ...clinician, participant: true } }),
    ).toBeNull();
    expect(checkSignAttempt({ ...base, signed: { ...clinician, supervisor: true } })?.code).toBe('conflict');
  });
});

describe('reviews', () => {
  it('reviews only a signed plan', () => {
    expect(checkReviewable('draft', null)?.message).toContain('not been signed');
    expect(checkReviewable('awaiting_signatures', null)?.code).toBe('invalid_state');
    expect(checkReviewable('draft', 1)?.message).toContain('newer version');
    expect(checkReviewable('signed', 1)).toBeNull();
  });

  it('records progress per objective into the next version', () => {
    const signed = complete();
    const objective = signed.problems[0]!.goals[0]!.objectives[0]!;
    const outcome = applyReview(signed, [
      { objectiveId: objective.id, status: 'in_progress', note: 'Two of three.' },
    ]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.content.problems[0]!.goals[0]!.objectives[0]!.status).toBe('in_progress');
    expect(outcome.progress).toEqual([
      {
        objectiveId: objective.id,
        status: 'in_progress',
        note: 'Two of three.',
        objectiveText: objective.text,
        previousStatus: 'not_started',
      },
    ]);
    // The signed content is not touched.
    expect(objective.status).toBe('not_started');
  });

  it('needs progress on every open objective and only on objectives of the plan', () => {
    const signed = complete();
    const missing = applyReview(signed, []);
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.problems[0]?.field).toBe('progress');
    const id = signed.problems[0]!.goals[0]!.objectives[0]!.id;
    const unknown = applyReview(signed, [
      { objectiveId: id, status: 'met', note: '' },
      { objectiveId: newId(), status: 'met', note: '' },
      { objectiveId: id, status: 'met', note: '' },
    ]);
    expect(unknown.ok ? [] : unknown.problems.map((p) => p.field)).toEqual([
      'progress.1.objectiveId',
      'progress.2.objectiveId',
    ]);
    signed.problems[0]!.goals[0]!.objectives[0]!.status = 'met';
    expect(applyReview(signed, []).ok).toBe(true);
  });
});
