/**
 * Simulation-based calibration of `entente calibrate` on the real history model of the built-in
 * case (core's `simulationBasedCalibration`, docs/calibration.md "Proof that it works"): the
 * simulator of `entente calibrate --from 2015 --until 2020 --forecast 2021` (three targets, six
 * fitted years, 25 parameters), R replications, each a truth drawn from the prior, its six years
 * of counts simulated with observation noise, and a calibration at the given settings. Prints,
 * per parameter, how many 90 % intervals held the truth, how many replications reported it
 * uninformed, the rank histogram (10 bins of the posterior distribution function at the truth)
 * with its χ² (9 degrees of freedom; 99 % point 21.67, 99.9 % point 27.88) and KS distance
 * (1 % critical value about 1.63/√R), and the CPU time.
 *
 * Run: `npx tsc -b && node bench/sbc.js [--method abc-smc|rejection|likelihood-smc]
 * [--replications 100] [--runs 20000] [--particles 500] [--latent-runs 1] [--shared-seed]
 * [--json FILE]`. `--shared-seed` calibrates every replication with seed 1 (for rejection ABC:
 * one prior table, simulated once, cv4abc). For likelihood-smc, `--runs` budgets latent runs
 * (expected counts, `historyMeans`, run on each particle's own shocks), and it also prints the
 * temperature steps, the Metropolis–Hastings acceptance and how many runs reached β = 1 only by
 * the budget's last reweighting.
 *
 * `--noisy EPS` runs instead a prototype that is NOT a product method: noisy rejection ABC
 * (Fearnhead & Prangle 2012, §2.2; Wilkinson 2013) with the tolerance EPS fixed in advance,
 * on one table of `--runs` prior draws with the product's distance (ln(1 + x), per-target
 * scales from the table, root mean square): the observed summaries are moved by a draw
 * uniform in the ball of radius EPS, and every draw within EPS of the moved point is kept. A
 * replication with fewer than two draws kept counts as not covered.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { standardNormal } from '../packages/core/dist/calibration/prior-draws.js';
import {
  compileHistory,
  createRng,
  distanceScales,
  historyCounts,
  historyMeans,
  loadCase,
  observationDispersion,
  posteriorRank,
  posteriorSummary,
  rankUniformity,
  reuseLastBatch,
  runSeed,
  sampleObservation,
  simulateHistory,
  simulationBasedCalibration,
} from '../packages/core/dist/index.js';
import { fmix32 } from '../packages/core/dist/simulation/streams.js';

const { values: args } = parseArgs({
  options: {
    method: { type: 'string', default: 'abc-smc' },
    replications: { type: 'string', default: '100' },
    runs: { type: 'string', default: '20000' },
    particles: { type: 'string', default: '500' },
    'shared-seed': { type: 'boolean', default: false },
    'latent-runs': { type: 'string', default: '1' },
    noisy: { type: 'string' },
    json: { type: 'string' },
  },
});
const R = Number(args.replications);
const runs = Number(args.runs);
const particles = Number(args.particles);

const c = loadCase(
  readFileSync(new URL('../cases/afghanistan-2023.yaml', import.meta.url), 'utf8'),
).case;
const h = compileHistory(c, { from: '2015', until: '2020', forecast: '2021' });
const api = { compileHistory, simulateHistory, observationDispersion, sampleObservation };
const simulate = (thetas, seeds, span) => historyCounts(api, h, thetas, seeds, span);
const means = (thetas, seeds, span, normals) => historyMeans(api, h, thetas, seeds, span, normals);
/** likelihood-smc's generations (β, ESS, acceptance), per replication, for the diagnostics. */
const generations = [];
const setup = {
  parameters: h.parameters,
  targets: h.targets,
  years: h.years,
  fitYears: h.fitYears,
};

const cpu0 = process.cpuUsage();
const t0 = performance.now();
let result;
let label;
if (args.noisy !== undefined) {
  result = noisyPrototype(Number(args.noisy));
  label = `PROTOTYPE noisy rejection ABC (not a product method), tolerance ${args.noisy}, ${runs} prior draws`;
} else {
  const shared = args['shared-seed'];
  result = await simulationBasedCalibration(
    setup,
    shared && args.method === 'rejection' ? reuseLastBatch(simulate) : simulate,
    {
      replications: R,
      seed: 1,
      calibrate: {
        method: args.method,
        particles,
        runs,
        means,
        latentSize: h.latentSize,
        latentRuns: Number(args['latent-runs']),
        onGeneration: (g, i) => {
          if (i === 0) generations.push([]);
          generations[generations.length - 1].push(g);
        },
      },
      ...(shared ? { calibrationSeed: () => 1 } : {}),
    },
  );
  label = `${args.method}, ${particles} particles, ${runs} runs${args.method === 'likelihood-smc' ? `, ${args['latent-runs']} latent run(s) per θ` : ''}${shared ? ', shared calibration seed 1' : ''}`;
}
const cpu = process.cpuUsage(cpu0);
const wall = (performance.now() - t0) / 1000;

