/**
 * Exploration benchmark (issue 4, "Speed and memory"): the runner's local worker pool on the
 * built-in case.
 *   1. 10,000 worlds × 120 months of status-quo with 1 and 2 workers: (a) in a fresh process each,
 *      as `entente explore` runs (imports, thread start-up and JIT included); (b) on warm pools, as
 *      a server keeps them. Best of three each. Targets: < 5 s with 2 workers, ≥ 1.7× speed-up.
 *   2. Sobol design with 10 uncertain parameters and N = 1,024, i.e. 22,528 worlds of status-quo,
 *      with the Sobol indices and their bootstrap CIs, 2 workers (target: < 15 s).
 *   3. 100,000 worlds × the four required scenarios, summaries only, 1 and 2 workers, each in a
 *      fresh process: wall time, the speed-up on a long run, and peak resident memory (maxRSS
 *      covers the main thread and the worker threads, which share the process; target: < 500 MB);
 *      3c the same runs in CPU time per thread and phase (Linux), which other programs on a shared
 *      machine do not inflate, and Amdahl's projection of the 2-worker time from them.
 *   4. Case draws (issue 9): lhs 2,000 worlds × the case's nine scenarios with `draws` 0 and
 *      100 in the same run, interleaved, best of five each, 1 worker (in-process) and a warm
 *      pool of 2: time per world, whole run and batches alone, and the overhead of the draws
 *      (target: < 20 %).
 * Timings include planning and the aggregation (PRIM, quantiles, bands, sensitivity).
 * Run: `npx tsc -b && node bench/explore.js` (reads the built packages); `node bench/explore.js
 * --draws` runs section 4 only, `--big` section 3 only, `--aggregation` section 3b only. BENCH_EXPLORE_SCALE (default 1) scales every world count, for a
 * quick check.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { aggregate, loadCase, planExploration } from '../packages/core/dist/index.js';
import { createBatchPool, runExploration } from '../packages/runner/dist/index.js';

const SCALE = Number(process.env.BENCH_EXPLORE_SCALE ?? 1);
const c = loadCase(
  readFileSync(new URL('../cases/afghanistan-2023.yaml', import.meta.url), 'utf8'),
).case;
const REQUIRED = [
  'status-quo',
  'everyone-severs',
  'conditional-engagement',
  'severance-unified-opposition',
];

/**
 * CPU seconds since the process started: of the main thread (Linux: /proc/self/task/<pid>/stat;
 * null elsewhere) and of the whole process (every thread, ended ones included). CPU time, unlike
 * wall time, does not grow when other programs take the cores, so it can be compared across runs
 * on a shared machine.
 */
function cpuNow() {
  const u = process.cpuUsage();
  let main = null;
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    main = (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {}
  return { main, all: (u.user + u.system) / 1e6 };
}

// Child modes: a fresh process, so that start-up and peak memory are its own.
if (process.argv[2] === '--memory' || process.argv[2] === '--cold') {
  const runs = Number(process.argv[3]);
  const scenarios = process.argv[2] === '--memory' ? REQUIRED : ['status-quo'];
  // Resident memory sampled every 50 ms (main thread and worker threads share the process).
  let sampledRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    sampledRss = Math.max(sampledRss, process.memoryUsage.rss());
  }, 50);
  let batchesMs = 0;
  let cpuAtBatches = cpuNow();
  const { summary } = await runExploration(
    c,
    { runs, scenarios, seed: 1 },
    {
      workers: Number(process.argv[4]),
      onProgress: (p) => {
        batchesMs = performance.now();
        if (p.done === p.total) cpuAtBatches = cpuNow();
      },
    },
  );
  const cpuEnd = cpuNow();
  clearInterval(sampler);
  sampledRss = Math.max(sampledRss, process.memoryUsage.rss());
  process.stdout.write(
    JSON.stringify({
      worlds: summary.completedWorlds,
      ms: performance.now(), // since the process started
      batchesMs,
      maxRssKiB: process.resourceUsage().maxRSS,
      sampledRssMiB: sampledRss / 2 ** 20,
      hash: createHash('sha256').update(JSON.stringify(summary)).digest('hex').slice(0, 16),
      cpu: { batches: cpuAtBatches, end: cpuEnd },
    }),
  );
  process.exit(0);
}

