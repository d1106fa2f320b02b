import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/case/schema.js';
import {
  analyzeBalance,
  analyzeLandscape,
  analyzeTipping,
  caseDraws,
  createRng,
  drawCase,
  evidenceShares,
  loadCase,
  projectSigned,
  resolveAnalysisOptions,
} from '../../src/index.js';
import { builtinCase as builtin } from '../simulation/helpers.js';

const _ROOT = resolve(import.meta.dirname, '../../../..');

/** A hand-sized case: one sentence (¶1.1) read as three relations, one relation with its own. */
const SMALL = `
format: entente/1
id: small
title: Shared evidence
sources:
  - { id: s, title: A source, author: Someone, kind: essay, date: 2020 }
actors:
  - { id: a, name: A, kind: state, size: { value: 1 } }
  - { id: b, name: B, kind: state, size: { value: 1 } }
  - { id: c, name: C, kind: regime, size: { value: 1 } }
relations:
  - from: a
    to: c
    type: hosting
    weight: 0.9
    confidence: 0.5
    evidence: [{ source: s, paragraph: 1, sentence: 1, paraphrase: x }]
  - from: a
    to: c
    type: lobbying
    weight: 0.6
    evidence: [{ source: s, paragraph: 1, sentence: 1, paraphrase: x }]
  - from: a
    to: c
    type: mediation
    weight: 0.3
    evidence: [{ source: s, paragraph: 1, sentence: 1, paraphrase: x }]
  - from: b
    to: c
    type: aid
    weight: 0.5
    confidence: 0.8
    evidence:
      - { source: s, paragraph: 1, sentence: 2, paraphrase: x }
      - { source: s, paragraph: 1, sentence: 1, paraphrase: x }
  - from: a
    to: b
    type: rivalry
    weight: 0.4
`;

function small(): Case {
  const r = loadCase(SMALL);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.case;
}

describe('evidence shares', () => {
  it('one sentence cited by k relations gives each 1/k; a relation with its own sentence keeps 1', () => {
    // ¶1.1 is cited by relations 0–3 (k = 4), ¶1.2 by relation 3 alone; relation 4 cites nothing.
    expect([...evidenceShares(small().relations)]).toEqual([0.25, 0.25, 0.25, 1, 1]);
  });

  it('the projection combines expected strengths: sign × weight × share × confidence', () => {
    const p = projectSigned(small());
    const tie = (x: string, y: string) => p.ties.find((t) => t.source === x && t.target === y);
    // a–c: (0.9·0.5 + 0.6 + 0.3) / 4 = 0.3375; b–c: 0.5 · 1 · 0.8 = 0.4; a–b: −0.4.
    expect(tie('a', 'c')?.weight).toBeCloseTo(0.3375, 12);
    expect(tie('b', 'c')?.weight).toBeCloseTo(0.4, 12);
    expect(tie('a', 'b')?.sign).toBe(-1);
  });
});

describe('case draws', () => {
  it('caseDraws equals the projection of drawCase for the same generator, draw by draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const c = builtin();
        const fast = caseDraws(c, { n: 3, seed, at: '2023' });
        const rng = createRng(seed);
        // Same ties, sign and weight (order may differ: a pair is listed at its first relation present).
        const rows = (p: ReturnType<typeof projectSigned>) =>
          p.ties
            .map((t) => [`${t.source}|${t.target}`, t.sign, Math.round(t.weight * 1e12)] as const)
            .sort((x, y) => (x[0] < y[0] ? -1 : 1));
        for (const p of fast)
          expect(rows(p)).toEqual(rows(projectSigned(drawCase(c, rng), { at: '2023' })));
      }),
      { numRuns: 20 },
    );
  });

  it('a relation of confidence q is present in about q of the draws (binomial, 4 sd)', () => {
    const c = small();
    const n = 4000;
    const rng = createRng(7);
    let hosting = 0;
    for (let j = 0; j < n; j++)
      if (drawCase(c, rng).relations.some((r) => r.type === 'hosting')) hosting++;
    expect(Math.abs(hosting / n - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / n));
  });

  it('drawCase keeps relations without confidence and strips it from those kept', () => {
    const d = drawCase(small(), createRng(1));
    expect(d.relations.filter((r) => r.type === 'rivalry')).toHaveLength(1);
    for (const r of d.relations) expect(r.confidence).toBeUndefined();
  });

  it('rejects a bad number of draws', () => {
    expect(() => caseDraws(small(), { n: 0 })).toThrow(/^caseDraws: draws must be/);
  });
});

