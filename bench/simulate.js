/**
 * Simulation benchmark: single-threaded throughput of the engine (`simulateOutcomes`, typed
 * arrays, no allocation per month) on the built-in case, scenario status-quo, 120 months, side
 * by side with the same model written naively (bench/simulate-naive.js: objects and Maps per
 * actor). Throughput is in actor-months per second, actor-months = (groups + states + regime +
 * opposition) × months per run. Before timing, both must give the same outcomes (within 1e-9,
 * relative) for several seeds and every built-in scenario.
 *
 * Run: `npx tsc -b && node bench/simulate.js` (reads the built core). BENCH_SIM_RUNS sets the
 * engine's runs (default 20,000); the naive model runs a tenth as many.
 *
 * Then history runs (`simulateHistory`, docs/model.md "History"): the built-in case from 2015-01
 * through 2021 (84 months, three segments across the 2021-08 takeover, three observed dyads),
 * every parameter at its default, one seed per run, writing into one reused buffer — the
 * calibration's inner loop.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  compileHistory,
  compileModel,
  historyDefaults,
  loadCase,
  outcomeNames,
  runSeed,
  simulateHistory,
  simulateOutcomes,
} from '../packages/core/dist/index.js';
import { naiveModel, naiveOutcomes } from './simulate-naive.js';

const RUNS = Number(process.env.BENCH_SIM_RUNS ?? 20_000);
const NAIVE_RUNS = Math.max(100, Math.floor(RUNS / 10));
const c = loadCase(
  readFileSync(new URL('../cases/afghanistan-2023.yaml', import.meta.url), 'utf8'),
).case;

// 1. Agreement on every scenario and a few seeds.
let worst = 0;
for (const s of c.scenarios) {
  const model = compileModel(c, s.id);
  const naive = naiveModel(c, s.id);
  const names = outcomeNames(model);
  for (const seed of [1, 2, 3, runSeed(9, 4), runSeed(9, 5)]) {
    const y = simulateOutcomes(model, model.base, seed);
    const z = naiveOutcomes(naive, {}, seed);
    names.forEach((n, i) => {
      const d = Math.abs(y[i] - z[n]) / Math.max(1, Math.abs(z[n]));
      if (!(d <= 1e-9))
        throw new Error(`simulate bench: ${s.id} seed ${seed} ${n}: engine ${y[i]} naive ${z[n]}`);
      worst = Math.max(worst, d);
    });
  }
}

// 2. Throughput on status-quo, 120 months.
const model = compileModel(c, 'status-quo');
const naive = naiveModel(c, 'status-quo');
const actors = model.groups.length + model.states.length + 1 + (model.opposition ? 1 : 0);
const out = new Float64Array(outcomeNames(model).length);
function timeEngine(runs) {
  const t = performance.now();
  let check = 0;
  for (let i = 0; i < runs; i++)
    check += simulateOutcomes(model, model.base, runSeed(1, i), out)[0];
  return { ms: performance.now() - t, check };
}
function timeNaive(runs) {
  const t = performance.now();
  let check = 0;
  for (let i = 0; i < runs; i++)
    check += naiveOutcomes(naive, {}, runSeed(1, i))['strength.total.change'];
  return { ms: performance.now() - t, check };
}
timeEngine(Math.min(2000, RUNS)); // warm-up
timeNaive(Math.min(200, NAIVE_RUNS));
const engine = timeEngine(RUNS);
const base = timeNaive(NAIVE_RUNS);
const rate = (runs, ms) => (runs * model.months * actors) / (ms / 1000);
const ten = timeEngine(10_000);

console.log(
  `Built-in case, status-quo, ${model.months} months, ${actors} actors (${model.groups.length} groups, ${model.states.length} states, regime, opposition); ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}\n`,
);
console.log('| implementation | runs | time ms | runs/s | actor-months/s | speed-up |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
const row = (name, runs, r) =>
  `| ${name} | ${runs} | ${r.ms.toFixed(0)} | ${((runs / r.ms) * 1000).toFixed(0)} | ${(rate(runs, r.ms) / 1e6).toFixed(2)} M | ${(rate(runs, r.ms) / rate(NAIVE_RUNS, base.ms)).toFixed(1)}× |`;
console.log(row('engine (typed arrays, simulateOutcomes)', RUNS, engine));
console.log(row('naive (objects and Maps, bench/simulate-naive.js)', NAIVE_RUNS, base));
console.log(`\n10,000 runs × 120 months (engine, one thread): ${ten.ms.toFixed(0)} ms`);
console.log(
  `outcomes agree on ${c.scenarios.length} scenarios × 5 seeds; largest relative difference ${worst.toExponential(1)}`,
);

// 3. History runs, 2015-01 … 2021 (the calibration's inner loop).
const history = compileHistory(c, { from: '2015-01', until: '2021' });
const hParams = historyDefaults(history);
const mu = new Float64Array(history.targets.length * history.years.length);
function timeHistory(runs) {
  const t = performance.now();
  let check = 0;
  for (let i = 0; i < runs; i++) check += simulateHistory(history, hParams, runSeed(1, i), mu)[0];
  return { ms: performance.now() - t, check };
}
timeHistory(Math.min(2000, RUNS)); // warm-up
const hist = timeHistory(RUNS);
console.log(
  `\nHistory 2015-01 … 2021 (${history.months} months, ${history.segments.length} segments: ${history.segments.map((x) => `${x.start} ${x.regime}`).join(', ')}; ${history.targets.length} targets): ${RUNS} runs in ${hist.ms.toFixed(0)} ms, ${((RUNS / hist.ms) * 1000).toFixed(0)} runs/s (one thread)`,
);
