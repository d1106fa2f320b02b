/**
 * Triad census benchmark: entente's `triadCensus` (degree-oriented triangle listing on typed
 * arrays) against networkx and python-igraph (Debian's python3-networkx, python3-igraph, driven
 * by bench/triads_baseline.py) on the same graphs, in the same run:
 *
 * - Bitcoin Alpha and Bitcoin OTC (Kumar et al. 2016), made undirected: the tie's sign is the
 *   sign of the sum of the signs of both directions (so a pair whose two ratings disagree in sign
 *   is dropped, as are self-ratings) and its weight the absolute sum of the ratings. This gives the
 *   issue's 3,774 nodes and 13,876 ties for Alpha; summing the ratings instead of their signs
 *   would keep 205 more ties (3,780 nodes, 14,081 ties);
 * - the 51 Correlates of War signed networks 1946–1999 (Doreian & Mrvar), timed as one series;
 * - a seeded random signed graph G(n = 2,000, p = 0.05), ~100,000 ties, for a triangle-heavy load.
 *
 * Every method computes the same thing — triangles and summed triangle weight per sign pattern —
 * and the script checks that all agree before it prints the table. Graph construction is not
 * timed for anyone; each entente census has at least 5 warm-up runs (and 100 ms) and the median of the timed runs is
 * reported. Run: `npx tsc -b packages/core && node bench/triads.js` (needs /usr/bin/python3 with
 * networkx, igraph and numpy). Prints a Markdown table; raw times go to bench/out/triads.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { triadCensus, unbalancedTriads } from '../packages/core/dist/analysis/balance/triads.js';
import { createRng } from '../packages/core/dist/analysis/random.js';
import { signedGraph } from '../packages/core/dist/analysis/signed-graph.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const DATA = resolve(HERE, '../../shared/data/signed');
const OUT = resolve(HERE, 'out/triads');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PATTERNS = ['+++', '++-', '+--', '---'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

function csvRows(file) {
  return readFileSync(file, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
}

/** Bitcoin ratings merged into undirected signed ties by their summed signs (see above). */
function bitcoin(file) {
  const signs = new Map();
  const ratings = new Map();
  for (const [from, to, rating] of csvRows(file)) {
    if (from === to) continue;
    const [a, b] = from < to ? [from, to] : [to, from];
    const key = `${a},${b}`;
    signs.set(key, (signs.get(key) ?? 0) + Math.sign(Number(rating)));
    ratings.set(key, (ratings.get(key) ?? 0) + Number(rating));
  }
  const edges = [];
  for (const [key, s] of signs) {
    if (s === 0) continue;
    const [source, target] = key.split(',');
    edges.push({ source, target, sign: s > 0 ? 1 : -1, weight: Math.abs(ratings.get(key)) });
  }
  return signedGraph(edges);
}

function cowPeriods(file) {
  const periods = new Map();
  for (const [period, source, target, sign] of csvRows(file)) {
    if (!periods.has(period)) periods.set(period, []);
    periods.get(period).push({ source, target, sign: Number(sign) > 0 ? 1 : -1 });
  }
  return [...periods].map(([period, edges]) => ({ period, graph: signedGraph(edges) }));
}

function randomSigned(n, p, seed) {
  const rng = createRng(seed);
  const edges = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (rng() < p)
        edges.push({
          source: `n${i}`,
          target: `n${j}`,
          sign: rng() < 0.3 ? -1 : 1,
          weight: 1 + Math.floor(rng() * 5),
        });
  return signedGraph(
    edges,
    Array.from({ length: n }, (_, i) => `n${i}`),
  );
}

