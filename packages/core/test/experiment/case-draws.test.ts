import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  CASE_DRAW_STREAM,
  type Case,
  caseDrawOfWorld,
  createRng,
  drawCase,
  loadCase,
  MAX_CASE_DRAWS,
  planCaseDraw,
  planExploration,
  runBatch,
  runSeed,
} from '../../src/index.js';
import { builtinCase as builtin } from '../simulation/helpers.js';

const _ROOT = resolve(import.meta.dirname, '../../../..');

const c = builtin();
const two = ['status-quo', 'everyone-severs'];

/** A hand-made case: one state, engaged with the regime, threatened by one group with `confidence`. */
function tiny(confidence: number): Case {
  const text = JSON.stringify({
    format: 'entente/1',
    id: 'tiny',
    title: 'Tiny',
    actors: [
      { id: 'regime', name: 'Regime', kind: 'regime' },
      { id: 'group', name: 'Group', kind: 'armed-group' },
      { id: 'state', name: 'State', kind: 'state' },
    ],
    relations: [
      { id: 'engage', from: 'state', to: 'regime', type: 'engagement', weight: 0.5, since: '2020' },
      {
        id: 'threat',
        from: 'group',
        to: 'state',
        type: 'threat',
        weight: 0.8,
        confidence,
        since: '2020',
      },
    ],
    scenarios: [{ id: 'engage', name: 'Engage', defaultPolicy: 'engage', months: 12 }],
    hypotheses: [
      {
        id: 'threatened',
        claimant: 'analyst',
        statement: 'The state is threatened.',
        comparison: 'trend',
        scenario: 'engage',
        metric: 'insecurity.state.mean',
        op: '>',
        value: 0,
      },
    ],
  });
  const result = loadCase(text, { format: 'json' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  return result.case;
}

describe('caseDrawOfWorld', () => {
  it('caseDrawOfWorld splits W worlds into N contiguous blocks of ⌊W/N⌋ or ⌈W/N⌉ (brute force)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), (w, n) => {
        fc.pre(n <= w);
        const plan = planExploration(c, { runs: w, draws: n, scenarios: ['status-quo'] });
        const of = Array.from({ length: w }, (_, i) => caseDrawOfWorld(plan, i));
        const sizes = new Array<number>(n).fill(0);
        for (let i = 0; i < w; i++) {
          sizes[of[i] as number]++;
          if (i > 0) expect((of[i] as number) - (of[i - 1] as number)).toBeGreaterThanOrEqual(0);
        }
        expect(of[0]).toBe(0);
        expect(of[w - 1]).toBe(n - 1);
        for (const size of sizes) {
          expect(size).toBeGreaterThanOrEqual(Math.floor(w / n));
          expect(size).toBeLessThanOrEqual(Math.ceil(w / n));
        }
      }),
      { numRuns: 30 },
    );
  });

  it('caseDrawOfWorld is −1 without draws (the case as written)', () => {
    const plan = planExploration(c, { runs: 5, scenarios: ['status-quo'] });
    expect(caseDrawOfWorld(plan, 3)).toBe(-1);
  });
});

describe('planCaseDraw', () => {
  it('planCaseDraw keeps what drawCase keeps with the draw seed, and the dropped relations at weight 0', () => {
    expect(c.relations.every((r) => (r.weight ?? 1) > 0)).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.nat(10_000), (seed, d) => {
        const plan = { case: c, options: { seed } } as unknown as Parameters<
          typeof planCaseDraw
        >[0];
        const drawn = planCaseDraw(plan, d);
        const reference = drawCase(c, createRng(runSeed(seed, CASE_DRAW_STREAM + d)));
        expect(drawn.relations.length).toBe(c.relations.length);
        expect(drawn.relations.filter((r) => r.weight !== 0)).toEqual(reference.relations);
        drawn.relations.forEach((r, i) => {
          if (r.weight !== 0) return;
          const original = c.relations[i] as Case['relations'][number];
          expect([r.from, r.to, r.type]).toEqual([original.from, original.to, original.type]);
          expect(r.evidence).toBeUndefined();
        });
      }),
      { numRuns: 20 },
    );
  });
});

