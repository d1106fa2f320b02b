import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { triadCensus, unbalancedTriads } from '../../../src/analysis/balance/triads.js';
import { forwardAdjacency } from '../../../src/analysis/balance/triangles.js';
import { createRng, shuffle } from '../../../src/analysis/random.js';
import { type SignedEdgeInput, signedGraph } from '../../../src/analysis/signed-graph.js';
import { EntenteError } from '../../../src/errors.js';
import { bruteForce, randomEdges, randomGraph, traceCubes } from './triads-brute-force.js';

const SEED = 20_231_101;
const e = (source: string, target: string, sign: -1 | 1, weight = 1): SignedEdgeInput => ({
  source,
  target,
  sign,
  weight,
});

// K4 on a, b, c, d. Signs and weights chosen by hand:
//   ab +2, ac +1, ad +3, bc +1, bd −1, cd −2
// abc: + + +  weight 2·1·1 = 2  balanced
// abd: + + −  weight 2·3·1 = 6  unbalanced
// acd: + + −  weight 1·3·2 = 6  unbalanced
// bcd: + − −  weight 1·1·2 = 2  balanced
const K4 = signedGraph([
  e('a', 'b', 1, 2),
  e('a', 'c', 1, 1),
  e('a', 'd', 1, 3),
  e('b', 'c', 1, 1),
  e('b', 'd', -1, 1),
  e('c', 'd', -1, 2),
]);

