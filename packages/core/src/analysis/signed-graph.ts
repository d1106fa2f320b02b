/**
 * The compact signed graph every analysis runs on: actors numbered 0..n−1 and undirected signed,
 * weighted edges stored in typed arrays, with a CSR adjacency for the inner loops.
 */
import { EntenteError } from '../errors.js';

/** An undirected signed graph. Edge k joins `u[k]` and `v[k]` (u < v) with `sign[k]` ∈ {−1, +1}. */
export interface SignedGraph {
  /** Actor ids; node i is `nodes[i]`. */
  readonly nodes: readonly string[];
  readonly u: Int32Array;
  readonly v: Int32Array;
  readonly sign: Int8Array;
  /** Non-negative strength of each edge (1 for unweighted input). */
  readonly weight: Float64Array;
  /** CSR adjacency: neighbours of i are `adj[offsets[i]] .. adj[offsets[i+1]-1]`. */
  readonly offsets: Int32Array;
  readonly adj: Int32Array;
  /** Edge index of each adjacency entry, parallel to `adj`. */
  readonly adjEdge: Int32Array;
}

/** One signed edge given by actor ids. */
export interface SignedEdgeInput {
  readonly source: string;
  readonly target: string;
  readonly sign: -1 | 1;
  readonly weight?: number;
}

/**
 * Builds a {@link SignedGraph}. Node order is `nodes` when given (every edge endpoint must be in
 * it), else the order of first appearance in `edges`.
 * @throws {EntenteError} `invalid-argument` on a self-loop, a duplicate pair, an unknown node, a
 * sign other than ±1 or a negative or non-finite weight
 */
export function signedGraph(
  edges: readonly SignedEdgeInput[],
  nodes?: readonly string[],
): SignedGraph {
  const index = new Map<string, number>();
  const order: string[] = [];
  const add = (id: string) => {
    if (!index.has(id)) {
      index.set(id, order.length);
      order.push(id);
    }
  };
  if (nodes) for (const id of nodes) add(id);
  const m = edges.length;
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  const sign = new Int8Array(m);
  const weight = new Float64Array(m);
  const seen = new Set<string>();
  edges.forEach((e, k) => {
    if (nodes && (!index.has(e.source) || !index.has(e.target))) {
      throw new EntenteError(
        'not-found',
        `signedGraph: edge ${k} names a node not in the node list`,
      );
    }
    add(e.source);
    add(e.target);
    const a = index.get(e.source) as number;
    const b = index.get(e.target) as number;
    if (a === b)
      throw new EntenteError(
        'invalid-argument',
        `signedGraph: edge ${k} is a self-loop on "${e.source}"`,
      );
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const key = `${lo},${hi}`;
    if (seen.has(key)) {
      throw new EntenteError(
        'invalid-argument',
        `signedGraph: edge ${k} repeats the pair "${e.source}"–"${e.target}"; combine parallel ties first`,
      );
    }
    seen.add(key);
    if (e.sign !== 1 && e.sign !== -1)
      throw new EntenteError(
        'invalid-argument',
        `signedGraph: edge ${k} has sign ${String(e.sign)}; expected -1 or 1`,
      );
    const w = e.weight ?? 1;
    if (!Number.isFinite(w) || w < 0)
      throw new EntenteError(
        'out-of-range',
        `signedGraph: edge ${k} has weight ${w}; expected a finite number ≥ 0`,
      );
    u[k] = lo;
    v[k] = hi;
    sign[k] = e.sign;
    weight[k] = w;
  });
  return withAdjacency(order, u, v, sign, weight);
}

/** Adds the CSR adjacency to edge arrays. */
export function withAdjacency(
  nodes: readonly string[],
  u: Int32Array,
  v: Int32Array,
  sign: Int8Array,
  weight: Float64Array,
): SignedGraph {
  const n = nodes.length;
  const m = u.length;
  const degree = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) {
    degree[u[k] + 1]++;
    degree[v[k] + 1]++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i + 1];
  const fill = offsets.slice(0, n);
  const adj = new Int32Array(2 * m);
  const adjEdge = new Int32Array(2 * m);
  for (let k = 0; k < m; k++) {
    const a = u[k];
    const b = v[k];
    let p = fill[a]++;
    adj[p] = b;
    adjEdge[p] = k;
    p = fill[b]++;
    adj[p] = a;
    adjEdge[p] = k;
  }
  return { nodes, u, v, sign, weight, offsets, adj, adjEdge };
}
