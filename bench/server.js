/**
 * Server under load (issue 5): the entente server (built `packages/server/dist`) on 127.0.0.1,
 * driven by autocannon, bounded in requests and time.
 *
 * 1. 200 concurrent `POST /api/analyze` of the built-in case at 2023: 2,000 requests over 200
 *    connections after one warm-up request (so they hit the analysis cache), then 200 requests over
 *    200 connections that are all different (date × layers × seed), so each one computes. Every
 *    response must be 200. Latency p50/p99 and requests per second.
 * 2. 10 explorations submitted at once (1,000 worlds each, the built-in case with two scenarios)
 *    are all queued (202, 10 distinct ids, none lost), each is cancelled (state `cancelled`, no
 *    file left in the jobs folder); then 10 small ones (100 worlds) all run to done; then 17
 *    submitted at once against maxJobs 16 give 16 × 202 and 1 × 429.
 * 3. Oversized bodies (3 MiB against the 2 MiB limit) get 413 and malformed JSON gets 400, under
 *    50 connections × 500 requests each kind.
 *
 * Run: `npx tsc -b && node bench/server.js`. Prints a Markdown table; exits 1 if a check fails.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createServer } from '../packages/server/dist/index.js';

// The server runs in a child process, so that autocannon does not share its thread.
if (process.argv[2] === '--serve') {
  const app = createServer({ jobsDir: process.argv[3], maxJobs: 16, jobConcurrency: 1 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.send?.({ port: app.server.address().port });
  process.on('message', async () => {
    await app.close();
    process.exit(0);
  });
} else {
  await bench();
}

async function bench() {
  const jobsDir = mkdtempSync(join(os.tmpdir(), 'entente-bench-jobs-'));
  const server = fork(new URL(import.meta.url).pathname, ['--serve', jobsDir], {
    stdio: 'inherit',
  });
  const port = await new Promise((resolve) => server.once('message', (m) => resolve(m.port)));
  const base = `http://127.0.0.1:${port}`;
  const rows = [];
  const failures = [];
  const check = (ok, what) => {
    if (!ok) failures.push(what);
    return ok;
  };

  function cannon({ path = '/', ...options }) {
    return new Promise((resolve, reject) => {
      autocannon({ url: `${base}${path}`, timeout: 60, ...options }, (err, result) =>
        err ? reject(err) : resolve(result),
      );
    });
  }

  function row(name, r, expected) {
    const statuses = {
      '1xx': r['1xx'],
      '2xx': r['2xx'],
      '3xx': r['3xx'],
      '4xx': r['4xx'],
      '5xx': r['5xx'],
    };
    // A 413 is answered before the body is read, and the connection closed: autocannon counts the
    // reset as an error, so for the expected refusals only the status codes count.
    const ok =
      expected === '2xx'
        ? r.errors === 0 && r.timeouts === 0 && r.non2xx === 0
        : r['2xx'] === 0 && r['5xx'] === 0 && r.timeouts === 0;
    rows.push({
      name,
      requests: r.requests.total,
      connections: r.connections,
      ok: ok ? 'yes' : 'NO',
      p50: r.latency.p50,
      p99: r.latency.p99,
      rps: Math.round(r.requests.total / (r.duration || 1)),
      statuses: Object.entries(statuses)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n}`)
        .join(', '),
    });
    check(ok, `${name}: errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}`);
    return r;
  }

  const json = { 'content-type': 'application/json' };

  // 1. Analyses.
  // As the workbench asks: without the single-layer landscapes (`byLayer: false`).
  const same = JSON.stringify({ caseId: 'afghanistan-2023', at: '2023', byLayer: false });
  // Warm-up: one analysis fills the cache (and the JIT) before the cached run is measured.
  await fetch(`${base}/api/analyze`, { method: 'POST', headers: json, body: same });
  row(
    'analyze, same request (cached)',
    await cannon({
      method: 'POST',
      path: '/api/analyze',
      headers: json,
      body: same,
      connections: 200,
      amount: 2000,
    }),
    '2xx',
  );
  const layerSets = [
    undefined,
    ['security', 'hostility'],
    ['diplomatic', 'economic', 'security'],
    ['control', 'hostility'],
  ];
  const distinct = [];
  for (let i = 0; distinct.length < 200; i++) {
    const year = 2001 + (i % 23);
    const layers = layerSets[Math.floor(i / 23) % layerSets.length];
    distinct.push(
      JSON.stringify({
        caseId: 'afghanistan-2023',
        at: String(year),
        seed: 100 + i,
        byLayer: false,
        ...(layers ? { layers } : {}),
      }),
    );
  }
  let next = 0;
  row(
    'analyze, 200 distinct requests (computed)',
    await cannon({
      connections: 200,
      amount: 200,
      requests: [
        {
          method: 'POST',
          path: '/api/analyze',
          headers: json,
          setupRequest: (req) => ({ ...req, body: distinct[next++ % distinct.length] }),
        },
      ],
    }),
    '2xx',
  );

  // 2. Jobs.
  const cases = await (await fetch(`${base}/api/cases/afghanistan-2023`)).json();
  const hasScenarios = (cases.case?.scenarios ?? []).length >= 2;
  const scenarios = hasScenarios
    ? undefined
    : [
        { id: 'bench-engage', months: 120 },
        { id: 'bench-sever', months: 120, defaultPolicy: 'sever' },
      ];
  const submit = (runs, seed) =>
    fetch(`${base}/api/jobs`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        kind: 'explore',
        caseId: 'afghanistan-2023',
        options: { runs, seed, ...(scenarios ? { scenarios: scenarios.map((s) => s.id) } : {}) },
        ...(scenarios ? { scenarios } : {}),
      }),
    });
  const getJob = async (id) => (await fetch(`${base}/api/jobs/${id}`)).json();

  let t = performance.now();
  const queued = await Promise.all(Array.from({ length: 10 }, (_, i) => submit(1000, i)));
  const queuedBodies = await Promise.all(queued.map((r) => r.json()));
  const ids = queuedBodies.map((b) => b.id);
  const accepted = queued.filter((r) => r.status === 202).length;
  const listed = (await (await fetch(`${base}/api/jobs`)).json()).jobs.filter((j) =>
    ids.includes(j.id),
  ).length;
  check(
    accepted === 10 && new Set(ids).size === 10 && listed === 10,
    `10 explorations: ${accepted} accepted, ${listed} listed`,
  );
  const cancelled = await Promise.all(
    ids.map((id) => fetch(`${base}/api/jobs/${id}`, { method: 'DELETE' }).then((r) => r.json())),
  );
  const cancelMs = performance.now() - t;
  const states = await Promise.all(ids.map(getJob));
  // Wait until the cancelled jobs' work has stopped (their batches in flight end), then look for files.
  await new Promise((r) => setTimeout(r, 2000));
  const leftFiles = readdirSync(jobsDir).length;
  const allCancelled =
    cancelled.every((c) => c.state === 'cancelled') && states.every((s) => s.state === 'cancelled');
  check(
    allCancelled && leftFiles === 0,
    `cancel: all cancelled ${allCancelled}, files left ${leftFiles}`,
  );
  rows.push({
    name: '10 explorations at once → queued, each cancelled',
    requests: 10,
    connections: 10,
    ok: allCancelled && accepted === 10 && leftFiles === 0 ? 'yes' : 'NO',
    p50: '',
    p99: '',
    rps: '',
    statuses: `202 × ${accepted}; cancelled ${states.filter((s) => s.state === 'cancelled').length}/10; files left ${leftFiles}; ${cancelMs.toFixed(0)} ms`,
  });

  t = performance.now();
  const small = await Promise.all(
    Array.from({ length: 10 }, (_, i) => submit(100, 50 + i).then((r) => r.json())),
  );
  const done = [];
  for (const { id } of small) {
    let job = await getJob(id);
    while (job.state === 'queued' || job.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      job = await getJob(id);
    }
    done.push(job);
  }
  const runMs = performance.now() - t;
  const allDone = done.every(
    (j) => j.state === 'done' && j.result.completedWorlds === j.progress.total,
  );
  check(allDone, `10 small explorations: ${done.map((j) => j.state).join(',')}`);
  rows.push({
    name: '10 explorations at once → all run to done',
    requests: 10,
    connections: 10,
    ok: allDone ? 'yes' : 'NO',
    p50: '',
    p99: '',
    rps: '',
    statuses: `done ${done.filter((j) => j.state === 'done').length}/10 (${done[0]?.progress.total} worlds each); ${runMs.toFixed(0)} ms`,
  });

  const burst = await Promise.all(Array.from({ length: 17 }, (_, i) => submit(1000, 200 + i)));
  const burstBodies = await Promise.all(burst.map((r) => r.json()));
  const n202 = burst.filter((r) => r.status === 202).length;
  const n429 = burst.filter((r) => r.status === 429).length;
  check(n202 === 16 && n429 === 1, `queue bound: ${n202} × 202, ${n429} × 429`);
  await Promise.all(
    burstBodies
      .filter((b) => b.id)
      .map((b) => fetch(`${base}/api/jobs/${b.id}`, { method: 'DELETE' })),
  );
  rows.push({
    name: '17 explorations against maxJobs 16',
    requests: 17,
    connections: 17,
    ok: n202 === 16 && n429 === 1 ? 'yes' : 'NO',
    p50: '',
    p99: '',
    rps: '',
    statuses: `202 × ${n202}, 429 × ${n429}`,
  });

  // 3. Bad bodies.
  const oversized = JSON.stringify({ text: 'x'.repeat(3 * 1024 * 1024) });
  const r413 = await cannon({
    method: 'POST',
    path: '/api/validate',
    headers: json,
    body: oversized,
    connections: 50,
    amount: 500,
  });
  row('oversized body (3 MiB) → 413', r413, '4xx');
  const n413 = r413.statusCodeStats?.['413']?.count ?? 0;
  check(
    n413 > 0 && n413 === r413['2xx'] + r413['4xx'] + r413['5xx'],
    '413 for every oversized body',
  );
  const r400 = await cannon({
    method: 'POST',
    path: '/api/analyze',
    headers: json,
    body: '{"caseId": "afghanistan-2023", "at": ',
    connections: 50,
    amount: 500,
  });
  row('malformed JSON → 400', r400, '4xx');
  check(
    r400.statusCodeStats?.['400']?.count === r400['4xx'] + r400['2xx'] + r400['5xx'],
    '400 for every malformed body',
  );

  server.send('close');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(jobsDir, { recursive: true, force: true });

  console.log(
    `\nentente server under load — ${os.cpus().length} CPUs, Node ${process.version}, 127.0.0.1\n`,
  );
  console.log(
    '| test | requests | connections | all as expected | p50 ms | p99 ms | req/s | responses |',
  );
  console.log('|---|---:|---:|:---:|---:|---:|---:|---|');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.requests} | ${r.connections} | ${r.ok} | ${r.p50} | ${r.p99} | ${r.rps} | ${r.statuses} |`,
    );
  }
  if (failures.length > 0) {
    console.error(`\nFAILED:\n${failures.map((f) => `  ${f}`).join('\n')}`);
    process.exit(1);
  }
}
