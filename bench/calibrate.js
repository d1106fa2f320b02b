/**
 * Calibration benchmark: `entente calibrate`'s work (core's calibrate over the history model,
 * runner's runCalibration) on the built-in case against UCDP's annual data, fitted 2015–2020 with
 * a 2021 forecast, seed 1, each run in a fresh process (imports and thread start-up included in
 * its process, excluded from its time), on 1 worker (the calling thread) and 2 (the calling
 * thread and one pool thread):
 *   1. the CLI's defaults: ABC-SMC, 500 particles, budget 20,000 simulations;
 *   2. 100,000 simulations, rejection ABC (`--method rejection --runs 100000`);
 *   3. 100,000 simulations, ABC-SMC with 3,000 particles and a budget of 100,000.
 * Reports wall time, simulations per second (fit and posterior predictive), peak RSS, and the CPU
 * time of the calling thread and of the other threads (Linux), which other programs on a shared
 * machine do not inflate; checks that 1 and 2 workers give the same bytes.
 *
 * Run: `npx tsc -b && node bench/calibrate.js` (reads the built packages and
 * ../shared/data/events/ucdp-afpak-annual-1989-2021.csv; skips with a notice without it).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

// BENCH_UCDP_ANNUAL names the file when the repository does not sit beside ../shared (a worktree).
const ANNUAL = process.env.BENCH_UCDP_ANNUAL
  ? new URL(`file://${process.env.BENCH_UCDP_ANNUAL}`)
  : new URL('../../shared/data/events/ucdp-afpak-annual-1989-2021.csv', import.meta.url);

/** CPU seconds of the main thread (null off Linux) and of the whole process. */
function cpuNow() {
  const u = process.cpuUsage();
  let main = null;
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    main = (Number(f[11]) + Number(f[12])) / 100; // utime + stime, clock ticks of 1/100 s
  } catch {}
  return { main, all: (u.user + u.system) / 1e6 };
}

/**
 * The observed counts of the case's targets × years, read as `entente calibrate --observed FILE`
 * reads them: with the names file beside the case (`readUcdpAnnual`), or, where the core reads
 * UCDP through the case's event mapping instead, the file ingested into a temporary event store.
 */
async function observedValues(core, c, span) {
  const h = core.compileHistory(c, span);
  if (typeof core.readUcdpAnnual === 'function') {
    const names = core.ObservedNamesSchema.parse(
      JSON.parse(
        readFileSync(new URL('../cases/afghanistan-2023.observed.json', import.meta.url), 'utf8'),
      ),
    );
    const data = core.readUcdpAnnual(readFileSync(ANNUAL, 'utf8'), 'ucdp-annual.csv');
    return core.observedCounts(data, names, h.targets, h.years);
  }
  const { openEventStore } = await import('../packages/events/dist/index.js');
  const temp = mkdtempSync(join(os.tmpdir(), 'entente-bench-'));
  try {
    const store = await openEventStore(join(temp, 'events.duckdb'));
    await store.ingest([fileURLToPath(ANNUAL)], { format: 'ucdp-dyadic' });
    const compiled = core.compileEventMapping(c.events ?? { map: [] });
    const formats = ['ucdp-dyadic'];
    const groups = await store.groups({ formats, by: 'year', breakpoints: compiled.breakpoints });
    const volumes = await store.volumes({ formats, by: 'year' });
    await store.close();
    return core.observedCounts(compiled, groups, volumes, h.targets, h.years).values;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

// Child mode: one calibration in this fresh process.
if (process.argv[2] === '--child') {
  const [method, particles, runs, workers] = process.argv.slice(3);
  const core = await import('../packages/core/dist/index.js');
  const { runCalibration } = await import('../packages/runner/dist/index.js');
  const c = core.loadCase(
    readFileSync(new URL('../cases/afghanistan-2023.yaml', import.meta.url), 'utf8'),
  ).case;
  const span = { from: '2015', until: '2020', forecast: '2021' };
  const observed = await observedValues(core, c, span); // not timed
  const cpu0 = cpuNow();
  const t0 = performance.now();
  const { calibration } = await runCalibration({
    case: c,
    span,
    observed: () => observed,
    options: { method, particles: Number(particles), runs: Number(runs), seed: 1 },
    workers: Number(workers),
  });
  const ms = performance.now() - t0;
  const cpu1 = cpuNow();
  process.stdout.write(
    JSON.stringify({
      ms,
      simulations: calibration.simulations + calibration.particles.length,
      mainCpu: cpu1.main === null ? null : cpu1.main - cpu0.main,
      allCpu: cpu1.all - cpu0.all,
      maxRssKiB: process.resourceUsage().maxRSS,
      hash: createHash('sha256').update(JSON.stringify(calibration)).digest('hex').slice(0, 16),
    }),
  );
  process.exit(0);
}

if (!existsSync(ANNUAL)) {
  console.log(
    `bench/calibrate: skipped, ${ANNUAL.pathname} is missing (see ../shared/data/README.md)`,
  );
  process.exit(0);
}

const child = (args) => {
  const out = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), '--child', ...args.map(String)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout);
};

const CASES = [
  ['defaults: abc-smc, 500 particles, budget 20,000', 'abc-smc', 500, 20_000],
  ['rejection, 100,000 simulations', 'rejection', 500, 100_000],
  ['abc-smc, 3,000 particles, budget 100,000', 'abc-smc', 3000, 100_000],
];

console.log(
  `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}, load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} before the run`,
);
console.log(
  '| calibration | workers | simulations | time | simulations/s | peak RSS | CPU: calling thread | CPU: other threads | projected 2-worker time |',
);
console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|');
let allSame = true;
for (const [label, method, particles, runs] of CASES) {
  const one = child([method, particles, runs, 1]);
  const two = child([method, particles, runs, 2]);
  const same = one.hash === two.hash;
  allSame &&= same;
  for (const [w, r] of [
    [1, one],
    [2, two],
  ]) {
    const other = r.mainCpu === null ? null : r.allCpu - r.mainCpu;
    // Both threads simulate side by side (their CPU time, measured so, holds what they lose to
    // each other); the calling thread also draws the proposals and computes the distances. On two
    // idle cores the run takes the busier thread's CPU, or half the process's if that is more.
    const projected = w === 1 || other === null ? null : Math.max(r.mainCpu, other, r.allCpu / 2);
    console.log(
      `| ${label} | ${w} | ${r.simulations} | ${(r.ms / 1000).toFixed(2)} s | ${Math.round((r.simulations * 1000) / r.ms)} | ${(r.maxRssKiB / 1024).toFixed(0)} MB | ${r.mainCpu?.toFixed(2) ?? '–'} s | ${other?.toFixed(2) ?? '–'} s | ${projected === null ? (w === 1 ? `(1 worker: process CPU ${r.allCpu.toFixed(2)} s)` : '–') : `${projected.toFixed(2)} s: ${(one.allCpu / projected).toFixed(2)}× over 1 worker's CPU`} |`,
    );
  }
  console.log(
    `| ${label}: wall speed-up ${(one.ms / two.ms).toFixed(2)}×, same bytes ${same ? 'yes' : 'NO'} | | | | | | | | |`,
  );
}
if (!allSame) process.exit(1);
