// Benchmark of the frustration index (docs/bench/frustration.md). Plain ESM over the built core:
//   npx tsc -b packages/core && node bench/frustration.js
// Env flags: BENCH_FULL=1 runs the plain-MILP baseline on all 51 COW periods (about 5 min here;
// by default it runs on every 5th period, 11 of 51); BENCH_STRETCH=1 adds the exact run on Bitcoin
// Alpha (up to 5 min);
// BENCH_CBC=1 adds COIN-OR CBC on the plain COW models (if `cbc` is installed; slow).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frustrationExact } from '../packages/core/dist/analysis/frustration/exact.js';
import { frustrationHeuristic } from '../packages/core/dist/analysis/frustration/heuristic.js';
import {
  loadHighs,
  solveFrustrationMilp,
} from '../packages/core/dist/analysis/frustration/milp.js';
import { createRng, randomInt } from '../packages/core/dist/analysis/random.js';
import { withAdjacency } from '../packages/core/dist/analysis/signed-graph.js';
import { bitcoin, cow, has, tribes } from './datasets.js';

const now = () => performance.now();
const ms = (t) => `${t.toFixed(t < 100 ? 1 : 0)} ms`;
const s = (t) => `${(t / 1000).toFixed(2)} s`;
const out = [];
const log = (line = '') => {
  out.push(line);
  console.log(line);
};

// (a) Highland tribes
let t = now();
const highs = await loadHighs();
const loadMs = now() - t;
log('## (a) Highland tribes (16 nodes, 58 ties)');
log();
if (has('highland-tribes.csv')) {
  const g = tribes();
  const times = [];
  let r;
  for (let i = 0; i < 21; i++) {
    t = now();
    r = await frustrationExact(g);
    times.push(now() - t);
  }
  times.sort((a, b) => a - b);
  t = now();
  const plain = solveFrustrationMilp(highs, g, {
    weighted: false,
    timeLimitSeconds: 60,
    triangles: false,
    fixNode: false,
  });
  const plainMs = now() - t;
  log('| solver | index | proven | time |');
  log('|---|---|---|---|');
  log(`| HiGHS WASM load (once per process) | | | ${ms(loadMs)} |`);
  log(
    `| entente frustrationExact (median of 21) | ${r.value} | ${r.exact} (${r.method}) | ${ms(times[10])} |`,
  );
  log(
    `| plain XOR MILP in HiGHS | ${Math.round(plain.value)} | ${plain.optimal} | ${ms(plainMs)} |`,
  );
} else log('SKIPPED: highland-tribes.csv not found');
log();

