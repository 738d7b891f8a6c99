import { describe, expect, it } from 'vitest';
import type { PlanContent } from './content.js';
import { localDateOf, planDue } from './due.js';
import { checkScheduleThread, requiredSessions, type ScheduledSession } from './schedule-thread.js';

const settings = { signDeadlineDays: 7, reviewCadenceDays: 30 };

describe('due dates', () => {
  const base = { admissionDate: '2026-03-02', episodeOpen: true, lastSignedOn: null, settings };

  it('wants the first plan signed within 7 days of admission by default', () => {
    expect(planDue({ ...base, today: '2026-03-02' })).toEqual({
      kind: 'initial_signature',
      dueDate: '2026-03-09',
      state: 'on_track',
      daysLeft: 7,
    });
    expect(planDue({ ...base, today: '2026-03-07' })?.state).toBe('due_soon');
    expect(planDue({ ...base, today: '2026-03-09' })).toMatchObject({ state: 'due_soon', daysLeft: 0 });
    expect(planDue({ ...base, today: '2026-03-10' })).toMatchObject({ state: 'overdue', daysLeft: -1 });
  });

  it('uses the organization’s deadline', () => {
    expect(
      planDue({ ...base, settings: { ...settings, signDeadlineDays: 14 }, today: '2026-03-10' }),
    ).toMatchObject({
      dueDate: '2026-03-16',
      state: 'on_track',
    });
  });

  it('counts reviews from the date the version in effect was signed', () => {
    const signed = { ...base, lastSignedOn: '2026-03-06' };
    expect(planDue({ ...signed, today: '2026-03-20' })).toEqual({
      kind: 'review',
      dueDate: '2026-04-05',
      state: 'on_track',
      daysLeft: 16,
    });
    expect(planDue({ ...signed, today: '2026-03-29' })?.state).toBe('due_soon');
    expect(planDue({ ...signed, today: '2026-04-06' })?.state).toBe('overdue');
    expect(
      planDue({ ...signed, settings: { ...settings, reviewCadenceDays: 14 }, today: '2026-03-20' })?.dueDate,
    ).toBe('2026-03-20');
  });

  it('has nothing due once the episode is closed', () => {
    expect(planDue({ ...base, episodeOpen: false, today: '2026-05-01' })).toBeNull();
  });

  it('reads the signing day in the organization’s zone', () => {
    // 02:30 UTC on 10 March is still 9 March in Chicago.
    expect(localDateOf(new Date('2026-03-10T02:30:00Z'), 'America/Chicago')).toBe('2026-03-09');
  });
});

const content = (interventions: PlanContent['problems'][number]['interventions']): PlanContent => ({
  problems: [
    {
      id: '0190c000-0000-7000-8000-000000000001',
      statement: 'x',
      source: null,
      goals: [],
      interventions,
    },
  ],
});
const iv = (
  n: number,
  modality: PlanContent['problems'][number]['interventions'][number]['modality'],
  times: number,
  per: 'week' | 'month' = 'week',
) => ({
  id: `0190c000-0000-7000-8000-00000000010${n}`,
  modality,
  frequency: { times, per },
  responsibleUserId: null,
  description: '',
});
const session = (
  source: 'group' | 'appointment',
  kind: string,
  day: string,
  status = 'scheduled',
): ScheduledSession => ({
  source,
  kind,
  title: kind,
  start: `${day}T10:00`,
  startUtc: `${day}T15:00:00.000Z`,
  status,
  ref: `${kind}/${day}`,
});

describe('the thread to the schedule', () => {
  const window = { from: '2026-03-02', weeks: 4 };

  it('warns when the plan asks for family therapy and none is booked', () => {
    const result = checkScheduleThread(content([iv(1, 'family_therapy', 1)]), [], window);
    expect(result.to).toBe('2026-03-29');
    expect(result.interventions[0]).toMatchObject({ state: 'none', required: 4, booked: 0 });
    expect(result.warnings).toEqual(['Family therapy weekly — no family session booked in the next 4 weeks']);
  });

  it('counts the sessions of the kinds that deliver each modality', () => {
    const sessions = [
      session('group', 'cbt_skills', '2026-03-02'),
      session('group', 'cbt_skills', '2026-03-04'),
      session('group', 'cbt_skills', '2026-03-06', 'cancelled'),
      session('group', 'dbt_skills', '2026-03-03'),
      session('appointment', 'individual', '2026-03-05'),
      session('appointment', 'individual', '2026-03-12'),
      session('appointment', 'individual', '2026-03-19'),
      session('appointment', 'individual', '2026-03-26'),
      session('appointment', 'individual', '2026-03-30'), // after the window
      session('group', 'family_group', '2026-03-10'),
      session('appointment', 'family', '2026-03-24'),
    ];
    const result = checkScheduleThread(
      content([iv(1, 'group_cbt', 3), iv(2, 'individual_therapy', 1), iv(3, 'family_therapy', 2, 'month')]),
      sessions,
      window,
    );
    const [cbt, individual, family] = result.interventions;
    expect(cbt).toMatchObject({
      state: 'short',
      required: 12,
      booked: 2,
      sessionKinds: ['group:cbt_skills'],
    });
    expect(cbt?.message).toBe('Group CBT 3 times a week — 2 of 12 sessions booked in the next 4 weeks');
    expect(individual).toMatchObject({ state: 'ok', required: 4, booked: 4, message: null });
    expect(individual?.sessions.map((s) => s.ref)).toEqual([
      'individual/2026-03-05',
      'individual/2026-03-12',
      'individual/2026-03-19',
      'individual/2026-03-26',
    ]);
    expect(family).toMatchObject({ state: 'ok', required: 2, booked: 2 });
    expect(result.warnings).toHaveLength(1);
  });

  it('says when an intervention cannot be checked against the schedule', () => {
    const result = checkScheduleThread(
      content([iv(1, 'peer_support', 1), { ...iv(2, null, 1), frequency: null }]),
      [],
      window,
    );
    expect(result.interventions.map((i) => i.state)).toEqual(['not_checkable', 'not_checkable']);
    expect(result.interventions[0]?.message).toContain('check it by hand');
    expect(result.warnings).toEqual([]);
  });

  it('turns a frequency into sessions for the window', () => {
    expect(requiredSessions({ times: 3, per: 'week' }, 4)).toBe(12);
    expect(requiredSessions({ times: 1, per: 'month' }, 4)).toBe(1);
    expect(requiredSessions({ times: 2, per: 'month' }, 4)).toBe(2);
    expect(requiredSessions({ times: 1, per: 'month' }, 1)).toBe(0);
    expect(requiredSessions({ times: 1, per: 'month' }, 12)).toBe(3);
  });
});
