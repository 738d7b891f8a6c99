import { describe, expect, it } from 'vitest';
import { riskAlertReasons, riskAlertTitle } from './alerts.js';
import { isNewDeterioration, type OutcomePoint, outcomeSeries, summarizeOutcomes } from './outcomes.js';
import { administrationSettings } from './settings.js';

let seq = 0;
function point(total: number | null, day: string): OutcomePoint {
  seq += 1;
  return {
    id: `p${seq}`,
    administeredAt: new Date(`${day}T15:00:00Z`),
    total,
    band: { code: 'x', label: 'x' },
  };
}

describe('outcomeSeries', () => {
  it('orders the points, takes the first as baseline and classifies latest against it', () => {
    const later = point(7, '2026-11-23');
    const first = point(18, '2026-11-02');
    const middle = point(12, '2026-11-09');
    const series = outcomeSeries('phq9', [later, first, middle]);
    expect(series.points.map((p) => p.total)).toEqual([18, 12, 7]);
    expect(series.baseline).toBe(first);
    expect(series.latest).toBe(later);
    expect(series.bands.map((b) => [b.code, b.min, b.max])).toEqual([
      ['minimal', 0, 4],
      ['mild', 5, 9],
      ['moderate', 10, 14],
      ['moderately_severe', 15, 19],
      ['severe', 20, 27],
    ]);
    expect(series.range).toEqual({ min: 0, max: 27 });
    expect(series.change).toMatchObject({
      baseline: 18,
      current: 7,
      difference: -11,
      reliableChange: 'reliable_improvement',
      response: true,
      remission: false,
    });
  });

  it('uses the program’s reliable-change criterion and records it', () => {
    const points = [point(14, '2026-11-02'), point(9, '2026-11-30')];
    expect(outcomeSeries('phq9', points).change?.reliableChange).toBe('no_reliable_change');
    const withLowe = outcomeSeries('phq9', points, { reliableChange: { method: 'threshold', points: 5 } });
    expect(withLowe.change).toMatchObject({ reliableChange: 'reliable_improvement', response: false });
    expect(withLowe.change?.settingsUsed.reliableChange).toMatchObject({
      isDefault: false,
      source: expect.stringMatching(/Löwe/),
    });
  });

  it('has no change with one score, and says why change does not apply', () => {
    const single = outcomeSeries('gad7', [point(12, '2026-11-02')]);
    expect(single).toMatchObject({ change: null, changeNotApplicable: null });
    expect(single.baseline).toBe(single.latest);
    const audit = outcomeSeries('audit', [point(20, '2026-11-02'), point(8, '2026-12-01')]);
    expect(audit.change).toBeNull();
    expect(audit.changeNotApplicable).toMatch(/No reliable-change criterion is set for the AUDIT/);
    const cssrs = outcomeSeries('cssrs-screener', [point(null, '2026-11-02'), point(null, '2026-11-09')]);
    expect(cssrs).toMatchObject({ change: null, range: null });
    expect(cssrs.changeNotApplicable).toMatch(/no total/);
  });
});

describe('isNewDeterioration', () => {
  const baseline = point(8, '2026-11-02');

  it('fires on the way into reliable deterioration (PHQ-9: 6 points by default)', () => {
    expect(
      isNewDeterioration('phq9', {
        baseline,
        previous: point(10, '2026-11-09'),
        current: point(14, '2026-11-16'),
      }),
    ).toMatchObject({
      reliableChange: 'reliable_deterioration',
      difference: 6,
    });
    expect(
      isNewDeterioration('phq9', { baseline, previous: baseline, current: point(13, '2026-11-09') }),
    ).toBeNull();
  });

  it('does not fire again while the patient stays deteriorated, and fires after a recovery', () => {
    expect(
      isNewDeterioration('phq9', {
        baseline,
        previous: point(15, '2026-11-09'),
        current: point(17, '2026-11-16'),
      }),
    ).toBeNull();
    expect(
      isNewDeterioration('phq9', {
        baseline,
        previous: point(11, '2026-11-16'),
        current: point(16, '2026-11-23'),
      }),
    ).not.toBeNull();
  });

  it('treats a second score as new when the only earlier one is the baseline, and never compares a score with itself', () => {
    expect(
      isNewDeterioration('gad7', { baseline, previous: baseline, current: point(14, '2026-11-09') }),
    ).toMatchObject({
      difference: 6,
    });
    expect(isNewDeterioration('gad7', { baseline, previous: null, current: baseline })).toBeNull();
    expect(
      isNewDeterioration('audit', { baseline, previous: null, current: point(30, '2026-11-09') }),
    ).toBeNull();
  });
});

