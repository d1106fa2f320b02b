/**
 * Doreian–Mrvar relocation: partitions a signed graph into k groups so that negative ties fall
 * between groups and positive ties inside them, minimising the criterion
 *
 *   P(C) = α·N + (1 − α)·P,
 *
 * where N is the total (count or weight) of negative ties inside groups and P the total of
 * positive ties between groups. Follows P. Doreian & A. Mrvar, "A partitioning approach to
 * structural balance", Social Networks 18 (1996) 149–168, §3 (the relocation algorithm), and
 * P. Doreian & A. Mrvar, "Partitioning signed social networks", Social Networks 31 (2009) 1–11.
 *
 * Multi-start local search: each start draws a seeded random partition with k non-empty groups,
 * then applies improving moves (one actor to another group) and transitions (two actors in
 * different groups swap) until neither lowers P(C). Gains are computed incrementally from an
 * n × k table of each actor's positive and negative tie totals towards each group (typed arrays),
 * so a move costs O(k) to evaluate and O(degree) to apply, a swap O(1) to evaluate.
 * Groups are kept non-empty (a move that would empty a group is not made), as in Pajek.
 */
import { EntenteError } from '../../errors.js';
import { createRng, randomInt, shuffle } from '../random.js';
import type { SignedGraph } from '../signed-graph.js';

/** Options of {@link relocate}. */
export interface RelocationOptions {
  /** Number of groups, 1 ≤ k ≤ number of actors. */
  readonly k: number;
  /** Weight of negative ties inside groups; positive ties between get 1 − α. @default 0.5 */
  readonly alpha?: number;
  /** Number of random starts. @default 100 */
  readonly starts?: number;
  /** Seed of the random starts. @default 1 */
  readonly seed?: number;
  /** Count tie weights (true) or ties (false), as Doreian & Mrvar do. @default false */
  readonly weighted?: boolean;
  /** Most distinct optimal partitions kept in `partitionsAtBest`. @default 10 */
  readonly maxPartitions?: number;
}

/** Relocation options with defaults filled in. */
export interface ResolvedRelocationOptions {
  readonly k: number;
  readonly alpha: number;
  readonly starts: number;
  readonly seed: number;
  readonly weighted: boolean;
  readonly maxPartitions: number;
}

/** The result of {@link relocate}. */
export interface RelocationResult {
  readonly options: ResolvedRelocationOptions;
  readonly k: number;
  readonly alpha: number;
  /** P(C) of the best partition found. */
  readonly error: number;
  /** Ties (counted, whatever `weighted` says) that break the partition's balance. */
  readonly violations: { readonly negativeWithin: number; readonly positiveBetween: number };
  /** Total weight of those ties. */
  readonly violationWeight: { readonly negativeWithin: number; readonly positiveBetween: number };
  /** The best partition: actor ids per group, groups ordered by their first actor in node order. */
  readonly groups: string[][];
  /** How many starts ended at the best value. */
  readonly optimalCount: number;
  /** Distinct partitions found at the best value (at most `maxPartitions`), same form as `groups`. */
  readonly partitionsAtBest: string[][][];
}

/** Fills in the defaults of relocation options. @throws {EntenteError} `invalid-argument` */
export function resolveRelocationOptions(
  n: number,
  options: RelocationOptions,
): ResolvedRelocationOptions {
  const { k } = options;
  const alpha = options.alpha ?? 0.5;
  const starts = options.starts ?? 100;
  const seed = options.seed ?? 1;
  const maxPartitions = options.maxPartitions ?? 10;
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new EntenteError(
      'out-of-range',
      `relocate: k = ${k}; expected an integer from 1 to the number of actors (${n})`,
    );
  }
  if (!(alpha >= 0 && alpha <= 1)) {
    throw new EntenteError('out-of-range', `relocate: alpha = ${alpha}; expected 0 ≤ α ≤ 1`);
  }
  if (!Number.isInteger(starts) || starts < 1) {
    throw new EntenteError('out-of-range', `relocate: starts = ${starts}; expected ≥ 1`);
  }
  if (!Number.isInteger(seed)) {
    throw new EntenteError('invalid-argument', `relocate: seed = ${seed}; expected an integer`);
  }
  if (!Number.isInteger(maxPartitions) || maxPartitions < 1) {
    throw new EntenteError(
      'out-of-range',
      `relocate: maxPartitions = ${maxPartitions}; expected ≥ 1`,
    );
  }
  return { k, alpha, starts, seed, weighted: options.weighted ?? false, maxPartitions };
}

