/**
 * Starting colourings for the frustration heuristic.
 * - Spectral: the signs of the leading eigenvector of the signed adjacency matrix A (weights
 *   times signs). For a balanced graph A = S|A|S with S the diagonal of ±1 sides, so that
 *   eigenvector is S times the Perron vector of |A| and its signs are the balanced split
 *   (Kunegis et al. 2010, "Spectral analysis of signed graphs for clustering, prediction and
 *   visualization", SDM). Found by power iteration on A + cI with c the largest absolute degree,
 *   which makes the wanted eigenvalue the dominant one.
 * - Greedy: breadth-first order from a random root; each node joins the side that frustrates
 *   the fewest (least weight of) ties to the nodes already placed.
 */
import { type Rng, randomInt } from '../random.js';
import type { SignedGraph } from '../signed-graph.js';

/** Sign pattern of the leading eigenvector of the signed adjacency, after `iterations` steps. */
export function spectralStart(
  g: SignedGraph,
  weighted: boolean,
  rng: Rng,
  iterations = 100,
): Uint8Array {
  const n = g.nodes.length;
  const m = g.u.length;
  const a = new Float64Array(m);
  const deg = new Float64Array(n);
  for (let k = 0; k < m; k++) {
    const w = weighted ? g.weight[k] : 1;
    a[k] = g.sign[k] * w;
    deg[g.u[k]] += w;
    deg[g.v[k]] += w;
  }
  let c = 0;
  for (let i = 0; i < n; i++) if (deg[i] > c) c = deg[i];
  let x = new Float64Array(n);
  let y = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = rng() - 0.5;
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) y[i] = c * x[i];
    for (let k = 0; k < m; k++) {
      const p = g.u[k];
      const q = g.v[k];
      y[p] += a[k] * x[q];
      y[q] += a[k] * x[p];
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += y[i] * y[i];
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) y[i] /= norm;
    const t = x;
    x = y;
    y = t;
  }
  const side = new Uint8Array(n);
  for (let i = 0; i < n; i++) side[i] = x[i] < 0 ? 1 : 0;
  return side;
}

/** Breadth-first greedy colouring from random roots (one per component). */
export function greedyStart(g: SignedGraph, weighted: boolean, rng: Rng): Uint8Array {
  const n = g.nodes.length;
  const side = new Uint8Array(n);
  const placed = new Uint8Array(n);
  const queue = new Int32Array(n);
  const offset = randomInt(rng, Math.max(1, n));
  for (let r = 0; r < n; r++) {
    const root = (r + offset) % n;
    if (placed[root]) continue;
    placed[root] = 1;
    side[root] = randomInt(rng, 2);
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const x = queue[head++];
      for (let p = g.offsets[x]; p < g.offsets[x + 1]; p++) {
        const y = g.adj[p];
        if (placed[y]) continue;
        // Cost of putting y on side 0 minus cost on side 1, over y's placed neighbours.
        let bias = 0;
        for (let q = g.offsets[y]; q < g.offsets[y + 1]; q++) {
          const z = g.adj[q];
          if (!placed[z]) continue;
          const e = g.adjEdge[q];
          const w = (weighted ? g.weight[e] : 1) * g.sign[e];
          // Positive tie wants y with z; negative wants y apart.
          bias += side[z] === 0 ? -w : w;
        }
        side[y] = bias > 0 ? 1 : bias < 0 ? 0 : randomInt(rng, 2);
        placed[y] = 1;
        queue[tail++] = y;
      }
    }
  }
  return side;
}
