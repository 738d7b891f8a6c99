import { describe, expect, it } from 'vitest';
import { recommendLevelOfCare } from './asam.js';
import { type AssessmentContent, levelOfCareProblems, missingForSignature } from './rules.js';
import { ASSESSMENT_SECTIONS, type AssessmentSections } from './sections.js';

function completeSections(): AssessmentSections {
  return Object.fromEntries(
    ASSESSMENT_SECTIONS.map((s) => [
      s.key,
      {
        narrative: `${s.label}: documented.`,
        fields: Object.fromEntries(
          s.fields
            .filter((f) => f.requiredToSign)
            .map((f) => [f.key, f.kind === 'boolean' ? false : (f.choices?.[0]?.value ?? 'x')]),
        ),
      },
    ]),
  );
}

function complete(overrides: Partial<AssessmentContent> = {}): AssessmentContent {
  return {
    sections: completeSections(),
    asam: {
      edition: '3',
      ratings: [0, 0, 2, 1, 1, 1].map((rating, i) => ({ dimension: i + 1, rating, notes: 'Rationale.' })),
    },
    levelOfCare: { chosen: '2.1', overrideReason: null },
    diagnoses: [{ code: 'F33.1' }],
    ...overrides,
  };
}

describe('missingForSignature', () => {
  it('finds nothing missing in a complete assessment', () => {
    expect(missingForSignature(complete())).toEqual([]);
  });

  it('lists every missing section, required field, rating, note, decision and diagnosis', () => {
    const sections = { ...completeSections() } as Record<
      string,
      { narrative: string; fields: Record<string, unknown> }
    >;
    delete sections.legal;
    sections.risk = {
      narrative: 'Discussed.',
      fields: { suicidalIdeation: 'none', homicidalIdeation: null },
    };
    const missing = missingForSignature(
      complete({
        sections: sections as AssessmentSections,
        asam: {
          edition: '3',
          ratings: [
            { dimension: 1, rating: 0, notes: 'ok' },
            { dimension: 2, rating: null, notes: 'ok' },
            { dimension: 3, rating: 2, notes: '  ' },
          ],
        },
        levelOfCare: { chosen: null, overrideReason: null },
        diagnoses: [],
      }),
    );
    expect(missing.map((m) => m.field)).toEqual([
      'sections.legal.narrative',
      'sections.risk.fields.homicidalIdeation',
      'sections.risk.fields.riskLevel',
      'asam.dimension2.rating',
      'asam.dimension3.notes',
      'asam.dimension4.rating',
      'asam.dimension4.notes',
      'asam.dimension5.rating',
      'asam.dimension5.notes',
      'asam.dimension6.rating',
      'asam.dimension6.notes',
      'levelOfCare.chosen',
      'diagnoses',
    ]);
    expect(missing[0]?.message).toBe('Write the legal section.');
  });

  it('needs notes but no rating for fourth-edition dimension 6', () => {
    const ratings = [0, 0, 2, 1, 1].map((rating, i) => ({ dimension: i + 1, rating, notes: 'Why.' }));
    const base = complete({
      asam: { edition: '4', ratings },
      levelOfCare: { chosen: '2.1', overrideReason: null },
    });
    expect(missingForSignature(base).map((m) => m.field)).toEqual(['asam.dimension6.notes']);
    const withNotes = {
      ...base,
      asam: {
        edition: '4' as const,
        ratings: [...ratings, { dimension: 6, rating: null, notes: 'Prefers evenings.' }],
      },
    };
    expect(missingForSignature(withNotes)).toEqual([]);
  });
});

describe('level-of-care override', () => {
  const recommendation = recommendLevelOfCare('3', complete().asam.ratings);

  it('needs a reason of at least 10 characters when the chosen level differs', () => {
    expect(recommendation?.level).toBe('2.1');
    expect(levelOfCareProblems('3', recommendation, { chosen: '2.5', overrideReason: null })).toEqual([
      {
        field: 'levelOfCare.overrideReason',
        message: 'Say why you chose 2.5 rather than the recommended 2.1 (at least 10 characters).',
      },
    ]);
    expect(
      levelOfCareProblems('3', recommendation, { chosen: '2.5', overrideReason: 'too short' }),
    ).toHaveLength(1);
    expect(
      levelOfCareProblems('3', recommendation, {
        chosen: '2.5',
        overrideReason: 'No IOP opening; PHP offers daily structure.',
      }),
    ).toEqual([]);
  });

  it('needs no reason to confirm the recommendation, and refuses a level of the other edition', () => {
    expect(levelOfCareProblems('3', recommendation, { chosen: '2.1', overrideReason: null })).toEqual([]);
    expect(
      levelOfCareProblems('3', recommendation, {
        chosen: '2.7',
        overrideReason: 'Medically managed IOP needed.',
      }),
    ).toEqual([{ field: 'levelOfCare.chosen', message: '2.7 is not a level of the ASAM third edition.' }]);
    expect(levelOfCareProblems('4', null, { chosen: '1', overrideReason: null })[0]?.field).toBe(
      'levelOfCare.chosen',
    );
  });

  it('blocks signing an unexplained override', () => {
    const missing = missingForSignature(complete({ levelOfCare: { chosen: '1', overrideReason: '' } }));
    expect(missing.map((m) => m.field)).toEqual(['levelOfCare.overrideReason']);
  });
});
