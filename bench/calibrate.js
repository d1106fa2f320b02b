/**
 * Calibration benchmark: `entente calibrate`'s work (core's calibrate over the history model,
 * runner's runCalibration) on the built-in case against UCDP's annual data, fitted 2015–2020 with
 * a 2021 forecast, at the CLI's defaults (ABC-SMC, 500 particles, budget 20,000 simulations,
 * seed 1), on 1 worker (in-process) and on 2 worker threads. Reports simulations per second end
 * to end (fit and posterior predictive, process start-up excluded) and checks that both give the
 * same bytes.
 *
 * Run: `npx tsc -b && node bench/calibrate.js` (reads the built packages and
 * ../shared/data/events/ucdp-afpak-annual-1989-2021.csv; skips with a notice without it).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  compileEventMapping,
  compileHistory,
  loadCase,
  observedCounts,
} from '../packages/core/dist/index.js';
import { openEventStore } from '../packages/events/dist/index.js';
import { runCalibration } from '../packages/runner/dist/index.js';

const ANNUAL = new URL('../../shared/data/events/ucdp-afpak-annual-1989-2021.csv', import.meta.url);
if (!existsSync(ANNUAL)) {
  console.log(
    `bench/calibrate: skipped, ${ANNUAL.pathname} is missing (see ../shared/data/README.md)`,
  );
  process.exit(0);
}
const c = loadCase(
  readFileSync(new URL('../cases/afghanistan-2023.yaml', import.meta.url), 'utf8'),
).case;
const SPAN = { from: '2015', until: '2020', forecast: '2021' };
// The observed counts as `entente calibrate --observed FILE` reads them: the file ingested into a
// temporary event store, the series through the case's mapping (not timed).
const temp = mkdtempSync(join(os.tmpdir(), 'entente-bench-'));
const store = await openEventStore(join(temp, 'events.duckdb'));
await store.ingest([fileURLToPath(ANNUAL)], { format: 'ucdp-dyadic' });
const compiled = compileEventMapping(c.events ?? { map: [] });
const formats = ['ucdp-dyadic'];
const groups = await store.groups({ formats, by: 'year', breakpoints: compiled.breakpoints });
const volumes = await store.volumes({ formats, by: 'year' });
await store.close();
rmSync(temp, { recursive: true, force: true });
const h0 = compileHistory(c, SPAN);
const observed = observedCounts(compiled, groups, volumes, h0.targets, h0.years).values;

const results = [];
for (const workers of [1, 2]) {
  const t0 = performance.now();
  const { calibration } = await runCalibration({
    case: c,
    span: SPAN,
    observed: () => observed,
    options: { method: 'abc-smc', particles: 500, runs: 20_000, seed: 1 },
    workers,
  });
  const ms = performance.now() - t0;
  const simulations = calibration.simulations + calibration.particles.length;
  results.push({ workers, ms, simulations, json: JSON.stringify(calibration) });
}
const same = results[0].json === results[1].json;
console.log(
  `Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}, load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log('| workers | simulations | time | simulations/s |');
console.log('|--:|--:|--:|--:|');
for (const r of results)
  console.log(
    `| ${r.workers} | ${r.simulations} | ${(r.ms / 1000).toFixed(2)} s | ${Math.round((r.simulations * 1000) / r.ms)} |`,
  );
console.log(`same bytes on 1 and 2 workers: ${same ? 'yes' : 'NO'}`);
if (!same) process.exit(1);