/**
 * Section 4: the same exploration with `draws` 0 and 100, interleaved, best of five each; the
 * whole run (planning, batches, aggregation) and the batches alone (to the last progress call).
 */
async function drawsRows() {
  const worlds = Math.round(2000 * SCALE);
  const out = [];
  for (const workers of [1, 2]) {
    const pool = workers > 1 ? createBatchPool(workers) : undefined;
    const control = pool ? { pool } : { workers: 1 };
    await runExploration(c, { runs: 200, seed: 2, draws: 10 }, control); // warm-up (JIT, threads)
    const best = {
      0: { ms: Number.POSITIVE_INFINITY, batchesMs: Number.POSITIVE_INFINITY },
      100: { ms: Number.POSITIVE_INFINITY, batchesMs: Number.POSITIVE_INFINITY },
    };
    for (let i = 0; i < 5; i++) {
      for (const draws of [0, 100]) {
        const t = performance.now();
        let batchesMs = 0;
        await runExploration(
          c,
          { runs: worlds, seed: 1, draws },
          { ...control, onProgress: () => (batchesMs = performance.now() - t) },
        );
        const ms = performance.now() - t;
        best[draws].ms = Math.min(best[draws].ms, ms);
        best[draws].batchesMs = Math.min(best[draws].batchesMs, batchesMs);
      }
    }
    await pool?.close();
    const perWorld = (ms) => `${((ms / worlds) * 1000).toFixed(0)} µs`;
    const over = (a, b) => `${a >= b ? '+' : '−'}${(Math.abs(a / b - 1) * 100).toFixed(1)} %`;
    for (const draws of [0, 100]) {
      const r = best[draws];
      const vs =
        draws > 0
          ? ` · vs draws 0: ${over(r.ms, best[0].ms)} (batches ${over(r.batchesMs, best[0].batchesMs)})`
          : '';
      out.push([
        `4  lhs ${worlds} worlds × 9 scenarios, draws ${draws}, ${workers} worker${workers > 1 ? 's (warm pool)' : ' (in-process)'}`,
        r.ms,
        `${perWorld(r.ms)} per world (batches ${perWorld(r.batchesMs)})${vs}`,
      ]);
    }
  }
  return out;
}

const print = (rows) => {
  const width = Math.max(...rows.map((r) => r[0].length));
  for (const [what, ms, note] of rows)
    console.log(`${what.padEnd(width)}  ${(ms / 1000).toFixed(2).padStart(7)} s  ${note}`);
};

/** How well this machine runs two CPU-bound threads right now: 2 × (one alone) / (two at once). */
async function spinCeiling() {
  const run = (threads) =>
    new Promise((resolve) => {
      const code = `let x = 0; for (let i = 0; i < 2e8; i++) x += Math.sqrt(i);
        require('node:worker_threads').parentPort.postMessage(x);`;
      const t = performance.now();
      let left = threads;
      for (let i = 0; i < threads; i++) {
        const w = new Worker(code, { eval: true });
        w.once('message', () => {
          w.terminate();
          if (--left === 0) resolve(performance.now() - t);
        });
      }
    });
  const one = await run(1);
  return (2 * one) / (await run(2));
}

/**
 * Section 3b: the aggregation alone, 100,000 worlds × 4 scenarios, the same batches: serial (the
 * calling thread, as with 1 worker) against the verdict tasks on a warm pool of 2 (the batches run
 * once on that pool), interleaved, best of three.
 */
async function aggregationRows() {
  const big = Math.round(100_000 * SCALE);
  const pool = createBatchPool(2);
  const plan = planExploration(c, { runs: big, scenarios: REQUIRED, seed: 1 });
  const { runPlan } = await import('../packages/runner/dist/index.js');
  const batches = [];
  const captured = {
    run: async (...args) => {
      const b = await pool.run(...args);
      batches.push(b);
      return b;
    },
    verdict: (...args) => pool.verdict(...args),
    threads: 2,
    close: async () => {},
  };
  const first = await runPlan(plan, { pool: captured });
  let serial = Number.POSITIVE_INFINITY;
  let pooled = Number.POSITIVE_INFINITY;
  let same = true;
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    const s = aggregate(plan, batches);
    serial = Math.min(serial, performance.now() - t);
    t = performance.now();
    const p = await runPlan(plan, {
      pool: { ...captured, run: async (_j, _id, start) => batches.find((b) => b.start === start) },
    });
    pooled = Math.min(pooled, performance.now() - t);
    same &&= JSON.stringify(s) === JSON.stringify(p.summary);
  }
  same &&= JSON.stringify(first.summary) === JSON.stringify(aggregate(plan, batches));
  await pool.close();
  return [
    [`3b aggregation of ${big} worlds × 4 scenarios, serial (as with 1 worker)`, serial, ''],
    [
      `3b aggregation of ${big} worlds × 4 scenarios, verdict tasks on a warm pool of 2`,
      pooled,
      `speed-up ${(serial / pooled).toFixed(2)}× · identical summary: ${same}`,
    ],
  ];
}