function writeGraph(name, g) {
  const lines = ['u,v,sign,weight'];
  for (let k = 0; k < g.u.length; k++)
    lines.push(`${g.u[k]},${g.v[k]},${g.sign[k]},${g.weight[k]}`);
  const file = resolve(OUT, `${name}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function timeEntente(g, runs) {
  const f0 = performance.now();
  triadCensus(g);
  const first = performance.now() - f0;
  // Warm-up until the optimising compiler has had time to kick in (at least 5 runs or 100 ms).
  const w0 = performance.now();
  for (let r = 0; r < 5 || performance.now() - w0 < 100; r++) triadCensus(g);
  const ms = [];
  let census;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    census = triadCensus(g);
    ms.push(performance.now() - t0);
  }
  return { ms, census, first };
}

const sameCensus = (census, py) =>
  PATTERNS.every((p, i) => census.counts[p] === py.counts[i]) &&
  PATTERNS.every(
    (p, i) => Math.abs(census.weights[p] - py.weights[i]) <= 1e-9 * Math.max(1, census.weights[p]),
  );

// ---------------------------------------------------------------------------------------------
for (const f of ['bitcoin-alpha.csv', 'bitcoin-otc.csv', 'cow-international-1946-1999.csv']) {
  if (!existsSync(resolve(DATA, f))) {
    console.error(`SKIPPED: ${resolve(DATA, f)} not found; the triad bench needs the shared data`);
    process.exit(1);
  }
}
mkdirSync(OUT, { recursive: true });
console.error('building graphs…');
const cow = cowPeriods(resolve(DATA, 'cow-international-1946-1999.csv'));
const singles = [
  {
    name: 'bitcoin-alpha',
    label: 'Bitcoin Alpha',
    graph: bitcoin(resolve(DATA, 'bitcoin-alpha.csv')),
  },
  { name: 'bitcoin-otc', label: 'Bitcoin OTC', graph: bitcoin(resolve(DATA, 'bitcoin-otc.csv')) },
  {
    name: 'random-2000',
    label: 'random G(2000, 0.05)',
    graph: randomSigned(2000, 0.05, 20_231_126),
    cliqueRuns: 1,
  },
];
const spec = { graphs: [] };
for (const s of singles) {
  spec.graphs.push({
    name: s.name,
    file: writeGraph(s.name, s.graph),
    nodes: s.graph.nodes.length,
    runs: s.cliqueRuns ? 1 : 3,
    cliqueRuns: s.cliqueRuns ?? 3,
  });
}
for (const { period, graph } of cow) {
  spec.graphs.push({
    name: `cow-${period}`,
    file: writeGraph(`cow-${period}`, graph),
    nodes: graph.nodes.length,
    runs: 3,
  });
}
writeFileSync(resolve(OUT, 'spec.json'), JSON.stringify(spec));

console.error('python baselines…');
const t0 = performance.now();
const py = spawnSync(
  '/usr/bin/python3',
  [resolve(HERE, 'triads_baseline.py'), resolve(OUT, 'spec.json')],
  {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
if (py.status !== 0) throw new Error(`triads_baseline.py failed with status ${py.status}`);
const base = JSON.parse(py.stdout);
console.error(`python done in ${((performance.now() - t0) / 1000).toFixed(1)} s; entente…`);

const METHODS = ['networkx-cliques', 'networkx-sets', 'igraph'];
const rows = [];
const raw = {};
for (const s of singles) {
  const { ms, census, first } = timeEntente(s.graph, RUNS);
  const t1 = performance.now();
  const list = unbalancedTriads(s.graph, { limit: 1000 });
  const listMs = performance.now() - t1;
  for (const m of METHODS) {
    if (!sameCensus(census, base[s.name][m]))
      throw new Error(`${s.name}: ${m} disagrees with entente`);
  }
  raw[s.name] = { entente: ms, unbalancedTriadsMs: listMs, ...base[s.name], census };
  rows.push({
    label: s.label,
    nodes: s.graph.nodes.length,
    ties: s.graph.u.length,
    triangles: census.triangles,
    unbalanced: census.unbalanced,
    ratio: census.ratio,
    entente: median(ms),
    first,
    ...Object.fromEntries(METHODS.map((m) => [m, median(base[s.name][m].ms)])),
  });
  console.error(
    `${s.label}: unbalancedTriads (limit 1000 of ${list.total}) ${listMs.toFixed(1)} ms`,
  );
}
// COW: the series of 51 periods, summed medians.
{
  const sums = { entente: 0, first: 0, 'networkx-cliques': 0, 'networkx-sets': 0, igraph: 0 };
  let triangles = 0;
  let unbalanced = 0;
  let ties = 0;
  let maxNodes = 0;
  for (const { period, graph } of cow) {
    const { ms, census, first } = timeEntente(graph, RUNS);
    sums.first += first;
    const b = base[`cow-${period}`];
    for (const m of METHODS) {
      if (!sameCensus(census, b[m])) throw new Error(`cow ${period}: ${m} disagrees with entente`);
      sums[m] += median(b[m].ms);
    }
    sums.entente += median(ms);
    triangles += census.triangles;
    unbalanced += census.unbalanced;
    ties += graph.u.length;
    maxNodes = Math.max(maxNodes, graph.nodes.length);
    raw[`cow-${period}`] = { entente: ms, ...b, census };
  }
  rows.push({
    label: 'COW 1946–1999, 51 periods (sum)',
    nodes: `≤ ${maxNodes}`,
    ties,
    triangles,
    unbalanced,
    ratio: (triangles - unbalanced) / triangles,
    ...sums,
  });
}
writeFileSync(resolve(HERE, 'out/triads.json'), JSON.stringify(raw));

const fmt = (x) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const ratio = (x, y) => `${(x / y).toFixed(0)}×`;
console.log(
  `| graph | nodes | ties | triangles | unbalanced | balance ratio | entente ms | entente 1st call ms | networkx cliques ms | networkx sets ms | igraph ms | networkx (best) / entente | igraph / entente |`,
);
console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
for (const r of rows) {
  const nxBest = Math.min(r['networkx-cliques'], r['networkx-sets']);
  console.log(
    `| ${r.label} | ${r.nodes} | ${r.ties} | ${r.triangles} | ${r.unbalanced} | ${r.ratio.toFixed(4)} | ${fmt(r.entente)} | ${fmt(r.first)} | ${fmt(r['networkx-cliques'])} | ${fmt(r['networkx-sets'])} | ${fmt(r.igraph)} | ${ratio(nxBest, r.entente)} | ${ratio(r.igraph, r.entente)} |`,
  );
}
console.log(
  `\n${os.cpus().length} × ${os.cpus()[0]?.model}, node ${process.version}; entente: median of ${RUNS} runs after ≥ 5 warm-up runs; entente 1st call: the first, unoptimised call (for COW, summed over the periods in order); Python: median of 3 runs (Bitcoin), 3 (COW; networkx cliques 1) and 1 (random)`,
);