// (b) COW series
log('## (b) Correlates of War, 51 periods');
log();
const series = has('cow-international-1946-1999.csv') ? cow() : [];
const rows = [];
const FULL = process.env.BENCH_FULL === '1';
let oursTotal = 0;
let oursSubset = 0;
let plainTotal = 0;
let allProven = true;
let plainProven = true;
let plainCount = 0;
for (const [i, { period, graph }] of series.entries()) {
  t = now();
  const r = await frustrationExact(graph);
  const ours = now() - t;
  oursTotal += ours;
  allProven &&= r.exact;
  let plain = Number.NaN;
  let p = { status: 'not run', optimal: false, value: Number.NaN };
  if (FULL || i % 5 === 0) {
    t = now();
    p = solveFrustrationMilp(highs, graph, {
      weighted: false,
      timeLimitSeconds: 60,
      triangles: false,
      fixNode: false,
    });
    plain = now() - t;
    plainCount++;
    oursSubset += ours;
    plainTotal += plain;
    plainProven &&= p.optimal;
    if (p.optimal && Math.round(p.value) !== r.value)
      throw new Error(`COW ${period}: ${r.value} ≠ plain ${p.value}`);
  }
  const neg = graph.sign.reduce((c, x) => c + (x < 0 ? 1 : 0), 0);
  rows.push({
    period,
    n: graph.nodes.length,
    m: graph.u.length,
    neg,
    value: r.value,
    exact: r.exact,
    method: r.method,
    ours,
    plain,
    plainStatus: p.status,
  });
}
if (series.length > 0) {
  log(
    '| period | nodes | ties | negative | index | index/ties | proven | path | entente | plain MILP |',
  );
  log('|---|---|---|---|---|---|---|---|---|---|');
  for (const x of rows) {
    log(
      `| ${x.period} | ${x.n} | ${x.m} | ${x.neg} | ${x.value} | ${(x.value / x.m).toFixed(4)} | ${x.exact ? 'yes' : 'no'} | ${x.method} | ${ms(x.ours)} | ${Number.isNaN(x.plain) ? '–' : `${ms(x.plain)} (${x.plainStatus})`} |`,
    );
  }
  log();
  log('| periods | entente (pre-solve + bound + MILP) | plain XOR MILP in HiGHS | ratio |');
  log('|---|---|---|---|');
  log(
    `| all ${series.length} | ${s(oursTotal)} (all proven: ${allProven}) | ${FULL ? `${s(plainTotal)} (all proven: ${plainProven})` : 'not run (BENCH_FULL=1)'} | ${FULL ? `${(plainTotal / oursTotal).toFixed(1)}×` : ''} |`,
  );
  if (!FULL)
    log(
      `| every 5th (${plainCount}) | ${s(oursSubset)} | ${s(plainTotal)} (all proven: ${plainProven}) | ${(plainTotal / oursSubset).toFixed(1)}× |`,
    );
  // Trend check: Kendall's tau-b of the normalised index against time.
  const xs = rows.map((_, i) => i);
  const ys = rows.map((x) => x.value / x.m);
  let conc = 0;
  let disc = 0;
  let tiesY = 0;
  for (let i = 0; i < ys.length; i++)
    for (let j = i + 1; j < ys.length; j++) {
      const d = Math.sign(xs[j] - xs[i]) * Math.sign(ys[j] - ys[i]);
      if (d > 0) conc++;
      else if (d < 0) disc++;
      else tiesY++;
    }
  const pairs = (ys.length * (ys.length - 1)) / 2;
  const tau = (conc - disc) / Math.sqrt(pairs * (pairs - tiesY));
  const z = (3 * tau * Math.sqrt(ys.length * (ys.length - 1))) / Math.sqrt(2 * (2 * ys.length + 5));
  log();
  log(`Kendall tau-b of index/ties vs period: ${tau.toFixed(3)} (z ≈ ${z.toFixed(2)})`);
} else log('SKIPPED: cow-international-1946-1999.csv not found');
log();

if (process.env.BENCH_CBC === '1' && series.length > 0) {
  let cbc = null;
  try {
    cbc = execFileSync('which', ['cbc']).toString().trim();
  } catch {}
  if (cbc) {
    const dir = mkdtempSync(join(tmpdir(), 'frustration-cbc-'));
    let total = 0;
    for (const { period, graph } of series) {
      const lines = [
        'Minimize',
        ` obj: ${Array.from(graph.u, (_, k) => `f${k}`).join(' + ')}`,
        'Subject To',
      ];
      for (let k = 0; k < graph.u.length; k++) {
        const [a, b] = [graph.u[k], graph.v[k]];
        if (graph.sign[k] > 0)
          lines.push(` p${k}a: f${k} - x${a} + x${b} >= 0`, ` p${k}b: f${k} + x${a} - x${b} >= 0`);
        else
          lines.push(` n${k}a: f${k} - x${a} - x${b} >= -1`, ` n${k}b: f${k} + x${a} + x${b} >= 1`);
      }
      lines.push(
        'Binary',
        ...Array.from(graph.u, (_, k) => ` f${k}`),
        ...graph.nodes.map((_, i) => ` x${i}`),
        'End',
      );
      const file = join(dir, `${period}.lp`);
      writeFileSync(file, lines.join('\n'));
      t = now();
      execFileSync(cbc, [file, 'sec', '60', 'solve'], { stdio: 'ignore' });
      total += now() - t;
    }
    rmSync(dir, { recursive: true });
    log(`CBC (${cbc}) on the plain model, whole COW series: ${s(total)}`);
    log();
  } else log('SKIPPED: BENCH_CBC=1 but cbc is not installed');
}