describe('triadCensus', () => {
  it.each([
    ['+++', [1, 1, 1], true],
    ['++-', [1, 1, -1], false],
    ['+--', [1, -1, -1], true],
    ['---', [-1, -1, -1], false],
  ] as const)('triadCensus(g) classifies a single %s triangle', (pattern, signs, balanced) => {
    const g = signedGraph([e('x', 'y', signs[0]), e('y', 'z', signs[1]), e('x', 'z', signs[2])]);
    const census = triadCensus(g);
    expect(census.counts).toEqual({ '+++': 0, '++-': 0, '+--': 0, '---': 0, [pattern]: 1 });
    expect(census.triangles).toBe(1);
    expect(census.balanced).toBe(balanced ? 1 : 0);
    expect(census.unbalanced).toBe(balanced ? 0 : 1);
    expect(census.ratio).toBe(balanced ? 1 : 0);
    expect(census.weightedRatio).toBe(balanced ? 1 : 0);
  });

  it('triadCensus(K4) counts the hand-computed triangles and weights', () => {
    expect(triadCensus(K4)).toEqual({
      counts: { '+++': 1, '++-': 2, '+--': 1, '---': 0 },
      weights: { '+++': 2, '++-': 12, '+--': 2, '---': 0 },
      triangles: 4,
      balanced: 2,
      unbalanced: 2,
      ratio: 0.5,
      weightedRatio: 0.25,
    });
  });

  it('triadCensus(g) gives null ratios without triangles and a null weighted ratio at zero weight', () => {
    const path = triadCensus(signedGraph([e('a', 'b', 1), e('b', 'c', -1), e('c', 'd', 1)]));
    expect(path.triangles).toBe(0);
    expect(path.ratio).toBeNull();
    expect(path.weightedRatio).toBeNull();
    const empty = triadCensus(signedGraph([], ['a', 'b']));
    expect(empty.ratio).toBeNull();
    const weightless = triadCensus(
      signedGraph([e('a', 'b', 1, 0), e('b', 'c', 1, 2), e('a', 'c', -1, 2)]),
    );
    expect(weightless.ratio).toBe(0);
    expect(weightless.weightedRatio).toBeNull();
  });

  it('triadCensus(g) matches a triple loop over all node triples on random graphs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 3, max: 40 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, n, p, neg) => {
          const g = randomGraph(seed, n, p, neg);
          const census = triadCensus(g);
          const brute = bruteForce(g);
          expect(census.counts).toEqual(brute.counts);
          for (const k of Object.keys(brute.weights))
            expect(census.weights[k as keyof typeof census.weights]).toBeCloseTo(
              brute.weights[k],
              9,
            );
          const t =
            brute.counts['+++'] + brute.counts['++-'] + brute.counts['+--'] + brute.counts['---'];
          expect(census.triangles).toBe(t);
          expect(census.ratio).toBe(
            t === 0 ? null : (brute.counts['+++'] + brute.counts['+--']) / t,
          );
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('triadCensus(g) weights equal tr(A³)/6 and tr(|A|³)/6 of the signed weighted adjacency', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const g = randomGraph(seed, 30, 0.3, 0.4);
      const { weights } = triadCensus(g);
      const { signed, absolute } = traceCubes(g);
      const signedSum = weights['+++'] - weights['++-'] + weights['+--'] - weights['---'];
      const total = weights['+++'] + weights['++-'] + weights['+--'] + weights['---'];
      expect(signedSum).toBeCloseTo(signed, 8);
      expect(total).toBeCloseTo(absolute, 8);
      expect(triadCensus(g).weightedRatio).toBeCloseTo((1 + signed / absolute) / 2, 12);
    }
  });

  it('triadCensus(g) does not change when actors are relabelled and edges reordered', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 3, max: 40 }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        (seed, n, p) => {
          const edges = randomEdges(seed, n, p, 0.4);
          const rng = createRng(seed ^ 0x5bd1e995);
          const names = shuffle(
            rng,
            Array.from({ length: n }, (_, i) => `n${i}`),
          );
          const rename = new Map(names.map((x, i) => [`n${i}`, x]));
          const permuted = shuffle(
            rng,
            edges.map((x) =>
              rng() < 0.5
                ? {
                    ...x,
                    source: rename.get(x.target) as string,
                    target: rename.get(x.source) as string,
                  }
                : {
                    ...x,
                    source: rename.get(x.source) as string,
                    target: rename.get(x.target) as string,
                  },
            ),
          );
          const a = triadCensus(
            signedGraph(
              edges,
              Array.from({ length: n }, (_, i) => `n${i}`),
            ),
          );
          const b = triadCensus(signedGraph(permuted, shuffle(rng, [...names])));
          expect(b.counts).toEqual(a.counts);
          expect(b.ratio).toBe(a.ratio);
          if (a.weightedRatio === null) expect(b.weightedRatio).toBeNull();
          else expect(b.weightedRatio).toBeCloseTo(a.weightedRatio, 12);
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('triadCensus(g) keeps balanced and unbalanced counts when signs are switched around a set', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 3, max: 40 }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        (seed, n, p) => {
          const edges = randomEdges(seed, n, p, 0.4);
          const rng = createRng(seed ^ 0x27d4eb2d);
          const inS = new Set(
            Array.from({ length: n }, (_, i) => `n${i}`).filter(() => rng() < 0.5),
          );
          const switched = edges.map((x) =>
            inS.has(x.source) !== inS.has(x.target) ? { ...x, sign: -x.sign as -1 | 1 } : x,
          );
          const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
          const a = triadCensus(signedGraph(edges, nodes));
          const b = triadCensus(signedGraph(switched, nodes));
          expect(b.balanced).toBe(a.balanced);
          expect(b.unbalanced).toBe(a.unbalanced);
          expect(b.counts['+++'] + b.counts['+--']).toBe(a.counts['+++'] + a.counts['+--']);
          if (a.weightedRatio === null) expect(b.weightedRatio).toBeNull();
          else expect(b.weightedRatio).toBeCloseTo(a.weightedRatio, 12);
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
  });
});

