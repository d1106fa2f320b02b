import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokerage, positiveBetweenness } from '../../../src/analysis/leverage/brokerage.js';
import { signedGraph } from '../../../src/analysis/signed-graph.js';
import { loadCase } from '../../../src/case/load.js';
import type { Case } from '../../../src/case/schema.js';
import { madeUpCase } from './made-up-case.js';

const ROOT = resolve(import.meta.dirname, '../../../../..');

function builtin(): Case {
  const r = loadCase(readFileSync(resolve(ROOT, 'cases/afghanistan-2023.yaml'), 'utf8'));
  if (!r.ok) throw new Error('the built-in case does not load');
  return r.case;
}

/**
 * Betweenness by brute force: BFS from every node gives distances and shortest-path counts σ;
 * v lies on σ(s,v)·σ(v,t) of the σ(s,t) shortest s–t paths when d(s,v) + d(v,t) = d(s,t).
 * Sum over unordered pairs, divided by C(n−1, 2).
 */
function bruteBetweenness(n: number, edges: readonly [number, number][]): number[] {
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    adj[a].push(b);
    adj[b].push(a);
  }
  const dist: number[][] = [];
  const sigma: number[][] = [];
  for (let s = 0; s < n; s++) {
    const d = new Array(n).fill(-1);
    const c = new Array(n).fill(0);
    d[s] = 0;
    c[s] = 1;
    const queue = [s];
    for (let q = 0; q < queue.length; q++) {
      const x = queue[q];
      for (const y of adj[x]) {
        if (d[y] < 0) {
          d[y] = d[x] + 1;
          queue.push(y);
        }
        if (d[y] === d[x] + 1) c[y] += c[x];
      }
    }
    dist.push(d);
    sigma.push(c);
  }
  const out = new Array(n).fill(0);
  for (let s = 0; s < n; s++)
    for (let t = s + 1; t < n; t++) {
      if (dist[s][t] < 0) continue;
      for (let v = 0; v < n; v++) {
        if (v === s || v === t || dist[s][v] < 0 || dist[v][t] < 0) continue;
        if (dist[s][v] + dist[v][t] === dist[s][t])
          out[v] += (sigma[s][v] * sigma[v][t]) / sigma[s][t];
      }
    }
  const scale = n > 2 ? ((n - 1) * (n - 2)) / 2 : 1;
  return out.map((x) => x / scale);
}

describe('brokerage(graph) betweenness on the positive ties', () => {
  it('brokerage(path a–b–c–d) gives b and c 2/3, the ends 0', () => {
    const g = signedGraph([
      { source: 'a', target: 'b', sign: 1 },
      { source: 'b', target: 'c', sign: 1 },
      { source: 'c', target: 'd', sign: 1 },
      // A negative tie is no path.
      { source: 'a', target: 'd', sign: -1 },
    ]);
    const b = brokerage(g).actors;
    expect(b.a.betweenness).toBe(0);
    expect(b.b.betweenness).toBeCloseTo(2 / 3, 12);
    expect(b.c.betweenness).toBeCloseTo(2 / 3, 12);
    expect(b.b.roles).toBeNull();
  });
  it('brokerage(star) gives the centre 1', () => {
    const g = signedGraph(
      ['x', 'y', 'z', 'w'].map((leaf) => ({ source: 'hub', target: leaf, sign: 1 as const })),
    );
    expect(brokerage(g).actors.hub.betweenness).toBeCloseTo(1, 12);
    expect(brokerage(g).actors.x.betweenness).toBe(0);
  });
  it('positiveBetweenness(nodes, edges) equals a brute-force shortest-path count', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 3, max: 10 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.uniqueArray(
                fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })),
                { selector: ([a, b]) => `${Math.min(a, b)},${Math.max(a, b)}`, maxLength: 25 },
              ),
            ),
          ),
        ([n, pairs]) => {
          const edges = pairs.filter(([a, b]) => a !== b) as [number, number][];
          const nodes = Array.from({ length: n }, (_, i) => `v${i}`);
          const got = positiveBetweenness(nodes, edges);
          const want = bruteBetweenness(n, edges);
          for (let i = 0; i < n; i++) expect(got[i]).toBeCloseTo(want[i], 10);
        },
      ),
      { seed: 4242, numRuns: 100 },
    );
  });
});