describe('summarizeOutcomes', () => {
  it('counts each class, responders and remissions, and keeps single scores apart', () => {
    const summary = summarizeOutcomes('phq9', [
      {
        patientId: 'a',
        episodeId: 'e1',
        baseline: point(20, '2026-11-02'),
        latest: point(4, '2026-12-01'),
        count: 5,
      },
      {
        patientId: 'b',
        episodeId: 'e2',
        baseline: point(12, '2026-11-02'),
        latest: point(10, '2026-12-01'),
        count: 4,
      },
      {
        patientId: 'c',
        episodeId: 'e3',
        baseline: point(6, '2026-11-02'),
        latest: point(15, '2026-12-01'),
        count: 3,
      },
      { patientId: 'd', episodeId: 'e4', baseline: null, latest: null, count: 0 },
      { patientId: 'e', episodeId: 'e5', baseline: null, latest: null, count: 0 },
    ]);
    expect(summary.counts).toEqual({
      reliable_improvement: 1,
      no_reliable_change: 1,
      reliable_deterioration: 1,
      single_score: 0,
      no_scores: 2,
      not_classified: 0,
    });
    expect(summary).toMatchObject({ responders: 1, remitted: 1 });
    expect(summary.patients.map((p) => [p.patientId, p.classification, p.difference])).toEqual([
      ['a', 'reliable_improvement', -16],
      ['b', 'no_reliable_change', -2],
      ['c', 'reliable_deterioration', 9],
      ['d', 'no_scores', null],
      ['e', 'no_scores', null],
    ]);
  });

  it('marks a patient with one score single_score, and an instrument without criterion not_classified', () => {
    const only = point(12, '2026-11-02');
    const summary = summarizeOutcomes('gad7', [
      { patientId: 'a', episodeId: 'e', baseline: only, latest: only, count: 1 },
    ]);
    expect(summary.counts.single_score).toBe(1);
    const audit = summarizeOutcomes('audit', [
      {
        patientId: 'a',
        episodeId: 'e',
        baseline: point(20, '2026-11-02'),
        latest: point(9, '2026-12-01'),
        count: 2,
      },
    ]);
    expect(audit.counts.not_classified).toBe(1);
    expect(audit.changeNotApplicable).not.toBeNull();
  });
});

describe('risk alerts', () => {
  it('names what happened without the answers or the score', () => {
    const reasons = riskAlertReasons(
      [
        { code: 'suicidal_ideation', severity: 'critical', message: 'm', itemId: 'phq9_9' },
        { code: 'provisional_mdd', severity: 'warning', message: 'm' },
      ],
      null,
    );
    expect(reasons.map((r) => r.code)).toEqual(['suicidal_ideation']);
    expect(riskAlertTitle('phq9', reasons)).toBe('PHQ-9 item 9 answered above zero — review today');
  });

  it('joins a critical answer and a deterioration in one title, and keeps it to 200 characters', () => {
    const deterioration = isNewDeterioration('phq9', {
      baseline: point(5, '2026-11-02'),
      previous: null,
      current: point(20, '2026-11-09'),
    });
    const reasons = riskAlertReasons(
      [{ code: 'suicidal_ideation', severity: 'critical', message: 'm' }],
      deterioration,
    );
    expect(riskAlertTitle('phq9', reasons)).toBe(
      'PHQ-9 item 9 answered above zero; score reliably worse since baseline — review today',
    );
    expect(
      riskAlertTitle(
        'cssrs-screener',
        riskAlertReasons([{ code: 'suicide_risk_high', severity: 'critical', message: 'm' }], null),
      ),
    ).toBe('C-SSRS Screener screen positive, high risk — review today');
    const many = Array.from({ length: 12 }, (_, i) => ({
      code: `unknown_flag_${i}`,
      severity: 'critical' as const,
      message: 'm',
    }));
    const long = riskAlertTitle('phqa', riskAlertReasons(many, null));
    expect(long.length).toBe(200);
    expect(long.endsWith('… — review today')).toBe(true);
    expect(riskAlertReasons([], null)).toEqual([]);
  });
});

describe('administrationSettings', () => {
  it('sets the AUDIT-C sex from the record when known, keeps the organization’s choice otherwise', () => {
    expect(administrationSettings('audit-c', undefined, { sexAssignedAtBirth: 'male' })).toEqual({
      sex: 'male',
    });
    expect(administrationSettings('audit-c', { sex: 'female' }, { sexAssignedAtBirth: 'intersex' })).toEqual({
      sex: 'female',
    });
    expect(
      administrationSettings('audit', { bandSet: 'auditscreen' }, { sexAssignedAtBirth: 'male' }),
    ).toEqual({
      bandSet: 'auditscreen',
    });
  });
});