describe('explorations with case draws', () => {
  it('draws: the same seed gives the same summary for 1 batch and 3 uneven batches', () => {
    const plan = planExploration(c, { runs: 30, draws: 7, seed: 3, scenarios: two });
    const one = aggregate(plan, [runBatch(plan, 0, 30)]);
    const three = aggregate(plan, [
      runBatch(plan, 17, 30),
      runBatch(plan, 0, 4),
      runBatch(plan, 4, 17),
    ]);
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
    expect(one.options.draws).toBe(7);
    for (const h of one.hypotheses) {
      expect(h.draws?.n).toBe(7);
      const { q05, median, q95, share } = h.draws as NonNullable<typeof h.draws>;
      expect(q05).toBeLessThanOrEqual(median);
      expect(median).toBeLessThanOrEqual(q95);
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
  });

  it('draws: holds and the share of draws recomputed by hand (the tiny case holds iff its threat does)', () => {
    const plan = planExploration(tiny(0.5), { runs: 40, draws: 8, seed: 2 });
    const h = aggregate(plan, [runBatch(plan, 0, 40)]).hypotheses[0];
    const held = new Array<number>(8).fill(0);
    const worlds = new Array<number>(8).fill(0);
    for (let w = 0; w < 40; w++) {
      const d = caseDrawOfWorld(plan, w);
      const threat = planCaseDraw(plan, d).relations.find((r) => r.type === 'threat');
      held[d] = (held[d] as number) + ((threat?.weight ?? 0) > 0 ? 1 : 0);
      worlds[d] = (worlds[d] as number) + 1;
    }
    const total = held.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0); // confidence ½ over 8 draws: some hold, some do not
    expect(total).toBeLessThan(40);
    expect(h?.holds).toBe(total / 40);
    const most = held.filter((x, d) => x / (worlds[d] as number) > 0.5).length;
    expect(h?.draws?.share).toBe(most / 8);
    expect(h?.draws?.n).toBe(8);
  });

  it('draws: a relation of confidence 0 against 1 flips the verdict that rests on it', () => {
    for (const [confidence, expected] of [
      [0, 0],
      [1, 1],
    ] as const) {
      const plan = planExploration(tiny(confidence), { runs: 12, draws: 4, seed: 1 });
      const h = aggregate(plan, [runBatch(plan, 0, 12)]).hypotheses[0];
      expect(h?.holds).toBe(expected);
      expect(h?.draws).toEqual({
        n: 4,
        share: expected,
        q05: expected,
        median: expected,
        q95: expected,
      });
    }
    // The case as written (draws 0) runs every relation in full, whatever its confidence.
    const asWritten = planExploration(tiny(0), { runs: 12 });
    const h = aggregate(asWritten, [runBatch(asWritten, 0, 12)]).hypotheses[0];
    expect(h?.holds).toBe(1);
    expect(h?.draws).toBeNull();
  });

  it('draws: 0 is the case as written: the same summary as no draws option, draws null', () => {
    const a = planExploration(c, { runs: 12, seed: 4, scenarios: two });
    const b = planExploration(c, { runs: 12, seed: 4, scenarios: two, draws: 0 });
    expect(b.id).toBe(a.id);
    const sa = aggregate(a, [runBatch(a, 0, 12)]);
    const sb = aggregate(b, [runBatch(b, 0, 5), runBatch(b, 5, 12)]);
    expect(JSON.stringify(sb)).toBe(JSON.stringify(sa));
    expect(sa.options.draws).toBe(0);
    for (const h of sa.hypotheses) expect(h.draws).toBeNull();
  });

  it('draws: bounds and designs are refused with coded errors', () => {
    const code = (options: Parameters<typeof planExploration>[1]) => {
      try {
        planExploration(c, { scenarios: ['status-quo'], ...options });
      } catch (e) {
        return [(e as { code: string }).code, (e as Error).message];
      }
      return null;
    };
    expect(code({ runs: 10, draws: -1 })?.[0]).toBe('invalid-argument');
    expect(code({ runs: 10, draws: 1.5 })?.[0]).toBe('invalid-argument');
    expect(code({ runs: 10, draws: 11 })).toEqual([
      'invalid-argument',
      'explore: draws (11) must not exceed the worlds (10)',
    ]);
    expect(code({ runs: 10, draws: MAX_CASE_DRAWS + 1 })?.[0]).toBe('resource-limit');
    expect(code({ runs: 4, sample: 'sobol', draws: 2 })?.[1]).toMatch(
      /^explore: draws needs the lhs design/,
    );
    expect(code({ runs: 4, sample: 'morris', draws: 2 })?.[0]).toBe('invalid-argument');
    expect(code({ runs: 4, sample: 'sobol', draws: 0 })).toBeNull();
    expect(code({ runs: 10, draws: 10 })).toBeNull();
  });
});
