/**
 * The signed subgraph spanned by a set of edges, with nodes renumbered 0..k−1; used to solve each
 * biconnected block of a graph on its own.
 */
import { type SignedGraph, withAdjacency } from '../signed-graph.js';

/** A subgraph and the global index of each of its nodes and edges. */
export interface Subgraph {
  readonly graph: SignedGraph;
  /** Global node index of each local node. */
  readonly nodes: Int32Array;
  /** Global edge index of each local edge. */
  readonly edges: Int32Array;
}

/** The subgraph of `g` formed by `edges` over `nodes` (all their endpoints must be in `nodes`). */
export function edgeSubgraph(g: SignedGraph, nodes: Int32Array, edges: Int32Array): Subgraph {
  const local = new Map<number, number>();
  for (let i = 0; i < nodes.length; i++) local.set(nodes[i], i);
  const m = edges.length;
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  const sign = new Int8Array(m);
  const weight = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const e = edges[k];
    const a = local.get(g.u[e]) as number;
    const b = local.get(g.v[e]) as number;
    u[k] = Math.min(a, b);
    v[k] = Math.max(a, b);
    sign[k] = g.sign[e];
    weight[k] = g.weight[e];
  }
  const ids = Array.from(nodes, (x) => g.nodes[x]);
  return { graph: withAdjacency(ids, u, v, sign, weight), nodes, edges };
}
