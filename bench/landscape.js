/**
 * Landscape benchmark: the exhaustive landscape-theory scan (Axelrod & Bennett 1993) of 24 actors
 * — all 2^23 two-coalition configurations, every local minimum — with dense seeded random
 * propensities, against a vectorised numpy brute force (bench/landscape_numpy.py, Debian's
 * python3-numpy, run with /usr/bin/python3) in the same run. entente is timed twice: minima only
 * (the task, comparable to numpy) and minima + basins of attraction.
 *
 * Run: `npx tsc -b packages/core && node bench/landscape.js` (it imports the built core). Each
 * timing is the best of BENCH_RUNS runs (default 3) after one warm-up; numpy likewise. Wall time and
 * CPU time (user + system, all threads) are both reported: on a shared machine CPU time is the
 * steadier measure.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { landscape } from '../packages/core/dist/analysis/landscape/landscape.js';
import { createRng } from '../packages/core/dist/analysis/random.js';

const N = Number(process.env.BENCH_LANDSCAPE_N ?? 24);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const rng = createRng(20260611);
const sizes = Float64Array.from({ length: N }, () => 0.5 + rng());
const propensity = new Float64Array(N * N);
for (let i = 0; i < N; i++) {
  for (let j = i + 1; j < N; j++) {
    const v = 2 * rng() - 1;
    propensity[i * N + j] = v;
    propensity[j * N + i] = v;
  }
}
const actors = Array.from({ length: N }, (_, i) => `a${String(i).padStart(2, '0')}`);
const input = { actors, sizes, propensity };

function best(fn) {
  fn();
  let ms = Number.POSITIVE_INFINITY;
  let cpuMs = Number.POSITIVE_INFINITY;
  let out;
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    out = fn();
    ms = Math.min(ms, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
  }
  return { ms, cpuMs, out };
}

const minimaOnly = best(() => landscape(input, { basins: false }));
const withBasins = best(() => landscape(input, { basins: true }));

const py = spawnSync(
  '/usr/bin/python3',
  [new URL('./landscape_numpy.py', import.meta.url).pathname],
  {
    input: JSON.stringify({ sizes: [...sizes], propensity: [...propensity], runs: RUNS }),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  },
);
if (py.status !== 0) throw new Error(`numpy baseline failed: ${py.stderr}`);
const np = JSON.parse(py.stdout);

const a = minimaOnly.out;
const b = withBasins.out;
if (a.minima.length !== np.minima || b.minima.length !== np.minima) {
  throw new Error(
    `minima differ: entente ${a.minima.length}/${b.minima.length}, numpy ${np.minima}`,
  );
}
if (Math.abs(a.globalMinimum.energy - np.lowest) > 1e-9 * Math.abs(np.lowest)) {
  throw new Error(`lowest energy differs: entente ${a.globalMinimum.energy}, numpy ${np.lowest}`);
}
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
console.log(
  `Landscape, exhaustive: ${N} actors, 2^${N - 1} = ${2 ** (N - 1)} configurations, dense random propensities (seed 20260611); ${np.minima} local minima, lowest energy ${np.lowest.toFixed(6)}; best of ${RUNS} runs.`,
);
console.log(
  `node ${process.version}, numpy ${np.numpy}, ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}\n`,
);
const ratio = (x, y) => `${(x / y).toFixed(1)}×`;
console.log(
  '| task | entente wall (1 thread) | numpy wall (vectorised) | ratio | entente CPU | numpy CPU | CPU ratio |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(
  `| all local minima | ${fmt(minimaOnly.ms)} | ${fmt(np.ms)} | ${ratio(np.ms, minimaOnly.ms)} | ${fmt(minimaOnly.cpuMs)} | ${fmt(np.cpuMs)} | ${ratio(np.cpuMs, minimaOnly.cpuMs)} |`,
);
console.log(
  `| all local minima + basins of attraction | ${fmt(withBasins.ms)} | — (minima only) | ${ratio(np.ms, withBasins.ms)} vs numpy minima | ${fmt(withBasins.cpuMs)} | — | ${ratio(np.cpuMs, withBasins.cpuMs)} vs numpy minima |`,
);