describe('brokerage(case, options) on a made-up case', () => {
  const c = madeUpCase();
  it('brokerage(c, { at: "2021" }): r is on every shortest path but s2–s3 → 9/10', () => {
    const b = brokerage(c, { at: '2021' });
    // Positive ties: r–s1, r–s2, r–s3 (engagement), r–g1, r–g2, s2–s3.
    expect(b.positiveTies).toBe(6);
    expect(b.actors.r.betweenness).toBeCloseTo(0.9, 12);
    for (const id of ['s1', 's2', 's3', 'g1', 'g2']) expect(b.actors[id].betweenness).toBe(0);
  });
  it('brokerage(c, { at: "2021" }): r is itinerant twice and liaison six times', () => {
    // Arcs: s1→r, r→s1, s2→r, s3→r, s2⇄s3, r→g1, r→g2. Open two-paths through r:
    // s2→r→s1, s3→r→s1 (state–regime–state: itinerant); {s1,s2,s3}→r→{g1,g2} (liaison).
    const r = brokerage(c, { at: '2021' }).actors.r;
    expect(r.roles).toEqual({
      coordinator: 0,
      itinerant: 2,
      representative: 0,
      gatekeeper: 0,
      liaison: 6,
    });
    expect(r.brokered).toBe(8);
    expect(r.relations).toEqual([0, 1, 2, 3, 5, 6]);
    // s2→s3→r is closed by s2→r; s3 brokers nothing.
    expect(brokerage(c, { at: '2021' }).actors.s3.brokered).toBe(0);
  });
  it('brokerage(c, { layer: "control" }) sees only harbouring: r joins g1 and g2', () => {
    const b = brokerage(c, { at: '2021', layer: 'control' });
    expect(b.positiveTies).toBe(2);
    // n = 6: one pair (g1, g2) of C(5, 2) = 10 goes through r.
    expect(b.actors.r.betweenness).toBeCloseTo(0.1, 12);
    expect(b.actors.r.roles?.coordinator).toBe(0);
    expect(b.actors.r.brokered).toBe(0);
  });
});

describe('brokerage(case, options) on the built-in case', () => {
  it('brokerage(builtin, { at: "2023" }): the positive ties form a star around the Taliban', () => {
    // In 2023 every positive net tie joins the Taliban to one of 8 actors (6 states, TTP, ETIM;
    // IS-K's tie is negative: the hostility of ¶7 s7 and the armed conflict outweigh harbouring
    // and a possible defection once each counts at its expected strength), and 12 actors are in
    // force: betweenness = C(8, 2) / C(11, 2) = 28/55.
    const b = brokerage(builtin(), { at: '2023' });
    expect(Object.keys(b.actors)).toHaveLength(12);
    expect(b.positiveTies).toBe(8);
    expect(b.actors.taliban.betweenness).toBeCloseTo(28 / 55, 12);
    for (const [id, a] of Object.entries(b.actors))
      if (id !== 'taliban') expect(a.betweenness).toBe(0);
    // Arcs into the Taliban come from the 6 states; arcs out go to 5 states (undirected
    // counter-terrorism cooperation; Qatar has none) and the 2 groups. No positive arc joins two
    // states, so 6·5 − 5 state→Taliban→state paths are itinerant and 6·2 state→Taliban→group liaison.
    expect(b.actors.taliban.roles).toEqual({
      coordinator: 0,
      itinerant: 25,
      representative: 0,
      gatekeeper: 0,
      liaison: 12,
    });
  });
});
