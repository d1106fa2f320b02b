/**
 * A lower bound on the frustration index by packing unbalanced cycles. Every cycle with an odd
 * number of negative ties keeps at least one frustrated tie under any two-colouring, so for any
 * family of cycles and weights y_C ≥ 0 with Σ_{C ∋ e} y_C ≤ w_e the index is at least Σ y_C
 * (the dual of the covering LP; for unit weights, a packing of edge-disjoint unbalanced cycles).
 *
 * The cycles come from a good colouring: each tie that colouring frustrates, closed by a path of
 * ties it satisfies, is an unbalanced cycle (exactly one of its ties disagrees with the colouring).
 * Paths are found by breadth-first search over ties with spare capacity, shortest first in rounds
 * of growing length, so triangles are packed before longer cycles.
 */
import type { SignedGraph } from '../signed-graph.js';

/** Options of {@link cyclePackingBound}. */
export interface CyclePackingOptions {
  /** Longest closing path per round; the last round is unlimited unless `maxVisits` caps it. */
  readonly rounds?: readonly number[];
  /** Most nodes one search may visit. @default Infinity */
  readonly maxVisits?: number;
}

/** The packing bound and the number of cycles used. */
export interface CyclePackingBound {
  readonly bound: number;
  readonly cycles: number;
}

/** A lower bound on the frustration index from cycles closed around `side`'s frustrated ties. */
export function cyclePackingBound(
  g: SignedGraph,
  weighted: boolean,
  side: Uint8Array,
  options: CyclePackingOptions = {},
): CyclePackingBound {
  const n = g.nodes.length;
  const m = g.u.length;
  const rounds = options.rounds ?? [2, 3, 4, 6, n];
  const maxVisits = options.maxVisits ?? Number.POSITIVE_INFINITY;
  const cap = new Float64Array(m);
  const frustratedList: number[] = [];
  const isFrustrated = new Uint8Array(m);
  for (let k = 0; k < m; k++) {
    cap[k] = weighted ? g.weight[k] : 1;
    if ((side[g.u[k]] === side[g.v[k]]) !== g.sign[k] > 0) {
      frustratedList.push(k);
      isFrustrated[k] = 1;
    }
  }
  // Light ties first: with weights, they are the cheapest cycles to close.
  if (weighted) frustratedList.sort((a, b) => g.weight[a] - g.weight[b]);
  const stamp = new Int32Array(n);
  const depth = new Int32Array(n);
  const viaEdge = new Int32Array(n);
  const queue = new Int32Array(n);
  let search = 0;
  let bound = 0;
  let cycles = 0;
  const eps = 1e-12;
  for (const limit of rounds) {
    for (const f of frustratedList) {
      while (cap[f] > eps) {
        const s = g.u[f];
        const t = g.v[f];
        search++;
        stamp[s] = search;
        depth[s] = 0;
        let head = 0;
        let tail = 0;
        queue[tail++] = s;
        let found = false;
        while (head < tail && !found && tail < maxVisits) {
          const x = queue[head++];
          if (depth[x] >= limit) continue;
          for (let p = g.offsets[x]; p < g.offsets[x + 1]; p++) {
            const e = g.adjEdge[p];
            if (isFrustrated[e] || cap[e] <= eps) continue;
            const y = g.adj[p];
            if (stamp[y] === search) continue;
            stamp[y] = search;
            depth[y] = depth[x] + 1;
            viaEdge[y] = e;
            if (y === t) {
              found = true;
              break;
            }
            queue[tail++] = y;
          }
        }
        if (!found) break;
        let c = cap[f];
        for (let x = t; x !== s; ) {
          const e = viaEdge[x];
          if (cap[e] < c) c = cap[e];
          x = g.u[e] === x ? g.v[e] : g.u[e];
        }
        cap[f] -= c;
        for (let x = t; x !== s; ) {
          const e = viaEdge[x];
          cap[e] -= c;
          x = g.u[e] === x ? g.v[e] : g.u[e];
        }
        bound += c;
        cycles++;
      }
    }
  }
  return { bound, cycles };
}
