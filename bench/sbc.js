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
 * [--tolerance EPS] [--noisy] [--json FILE]`. `--shared-seed` calibrates every replication with seed 1 (for rejection ABC:
 * one prior table, simulated once, cv4abc). For likelihood-smc, `--runs` budgets latent runs
 * (expected counts, `historyMeans`, run on each particle's own shocks), and it also prints the
 * temperature steps, the Metropolis–Hastings acceptance and how many runs reached β = 1 only by
 * the budget's last reweighting.
 *
 * `--tolerance EPS` gives ABC-SMC and rejection a target tolerance fixed in advance, and `--noisy`
 * makes it noisy ABC (Fearnhead & Prangle 2012, §2.2; `calibration/abc-distance.ts`): the product
 * options `entente calibrate --noisy --tolerance EPS`. A replication that did not reach the
 * tolerance counts as a miss (`calibration/sbc.ts`); the reach rate is printed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  compileHistory,
  coverageBand,
  historyCounts,
  historyMeans,
  loadCase,
  observationDispersion,
  pooledCoverage,
  reuseLastBatch,
  sampleObservation,
  simulateHistory,
  simulationBasedCalibration,
} from '../packages/core/dist/index.js';

const { values: args } = parseArgs({
  options: {
    method: { type: 'string', default: 'abc-smc' },
    replications: { type: 'string', default: '100' },
    runs: { type: 'string', default: '20000' },
    particles: { type: 'string', default: '500' },
    'shared-seed': { type: 'boolean', default: false },
    'latent-runs': { type: 'string', default: '1' },
    tolerance: { type: 'string' },
    noisy: { type: 'boolean', default: false },
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
const shared = args['shared-seed'];
const tolerance = args.tolerance === undefined ? undefined : Number(args.tolerance);
const result = await simulationBasedCalibration(
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
      ...(tolerance === undefined ? {} : { tolerance }),
      ...(args.noisy ? { noisy: true } : {}),
      onGeneration: (g, i) => {
        if (i === 0) generations.push([]);
        generations[generations.length - 1].push(g);
      },
    },
    ...(shared ? { calibrationSeed: () => 1 } : {}),
  },
);
const label = `${args.method}${args.noisy ? `, noisy ABC at ε = ${tolerance}` : tolerance === undefined ? '' : `, target tolerance ${tolerance}`}, ${particles} particles, ${runs} runs${args.method === 'likelihood-smc' ? `, ${args['latent-runs']} latent run(s) per θ` : ''}${shared ? ', shared calibration seed 1' : ''}`;
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
{
  const known = (xs) => xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const eps = known(result.runs.map((r) => r.epsilon));
  const sims = known(result.runs.map((r) => r.simulations));
  const ess = known(result.runs.map((r) => r.ess));
  console.log(
    `\nfinal tolerance: median ${eps[eps.length >> 1]?.toFixed(3)}, range ${eps[0]?.toFixed(3)}–${eps.at(-1)?.toFixed(3)}; simulations: median ${sims[sims.length >> 1]}, range ${sims[0]}–${sims.at(-1)}; final ESS: median ${ess[ess.length >> 1]?.toFixed(0)}, range ${ess[0]?.toFixed(0)}–${ess.at(-1)?.toFixed(0)}`,
  );
  if (tolerance !== undefined)
    console.log(
      `reached the target tolerance ${tolerance}: ${result.reached} of ${R} replications (the others count as misses)`,
    );
  const band = coverageBand(R, result.parameters.length);
  const counts = result.parameters.map((p) => p.covered);
  const outside = result.parameters.filter((p) => p.covered < band.lo || p.covered > band.hi);
  console.log(
    `coverage: ${(100 * pooledCoverage(result)).toFixed(1)} % of all ${R * result.parameters.length} intervals; per parameter ${Math.min(...counts)}–${Math.max(...counts)} of ${R}; the band an exact posterior keeps all ${result.parameters.length} in (1 % family-wise) is ${band.lo}–${band.hi}: ${outside.length === 0 ? 'every parameter inside' : `outside: ${outside.map((p) => `${p.id} ${p.covered}`).join(', ')}`}`,
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