describe('weight uncertainty (weightRange)', () => {
  const ranged = () => {
    const r = loadCase(
      SMALL.replace('    weight: 0.4\n', '    weight: 0.4\n    weightRange: [0.2, 0.9]\n'),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.case;
  };

  it('a draw takes the weight uniformly from weightRange; caseDraws agrees with drawCase', () => {
    const c = ranged();
    const rng = createRng(3);
    const fast = caseDraws(c, { n: 50, seed: 3 });
    for (const p of fast) {
      const d = drawCase(c, rng);
      const rivalry = d.relations.find((r) => r.type === 'rivalry');
      expect(rivalry?.weightRange).toBeUndefined();
      expect(rivalry?.weight).toBeGreaterThanOrEqual(0.2);
      expect(rivalry?.weight).toBeLessThanOrEqual(0.9);
      const tie = p.ties.find((t) => t.source === 'a' && t.target === 'b');
      expect(tie?.weight).toBeCloseTo(rivalry?.weight as number, 12);
    }
  });

  it('a weight outside its weightRange, or a reversed range, is an invalid-range issue', () => {
    for (const range of ['[0.5, 0.9]', '[0.9, 0.2]']) {
      const r = loadCase(
        SMALL.replace('    weight: 0.4\n', `    weight: 0.4\n    weightRange: ${range}\n`),
      );
      expect(r.ok).toBe(false);
      expect(r.issues.map((i) => i.code)).toContain('invalid-range');
    }
  });
});

describe('the built-in case under its own uncertainty', () => {
  it('under combine net the Taliban and IS-K are enemies (¶7 s7), and in most draws', () => {
    const c = builtin();
    const isNeg = (p: ReturnType<typeof projectSigned>) =>
      p.ties.some(
        (t) =>
          ((t.source === 'isk' && t.target === 'taliban') ||
            (t.source === 'taliban' && t.target === 'isk')) &&
          t.sign === -1,
      );
    expect(isNeg(projectSigned(c, { at: '2023', combine: 'net' }))).toBe(true);
    const draws = caseDraws(c, { n: 400, seed: 1, at: '2023' });
    expect(draws.filter(isNeg).length / 400).toBeGreaterThan(0.5);
  });

  it('balance --draws reports n, q05 ≤ median ≤ q95 of the frustration index', async () => {
    const b = await analyzeBalance(builtin(), { at: '2023', draws: 50 });
    const d = b.frustration.draws;
    expect(d?.n).toBe(50);
    expect(d?.q05).toBeLessThanOrEqual(d?.median as number);
    expect(d?.median).toBeLessThanOrEqual(d?.q95 as number);
  });

  it('landscape on four layers: the essay’s coalition is the unique minimum, with a share of draws', () => {
    const l = analyzeLandscape(builtin(), {
      at: '2023',
      layers: ['diplomatic', 'economic', 'security', 'control'],
      draws: 100,
    });
    expect(l.sizes).toBe('capability');
    expect(l.layers).toEqual(['diplomatic', 'economic', 'security', 'control']);
    const a = l.alignments.find((x) => x.alignment === 'coalition-of-enemies');
    expect(a?.uniqueMinimum).toBe(true);
    expect(l.minima[0]?.share).toBeGreaterThan(0);
    expect(a?.minimumShare).toBeGreaterThanOrEqual(l.minima[0]?.share as number);
    expect(l.byLayer.map((x) => x.layer)).toEqual(l.layers);
  });

  it('tipping with cooperation: θ = 1 is the case as recorded, and the sweep reports draws', () => {
    const t = analyzeTipping(
      builtin(),
      { kind: 'threat', group: 'isk', cooperation: true },
      [0, 1],
      { at: '2023', draws: 20 },
    );
    const l = analyzeLandscape(builtin(), { at: '2023' });
    const last = t.segments.find((s) => s.to === 1 || s.from === 1);
    expect(last?.configuration).toEqual(l.minima[0]?.coalitions);
    expect(t.draws?.n).toBe(20);
    expect(() =>
      analyzeTipping(builtin(), { kind: 'threat', group: 'isk', cooperation: true }, [0, 1], {
        combine: 'negative',
      }),
    ).toThrow(/needs combine "net"/);
  });
});

describe('resolveAnalysisOptions', () => {
  it('fills every default once, and says what a year covers', () => {
    const o = resolveAnalysisOptions(builtin(), { at: '2021' });
    expect(o).toMatchObject({
      at: '2021',
      combine: 'net',
      layers: ['diplomatic', 'economic', 'security', 'hostility', 'control'],
      weighted: false,
      timeLimit: 60,
      seed: 1,
      sizes: 'capability',
      draws: 0,
      kMax: 4,
      basins: true,
    });
    expect(o.period).toMatchObject({ from: '2021-01-01', to: '2021-12-31', regimeChange: true });
    expect(o.period?.changes).toContainEqual({
      actor: 'republic',
      kind: 'state',
      change: 'ends',
      date: '2021-08-15',
    });
    expect(resolveAnalysisOptions(builtin(), { at: '2021-09' }).period?.regimeChange).toBe(false);
  });

  it('a case with fewer than two sized actors defaults to equal sizes', () => {
    const c = small();
    const bare = { ...c, actors: c.actors.map(({ size: _, ...a }) => a) };
    expect(resolveAnalysisOptions(bare).sizes).toBe('equal');
    expect(resolveAnalysisOptions(c).sizes).toBe('capability');
  });

  it('refuses an unknown size rule and a bad number of draws', () => {
    expect(() => resolveAnalysisOptions(small(), { sizes: 'gdp' as never })).toThrow(
      /unknown size rule "gdp"/,
    );
    expect(() => resolveAnalysisOptions(small(), { draws: 1.5 })).toThrow(/draws must be/);
  });

  it('threat-salience sizes an actor by the expected strength of the threats it poses or faces', () => {
    const l = analyzeLandscape(builtin(), { at: '2023', sizes: 'threat-salience' });
    expect(l.sizes).toBe('threat-salience');
    // Qatar takes part in no threat relation: left out, and said so.
    expect(l.actorsIncluded).not.toContain('qatar');
    expect(l.diagnostics.join('\n')).toMatch(/left out .*qatar/);
  });
});
