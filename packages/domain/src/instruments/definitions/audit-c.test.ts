import { describe, expect, it } from 'vitest';
import { scoreInstrument } from '../score.js';
import { expectInvalid } from '../test-support.js';

const auditC = (a: number, b: number, c: number) => ({ auditc_1: a, auditc_2: b, auditc_3: c });

describe('AUDIT-C cut-points (≥4 men, ≥3 women)', () => {
  it.each([
    ['female', 2, 'negative'],
    ['female', 3, 'positive'],
    ['male', 3, 'negative'],
    ['male', 4, 'positive'],
    ['unspecified', 2, 'negative'],
    ['unspecified', 3, 'positive'],
  ] as const)('%s, total %i: %s', (sex, total, band) => {
    const answers = auditC(Math.min(total, 2), Math.max(0, total - 2), 0);
    const result = scoreInstrument('audit-c', answers, { sex });
    expect([result.total, result.band.code]).toEqual([total, band]);
  });

  it('uses the lower cut-point 3 when sex is not given, and records it', () => {
    const result = scoreInstrument('audit-c', auditC(1, 1, 1));
    expect(result.band.code).toBe('positive');
    expect(result.settingsUsed).toEqual({
      sex: { value: 'unspecified', isDefault: true, source: expect.stringContaining('Trellis decision') },
      positiveCutoff: { value: 3, isDefault: true, source: expect.stringContaining('Trellis decision') },
    });
  });

  it("records the men's cut-point and its source", () => {
    const result = scoreInstrument('audit-c', auditC(1, 1, 1), { sex: 'male' });
    expect(result.settingsUsed.positiveCutoff).toEqual({
      value: 4,
      isDefault: false,
      source: expect.stringContaining('US Core'),
    });
  });

  it('spans 0–12', () => {
    expect(scoreInstrument('audit-c', auditC(0, 0, 0)).total).toBe(0);
    expect(scoreInstrument('audit-c', auditC(4, 4, 4)).total).toBe(12);
  });
});

describe('AUDIT-C points from item 1 alone', () => {
  it('notes a positive screen whose points all come from drinking frequency', () => {
    const flags = scoreInstrument('audit-c', auditC(4, 0, 0), { sex: 'male' }).flags;
    expect(flags).toEqual([expect.objectContaining({ code: 'points_from_item1_only', itemId: 'auditc_1' })]);
  });

  it('says nothing when the screen is negative or other items score', () => {
    expect(scoreInstrument('audit-c', auditC(3, 0, 0), { sex: 'male' }).flags).toEqual([]);
    expect(scoreInstrument('audit-c', auditC(2, 1, 0)).flags).toEqual([]);
  });
});

describe('AUDIT-C answers and settings', () => {
  it('rejects a missing item, an AUDIT item 4 and an unknown sex', () => {
    expectInvalid(() => scoreInstrument('audit-c', { auditc_1: 0, auditc_2: 0 }), 'answers.auditc_3');
    expectInvalid(() => scoreInstrument('audit-c', { ...auditC(0, 0, 0), audit_4: 0 }), 'answers.audit_4');
    expectInvalid(() => scoreInstrument('audit-c', auditC(0, 0, 0), { sex: 'other' }), 'settings.sex');
  });
});