// (c) Bitcoin heuristic
log('## (c) Heuristic on the Bitcoin networks');
log();
log(
  '| network | ties built by | nodes | ties | negative | value | lower bound | gap | proven | time |',
);
log('|---|---|---|---|---|---|---|---|---|---|');
for (const file of ['bitcoin-alpha.csv', 'bitcoin-otc.csv']) {
  if (!has(file)) {
    log(`| ${file} | SKIPPED: not found |`);
    continue;
  }
  for (const agreeing of [false, true]) {
    const g = bitcoin(file, agreeing);
    t = now();
    const r = frustrationHeuristic(g, { seed: 1 });
    const time = now() - t;
    const neg = g.sign.reduce((c, x) => c + (x < 0 ? 1 : 0), 0);
    log(
      `| ${file} | ${agreeing ? 'agreeing directions only' : 'sign of summed rating'} | ${g.nodes.length} | ${g.u.length} | ${neg} | ${r.value} | ${r.lowerBound} | ${(100 * r.gap).toFixed(2)}% | ${r.exact} | ${ms(time)} |`,
    );
  }
}
log();

if (process.env.BENCH_STRETCH === '1' && has('bitcoin-alpha.csv')) {
  for (const agreeing of [false, true]) {
    const g = bitcoin('bitcoin-alpha.csv', agreeing);
    t = now();
    const r = await frustrationExact(g, { timeLimitSeconds: 300 });
    log(
      `Stretch: exact on Bitcoin Alpha (${agreeing ? 'agreeing only' : 'summed'}): value ${r.value}, bound ${r.lowerBound}, proven ${r.exact} (${r.method}, ${JSON.stringify(r.diagnostics.solvedBy)}), ${s(now() - t)}`,
    );
  }
  log();
}

// (d) planted two-camp graph, 1,000,000 edges, 2% flipped
log('## (d) Planted two-camp graph');
log();
{
  const n = 100_000;
  const m = 1_000_000;
  const rng = createRng(2024);
  t = now();
  const camp = new Uint8Array(n);
  for (let i = 0; i < n; i++) camp[i] = randomInt(rng, 2);
  const seen = new Set();
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  const sign = new Int8Array(m);
  let planted = 0;
  for (let k = 0; k < m; ) {
    const a = randomInt(rng, n);
    const b = randomInt(rng, n);
    if (a === b) continue;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const key = lo * n + hi;
    if (seen.has(key)) continue;
    seen.add(key);
    let sg = camp[lo] === camp[hi] ? 1 : -1;
    if (rng() < 0.02) {
      sg = -sg;
      planted++;
    }
    u[k] = lo;
    v[k] = hi;
    sign[k] = sg;
    k++;
  }
  const nodes = Array.from({ length: n }, (_, i) => `v${i}`);
  const g = withAdjacency(nodes, u, v, sign, new Float64Array(m).fill(1));
  const gen = now() - t;
  t = now();
  const r = frustrationHeuristic(g, { seed: 1, starts: 2, kicks: 200_000 });
  const time = now() - t;
  log(
    '| graph | planted split frustration | heuristic value | vs planted | lower bound | gap | time (generation) |',
  );
  log('|---|---|---|---|---|---|---|');
  log(
    `| ${n} nodes, ${m} ties, 2% flipped | ${planted} | ${r.value} | ${((100 * (r.value - planted)) / planted).toFixed(2)}% | ${r.lowerBound} | ${(100 * r.gap).toFixed(2)}% | ${s(time)} (${s(gen)}) |`,
  );
}
log();
if (process.argv.includes('--out'))
  writeFileSync(process.argv[process.argv.indexOf('--out') + 1], `${out.join('\n')}\n`);
