/**
 * Exact frustration index by enumeration of all 2^(n−1) two-colourings (node 0 fixed on side 0,
 * since swapping the sides changes nothing), visited in binary-reflected Gray-code order so each
 * step flips one node and updates the frustration in O(degree). Used for small blocks.
 */
import { EntenteError } from '../../errors.js';
import type { SignedGraph } from '../signed-graph.js';

/** Largest node count {@link bruteForceFrustration} accepts (2^29 colourings). */
export const BRUTE_FORCE_MAX_NODES = 30;

/** The minimum frustration over all colourings, one optimal colouring, and how many reach it. */
export interface BruteForceResult {
  readonly value: number;
  readonly side: Uint8Array;
  /** Optimal colourings with node 0 on side 0 (1 means the split is unique). */
  readonly optima: number;
}

/**
 * Enumerates every colouring of a small signed graph.
 * @throws {EntenteError} `invalid-argument` when the graph has more than {@link BRUTE_FORCE_MAX_NODES} nodes
 */
export function bruteForceFrustration(g: SignedGraph, weighted: boolean): BruteForceResult {
  const n = g.nodes.length;
  if (n > BRUTE_FORCE_MAX_NODES) {
    throw new EntenteError(
      'resource-limit',
      `bruteForceFrustration: ${n} nodes is too many to enumerate (at most ${BRUTE_FORCE_MAX_NODES})`,
    );
  }
  const side = new Uint8Array(n);
  const best = new Uint8Array(n);
  const m = g.u.length;
  const w = new Float64Array(m);
  let value = 0;
  for (let k = 0; k < m; k++) {
    w[k] = weighted ? g.weight[k] : 1;
    if (g.sign[k] < 0) value += w[k];
  }
  // Comparisons use a tolerance so float sums of the same edges in another order tie.
  const tol = weighted ? 1e-9 * (1 + value) : 0;
  let bestValue = value;
  let optima = 1;
  const total = n <= 1 ? 1 : 2 ** (n - 1);
  for (let step = 1; step < total; step++) {
    // Gray code: flip node 1 + (number of trailing zeros of step).
    const i = 1 + (31 - Math.clz32(step & -step));
    let delta = 0;
    for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) {
      const e = g.adjEdge[p];
      const same = side[i] === side[g.adj[p]];
      // Before the flip the edge is frustrated iff (same) differs from (positive).
      delta += same !== g.sign[e] > 0 ? -w[e] : w[e];
    }
    side[i] ^= 1;
    value += delta;
    if (value < bestValue - tol) {
      bestValue = value;
      best.set(side);
      optima = 1;
    } else if (value <= bestValue + tol) {
      optima++;
    }
  }
  return { value: bestValue, side: best, optima };
}
