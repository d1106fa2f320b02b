/**
 * Brokerage and coalition benchmark.
 *
 * 1. Betweenness centrality on the POSITIVE layer of the Bitcoin Alpha and Bitcoin OTC signed
 *    networks (both rating directions of a pair merged by the sign of their summed rating, zero
 *    sums dropped; the positive ties kept, every actor of the signed graph kept as a node):
 *    entente's `brokerage(graph)` (graphology-metrics, Brandes, including building the
 *    graphology graph) against networkx `betweenness_centrality` and igraph `betweenness`
 *    (Debian's python3-networkx 2.8 and python3-igraph 0.10, run with /usr/bin/python3 by
 *    bench/brokerage_baseline.py in the same run, on the same edge list). Times are single runs
 *    (networkx takes about a minute on Alpha); the scores of the three tools are compared.
 *    networkx on the whole of OTC would take about 2.5 minutes, so OTC is measured on the
 *    subgraph induced by the first 2,500 actors reached by breadth-first search from the actor
 *    of highest positive degree — the same subgraph for all three tools — and entente and igraph
 *    also on the whole graph. Set BENCH_FULL_OTC=1 to run networkx on the whole of OTC too.
 * 2. Doreian–Mrvar relocation (k = 2, 3) on the 51 Correlates of War networks (100 starts each)
 *    and on Bitcoin Alpha (10 starts), and signed-modularity Louvain on both, with the values.
 *
 * Run: npx tsc -b packages/core && node bench/brokerage.js
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { maximizeSignedModularity } from '../packages/core/dist/analysis/coalitions/maximize-signed-modularity.js';
import { relocate } from '../packages/core/dist/analysis/coalitions/relocate.js';
import { brokerage } from '../packages/core/dist/analysis/leverage/brokerage.js';
import { signedGraph } from '../packages/core/dist/analysis/signed-graph.js';
import { bitcoin, cow, DATA, has } from './datasets.js';

const OUT = resolve(import.meta.dirname, 'out');
const PY = '/usr/bin/python3';
const SAMPLE = 2500;

/** The subgraph induced by the first `size` nodes a BFS on positive ties reaches from the top-degree node. */
function bfsSample(g, size) {
  const n = g.nodes.length;
  const deg = new Int32Array(n);
  for (let e = 0; e < g.u.length; e++) {
    if (g.sign[e] > 0) {
      deg[g.u[e]]++;
      deg[g.v[e]]++;
    }
  }
  let start = 0;
  for (let i = 1; i < n; i++) if (deg[i] > deg[start]) start = i;
  const seen = new Uint8Array(n);
  const queue = [start];
  seen[start] = 1;
  for (let q = 0; q < queue.length && queue.length < size; q++) {
    const x = queue[q];
    for (let p = g.offsets[x]; p < g.offsets[x + 1] && queue.length < size; p++) {
      const y = g.adj[p];
      if (g.sign[g.adjEdge[p]] > 0 && !seen[y]) {
        seen[y] = 1;
        queue.push(y);
      }
    }
  }
  const keep = new Set(queue);
  const edges = [];
  for (let e = 0; e < g.u.length; e++) {
    if (keep.has(g.u[e]) && keep.has(g.v[e])) {
      edges.push({ source: g.nodes[g.u[e]], target: g.nodes[g.v[e]], sign: g.sign[e] });
    }
  }
  return signedGraph(
    edges,
    queue.map((i) => g.nodes[i]),
  );
}

function positiveEdgeFile(g, name) {
  const lines = [String(g.nodes.length)];
  for (let e = 0; e < g.u.length; e++) if (g.sign[e] > 0) lines.push(`${g.u[e]} ${g.v[e]}`);
  const file = resolve(OUT, `brokerage-${name}.edges`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, m: lines.length - 1 };
}