if (process.argv[2] === '--aggregation') {
  console.log(
    `node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}, load average ${os.loadavg()[0].toFixed(2)} before the run; 2 spinning threads ran ${(await spinCeiling()).toFixed(2)}× one (the ceiling of any speed-up here)`,
  );
  print(await aggregationRows());
  process.exit(0);
}

if (process.argv[2] === '--draws') {
  console.log(
    `node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}`,
  );
  print(await drawsRows());
  process.exit(0);
}

/**
 * Section 3: 100,000 worlds × 4 scenarios in a fresh process each, 1 worker then 2, end to end
 * (start-up, batches, aggregation with the verdict tasks on the pool); peak RSS both as the
 * kernel's high-water mark (maxRSS) and as sampled every 50 ms; the summaries' hashes must match.
 */
function bigRows() {
  const big = Math.round(100_000 * SCALE);
  const mem1 = child('--memory', big, 1);
  const mem = child('--memory', big, 2);
  const rss = (r) =>
    `peak RSS ${(r.maxRssKiB / 1024).toFixed(0)} MB (sampled ${r.sampledRssMiB.toFixed(0)} MiB)`;
  const agg = (r) => `aggregation ${((r.ms - r.batchesMs) / 1000).toFixed(2)} s`;
  const rows = [
    [
      `3  lhs ${mem1.worlds} worlds × 4 scenarios, summaries only, 1 worker, fresh process`,
      mem1.ms,
      `${rss(mem1)} · ${agg(mem1)}`,
    ],
    [
      `3  lhs ${mem.worlds} worlds × 4 scenarios, summaries only, 2 workers, fresh process`,
      mem.ms,
      `${rss(mem)} · ${agg(mem)} · speed-up ${(mem1.ms / mem.ms).toFixed(2)}× · identical summary: ${mem1.hash === mem.hash}`,
    ],
  ];
  if (mem.cpu.end.main !== null) rows.push(...cpuRows(mem1, mem));
  return rows;
}

/**
 * The same two runs in CPU time (main thread, other threads; to the last batch, then the
 * aggregation) and Amdahl's projection of the 2-worker time on a machine with two idle cores: the
 * main thread's CPU to the last batch (start-up, planning) + the threads' batch CPU / 2 + the
 * aggregation, whose main-thread steps and pool tasks overlap: max(main, (main + others) / 2).
 * The threads' CPU time, measured while they ran side by side, already holds what they lose to
 * each other (the spinning threads' ceiling); other programs inflate both runs alike. The 1-worker
 * time is its process CPU.
 */
function cpuRows(one, two) {
  const phases = (r) => ({
    mainBatches: r.cpu.batches.main,
    otherBatches: r.cpu.batches.all - r.cpu.batches.main,
    mainAgg: r.cpu.end.main - r.cpu.batches.main,
    otherAgg: r.cpu.end.all - r.cpu.end.main - (r.cpu.batches.all - r.cpu.batches.main),
  });
  const text = (p) =>
    `CPU to the last batch: main ${p.mainBatches.toFixed(2)} s, other threads ${p.otherBatches.toFixed(2)} s; aggregation: main ${p.mainAgg.toFixed(2)} s, other threads ${p.otherAgg.toFixed(2)} s`;
  const a = phases(one);
  const b = phases(two);
  const t1 = one.cpu.end.all;
  const t2 = b.mainBatches + b.otherBatches / 2 + Math.max(b.mainAgg, (b.mainAgg + b.otherAgg) / 2);
  return [
    ['3c 1 worker, CPU time', t1 * 1000, text(a)],
    [
      '3c 2 workers, CPU time (projected wall)',
      t2 * 1000,
      `${text(b)} · projected speed-up ${(t1 / t2).toFixed(2)}×`,
    ],
  ];
}

