import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../../../test-support/shared-data.js';
import { relocate, relocationError } from '../../../src/analysis/coalitions/relocate.js';
import { sweepRelocation } from '../../../src/analysis/coalitions/sweep-relocation.js';
import { type SignedGraph, signedGraph } from '../../../src/analysis/signed-graph.js';
import { EntenteError } from '../../../src/errors.js';

const TRIBES_FILE = 'data/signed/highland-tribes.csv';
const TRIBES = sharedPath(TRIBES_FILE);

function tribes(): SignedGraph {
  const lines = readFileSync(TRIBES, 'utf8').trim().split('\n').slice(1);
  return signedGraph(
    lines.map((line) => {
      const [source, target, sign] = line.split(',');
      return { source, target, sign: Number(sign) as 1 | -1 };
    }),
  );
}

/** Every assignment of n nodes to exactly k non-empty groups (restricted growth strings). */
function* kPartitions(n: number, k: number): Generator<Int32Array> {
  const a = new Int32Array(n);
  function* rec(i: number, used: number): Generator<Int32Array> {
    if (i === n) {
      if (used === k) yield a;
      return;
    }
    if (k - used > n - i) return;
    for (let c = 0; c <= Math.min(used, k - 1); c++) {
      a[i] = c;
      yield* rec(i + 1, c === used ? used + 1 : used);
    }
  }
  yield* rec(0, 0);
}

function bruteForce(g: SignedGraph, k: number, alpha: number, weighted: boolean): number {
  let best = Number.POSITIVE_INFINITY;
  for (const p of kPartitions(g.nodes.length, k)) {
    best = Math.min(best, relocationError(g, p, alpha, weighted));
  }
  return best;
}

const randomGraph = (maxNodes: number) =>
  fc
    .integer({ min: 4, max: maxNodes })
    .chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(fc.tuple(fc.constantFrom(0, 1, -1), fc.integer({ min: 1, max: 5 })), {
          minLength: (n * (n - 1)) / 2,
          maxLength: (n * (n - 1)) / 2,
        }),
      ),
    )
    .map(([n, cells]) => {
      const edges: { source: string; target: string; sign: 1 | -1; weight: number }[] = [];
      let t = 0;
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++, t++) {
          const [s, w] = cells[t];
          if (s !== 0)
            edges.push({ source: `n${i}`, target: `n${j}`, sign: s as 1 | -1, weight: w });
        }
      return signedGraph(
        edges,
        Array.from({ length: n }, (_, i) => `n${i}`),
      );
    });

describeShared(TRIBES_FILE, 'relocate(g, options) on Read’s Highland tribes', () => {
  it('relocate(tribes, { k: 3 }) violates 2 ties (Doreian & Mrvar 1996)', () => {
    const r = relocate(tribes(), { k: 3, seed: 1 });
    expect(r.violations.negativeWithin + r.violations.positiveBetween).toBe(2);
    expect(r.error).toBe(1); // α = 0.5
    expect(r.groups).toHaveLength(3);
    expect(r.optimalCount).toBeGreaterThan(0);
  });
  it('relocate(tribes, { k: 2 }) violates 7 ties — the frustration index — with one optimal split', () => {
    const r = relocate(tribes(), { k: 2, seed: 3 });
    expect(r.violations.negativeWithin + r.violations.positiveBetween).toBe(7);
    expect(r.error).toBe(3.5);
    expect(r.partitionsAtBest).toHaveLength(1);
  });
  it('sweepRelocation(tribes, { kMin: 1, kMax: 4 }) returns one result per k', () => {
    const rs = sweepRelocation(tribes(), { kMin: 1, kMax: 4, starts: 30 });
    expect(rs.map((r) => r.k)).toEqual([1, 2, 3, 4]);
    // k = 1 puts every tie inside one group: the error is α × (number of negative ties).
    const g = tribes();
    const negatives = [...g.sign].filter((s) => s < 0).length;
    expect(rs[0].error).toBe(0.5 * negatives);
    expect(rs[1].error).toBe(3.5);
    expect(rs[2].error).toBe(1);
  });
});

