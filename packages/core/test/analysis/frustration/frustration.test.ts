import { describe, expect, it } from 'vitest';
import { frustrationExact } from '../../../src/analysis/frustration/exact.js';
import { frustration } from '../../../src/analysis/frustration/frustration.js';
import { createRng } from '../../../src/analysis/random.js';
import { signedGraph } from '../../../src/analysis/signed-graph.js';
import { frustrationOf } from './oracle.js';

/** A complete graph with random signs: no short certificate, hard for the MILP. */
function randomComplete(n: number, seed: number) {
  const rng = createRng(seed);
  const edges = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      edges.push({ source: `a${i}`, target: `a${j}`, sign: (rng() < 0.5 ? -1 : 1) as -1 | 1 });
  return signedGraph(edges);
}

describe('frustration', () => {
  it('frustrationExact(graph, { timeLimitSeconds }) never claims an unproven optimum', async () => {
    const g = randomComplete(40, 3);
    const r = await frustrationExact(g, { timeLimitSeconds: 0.05 });
    expect(r.exact).toBe(false);
    expect(r.diagnostics.timeLimitReached).toBe(true);
    expect(r.lowerBound).toBeLessThan(r.value);
    expect(r.gap).toBeCloseTo((r.value - r.lowerBound) / r.value, 12);
    expect(frustrationOf(g, r.partition)).toBe(r.value);
  });

  it('frustration(graph) falls back to the heuristic, keeping the best bound, when exact times out', async () => {
    const g = randomComplete(40, 3);
    const exact = await frustrationExact(g, { timeLimitSeconds: 0.05 });
    const r = await frustration(g, { timeLimitSeconds: 0.05 });
    expect(r.exact).toBe(false);
    expect(r.method).toBe('heuristic');
    expect(r.value).toBeLessThanOrEqual(exact.value);
    expect(r.lowerBound).toBeGreaterThanOrEqual(exact.lowerBound);
    expect(r.diagnostics.notes.some((n) => n.startsWith('exact attempt unproven'))).toBe(true);
  });

  it('frustration(graph, { exactMaxEdges }) goes straight to the heuristic on larger graphs', async () => {
    const g = randomComplete(12, 5);
    const r = await frustration(g, { exactMaxEdges: 10 });
    expect(r.method).toBe('heuristic');
    expect(r.diagnostics.notes.at(-1)).toBe('66 ties > exactMaxEdges: heuristic only');
    const proven = await frustration(g);
    expect(proven.exact).toBe(true);
    expect(r.value).toBeGreaterThanOrEqual(proven.value);
  });
});
