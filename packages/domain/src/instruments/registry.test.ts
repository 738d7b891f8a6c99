import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { getInstrument, listInstruments } from './registry.js';

const defs = listInstruments();

describe('instrument registry', () => {
  it('lists the nine instruments in a stable order', () => {
    expect(defs.map((d) => d.code)).toEqual([
      'phq9',
      'phqa',
      'gad7',
      'pcl5',
      'audit',
      'audit-c',
      'dast10',
      'cssrs-screener',
      'mdq',
    ]);
  });

  it('returns a definition by code and refuses an unknown code with not_found', () => {
    expect(getInstrument('gad7').shortTitle).toBe('GAD-7');
    expect(() => getInstrument('phq-9')).toThrow(DomainError);
    try {
      getInstrument('bdi');
    } catch (error) {
      expect((error as DomainError).code).toBe('not_found');
      expect((error as DomainError).message).toContain('phq9');
    }
  });

  it("hands out frozen definitions, so one caller cannot change another's scoring", () => {
    const def = getInstrument('phq9');
    expect(Object.isFrozen(def)).toBe(true);
    expect(Object.isFrozen(def.items[0]?.options[0])).toBe(true);
  });

  it('ships licensed wording only where DOMAIN.md 1.6 allows it', () => {
    const licensed = defs.filter((d) => d.licensedTextRequired).map((d) => d.code);
    expect(licensed).toEqual(['audit', 'audit-c', 'dast10', 'cssrs-screener', 'mdq']);
    for (const d of defs) expect(d.copyright.length).toBeGreaterThan(20);
  });

  it('carries the LOINC codes DOMAIN.md 1.5 gives, and none it marks unverified', () => {
    const loinc = Object.fromEntries(defs.map((d) => [d.code, d.loinc ?? null]));
    expect(loinc).toEqual({
      phq9: { panel: '44249-1', total: '44261-6' },
      phqa: null,
      gad7: { panel: '69737-5', total: '70274-6' },
      pcl5: null,
      audit: { total: '75624-7' },
      'audit-c': { panel: '72109-2', total: '75626-2' },
      dast10: { total: '82667-7' },
      'cssrs-screener': null,
      mdq: null,
    });
    expect(getInstrument('phq9').items.map((i) => i.loinc)).toEqual([
      '44250-9',
      '44255-8',
      '44259-0',
      '44254-1',
      '44251-7',
      '44258-2',
      '44252-5',
      '44253-3',
      '44260-8',
      '69722-7',
    ]);
  });
});

describe.each(defs.map((d) => [d.code, d] as const))('definition %s is well formed', (_, def) => {
  const ids = def.items.map((i) => i.id);

  it('has unique item ids named after the instrument', () => {
    expect(new Set(ids).size).toBe(ids.length);
    const prefix = def.code.replace(/-screener$/, '').replace('-', '');
    for (const id of ids) expect(id.startsWith(`${prefix}_`)).toBe(true);
  });

  it('has unique option values and labels on every item', () => {
    for (const item of def.items) {
      expect(item.options.length).toBeGreaterThanOrEqual(2);
      expect(new Set(item.options.map((o) => o.value)).size).toBe(item.options.length);
      expect(new Set(item.options.map((o) => o.label)).size).toBe(item.options.length);
    }
  });

  it('branches only on earlier items and on values they offer', () => {
    for (const [index, item] of def.items.entries()) {
      if (!item.askedWhen) continue;
      const parentIndex = ids.indexOf(item.askedWhen.itemId);
      expect(parentIndex).toBeGreaterThanOrEqual(0);
      expect(parentIndex).toBeLessThan(index);
      expect(def.items[parentIndex]?.options.map((o) => o.value)).toContain(item.askedWhen.value);
    }
  });

  it('has bands that cover the total range without gaps or overlaps', () => {
    const ranged = def.bands.filter((b) => b.min !== undefined);
    if (!def.totalRange || ranged.length === 0) return;
    expect(ranged[0]?.min).toBe(def.totalRange.min);
    expect(ranged.at(-1)?.max).toBe(def.totalRange.max);
    for (let i = 1; i < ranged.length; i++) expect(ranged[i]?.min).toBe((ranged[i - 1]?.max ?? NaN) + 1);
  });

  it('names only its own items in flag rules and subscales, and sources every rule', () => {
    for (const rule of def.flagRules) {
      for (const id of rule.itemIds) expect(ids).toContain(id);
      expect(rule.source.length).toBeGreaterThan(10);
    }
    for (const s of def.subscales ?? []) for (const id of s.itemIds) expect(ids).toContain(id);
    for (const s of def.settings) expect(s.source.length).toBeGreaterThan(10);
  });
});