const child = (mode, runs, workers) => {
  const out = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), mode, String(runs), String(workers)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout);
};

if (process.argv[2] === '--big') {
  console.log(
    `node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}, load average ${os.loadavg()[0].toFixed(2)} before the run; 2 spinning threads ran ${(await spinCeiling()).toFixed(2)}× one (the ceiling of any speed-up here)`,
  );
  print(bigRows());
  process.exit(0);
}

// How well this machine runs two CPU-bound threads right now (other load lowers it): the
// speed-ups below cannot exceed it.
const spin = (threads) =>
  new Promise((resolve) => {
    const code = `let x = 0; for (let i = 0; i < 2e8; i++) x += Math.sqrt(i);
      require('node:worker_threads').parentPort.postMessage(x);`;
    const t = performance.now();
    let left = threads;
    for (let i = 0; i < threads; i++) {
      const w = new Worker(code, { eval: true });
      w.once('message', () => {
        w.terminate();
        if (--left === 0) resolve(performance.now() - t);
      });
    }
  });
const spin1 = await spin(1);
const spin2 = await spin(2);
const machine = (2 * spin1) / spin2;

const rows = [];
const runs = Math.round(10_000 * SCALE);
const bestChild = (workers) =>
  [0, 1, 2].map(() => child('--cold', runs, workers)).sort((a, b) => a.ms - b.ms)[0];
const cold1 = bestChild(1);
const cold2 = bestChild(2);
rows.push([`1a lhs ${runs} × 120 months, status-quo, 1 worker, fresh process`, cold1.ms, '']);
rows.push([
  `1a lhs ${runs} × 120 months, status-quo, 2 workers, fresh process`,
  cold2.ms,
  `speed-up ${(cold1.ms / cold2.ms).toFixed(2)}×`,
]);

const warm = async (threads) => {
  const pool = createBatchPool(threads);
  await runExploration(c, { runs: 2000, scenarios: ['status-quo'], seed: 2 }, { pool });
  // Best of three: other processes on the machine only ever slow a run down.
  let best = { ms: Number.POSITIVE_INFINITY };
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    let batchesMs = 0;
    const { summary } = await runExploration(
      c,
      { runs, scenarios: ['status-quo'], seed: 1 },
      { pool, onProgress: () => (batchesMs = performance.now() - t) },
    );
    const ms = performance.now() - t;
    if (ms < best.ms) best = { ms, batchesMs, summary };
  }
  await pool.close();
  return best;
};
const one = await warm(1);
const two = await warm(2);
const same = JSON.stringify(one.summary) === JSON.stringify(two.summary);
const split = (r) =>
  `planning + batches ${(r.batchesMs / 1000).toFixed(2)} s, aggregation ${((r.ms - r.batchesMs) / 1000).toFixed(2)} s`;
rows.push([`1b lhs ${runs} × 120 months, status-quo, 1 worker, warm pool`, one.ms, split(one)]);
rows.push([
  `1b lhs ${runs} × 120 months, status-quo, 2 workers, warm pool`,
  two.ms,
  `${split(two)} · speed-up ${(one.ms / two.ms).toFixed(2)}× (batches ${(one.batchesMs / two.batchesMs).toFixed(2)}×) · identical summary: ${same}`,
]);

const all = planExploration(c, { runs: 1, scenarios: ['status-quo'] }).parameters.map((p) => p.id);
const n = Math.round(1024 * SCALE);
const t = performance.now();
const sobol = await runExploration(
  c,
  { runs: n, sample: 'sobol', parameters: all.slice(0, 10), scenarios: ['status-quo'], seed: 1 },
  { workers: 2 },
);
rows.push([
  `2  sobol N=${n}, k=10 (${sobol.summary.worlds} worlds), status-quo, 2 workers`,
  performance.now() - t,
  `bootstrap ${sobol.summary.options.bootstrap}`,
]);

rows.push(...bigRows());
rows.push(...(await aggregationRows()));

rows.push(...(await drawsRows()));

console.log(
  `node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}; ${all.length} uncertain parameters; 2 spinning threads ran ${machine.toFixed(2)}× one (the ceiling of any speed-up here)`,
);
print(rows);
