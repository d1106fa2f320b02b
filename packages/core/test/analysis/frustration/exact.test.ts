import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frustrationExact } from '../../../src/analysis/frustration/exact.js';
import { signedGraph } from '../../../src/analysis/signed-graph.js';
import { arbitrarySignedGraph, bruteForce, frustrationOf, relabelled, switched } from './oracle.js';

const SEED = 20240611;

describe('frustrationExact', () => {
  it('frustrationExact(graph) matches brute force on random graphs (MILP and bound paths)', async () => {
    const paths: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(arbitrarySignedGraph(14, 0.6), async (g) => {
        // bruteForceMaxNodes 0 forces every block through local search + bound or HiGHS.
        const r = await frustrationExact(g, { bruteForceMaxNodes: 0 });
        for (const [k, c] of Object.entries(r.diagnostics.solvedBy)) paths[k] = (paths[k] ?? 0) + c;
        const expected = bruteForce(g);
        expect(r.exact).toBe(true);
        expect(r.value).toBe(expected);
        expect(r.lowerBound).toBe(expected);
        expect(r.gap).toBe(0);
        expect(frustrationOf(g, r.partition)).toBe(expected);
        expect(r.frustrated).toHaveLength(expected);
        expect(r.partition[0].length + r.partition[1].length).toBe(g.nodes.length);
      }),
      { seed: SEED, numRuns: 60 },
    );
    // Both proof paths must have been exercised for this test to mean anything.
    expect(paths.milp ?? 0).toBeGreaterThan(0);
    expect(paths['lower-bound'] ?? 0).toBeGreaterThan(0);
  });

  it('frustrationExact(graph) matches brute force on random graphs (enumeration path)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitrarySignedGraph(12, 0.5), async (g) => {
        const r = await frustrationExact(g);
        expect(r.value).toBe(bruteForce(g));
        expect(frustrationOf(g, r.partition)).toBe(r.value);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('frustrationExact(graph, { weighted: true }) matches weighted brute force', async () => {
    await fc.assert(
      fc.asyncProperty(arbitrarySignedGraph(12, 0.6), async (g) => {
        const expected = bruteForce(g, true);
        const viaMilp = await frustrationExact(g, { weighted: true, bruteForceMaxNodes: 0 });
        const viaEnum = await frustrationExact(g, { weighted: true });
        expect(viaMilp.value).toBeCloseTo(expected, 9);
        expect(viaEnum.value).toBeCloseTo(expected, 9);
        expect(viaMilp.exact).toBe(true);
        expect(frustrationOf(g, viaMilp.partition, true)).toBeCloseTo(expected, 9);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('frustrationExact(graph) is invariant under switching and relabelling', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitrarySignedGraph(14, 0.5).chain((g) =>
          fc.tuple(
            fc.constant(g),
            fc.array(fc.boolean(), { minLength: g.nodes.length, maxLength: g.nodes.length }),
            fc.shuffledSubarray(
              g.nodes.map((_, i) => i),
              { minLength: g.nodes.length, maxLength: g.nodes.length },
            ),
          ),
        ),
        async ([g, inS, order]) => {
          const base = await frustrationExact(g, { bruteForceMaxNodes: 0 });
          const sw = await frustrationExact(switched(g, inS), { bruteForceMaxNodes: 0 });
          const re = await frustrationExact(relabelled(g, order), { bruteForceMaxNodes: 0 });
          expect(sw.value).toBe(base.value);
          expect(re.value).toBe(base.value);
          // perActor is a property of the split, which may differ among optima; its total may not.
          const total = (r: typeof base) =>
            Object.values(r.perActor).reduce((s, a) => s + a.ties, 0);
          expect(total(re)).toBe(2 * base.value);
        },
      ),
      { seed: SEED, numRuns: 30 },
    );
  });

  it('frustrationExact(graph) solves a hand-made graph: two blocks joined at a cut vertex plus a bridge', async () => {
    // Block 1: triangle a-b-c with one negative tie (unbalanced: 1). Block 2: square c-d-e-f with
    // two negatives (balanced: 0). Block 3: negative triangle f-g-h (− − −, unbalanced: 1).
    // Bridge h-i. Index = 2; a, b, c must share a side unless the − tie is the frustrated one.
    const g = signedGraph([
      { source: 'a', target: 'b', sign: 1 },
      { source: 'b', target: 'c', sign: 1 },
      { source: 'a', target: 'c', sign: -1 },
      { source: 'c', target: 'd', sign: -1 },
      { source: 'd', target: 'e', sign: 1 },
      { source: 'e', target: 'f', sign: -1 },
      { source: 'f', target: 'c', sign: 1 },
      { source: 'f', target: 'g', sign: -1 },
      { source: 'g', target: 'h', sign: -1 },
      { source: 'h', target: 'f', sign: -1 },
      { source: 'h', target: 'i', sign: -1 },
    ]);
    const r = await frustrationExact(g, { uniqueness: true });
    expect(r.value).toBe(2);
    expect(r.exact).toBe(true);
    expect(r.diagnostics.blocks).toBe(3);
    expect(r.diagnostics.unique).toBe(false); // each odd triangle can lose any of its ties
    expect(frustrationOf(g, r.partition)).toBe(2);
    // The bridge h-i is never frustrated.
    expect(r.frustrated).not.toContain(10);
    expect(r.perActor.i.ties).toBe(0);
    const shareSum = Object.values(r.perActor).reduce((s, a) => s + a.share, 0);
    expect(shareSum).toBeCloseTo(1, 12);
  });

  it('frustrationExact(graph) returns 0 with everything on one side for an empty graph', async () => {
    const g = signedGraph([], ['x', 'y']);
    const r = await frustrationExact(g);
    expect(r).toMatchObject({ value: 0, exact: true, lowerBound: 0, gap: 0, method: 'trivial' });
    expect(r.partition).toEqual([['x', 'y'], []]);
  });

  it('frustrationExact(graph, options) rejects a non-positive time limit', async () => {
    const g = signedGraph([{ source: 'a', target: 'b', sign: 1 }]);
    await expect(frustrationExact(g, { timeLimitSeconds: 0 })).rejects.toThrow(
      /^frustrationExact: timeLimitSeconds/,
    );
  });
});
