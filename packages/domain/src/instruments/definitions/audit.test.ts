import { describe, expect, it } from 'vitest';
import { getInstrument } from '../registry.js';
import { scoreInstrument } from '../score.js';
import { answersForTotal, expectInvalid, lowestAnswers } from '../test-support.js';

const audit = (values: Record<number, number>) =>
  lowestAnswers('audit', Object.fromEntries(Object.entries(values).map(([n, v]) => [`audit_${n}`, v])));

describe('AUDIT items 9 and 10 (three answers scored 0, 2, 4)', () => {
  it('prints and scores 0, 2 and 4', () => {
    const def = getInstrument('audit');
    for (const id of ['audit_9', 'audit_10']) {
      expect(def.items.find((i) => i.id === id)?.options.map((o) => o.value)).toEqual([0, 2, 4]);
    }
    expect(scoreInstrument('audit', audit({ 9: 2, 10: 4 })).total).toBe(6);
  });

  it.each([1, 3, 5])('rejects %i on items 9 and 10', (value) => {
    expectInvalid(() => scoreInstrument('audit', audit({ 9: value })), 'answers.audit_9');
    expectInvalid(() => scoreInstrument('audit', audit({ 10: value })), 'answers.audit_10');
  });

  it('accepts 0–4 on items 1–8 and rejects 5', () => {
    expect(scoreInstrument('audit', audit({ 1: 4, 8: 4 })).total).toBe(8);
    expectInvalid(() => scoreInstrument('audit', audit({ 8: 5 })), 'answers.audit_8');
  });
});

describe('AUDIT WHO risk zones (default)', () => {
  it.each([
    [0, 'zone_1'],
    [7, 'zone_1'],
    [8, 'zone_2'],
    [15, 'zone_2'],
    [16, 'zone_3'],
    [19, 'zone_3'],
    [20, 'zone_4'],
    [40, 'zone_4'],
  ])('total %i is %s', (total, band) => {
    const result = scoreInstrument('audit', answersForTotal('audit', total));
    expect([result.total, result.band.code]).toEqual([total, band]);
    expect(result.settingsUsed.bandSet).toEqual({
      value: 'who-zones',
      isDefault: true,
      source: expect.stringContaining('WHO 2001'),
    });
  });
});

describe('AUDIT auditscreen.org categories (setting bandSet)', () => {
  it.each([
    [0, 'abstainer'],
    [1, 'low_risk'],
    [7, 'low_risk'],
    [8, 'hazardous_harmful'],
    [14, 'hazardous_harmful'],
    [15, 'likely_dependence'],
    [40, 'likely_dependence'],
  ])('total %i is %s, with the band set on record', (total, band) => {
    const result = scoreInstrument('audit', answersForTotal('audit', total), { bandSet: 'auditscreen' });
    expect(result.band.code).toBe(band);
    expect(result.settingsUsed.bandSet).toEqual({
      value: 'auditscreen',
      isDefault: false,
      source: expect.stringContaining('auditscreen.org'),
    });
  });

  it('refuses an unknown band set', () => {
    expectInvalid(() => scoreInstrument('audit', audit({}), { bandSet: 'nhs' }), 'settings.bandSet');
  });
});

describe('AUDIT domains and the escalation rule', () => {
  it('reports consumption, dependence and harm sub-totals', () => {
    const result = scoreInstrument('audit', audit({ 1: 2, 2: 1, 3: 1, 4: 1, 7: 1, 10: 2 }));
    expect(result.total).toBe(8);
    expect(result.subscales).toEqual({ consumption: 4, dependence: 1, harm: 3 });
  });

  it.each([4, 5, 6])('raises one level for 2 or more on item %i', (n) => {
    const result = scoreInstrument('audit', audit({ [n]: 2 }));
    expect(result.band.code).toBe('zone_1');
    expect(result.flags).toEqual([
      expect.objectContaining({ code: 'next_level_indicated', severity: 'warning', itemId: `audit_${n}` }),
    ]);
    expect(result.flags[0]?.message).toContain('Zone II');
  });

  it('raises one level for 4 on item 9 or 10, not for 2', () => {
    expect(scoreInstrument('audit', audit({ 9: 4 })).flags.map((f) => f.itemId)).toEqual(['audit_9']);
    expect(scoreInstrument('audit', audit({ 10: 4 })).flags.map((f) => f.itemId)).toEqual(['audit_10']);
    expect(scoreInstrument('audit', audit({ 9: 2, 10: 2 })).flags).toEqual([]);
    expect(scoreInstrument('audit', audit({ 4: 1, 5: 1, 6: 1 })).flags).toEqual([]);
  });

  it('says so when the patient is already in the highest zone', () => {
    const result = scoreInstrument('audit', answersForTotal('audit', 40));
    expect(result.band.code).toBe('zone_4');
    expect(result.flags[0]?.message).toContain('already at the highest level');
  });
});

describe('AUDIT licensing', () => {
  it('ships our own labels and asks for the licensed wording', () => {
    expect(getInstrument('audit').licensedTextRequired).toBe(true);
  });
});