function python(file, skipNetworkx) {
  const args = [resolve(import.meta.dirname, 'brokerage_baseline.py'), file];
  if (skipNetworkx) args.push('--skip-networkx');
  const r = spawnSync(PY, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`python baseline failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const maxDiff = (a, b) => a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);
const f = (x, d = 2) => x.toFixed(d);

function betweennessRow(label, g, skipNetworkx) {
  const { file, m } = positiveEdgeFile(g, label.replace(/\W+/g, '-'));
  brokerage(g); // warm-up
  const t0 = performance.now();
  const ours = brokerage(g);
  const seconds = (performance.now() - t0) / 1000;
  const scores = g.nodes.map((id) => ours.actors[id].betweenness);
  const base = python(file, skipNetworkx);
  if (base.m !== m) throw new Error(`${label}: baseline read ${base.m} edges, expected ${m}`);
  const diff = Math.max(
    maxDiff(scores, base.igraph),
    base.networkx ? maxDiff(scores, base.networkx) : 0,
  );
  return {
    label,
    n: g.nodes.length,
    m,
    entente: seconds,
    networkx: base.networkx_s ?? null,
    igraph: base.igraph_s,
    diff,
  };
}

if (!has('bitcoin-alpha.csv')) {
  console.warn(`SKIPPED: ${DATA}/bitcoin-alpha.csv is missing`);
  process.exit(0);
}
mkdirSync(OUT, { recursive: true });

const alpha = bitcoin('bitcoin-alpha.csv');
const otc = bitcoin('bitcoin-otc.csv');
const full = process.env.BENCH_FULL_OTC === '1';
const rowsB = [
  betweennessRow('Bitcoin Alpha (whole)', alpha, false),
  betweennessRow(`Bitcoin OTC (BFS sample, ${SAMPLE} actors)`, bfsSample(otc, SAMPLE), false),
  betweennessRow('Bitcoin OTC (whole)', otc, !full),
];

console.log(
  `\n${new Date().toISOString()} · ${os.cpus().length}× ${os.cpus()[0].model} · node ${process.version}\n`,
);
console.log('### Betweenness on the positive layer (normalised as networkx)\n');
console.log(
  '| graph | actors | positive ties | entente (s) | networkx (s) | igraph (s) | networkx / entente | igraph / entente | max |Δ| vs baselines |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rowsB) {
  console.log(
    `| ${r.label} | ${r.n} | ${r.m} | ${f(r.entente, 3)} | ${r.networkx === null ? '—' : f(r.networkx)} | ${f(r.igraph, 3)} | ${r.networkx === null ? '—' : `${f(r.networkx / r.entente, 1)}×`} | ${f(r.igraph / r.entente, 2)}× | ${r.diff.toExponential(1)} |`,
  );
}

// Coalitions: relocation and signed modularity.
const periods = cow();
const coalitionRows = [];
for (const k of [2, 3]) {
  const t0 = performance.now();
  const errors = periods.map(({ graph }) => relocate(graph, { k, starts: 100, seed: 1 }).error);
  const s = (performance.now() - t0) / 1000;
  coalitionRows.push([
    `relocate k=${k}, 100 starts`,
    `COW, 51 periods`,
    f(s, 2),
    `errors (α=0.5) ${f(Math.min(...errors), 1)}–${f(Math.max(...errors), 1)}, mean ${f(errors.reduce((a, b) => a + b, 0) / errors.length, 2)}`,
  ]);
}
{
  const t0 = performance.now();
  const qs = periods.map(({ graph }) => maximizeSignedModularity(graph, { seed: 1 }).modularity);
  const s = (performance.now() - t0) / 1000;
  coalitionRows.push([
    'maximizeSignedModularity',
    'COW, 51 periods',
    f(s, 2),
    `Q ${f(Math.min(...qs), 3)}–${f(Math.max(...qs), 3)}`,
  ]);
}
for (const k of [2, 3]) {
  const t0 = performance.now();
  const r = relocate(alpha, { k, starts: 10, seed: 1 });
  const s = (performance.now() - t0) / 1000;
  coalitionRows.push([
    `relocate k=${k}, 10 starts`,
    'Bitcoin Alpha',
    f(s, 2),
    `error ${r.error} (${r.violations.negativeWithin} negative within + ${r.violations.positiveBetween} positive between), best reached by ${r.optimalCount}/10 starts, group sizes ${r.groups.map((x) => x.length).join('/')}`,
  ]);
}
{
  const t0 = performance.now();
  const r = maximizeSignedModularity(alpha, { seed: 1 });
  const s = (performance.now() - t0) / 1000;
  coalitionRows.push([
    'maximizeSignedModularity',
    'Bitcoin Alpha',
    f(s, 2),
    `Q = ${f(r.modularity, 4)}, ${r.groups.length} communities, ${r.levels} levels`,
  ]);
}
console.log('\n### Coalitions (entente only)\n');
console.log('| analysis | data | time (s) | result |');
console.log('|---|---|---:|---|');
for (const r of coalitionRows) console.log(`| ${r.join(' | ')} |`);
writeFileSync(
  resolve(OUT, 'brokerage.json'),
  JSON.stringify({ betweenness: rowsB, coalitions: coalitionRows }, null, 2),
);