describe('relocate(g, options) equals a brute force over all k-partitions', () => {
  for (const k of [2, 3]) {
    it(`relocate(g, { k: ${k} }) finds the brute-force optimum on random graphs of ≤ 9 nodes`, () => {
      fc.assert(
        fc.property(
          randomGraph(9),
          fc.boolean(),
          fc.constantFrom(0.5, 0.3, 0.8),
          (g, weighted, alpha) => {
            const r = relocate(g, { k, alpha, weighted, starts: 40, seed: 11 });
            const exact = bruteForce(g, k, alpha, weighted);
            expect(r.error).toBeCloseTo(exact, 9);
            // The reported groups reproduce the reported error.
            const label = new Int32Array(g.nodes.length);
            r.groups.forEach((grp, c) => {
              for (const id of grp) label[g.nodes.indexOf(id)] = c;
            });
            expect(relocationError(g, label, alpha, weighted)).toBeCloseTo(r.error, 9);
            expect(r.groups.every((grp) => grp.length > 0)).toBe(true);
          },
        ),
        { seed: 20261126, numRuns: 40 },
      );
    });
  }
});

describe('relocate(g, options) contracts', () => {
  const g = signedGraph([
    { source: 'a', target: 'b', sign: 1 },
    { source: 'b', target: 'c', sign: -1 },
    { source: 'a', target: 'c', sign: -1 },
  ]);
  it('relocate(g, { k }) is deterministic for a seed', () => {
    expect(relocate(g, { k: 2, seed: 5 })).toEqual(relocate(g, { k: 2, seed: 5 }));
  });
  it('relocate(g, { k: 2 }) finds the balanced split {a,b} | {c}', () => {
    const r = relocate(g, { k: 2 });
    expect(r.error).toBe(0);
    expect(r.groups).toEqual([['a', 'b'], ['c']]);
    expect(r.optimalCount).toBe(100);
  });
  it('relocate(g, { k }) throws on k outside 1..n and on α outside [0,1]', () => {
    expect(() => relocate(g, { k: 4 })).toThrow(EntenteError);
    expect(() => relocate(g, { k: 0 })).toThrow(/^relocate: k = 0/);
    expect(() => relocate(g, { k: 2, alpha: 1.5 })).toThrow(/alpha/);
  });
  it('relocate(g, { k, weighted: true }) weighs ties: weighs ties by their weight', () => {
    // a–b +5, b–c +1, a–c +1, c–d −1 (α = 0.5, weights counted).
    const h = signedGraph([
      { source: 'a', target: 'b', sign: 1, weight: 5 },
      { source: 'b', target: 'c', sign: 1, weight: 1 },
      { source: 'a', target: 'c', sign: 1, weight: 1 },
      { source: 'c', target: 'd', sign: -1, weight: 1 },
    ]);
    const r = relocate(h, { k: 2, weighted: true });
    // {a, b, c} / {d} violates nothing.
    expect(r.error).toBe(0);
    expect(r.groups).toEqual([['a', 'b', 'c'], ['d']]);
    const r3 = relocate(h, { k: 3, weighted: true });
    // A third group must cut a positive tie; the cheapest is to split c off: 0.5·(1 + 1).
    expect(r3.error).toBe(1);
    expect(r3.violationWeight).toEqual({ negativeWithin: 0, positiveBetween: 2 });
    expect(r3.violations).toEqual({ negativeWithin: 0, positiveBetween: 2 });
  });
  it('sweepRelocation(g, { kMin, kMax }) throws on an empty or out-of-range k range', () => {
    expect(() => sweepRelocation(g, { kMin: 3, kMax: 2 })).toThrow(
      /^sweepRelocation: k range 3..2/,
    );
    expect(() => sweepRelocation(g, { kMin: 1, kMax: 5 })).toThrow(EntenteError);
  });
  it('relocate(g, { k }) gives the same error after relabelling actors', () => {
    fc.assert(
      fc.property(randomGraph(8), (g0) => {
        const n = g0.nodes.length;
        const renamed = (i: number) => `z${(n - 1 - i) * 3}`;
        const edges = Array.from({ length: g0.u.length }, (_, e) => ({
          source: renamed(g0.v[e]),
          target: renamed(g0.u[e]),
          sign: g0.sign[e] as 1 | -1,
          weight: g0.weight[e],
        }));
        const h = signedGraph(
          edges.reverse(),
          g0.nodes.map((_, i) => renamed(n - 1 - i)),
        );
        expect(relocate(h, { k: 3, starts: 40 }).error).toBe(
          relocate(g0, { k: 3, starts: 40 }).error,
        );
      }),
      { seed: 99, numRuns: 30 },
    );
  });
});