console.log(
  `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}, load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(
  `SBC on the history model of ${c.id} (2015–2020, targets ${h.targets.map((t) => t.id).join(', ')}): ${label}`,
);
console.log(
  `${R} replications, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, wall ${wall.toFixed(1)} s`,
);
console.log('');
console.log(
  `${'parameter'.padEnd(24)} ${'covered'.padStart(7)} ${'uninf.'.padStart(6)} ${'χ²(9)'.padStart(6)} ${'KS'.padStart(6)}  rank histogram`,
);
for (const p of result.parameters)
  console.log(
    `${p.id.padEnd(24)} ${String(p.covered).padStart(7)} ${String(p.uninformed).padStart(6)} ${p.chiSquare.toFixed(1).padStart(6)} ${p.ks.toFixed(3).padStart(6)}  ${p.histogram.join(' ')}`,
  );
if (result.runs) {
  const eps = result.runs.map((r) => r.epsilon).sort((a, b) => a - b);
  const sims = result.runs.map((r) => r.simulations).sort((a, b) => a - b);
  console.log(
    `\nfinal tolerance: median ${eps[eps.length >> 1].toFixed(3)}, range ${eps[0].toFixed(3)}–${eps[eps.length - 1].toFixed(3)}; simulations: median ${sims[sims.length >> 1]}, range ${sims[0]}–${sims[sims.length - 1]}`,
  );
}
if (args.method === 'likelihood-smc' && generations.length > 0) {
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length === 0 ? Number.NaN : s[s.length >> 1];
  };
  const moved = generations.map((gs) => gs.filter((g) => g.acceptance !== null));
  const count = generations.map((gs) => gs.length - 1);
  const acc = moved.flat().map((g) => g.acceptance);
  const lastAcc = moved.map((gs) => gs.at(-1)?.acceptance ?? Number.NaN);
  const jumped = generations.filter((gs) => gs.at(-1).acceptance === null).length;
  console.log(
    `temperature steps: median ${median(count)}, range ${Math.min(...count)}–${Math.max(...count)}; MH acceptance: median ${median(acc).toFixed(3)} over all generations, ${median(lastAcc).toFixed(3)} at the last (range ${Math.min(...lastAcc).toFixed(3)}–${Math.max(...lastAcc).toFixed(3)}); final ESS median ${median(result.runs.map((r) => r.ess)).toFixed(0)}; ${jumped} of ${R} ended by reweighting to β = 1 when the budget ran out`,
  );
}
if (args.json) writeFileSync(args.json, `${JSON.stringify(result)}\n`);

/** The noisy rejection ABC prototype (see the file's description), same truths and data as the SBC. */
function noisyPrototype(epsilon) {
  const P = h.parameters;
  const d = P.length;
  const S = runs;
  const F = h.fitYears;
  const m = h.targets.length * F;
  const rng0 = createRng(fmix32(runSeed(1, 1 << 30)));
  const table = new Float64Array(S * d);
  for (let i = 0; i < S; i++)
    for (let j = 0; j < d; j++) table[i * d + j] = P[j].lo + (P[j].hi - P[j].lo) * rng0();
  const seeds = Uint32Array.from({ length: S }, (_, i) => runSeed(runSeed(1, (1 << 30) + 1), i));
  const x = simulate(table, seeds, 'fit');
  const scales = distanceScales(x, S, m, F);
  const t = (v, k) => Math.log1p(Math.max(v, 0)) / scales[Math.floor(k / F)];
  const tx = Float64Array.from(x, (v, k) => t(v, k % m));
  const counts = P.map(() => ({ covered: 0, uninformed: 0, ranks: [] }));
  for (let r = 0; r < R; r++) {
    // The same truth and data as simulationBasedCalibration's replication r (seed 1).
    const truth = new Float64Array(d);
    const rng = createRng(fmix32(runSeed(1, 2 * r)));
    for (let j = 0; j < d; j++) truth[j] = P[j].lo + (P[j].hi - P[j].lo) * rng();
    const y = simulate(truth, Uint32Array.of(runSeed(1, 2 * r + 1)), 'fit');
    // z = t(y) + e, e uniform in the ball sqrt(mean e²) ≤ ε (radius ε √m).
    const noise = createRng(fmix32(runSeed(2, r)));
    const g = Float64Array.from({ length: m }, () => standardNormal(noise));
    const norm = Math.hypot(...g);
    const radius = epsilon * Math.sqrt(m) * noise() ** (1 / m);
    const z = Float64Array.from(y, (v, k) => t(v, k) + (radius * g[k]) / norm);
    const kept = [];
    for (let i = 0; i < S; i++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += (tx[i * m + k] - z[k]) ** 2;
      if (Math.sqrt(s / m) <= epsilon) kept.push(i);
    }
    if (kept.length < 2) {
      for (const c of counts) c.ranks.push(Number.NaN);
      continue;
    }
    const parts = new Float64Array(kept.length * d);
    kept.forEach((i, q) => {
      parts.set(table.subarray(i * d, i * d + d), q * d);
    });
    const w = new Float64Array(kept.length).fill(1 / kept.length);
    posteriorSummary(P, parts, w).forEach((p, j) => {
      if (truth[j] >= p.q05 && truth[j] <= p.q95) counts[j].covered++;
      if (p.uninformed) counts[j].uninformed++;
      counts[j].ranks.push(
        posteriorRank(
          Float64Array.from(kept, (i) => table[i * d + j]),
          w,
          truth[j],
        ),
      );
    });
  }
  const failed = counts[0].ranks.filter((u) => Number.isNaN(u)).length;
  console.log(`noisy prototype: ${failed} of ${R} replications kept fewer than 2 draws`);
  return {
    parameters: P.map((p, j) => ({
      id: p.id,
      covered: counts[j].covered,
      uninformed: counts[j].uninformed,
      ...rankUniformity(
        counts[j].ranks.filter((u) => !Number.isNaN(u)),
        10,
      ),
    })),
  };
}
