/**
 * Biconnected blocks of a signed graph (Hopcroft & Tarjan 1973, "Algorithm 447: efficient
 * algorithms for graph manipulation", CACM 16(6)), computed iteratively with an edge stack.
 *
 * Why it matters for the frustration index: two blocks share at most one (cut) vertex, and
 * switching every node of one side of a cut vertex leaves the frustration of each block unchanged,
 * so the index is the sum of the blocks' indices and their optimal splits glue together.
 * A bridge is a block of one edge and is never frustrated.
 */
import type { SignedGraph } from '../signed-graph.js';

/** One biconnected block: its nodes and edges (global indices). */
export interface Block {
  readonly nodes: Int32Array;
  readonly edges: Int32Array;
}

/** The blocks of `g` (isolated nodes belong to none). */
export function biconnectedBlocks(g: SignedGraph): Block[] {
  const n = g.nodes.length;
  const m = g.u.length;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parentEdge = new Int32Array(n).fill(-1);
  const cursor = new Int32Array(n);
  const stack = new Int32Array(n);
  const edgeStack = new Int32Array(m);
  const seenEdge = new Uint8Array(m);
  const mark = new Int32Array(n).fill(-1);
  let edgeTop = 0;
  let time = 0;
  const blocks: Block[] = [];
  const popBlock = (untilEdge: number) => {
    const edges: number[] = [];
    const nodes: number[] = [];
    const id = blocks.length;
    for (;;) {
      const e = edgeStack[--edgeTop];
      edges.push(e);
      for (const x of [g.u[e], g.v[e]]) {
        if (mark[x] !== id) {
          mark[x] = id;
          nodes.push(x);
        }
      }
      if (e === untilEdge) break;
    }
    blocks.push({ nodes: Int32Array.from(nodes), edges: Int32Array.from(edges) });
  };
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    let top = 0;
    stack[top++] = root;
    disc[root] = low[root] = time++;
    cursor[root] = g.offsets[root];
    while (top > 0) {
      const x = stack[top - 1];
      if (cursor[x] < g.offsets[x + 1]) {
        const p = cursor[x]++;
        const y = g.adj[p];
        const e = g.adjEdge[p];
        if (e === parentEdge[x] || seenEdge[e]) continue;
        seenEdge[e] = 1;
        edgeStack[edgeTop++] = e;
        if (disc[y] === -1) {
          disc[y] = low[y] = time++;
          parentEdge[y] = e;
          cursor[y] = g.offsets[y];
          stack[top++] = y;
        } else if (disc[y] < low[x]) {
          low[x] = disc[y];
        }
      } else {
        top--;
        const e = parentEdge[x];
        if (e < 0) continue;
        const parent = g.u[e] === x ? g.v[e] : g.u[e];
        if (low[x] < low[parent]) low[parent] = low[x];
        if (low[x] >= disc[parent]) popBlock(e);
      }
    }
  }
  return blocks;
}
