/**
 * Signed triad census and the unbalanced triads of an undirected signed graph: every triangle is
 * classified by its signs (+++, ++−, +−−, −−−). After Heider (1946) and Cartwright & Harary
 * (1956), a triangle is balanced when the product of its signs is positive (+++, "the friend of my
 * friend is my friend"; +−−, "the enemy of my enemy is my friend") and unbalanced otherwise (++−,
 * −−−). The balance ratio is the share of balanced triangles — the triangle index of Aref & Wilson
 * (2018, §3) — and its weighted form weights each triangle by the product of its three edge
 * weights, which makes it (1 + tr(A³)/tr(|A|³))/2 for the signed weighted adjacency A: the
 * length-3 term of the walk-based balance of Estrada & Benzi (2014). Triangles are listed with the
 * degree orientation of `triangles.ts` (Chiba & Nishizeki 1985; Latapy 2008) in O(m^1.5).
 * Equations and conventions: docs/analysis/balance.md.
 *
 * - F. Heider (1946), Attitudes and cognitive organization. J. Psychology 21, 107–112.
 * - D. Cartwright & F. Harary (1956), Structural balance: a generalization of Heider's theory.
 *   Psychological Review 63(5), 277–293.
 * - S. Aref & M. C. Wilson (2018), Measuring partial balance in signed networks. J. Complex
 *   Networks 6(4), 566–595.
 * - E. Estrada & M. Benzi (2014), Walk-based measure of balance in signed networks: detecting lack
 *   of balance in social networks. Physical Review E 90, 042802.
 */
import { EntenteError } from '../../errors.js';
import type { SignedGraph } from '../signed-graph.js';
import { forwardAdjacency } from './triangles.js';

/** Sign pattern of a triangle, written with ASCII `+` and `-`, positive signs first. */
export type TriadPattern = '+++' | '++-' | '+--' | '---';

/** The four patterns, indexed by the number of negative edges. */
export const TRIAD_PATTERNS: readonly TriadPattern[] = Object.freeze(['+++', '++-', '+--', '---']);

/** Counts and weights of a graph's triangles by sign pattern. */
export interface TriadCensus {
  /** Number of triangles of each pattern. */
  readonly counts: Readonly<Record<TriadPattern, number>>;
  /** Summed weight (product of the three edge weights) of the triangles of each pattern. */
  readonly weights: Readonly<Record<TriadPattern, number>>;
  /** Number of triangles. */
  readonly triangles: number;
  /** Triangles with +++ or +−− signs. */
  readonly balanced: number;
  /** Triangles with ++− or −−− signs. */
  readonly unbalanced: number;
  /** balanced / triangles; `null` when the graph has no triangle. */
  readonly ratio: number | null;
  /** Balanced share of the total triangle weight; `null` when that total is 0. */
  readonly weightedRatio: number | null;
}

/**
 * Counts the triangles of `g` by sign pattern and computes the balance ratios.
 * @example triadCensus(g).counts['++-'] // triangles with exactly one negative edge
 */
