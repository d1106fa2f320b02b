/**
 * Independent references for the triad tests: a triple loop over every node triple of a dense
 * signed weight matrix, and random signed graphs drawn from the core's seeded generator.
 */
import { createRng } from '../../../src/analysis/random.js';
import {
  type SignedEdgeInput,
  type SignedGraph,
  signedGraph,
} from '../../../src/analysis/signed-graph.js';

export interface BruteTriad {
  nodes: [string, string, string];
  signs: number[];
  weight: number;
}

export interface BruteCensus {
  counts: Record<string, number>;
  weights: Record<string, number>;
  unbalanced: BruteTriad[];
}

const PATTERNS = ['+++', '++-', '+--', '---'];

/** Census by a triple loop over all node triples; unbalanced triads sorted as the API promises. */
export function bruteForce(g: SignedGraph): BruteCensus {
  const n = g.nodes.length;
  const s = new Int8Array(n * n);
  const w = new Float64Array(n * n);
  for (let k = 0; k < g.u.length; k++) {
    const a = g.u[k];
    const b = g.v[k];
    s[a * n + b] = s[b * n + a] = g.sign[k];
    w[a * n + b] = w[b * n + a] = g.weight[k];
  }
  const counts: Record<string, number> = { '+++': 0, '++-': 0, '+--': 0, '---': 0 };
  const weights: Record<string, number> = { '+++': 0, '++-': 0, '+--': 0, '---': 0 };
  const unbalanced: BruteTriad[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      if (s[i * n + j] === 0) continue;
      for (let k = j + 1; k < n; k++) {
        if (s[i * n + k] === 0 || s[j * n + k] === 0) continue;
        const signs = [s[i * n + j], s[i * n + k], s[j * n + k]];
        const pattern = PATTERNS[signs.filter((x) => x < 0).length];
        counts[pattern]++;
        weights[pattern] += w[i * n + j] * w[i * n + k] * w[j * n + k];
        if (signs[0] * signs[1] * signs[2] < 0) {
          const [x, y, z] = [i, j, k].sort((p, q) =>
            g.nodes[p] < g.nodes[q] ? -1 : g.nodes[p] > g.nodes[q] ? 1 : 0,
          );
          unbalanced.push({
            nodes: [g.nodes[x], g.nodes[y], g.nodes[z]],
            signs: [s[x * n + y], s[x * n + z], s[y * n + z]],
            weight: w[x * n + y] * w[x * n + z] * w[y * n + z],
          });
        }
      }
    }
  unbalanced.sort(
    (a, b) => b.weight - a.weight || (a.nodes.join('\u0000') < b.nodes.join('\u0000') ? -1 : 1),
  );
  return { counts, weights, unbalanced };
}

/** tr(A³)/6 and tr(|A|³)/6 of the signed weighted adjacency, by dense matrix products. */
export function traceCubes(g: SignedGraph): { signed: number; absolute: number } {
  const n = g.nodes.length;
  const a = new Float64Array(n * n);
  for (let k = 0; k < g.u.length; k++) {
    a[g.u[k] * n + g.v[k]] = a[g.v[k] * n + g.u[k]] = g.sign[k] * g.weight[k];
  }
  let signed = 0;
  let absolute = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++) {
        const p = a[i * n + j] * a[j * n + k] * a[k * n + i];
        signed += p;
        absolute += Math.abs(p);
      }
  return { signed: signed / 6, absolute: absolute / 6 };
}

/** Edges of a random signed graph on `n` nodes: density `p`, negative share `neg`, weights 1..3. */
export function randomEdges(seed: number, n: number, p: number, neg: number): SignedEdgeInput[] {
  const rng = createRng(seed);
  const edges: SignedEdgeInput[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      if (rng() >= p) continue;
      edges.push({
        source: `n${i}`,
        target: `n${j}`,
        sign: rng() < neg ? -1 : 1,
        weight: 1 + Math.floor(rng() * 3) + (rng() < 0.3 ? 0.1 : 0),
      });
    }
  return edges;
}

/** A random signed graph; every node present even when isolated. */
export function randomGraph(seed: number, n: number, p: number, neg: number): SignedGraph {
  return signedGraph(
    randomEdges(seed, n, p, neg),
    Array.from({ length: n }, (_, i) => `n${i}`),
  );
}