describe('forwardAdjacency', () => {
  it('forwardAdjacency(g) ranks by degree and lists each edge once, towards the higher rank, ascending', () => {
    const g = randomGraph(7, 25, 0.3, 0.5);
    const f = forwardAdjacency(g);
    const degree = (i: number) => g.offsets[i + 1] - g.offsets[i];
    expect([...f.order].sort((x, y) => x - y)).toEqual(g.nodes.map((_, i) => i));
    for (let r = 1; r < g.nodes.length; r++) {
      const [x, y] = [f.order[r - 1], f.order[r]];
      expect(degree(x) < degree(y) || (degree(x) === degree(y) && x < y)).toBe(true);
    }
    const seen = new Set<number>();
    for (let r = 0; r < g.nodes.length; r++)
      for (let p = f.offsets[r]; p < f.offsets[r + 1]; p++) {
        expect(f.head[p]).toBeGreaterThan(p > f.offsets[r] ? f.head[p - 1] : r);
        const k = f.edge[p];
        expect([g.u[k], g.v[k]].sort()).toEqual([f.order[r], f.order[f.head[p]]].sort());
        seen.add(k);
      }
    expect(seen.size).toBe(g.u.length);
    expect(f.head.length).toBe(g.u.length);
  });
});

describe('unbalancedTriads', () => {
  it('unbalancedTriads(K4) lists abd and acd, heaviest first then by ids', () => {
    const list = unbalancedTriads(K4);
    expect(list.total).toBe(2);
    expect(list.truncated).toBe(false);
    expect(list.options).toEqual({ limit: 1000 });
    expect(list.triads).toEqual([
      { nodes: ['a', 'b', 'd'], edges: [0, 2, 4], signs: [1, 1, -1], pattern: '++-', weight: 6 },
      { nodes: ['a', 'c', 'd'], edges: [1, 2, 5], signs: [1, 1, -1], pattern: '++-', weight: 6 },
    ]);
  });

  it('unbalancedTriads(g, { limit }) truncates and flags it', () => {
    const one = unbalancedTriads(K4, { limit: 1 });
    expect(one.triads.map((t) => t.nodes)).toEqual([['a', 'b', 'd']]);
    expect(one.truncated).toBe(true);
    expect(one.total).toBe(2);
    expect(unbalancedTriads(K4, { limit: 0 }).triads).toEqual([]);
    expect(unbalancedTriads(K4, { limit: Number.POSITIVE_INFINITY }).options).toEqual({
      limit: null,
    });
  });

  it('unbalancedTriads(g, { limit }) throws on a negative or fractional limit', () => {
    for (const limit of [-1, 1.5, Number.NaN]) {
      expect(() => unbalancedTriads(K4, { limit })).toThrow(EntenteError);
      expect(() => unbalancedTriads(K4, { limit })).toThrow(/^unbalancedTriads: limit/);
    }
  });

  it('unbalancedTriads(g, { limit }) equals the first triads of a brute-force sorted list', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 3, max: 40 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 60 }),
        (seed, n, p, limit) => {
          const g = randomGraph(seed, n, p, 0.5);
          const brute = bruteForce(g).unbalanced;
          const list = unbalancedTriads(g, { limit });
          expect(list.total).toBe(brute.length);
          expect(list.truncated).toBe(brute.length > limit);
          expect(
            list.triads.map((t) => ({ nodes: t.nodes, signs: t.signs, weight: t.weight })),
          ).toEqual(brute.slice(0, limit));
          for (const t of list.triads) {
            // edges[k] joins the k-th pair of nodes: (0,1), (0,2), (1,2).
            const pairs = [
              [0, 1],
              [0, 2],
              [1, 2],
            ];
            t.edges.forEach((k, i) => {
              const ends = [g.nodes[g.u[k]], g.nodes[g.v[k]]].sort();
              expect(ends).toEqual([t.nodes[pairs[i][0]], t.nodes[pairs[i][1]]].sort());
              expect(g.sign[k]).toBe(t.signs[i]);
            });
            expect(t.pattern).toBe(t.signs.every((s) => s < 0) ? '---' : '++-');
          }
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });
});