export function triadCensus(g: SignedGraph): TriadCensus {
  const n = g.nodes.length;
  const { offsets, head, edge } = forwardAdjacency(g);
  // Negative flags and weights laid out in forward order, so the inner loop reads them
  // sequentially (bc) or from the current node's short forward list (ac), not by edge index.
  const m = head.length;
  const neg = new Uint8Array(m);
  const w = new Float64Array(m);
  for (let p = 0; p < m; p++) {
    const k = edge[p];
    neg[p] = g.sign[k] < 0 ? 1 : 0;
    w[p] = g.weight[k];
  }
  // mark[x] = 1 + forward position of the edge from the current node to x; 0 when x is not a
  // forward neighbour.
  const mark = new Int32Array(n);
  const count = new Float64Array(4);
  const wsum = new Float64Array(4);
  for (let a = 0; a < n; a++) {
    const s = offsets[a];
    const e = offsets[a + 1];
    if (e - s < 2) continue;
    for (let p = s; p < e; p++) mark[head[p]] = p + 1;
    const last = head[e - 1];
    for (let p = s; p < e; p++) {
      const b = head[p];
      const negAb = neg[p];
      const wAb = w[p];
      const qe = offsets[b + 1];
      // Lists ascend, so nothing in b's list beyond a's highest neighbour can close a triangle.
      for (let q = offsets[b]; q < qe; q++) {
        const x = head[q];
        if (x > last) break;
        const mk = mark[x];
        if (mk === 0) continue;
        const c = negAb + neg[q] + neg[mk - 1];
        count[c]++;
        wsum[c] += wAb * w[q] * w[mk - 1];
      }
    }
    for (let p = s; p < e; p++) mark[head[p]] = 0;
  }
  const triangles = count[0] + count[1] + count[2] + count[3];
  const balanced = count[0] + count[2];
  const totalWeight = wsum[0] + wsum[1] + wsum[2] + wsum[3];
  return {
    counts: { '+++': count[0], '++-': count[1], '+--': count[2], '---': count[3] },
    weights: { '+++': wsum[0], '++-': wsum[1], '+--': wsum[2], '---': wsum[3] },
    triangles,
    balanced,
    unbalanced: count[1] + count[3],
    ratio: triangles === 0 ? null : balanced / triangles,
    weightedRatio: totalWeight === 0 ? null : (wsum[0] + wsum[2]) / totalWeight,
  };
}

/** Options of {@link unbalancedTriads}. */
export interface UnbalancedTriadsOptions {
  /** Most triads to return (the heaviest); `Infinity` for all. @default 1000 */
  readonly limit?: number | undefined;
}

/** {@link UnbalancedTriadsOptions} resolved; `limit: null` means no limit. */
export interface ResolvedUnbalancedTriadsOptions {
  readonly limit: number | null;
}

/** Default number of unbalanced triads returned. */
export const DEFAULT_TRIAD_LIMIT = 1000;

/**
 * Fills in the defaults of {@link UnbalancedTriadsOptions}.
 * @throws {EntenteError} `invalid-argument` when `limit` is not a non-negative integer or Infinity
 */
export function resolveUnbalancedTriadsOptions(
  options: UnbalancedTriadsOptions = {},
): ResolvedUnbalancedTriadsOptions {
  const limit = options.limit ?? DEFAULT_TRIAD_LIMIT;
  if (limit === Number.POSITIVE_INFINITY) return { limit: null };
  if (!Number.isInteger(limit) || limit < 0) {
    throw new EntenteError(
      'out-of-range',
      `unbalancedTriads: limit ${String(limit)} is not a non-negative integer; pass Infinity for all triads`,
    );
  }
  return { limit };
}

/**
 * One unbalanced triangle. Its actors are in code-unit order of their ids, and `edges`, `signs`
 * follow the pairs (nodes[0], nodes[1]), (nodes[0], nodes[2]), (nodes[1], nodes[2]).
 */
export interface UnbalancedTriad {
  readonly nodes: readonly [string, string, string];
  /** Edge indices into the graph (and into a projection's `ties`). */
  readonly edges: readonly [number, number, number];
  readonly signs: readonly [-1 | 1, -1 | 1, -1 | 1];
  readonly pattern: '++-' | '---';
  /** Product of the three edge weights. */
  readonly weight: number;
}

/** The unbalanced triads of a graph, heaviest first, with how many there are in all. */
export interface UnbalancedTriadList {
  readonly options: ResolvedUnbalancedTriadsOptions;
  /** Number of unbalanced triangles in the graph. */
  readonly total: number;
  /** True when `triads` holds fewer than `total` because of the limit. */
  readonly truncated: boolean;
  readonly triads: readonly UnbalancedTriad[];
}

/**
 * Lists the unbalanced triangles (++− and −−−) of `g`, sorted by weight (descending), then by
 * their actor ids; at most `limit` of them.
 * @throws {EntenteError} `invalid-argument` on a bad limit
 * @example unbalancedTriads(g, { limit: 10 }).triads[0].nodes // the heaviest contradiction
 */
