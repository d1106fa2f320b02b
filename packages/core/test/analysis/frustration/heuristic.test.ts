import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frustrationHeuristic } from '../../../src/analysis/frustration/heuristic.js';
import { createRng, randomInt } from '../../../src/analysis/random.js';
import { signedGraph } from '../../../src/analysis/signed-graph.js';
import { arbitrarySignedGraph, bruteForce, frustrationOf } from './oracle.js';

const SEED = 20240611;

/** A planted two-camp graph: ties inside camps positive, across negative, `flips` signs flipped. */
function planted(n: number, m: number, flips: number, seed: number) {
  const rng = createRng(seed);
  const camp = Array.from({ length: n }, () => randomInt(rng, 2));
  const seen = new Set<number>();
  const edges: { source: string; target: string; sign: -1 | 1 }[] = [];
  while (edges.length < m) {
    const a = randomInt(rng, n);
    const b = randomInt(rng, n);
    if (a === b || seen.has(Math.min(a, b) * n + Math.max(a, b))) continue;
    seen.add(Math.min(a, b) * n + Math.max(a, b));
    let sign: -1 | 1 = camp[a] === camp[b] ? 1 : -1;
    if (rng() < flips) sign = -sign as -1 | 1;
    edges.push({ source: `v${a}`, target: `v${b}`, sign });
  }
  const g = signedGraph(edges);
  const plantedSplit: [string[], string[]] = [[], []];
  for (const id of g.nodes) plantedSplit[camp[Number(id.slice(1))]].push(id);
  return { g, plantedSplit };
}

describe('frustrationHeuristic', () => {
  it('frustrationHeuristic(graph) is never below the index and its bound never above it', () => {
    fc.assert(
      fc.property(arbitrarySignedGraph(14, 0.6), fc.boolean(), (g, weighted) => {
        const exact = bruteForce(g, weighted);
        const r = frustrationHeuristic(g, { weighted, seed: 3 });
        expect(r.value).toBeGreaterThanOrEqual(exact - 1e-9);
        expect(r.lowerBound).toBeLessThanOrEqual(exact + 1e-9);
        expect(frustrationOf(g, r.partition, weighted)).toBeCloseTo(r.value, 9);
        if (r.exact) expect(r.value).toBeCloseTo(exact, 9);
        expect(r.gap).toBeGreaterThanOrEqual(0);
        expect(r.gap).toBeLessThanOrEqual(1);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('frustrationHeuristic(graph) finds the index on small graphs', () => {
    let hits = 0;
    fc.assert(
      fc.property(arbitrarySignedGraph(14, 0.6), (g) => {
        if (frustrationHeuristic(g, { seed: 1 }).value === bruteForce(g)) hits++;
      }),
      { seed: SEED, numRuns: 100 },
    );
    expect(hits).toBe(100);
  });

  it('frustrationHeuristic(graph, { seed }) gives the same bytes for the same seed', () => {
    const { g } = planted(300, 2000, 0.1, 5);
    const a = frustrationHeuristic(g, { seed: 9, starts: 2 });
    const b = frustrationHeuristic(g, { seed: 9, starts: 2 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('frustrationHeuristic(graph) does no worse than the planted split of a two-camp graph', () => {
    const { g, plantedSplit } = planted(2000, 20000, 0.02, 11);
    const plantedValue = frustrationOf(g, plantedSplit);
    const r = frustrationHeuristic(g, { seed: 1, starts: 2 });
    expect(r.value).toBeLessThanOrEqual(plantedValue);
    expect(r.lowerBound).toBeLessThanOrEqual(r.value);
    // The packing bound certifies most of it: planted noise is spread out, so its cycles are short.
    expect(r.lowerBound).toBeGreaterThan(0.8 * r.value);
  });

  it('frustrationHeuristic(graph, options) rejects bad options with the call name', () => {
    const g = signedGraph([{ source: 'a', target: 'b', sign: 1 }]);
    expect(() => frustrationHeuristic(g, { starts: 0 })).toThrow(/^frustrationHeuristic: starts/);
    expect(() => frustrationHeuristic(g, { seed: 1.5 })).toThrow(/^frustrationHeuristic: seed/);
  });
});