/**
 * P(C) of a given assignment of actors to groups (`group[i]` in 0..k−1).
 * @throws {EntenteError} `invalid-argument` when `group` has the wrong length
 */
export function relocationError(
  g: SignedGraph,
  group: ArrayLike<number>,
  alpha = 0.5,
  weighted = false,
): number {
  if (group.length !== g.nodes.length) {
    throw new EntenteError(
      'invalid-argument',
      `relocationError: ${group.length} group labels for ${g.nodes.length} actors`,
    );
  }
  let neg = 0;
  let pos = 0;
  for (let e = 0; e < g.u.length; e++) {
    const w = weighted ? g.weight[e] : 1;
    const same = group[g.u[e]] === group[g.v[e]];
    if (g.sign[e] < 0 && same) neg += w;
    else if (g.sign[e] > 0 && !same) pos += w;
  }
  return alpha * neg + (1 - alpha) * pos;
}

/**
 * Partitions a signed graph into k groups by Doreian–Mrvar relocation (multi-start).
 * @throws {EntenteError} `invalid-argument` on a bad k, α, number of starts or seed
 * @example relocate(g, { k: 3 }).violations // { negativeWithin: 0, positiveBetween: 2 } on Read's tribes
 */
export function relocate(g: SignedGraph, options: RelocationOptions): RelocationResult {
  const n = g.nodes.length;
  const o = resolveRelocationOptions(n, options);
  const { k, alpha } = o;
  const m = g.u.length;
  // Per-edge cost of a violation: α·w for a negative tie inside, (1−α)·w for a positive between.
  const w = new Float64Array(m);
  for (let e = 0; e < m; e++) w[e] = o.weighted ? g.weight[e] : 1;
  const posTotal = new Float64Array(n);
  for (let e = 0; e < m; e++) {
    if (g.sign[e] > 0) {
      posTotal[g.u[e]] += w[e];
      posTotal[g.v[e]] += w[e];
    }
  }
  const scale = w.reduce((s, x) => s + x, 0);
  const eps = 1e-12 * Math.max(1, scale);

  const rng = createRng(o.seed);
  const group = new Int32Array(n);
  const size = new Int32Array(k);
  const pos = new Float64Array(n * k); // pos[i*k+c]: weight of i's positive ties into group c
  const neg = new Float64Array(n * k);
  const tieTo = new Float64Array(n); // signed weight of i's tie to each node, during swaps
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;

  const moveDelta = (i: number, b: number): number => {
    const a = group[i];
    const ia = i * k + a;
    const ib = i * k + b;
    return alpha * (neg[ib] - neg[ia]) + (1 - alpha) * (pos[ia] - pos[ib]);
  };
  const apply = (i: number, b: number) => {
    const a = group[i];
    group[i] = b;
    size[a]--;
    size[b]++;
    for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) {
      const j = g.adj[p];
      const e = g.adjEdge[p];
      const table = g.sign[e] > 0 ? pos : neg;
      table[j * k + a] -= w[e];
      table[j * k + b] += w[e];
    }
  };

  let best = Number.POSITIVE_INFINITY;
  let optimalCount = 0;
  const bestPartitions = new Map<string, Int32Array>();

  for (let s = 0; s < o.starts; s++) {
    // A random partition with k non-empty groups: k random actors seed the groups.
    shuffle(rng, order);
    size.fill(0);
    for (let t = 0; t < n; t++) {
      const i = order[t];
      group[i] = t < k ? t : randomInt(rng, k);
      size[group[i]]++;
    }
    pos.fill(0);
    neg.fill(0);
    for (let e = 0; e < m; e++) {
      const table = g.sign[e] > 0 ? pos : neg;
      table[g.u[e] * k + group[g.v[e]]] += w[e];
      table[g.v[e] * k + group[g.u[e]]] += w[e];
    }
    let improved = true;
    while (improved) {
      improved = false;
      // Moves: each actor to its best other group.
      for (let i = 0; i < n; i++) {
        if (size[group[i]] === 1) continue;
        let bestB = -1;
        let bestD = -eps;
        for (let b = 0; b < k; b++) {
          if (b === group[i]) continue;
          const d = moveDelta(i, b);
          if (d < bestD) {
            bestD = d;
            bestB = b;
          }
        }
        if (bestB >= 0) {
          apply(i, bestB);
          improved = true;
        }
      }
      if (improved || k < 2) continue;
      // Transitions: swap two actors of different groups. Both single-move deltas assume the
      // other actor stays put; a tie between them is neither gained nor lost by the swap.
      for (let i = 0; i < n; i++) {
        for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) {
          tieTo[g.adj[p]] = g.sign[g.adjEdge[p]] * w[g.adjEdge[p]];
        }
        for (let j = i + 1; j < n; j++) {
          const a = group[i];
          const b = group[j];
          if (a === b) continue;
          const t = tieTo[j];
          const correction = t > 0 ? 2 * (1 - alpha) * t : t < 0 ? 2 * alpha * t : 0;
          const d = moveDelta(i, b) + moveDelta(j, a) + correction;
          if (d < -eps) {
            apply(i, b);
            apply(j, a);
            improved = true;
          }
        }
        for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) tieTo[g.adj[p]] = 0;
      }
    }
    const value = relocationError(g, group, alpha, o.weighted);
    if (value < best - eps) {
      best = value;
      optimalCount = 0;
      bestPartitions.clear();
    }
    if (Math.abs(value - best) <= eps) {
      optimalCount++;
      const canon = canonical(group, k);
      const key = canon.join(',');
      if (!bestPartitions.has(key) && bestPartitions.size < o.maxPartitions) {
        bestPartitions.set(key, canon);
      }
    }
  }

  const partitions = [...bestPartitions.values()];
  const first = partitions[0] as Int32Array;
  const violations = { negativeWithin: 0, positiveBetween: 0 };
  const violationWeight = { negativeWithin: 0, positiveBetween: 0 };
  for (let e = 0; e < m; e++) {
    const same = first[g.u[e]] === first[g.v[e]];
    if (g.sign[e] < 0 && same) {
      violations.negativeWithin++;
      violationWeight.negativeWithin += g.weight[e];
    } else if (g.sign[e] > 0 && !same) {
      violations.positiveBetween++;
      violationWeight.positiveBetween += g.weight[e];
    }
  }
  return {
    options: o,
    k,
    alpha,
    error: best,
    violations,
    violationWeight,
    groups: toGroups(g.nodes, first, k),
    optimalCount,
    partitionsAtBest: partitions.map((p) => toGroups(g.nodes, p, k)),
  };
}

/** Relabels groups in order of first appearance, so equal partitions compare equal. */
function canonical(group: Int32Array, k: number): Int32Array {
  const label = new Int32Array(k).fill(-1);
  const out = new Int32Array(group.length);
  let next = 0;
  for (let i = 0; i < group.length; i++) {
    if (label[group[i]] < 0) label[group[i]] = next++;
    out[i] = label[group[i]];
  }
  return out;
}

function toGroups(nodes: readonly string[], group: Int32Array, k: number): string[][] {
  const groups: string[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < nodes.length; i++) groups[group[i]].push(nodes[i]);
  return groups;
}