export function unbalancedTriads(
  g: SignedGraph,
  options: UnbalancedTriadsOptions = {},
): UnbalancedTriadList {
  const resolved = resolveUnbalancedTriadsOptions(options);
  const found = collectUnbalanced(g);
  const total = found.length / 6;
  const { sign, weight, nodes } = g;
  // Canonical form first, so that weights are multiplied in an order independent of node numbering.
  const make = (t: number): UnbalancedTriad => {
    const o = 6 * t;
    const corner = [found[o], found[o + 1], found[o + 2]];
    // Edge between corners i and j: 0–1 is ab, 1–2 is bc, 0–2 is ac (found[o + 3..5]).
    const between = (i: number, j: number) =>
      found[o + 3 + (i + j === 1 ? 0 : i + j === 3 ? 1 : 2)];
    const [x, y, z] = [0, 1, 2].sort((i, j) => compareIds(nodes[corner[i]], nodes[corner[j]]));
    const edges = [between(x, y), between(x, z), between(y, z)] as const;
    const signs = [sign[edges[0]], sign[edges[1]], sign[edges[2]]] as [-1 | 1, -1 | 1, -1 | 1];
    return {
      nodes: [nodes[corner[x]], nodes[corner[y]], nodes[corner[z]]],
      edges,
      signs,
      pattern: signs[0] + signs[1] + signs[2] === -3 ? '---' : '++-',
      weight: weight[edges[0]] * weight[edges[1]] * weight[edges[2]],
    };
  };
  let candidates: number[];
  const limit = resolved.limit ?? total;
  if (limit >= total) {
    candidates = Array.from({ length: total }, (_, t) => t);
  } else if (limit === 0) {
    candidates = [];
  } else {
    // Keep only triads at least as heavy as the limit-th heaviest (ties kept), then sort those.
    const w = new Float64Array(total);
    for (let t = 0; t < total; t++) {
      w[t] = weight[found[6 * t + 3]] * weight[found[6 * t + 4]] * weight[found[6 * t + 5]];
    }
    const sorted = w.slice().sort();
    // Products in another order may differ in the last bit; a relative margin keeps every tie.
    const threshold = sorted[total - limit] * (1 - 1e-12);
    candidates = [];
    for (let t = 0; t < total; t++) if (w[t] >= threshold) candidates.push(t);
  }
  const triads = candidates.map(make);
  triads.sort(compareTriads);
  if (triads.length > limit) triads.length = limit;
  return { options: resolved, total, truncated: triads.length < total, triads };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareTriads(a: UnbalancedTriad, b: UnbalancedTriad): number {
  if (a.weight !== b.weight) return b.weight - a.weight;
  return (
    compareIds(a.nodes[0], b.nodes[0]) ||
    compareIds(a.nodes[1], b.nodes[1]) ||
    compareIds(a.nodes[2], b.nodes[2])
  );
}

/** Corners (a, b, c) and edges (ab, bc, ac) of every unbalanced triangle, six entries each. */
function collectUnbalanced(g: SignedGraph): Int32Array {
  const n = g.nodes.length;
  const { order, offsets, head, edge } = forwardAdjacency(g);
  const { sign } = g;
  const mark = new Int32Array(n);
  let out = new Int32Array(96);
  let len = 0;
  for (let a = 0; a < n; a++) {
    const s = offsets[a];
    const e = offsets[a + 1];
    if (e - s < 2) continue;
    for (let p = s; p < e; p++) mark[head[p]] = edge[p] + 1;
    const last = head[e - 1];
    for (let p = s; p < e; p++) {
      const b = head[p];
      const ab = edge[p];
      const qe = offsets[b + 1];
      for (let q = offsets[b]; q < qe; q++) {
        const x = head[q];
        if (x > last) break;
        const mk = mark[x];
        if (mk === 0) continue;
        const bc = edge[q];
        const ac = mk - 1;
        if (sign[ab] * sign[bc] * sign[ac] > 0) continue;
        if (len + 6 > out.length) {
          const bigger = new Int32Array(out.length * 2);
          bigger.set(out);
          out = bigger;
        }
        out[len++] = order[a];
        out[len++] = order[b];
        out[len++] = order[x];
        out[len++] = ab;
        out[len++] = bc;
        out[len++] = ac;
      }
    }
    for (let p = s; p < e; p++) mark[head[p]] = 0;
  }
  return out.subarray(0, len);
}
