/**
 * Maximises signed modularity (Traag & Bruggeman 2009; see signed-modularity.ts) with the
 * Louvain method of V. D. Blondel, J.-L. Guillaume, R. Lambiotte & E. Lefebvre, "Fast unfolding
 * of communities in large networks", J. Stat. Mech. (2008) P10008: local moving of single nodes
 * in seeded random order until no move raises Q, then aggregation of each community into one
 * node, repeated until a level moves nothing.
 *
 * Signed null model. Moving an isolated node i into community c changes (2m⁺ + 2m⁻)·Q by
 *   2·[ (w⁺_{i,c} − w⁻_{i,c}) − k⁺_i tot⁺_c / 2m⁺ + k⁻_i tot⁻_c / 2m⁻ ],
 * with w±_{i,c} the weight of i's ties into c and tot±_c the degree sum of c. Unlike the positive
 * case, the last term rewards joining a community that i has no tie to (one with much negative
 * degree), so candidate communities are all communities while the level has at most
 * `fullScanLimit` nodes, and only those of i's neighbours (plus an empty one) above that.
 * All per-level data live in typed arrays (CSR with separate positive and negative weights).
 * Louvain ends in a local optimum that depends on the node order, so each run ends with one more
 * local moving phase on the original actors (from the run's partition), and `starts` runs (one
 * seeded stream, consumed in turn) are made and the partition of highest Q kept.
 */
import { EntenteError } from '../../errors.js';
import { createRng, shuffle } from '../random.js';
import type { SignedGraph } from '../signed-graph.js';
import { modularityOfLabels } from './signed-modularity.js';

/** Options of {@link maximizeSignedModularity}. */
export interface MaximizeSignedModularityOptions {
  /** Seed of the node orders. @default 1 */
  readonly seed?: number;
  /** Independent Louvain runs; the best is kept. @default 10 */
  readonly starts?: number;
  /** Use tie weights (true) or count ties (false). @default true */
  readonly weighted?: boolean;
  /** Levels with at most this many nodes consider every community for each move. @default 2000 */
  readonly fullScanLimit?: number;
}

/** The result of {@link maximizeSignedModularity}. */
export interface SignedModularityResult {
  readonly options: {
    readonly seed: number;
    readonly starts: number;
    readonly weighted: boolean;
    readonly fullScanLimit: number;
  };
  /** Q of `groups`, recomputed from scratch. */
  readonly modularity: number;
  /** Actor ids per community, communities ordered by their first actor in node order. */
  readonly groups: string[][];
  /** Number of Louvain levels that moved at least one node, in the best run. */
  readonly levels: number;
  /** How many runs reached the best Q (within 1e-12). */
  readonly optimalCount: number;
}

interface Level {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly nbr: Int32Array;
  readonly wPos: Float64Array;
  readonly wNeg: Float64Array;
  readonly kPos: Float64Array;
  readonly kNeg: Float64Array;
}

/**
 * Finds a partition of high signed modularity by Louvain local moving and aggregation.
 * @throws {EntenteError} `invalid-argument` when the graph has no ties or an option is bad
 * @example maximizeSignedModularity(g, { seed: 7 }).groups
 */
