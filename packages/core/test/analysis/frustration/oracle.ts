// Independent oracles and generators for the frustration tests: a plain enumeration of every
// two-colouring (no Gray code, no pre-solve) and fast-check arbitraries for small signed graphs.
import fc from 'fast-check';
import { type SignedGraph, signedGraph } from '../../../src/analysis/signed-graph.js';

/** Minimum frustration over all 2^(n−1) colourings, by direct evaluation. */
export function bruteForce(g: SignedGraph, weighted = false): number {
  const n = g.nodes.length;
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 2 ** Math.max(0, n - 1); mask++) {
    let value = 0;
    for (let k = 0; k < g.u.length; k++) {
      const su = g.u[k] === 0 ? 0 : (mask >> (g.u[k] - 1)) & 1;
      const sv = g.v[k] === 0 ? 0 : (mask >> (g.v[k] - 1)) & 1;
      if ((su === sv) !== g.sign[k] > 0) value += weighted ? g.weight[k] : 1;
    }
    if (value < best) best = value;
  }
  return best;
}

/** Frustration of a given split, evaluated from scratch. */
export function frustrationOf(
  g: SignedGraph,
  partition: readonly [readonly string[], readonly string[]],
  weighted = false,
): number {
  const one = new Set(partition[1]);
  let value = 0;
  for (let k = 0; k < g.u.length; k++) {
    const same = one.has(g.nodes[g.u[k]]) === one.has(g.nodes[g.v[k]]);
    if (same !== g.sign[k] > 0) value += weighted ? g.weight[k] : 1;
  }
  return value;
}

/** Random signed graphs with 1..maxNodes nodes; weights are small integers (exact float sums). */
export const arbitrarySignedGraph = (maxNodes: number, density = 0.5) =>
  fc.integer({ min: 1, max: maxNodes }).chain((n) =>
    fc
      .array(
        fc.record({
          present: fc.double({ min: 0, max: 1, noNaN: true }),
          sign: fc.constantFrom<-1 | 1>(-1, 1),
          weight: fc.integer({ min: 1, max: 5 }),
        }),
        { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 },
      )
      .map((pairs) => {
        const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
        const edges = [];
        let k = 0;
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            const p = pairs[k++];
            if (p.present < density) {
              edges.push({ source: nodes[i], target: nodes[j], sign: p.sign, weight: p.weight });
            }
          }
        }
        return signedGraph(edges, nodes);
      }),
  );

/** The graph with the signs of all ties across (S, not S) flipped. */
export function switched(g: SignedGraph, inS: readonly boolean[]): SignedGraph {
  return signedGraph(
    Array.from(g.u, (a, k) => ({
      source: g.nodes[a],
      target: g.nodes[g.v[k]],
      sign: ((inS[a] !== inS[g.v[k]] ? -1 : 1) * g.sign[k]) as -1 | 1,
      weight: g.weight[k],
    })),
    g.nodes,
  );
}

/** The graph with nodes renamed and listed in another order. */
export function relabelled(g: SignedGraph, order: readonly number[]): SignedGraph {
  const name = (i: number) => `r${order.indexOf(i)}`;
  return signedGraph(
    Array.from(g.u, (a, k) => ({
      source: name(a),
      target: name(g.v[k]),
      sign: g.sign[k] as -1 | 1,
      weight: g.weight[k],
    })),
    order.map((_, j) => `r${j}`),
  );
}