export function maximizeSignedModularity(
  g: SignedGraph,
  options: MaximizeSignedModularityOptions = {},
): SignedModularityResult {
  const seed = options.seed ?? 1;
  const weighted = options.weighted ?? true;
  const fullScanLimit = options.fullScanLimit ?? 2000;
  const starts = options.starts ?? 10;
  if (!Number.isInteger(starts) || starts < 1) {
    throw new EntenteError(
      'out-of-range',
      `maximizeSignedModularity: starts = ${starts}; expected an integer ≥ 1`,
    );
  }
  if (!Number.isInteger(seed)) {
    throw new EntenteError(
      'invalid-argument',
      `maximizeSignedModularity: seed = ${seed}; expected an integer`,
    );
  }
  if (!(fullScanLimit >= 0)) {
    throw new EntenteError(
      'out-of-range',
      `maximizeSignedModularity: fullScanLimit = ${fullScanLimit}; expected ≥ 0`,
    );
  }
  let mPos = 0;
  let mNeg = 0;
  for (let e = 0; e < g.u.length; e++) {
    const w = weighted ? g.weight[e] : 1;
    if (g.sign[e] > 0) mPos += w;
    else mNeg += w;
  }
  if (mPos + mNeg === 0) {
    throw new EntenteError(
      'invalid-argument',
      'maximizeSignedModularity: the graph has no ties of positive weight; modularity is undefined',
    );
  }
  // Coefficients of the null-model terms; a layer without ties contributes nothing.
  const cPos = mPos > 0 ? 1 / (2 * mPos) : 0;
  const cNeg = mNeg > 0 ? 1 / (2 * mNeg) : 0;
  const rng = createRng(seed);

  let best: { membership: Int32Array; q: number; levels: number } | null = null;
  let optimalCount = 0;
  for (let s = 0; s < starts; s++) {
    const run = louvain(g, weighted, cPos, cNeg, fullScanLimit, rng);
    const q = modularityOfLabels(g, run.membership, weighted);
    if (best === null || q > best.q + 1e-12) {
      best = { ...run, q };
      optimalCount = 1;
    } else if (Math.abs(q - best.q) <= 1e-12) optimalCount++;
  }
  const { membership, q, levels } = best as { membership: Int32Array; q: number; levels: number };
  return {
    options: { seed, starts, weighted, fullScanLimit },
    modularity: q,
    groups: groupsOf(g.nodes, membership),
    levels,
    optimalCount,
  };
}

/** One Louvain run: levels of local moving and aggregation until a level moves nothing. */
function louvain(
  g: SignedGraph,
  weighted: boolean,
  cPos: number,
  cNeg: number,
  fullScanLimit: number,
  rng: () => number,
): { membership: Int32Array; levels: number } {
  const n0 = g.nodes.length;
  let level = firstLevel(g, weighted);
  const membership = new Int32Array(n0);
  for (let i = 0; i < n0; i++) membership[i] = i;
  let levels = 0;
  for (;;) {
    const comm = moveNodes(level, cPos, cNeg, fullScanLimit, rng);
    if (comm === null) break;
    levels++;
    const { next, relabel } = aggregate(level, comm);
    for (let i = 0; i < n0; i++) membership[i] = relabel[comm[membership[i]]];
    level = next;
    if (level.n === 1) break;
  }
  // Aggregation freezes communities; one more local moving phase on the original nodes, from
  // the final partition, lets single actors leave a community they no longer fit.
  const refined = moveNodes(firstLevel(g, weighted), cPos, cNeg, fullScanLimit, rng, membership);
  return { membership: refined ?? membership, levels };
}

function firstLevel(g: SignedGraph, weighted: boolean): Level {
  const n = g.nodes.length;
  const nbr = g.adj;
  const wPos = new Float64Array(nbr.length);
  const wNeg = new Float64Array(nbr.length);
  const kPos = new Float64Array(n);
  const kNeg = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) {
      const e = g.adjEdge[p];
      const w = weighted ? g.weight[e] : 1;
      if (g.sign[e] > 0) {
        wPos[p] = w;
        kPos[i] += w;
      } else {
        wNeg[p] = w;
        kNeg[i] += w;
      }
    }
  }
  return { n, offsets: g.offsets, nbr, wPos, wNeg, kPos, kNeg };
}

/**
 * Local moving phase from `initial` communities (labels in 0..n−1; singletons when absent);
 * returns each node's community, or null when no node moved.
 */
function moveNodes(
  L: Level,
  cPos: number,
  cNeg: number,
  fullScanLimit: number,
  rng: () => number,
  initial?: Int32Array,
): Int32Array | null {
  const { n } = L;
  const comm = initial ? initial.slice() : new Int32Array(n);
  const size = new Int32Array(n);
  const totPos = new Float64Array(n);
  const totNeg = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!initial) comm[i] = i;
    size[comm[i]]++;
    totPos[comm[i]] += L.kPos[i];
    totNeg[comm[i]] += L.kNeg[i];
  }
  const linkPos = new Float64Array(n);
  const linkNeg = new Float64Array(n);
  const touched = new Int32Array(n);
  const isTouched = new Uint8Array(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const empty: number[] = [];
  for (let c = n - 1; c >= 0; c--) if (size[c] === 0) empty.push(c);
  const fullScan = n <= fullScanLimit;
  let scale = 0;
  for (let i = 0; i < n; i++) scale += L.kPos[i] + L.kNeg[i];
  const eps = 1e-12 * Math.max(1, scale);
  let movedAny = false;
  let moved = true;
  while (moved) {
    moved = false;
    shuffle(rng, order);
    for (let t = 0; t < n; t++) {
      const i = order[t];
      const a = comm[i];
      const kp = L.kPos[i];
      const kn = L.kNeg[i];
      let nt = 0;
      for (let p = L.offsets[i]; p < L.offsets[i + 1]; p++) {
        const j = L.nbr[p];
        if (j === i) continue;
        const c = comm[j];
        if (!isTouched[c]) {
          isTouched[c] = 1;
          touched[nt++] = c;
        }
        linkPos[c] += L.wPos[p];
        linkNeg[c] += L.wNeg[p];
      }
      // Take i out of its community.
      totPos[a] -= kp;
      totNeg[a] -= kn;
      size[a]--;
      const gain = (c: number) =>
        linkPos[c] - linkNeg[c] - kp * totPos[c] * cPos + kn * totNeg[c] * cNeg;
      let best = a;
      let bestGain = size[a] === 0 ? 0 : gain(a);
      const consider = (c: number) => {
        if (c === a) return;
        const x = gain(c);
        if (x > bestGain + eps) {
          bestGain = x;
          best = c;
        }
      };
      if (fullScan) {
        for (let c = 0; c < n; c++) if (size[c] > 0) consider(c);
      } else {
        for (let q = 0; q < nt; q++) consider(touched[q]);
      }
      // Alone in a new community: gain 0.
      if (bestGain < -eps && size[a] > 0) {
        while (empty.length > 0 && size[empty[empty.length - 1]] > 0) empty.pop();
        const fresh = empty.pop();
        if (fresh !== undefined) {
          best = fresh;
          bestGain = 0;
        }
      }
      comm[i] = best;
      totPos[best] += kp;
      totNeg[best] += kn;
      size[best]++;
      if (size[a] === 0) empty.push(a);
      if (best !== a) {
        moved = true;
        movedAny = true;
      }
      for (let q = 0; q < nt; q++) {
        const c = touched[q];
        linkPos[c] = 0;
        linkNeg[c] = 0;
        isTouched[c] = 0;
      }
    }
  }
  return movedAny ? comm : null;
}

/** Collapses each community into one node; self-loops keep the weight inside communities. */
function aggregate(L: Level, comm: Int32Array): { next: Level; relabel: Int32Array } {
  const relabel = new Int32Array(L.n).fill(-1);
  let c = 0;
  for (let i = 0; i < L.n; i++) if (relabel[comm[i]] < 0) relabel[comm[i]] = c++;
  const kPos = new Float64Array(c);
  const kNeg = new Float64Array(c);
  const rows: Map<number, [number, number]>[] = Array.from({ length: c }, () => new Map());
  for (let i = 0; i < L.n; i++) {
    const a = relabel[comm[i]];
    kPos[a] += L.kPos[i];
    kNeg[a] += L.kNeg[i];
    for (let p = L.offsets[i]; p < L.offsets[i + 1]; p++) {
      const b = relabel[comm[L.nbr[p]]];
      const cell = rows[a].get(b);
      if (cell) {
        cell[0] += L.wPos[p];
        cell[1] += L.wNeg[p];
      } else rows[a].set(b, [L.wPos[p], L.wNeg[p]]);
    }
  }
  const offsets = new Int32Array(c + 1);
  for (let a = 0; a < c; a++) offsets[a + 1] = offsets[a] + rows[a].size;
  const total = offsets[c];
  const nbr = new Int32Array(total);
  const wPos = new Float64Array(total);
  const wNeg = new Float64Array(total);
  for (let a = 0; a < c; a++) {
    let p = offsets[a];
    for (const [b, [wp, wn]] of rows[a]) {
      nbr[p] = b;
      wPos[p] = wp;
      wNeg[p] = wn;
      p++;
    }
  }
  return { next: { n: c, offsets, nbr, wPos, wNeg, kPos, kNeg }, relabel };
}

function groupsOf(nodes: readonly string[], membership: Int32Array): string[][] {
  const index = new Map<number, number>();
  const groups: string[][] = [];
  for (let i = 0; i < nodes.length; i++) {
    let c = index.get(membership[i]);
    if (c === undefined) {
      c = groups.length;
      index.set(membership[i], c);
      groups.push([]);
    }
    groups[c].push(nodes[i]);
  }
  return groups;
}
