/**
 * Event engines at scale: 10M synthetic GDELT 2.0 rows (61 tab-separated columns, generated to a
 * temporary TSV) ingested and aggregated to dyad-months end to end, on embedded DuckDB and — when
 * a ClickHouse cluster runs or `clickhouse-server` is installed — on the 2-shard ClickHouse
 * cluster (scripts/clickhouse-cluster.sh), through the same `EventStore` calls the CLI makes:
 * `openEventStore(spec)`, `ingest([file], { format: 'gdelt' })`, `groups({ by: 'month' })`.
 *
 * Each engine runs in its own child process, so that its peak memory is its own: the child
 * reports its RSS high-water (`process.resourceUsage().maxRSS`, which counts DuckDB's native
 * memory too) and RSS sampled every 100 ms. The store does not expose its DuckDB connection, so
 * DuckDB's own report (`duckdb_memory()`, summed over its tags) is read after a bare dyad-month
 * GROUP BY on the reopened database file (the DuckDB run only). For ClickHouse the two servers'
 * RSS is sampled from /proc/PID/status (VmRSS) every 100 ms.
 *
 * Run: `npm run build && node bench/events-scale.js` (also part of `npm run bench`).
 * Environment: BENCH_EVENTS_ROWS (default 10,000,000); ENTENTE_BENCH_CLICKHOUSE (a
 * clickhouse://…?shards=… URL of a running cluster; else one is started in a temp folder when
 * clickhouse-server is on PATH, and stopped by PID afterwards); BENCH_EVENTS_CLICKHOUSE=0 skips it.
 * Writes bench/out/events-scale.json and prints a Markdown table. The re-ingest column ingests
 * the same file again: DuckDB knows it by its fingerprint and reads nothing (docs/events.md, "How a
 * file is read"); ClickHouse validates it again through a new temporary DuckDB store.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(import.meta.dirname, '..');
const ROWS = Number(process.env.BENCH_EVENTS_ROWS ?? 10_000_000);

// ---------------------------------------------------------------------------------------------
// Child: one engine, one process.
if (process.argv[2] === '--child') {
  const [, , , spec, file] = process.argv;
  const { openEventStore } = await import('../packages/events/dist/index.js');
  let peakSampled = 0;
  const sample = setInterval(() => {
    peakSampled = Math.max(peakSampled, process.memoryUsage.rss());
  }, 100);
  const t0 = performance.now();
  const store = await openEventStore(spec);
  const t1 = performance.now();
  const report = await store.ingest([file], { format: 'gdelt', version: '2.0' });
  const t2 = performance.now();
  const groups = await store.groups({ by: 'month', breakpoints: [] });
  const t3 = performance.now();
  const again = await store.ingest([file], { format: 'gdelt', version: '2.0' });
  const t4 = performance.now();
  await store.close();
  let duckdbMemoryMiB;
  if (!spec.startsWith('clickhouse')) {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(spec);
    const conn = await instance.connect();
    await conn.run(
      "CREATE TEMP TABLE dm AS SELECT side_a, side_b, strftime(date_start, '%Y-%m') AS period, count(*) AS n FROM events GROUP BY ALL",
    );
    const reader = await conn.runAndReadAll(
      'SELECT CAST(sum(memory_usage_bytes) AS DOUBLE) AS bytes FROM duckdb_memory()',
    );
    duckdbMemoryMiB = Number(reader.getRowObjectsJS()[0].bytes) / 2 ** 20;
    conn.closeSync();
    instance.closeSync();
  }
  clearInterval(sample);
  const dyads = new Set(groups.map((g) => `${g.sideA}\u0000${g.sideB}`)).size;
  const events = groups.reduce((s, g) => s + (g.measures.events ?? 0), 0);
  process.stdout.write(
    `${JSON.stringify({
      openMs: t1 - t0,
      ingestMs: t2 - t1,
      groupsMs: t3 - t2,
      reingestMs: t4 - t3,
      rows: report.rows,
      inserted: report.inserted,
      reinserted: again.inserted,
      groups: groups.length,
      dyads,
      events,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      duckdbMemoryMiB,
      sampledRssMiB: peakSampled / 2 ** 20,
    })}\n`,
  );
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Parent: generate, run each engine, print and record.

/** A small seeded generator (mulberry32), so that the file is the same on every run. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = [
  'AFG',
  'PAK',
  'USA',
  'RUS',
  'CHN',
  'IRN',
  'IND',
  'GBR',
  'TUR',
  'SAU',
  'QAT',
  'UZB',
  'TJK',
  'TKM',
  'ARE',
];
const FIPS = [
  'AF',
  'PK',
  'US',
  'RS',
  'CH',
  'IR',
  'IN',
  'UK',
  'TU',
  'SA',
  'QA',
  'UZ',
  'TI',
  'TX',
  'AE',
];
const TYPES = ['', 'GOV', 'MIL', 'REB', 'INSTAL', 'COP', 'OPP', 'CVL', 'MED', 'BUS'];

/** Writes `rows` GDELT 2.0 event rows (61 columns) to `path`; ~300 actor codes, 2015–2024. */
async function generate(path, rows) {
  const random = rng(20261204);
  const actor = () => {
    const c = Math.floor(random() * COUNTRIES.length);
    const t = TYPES[Math.floor(random() * TYPES.length)];
    return [`${COUNTRIES[c]}${t}`, COUNTRIES[c], FIPS[c]];
  };
  const out = createWriteStream(path, { highWaterMark: 1 << 22 });
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const y = 2015 + Math.floor(random() * 10);
    const m = 1 + Math.floor(random() * 12);
    const d = 1 + Math.floor(random() * 28);
    const day = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
    const [a1, c1, f1] = actor();
    const [a2, c2] = random() < 0.1 ? ['', ''] : actor();
    const root = 1 + Math.floor(random() * 20);
    const code = `${String(root).padStart(2, '0')}${Math.floor(random() * 10)}`;
    const quad = root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
    const goldstein = (Math.round((random() * 20 - 10) * 10) / 10).toFixed(1);
    const tone = (random() * 20 - 10).toFixed(6);
    const mentions = 1 + Math.floor(random() * 20);
    buffer +=
      `${1_000_000_000 + i}\t${day}\t${day.slice(0, 6)}\t${y}\t${y}.${String(m * 8).padStart(4, '0')}\t` +
      `${a1}\t${c1}\t${c1}\t\t\t\t\t\t\t\t` +
      `${a2}\t${c2}\t${c2}\t\t\t\t\t\t\t\t` +
      `1\t${code}\t${code}\t${String(root).padStart(2, '0')}\t${quad}\t${goldstein}\t${mentions}\t1\t${mentions}\t${tone}\t` +
      `4\tKabul, Kabul, Afghanistan\t${f1}\t${f1}01\t\t34.5167\t69.1833\t-3378435\t` +
      `4\tKabul, Kabul, Afghanistan\t${f1}\t${f1}01\t\t34.5167\t69.1833\t-3378435\t` +
      `4\tKabul, Kabul, Afghanistan\t${f1}\t${f1}01\t\t34.5167\t69.1833\t-3378435\t` +
      `${day}000000\thttps://example.org/news/${i}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise((r) => out.once('drain', r));
      buffer = '';
    }
  }
  out.write(buffer);
  await new Promise((r, j) => out.end((e) => (e ? j(e) : r())));
}

/** Runs one engine in a child process; samples `pids`' RSS meanwhile (ClickHouse servers). */
async function runEngine(spec, file, pids = []) {
  let peakServers = 0;
  const sampler = setInterval(() => {
    let sum = 0;
    for (const pid of pids) {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        sum += m ? Number(m[1]) * 1024 : 0;
      } catch {}
    }
    peakServers = Math.max(peakServers, sum);
  }, 100);
  const child = spawn(process.execPath, [import.meta.filename, '--child', spec, file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  child.stdout.on('data', (d) => {
    text += d;
  });
  const code = await new Promise((r) => child.on('exit', r));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`bench child for ${spec} exited ${code}`);
  const result = JSON.parse(text.trim().split('\n').pop());
  if (pids.length > 0) result.serversPeakRssMiB = peakServers / 2 ** 20;
  // Each engine's figures as soon as it is done (a long run stopped later keeps them).
  console.error(`${spec}: ${JSON.stringify(result)}`);
  return result;
}

const dir = mkdtempSync(join(os.tmpdir(), 'entente-bench-events-'));
let cluster;
try {
  const file = join(dir, 'gdelt-synthetic.tsv');
  const g0 = performance.now();
  await generate(file, ROWS);
  const genMs = performance.now() - g0;
  const bytes = statSync(file).size;
  console.error(
    `generated ${ROWS} rows, ${(bytes / 2 ** 20).toFixed(0)} MiB, in ${(genMs / 1000).toFixed(1)} s`,
  );

  const results = [];
  results.push({ engine: 'duckdb', ...(await runEngine(join(dir, 'events.duckdb'), file)) });

  let chUrl = process.env.ENTENTE_BENCH_CLICKHOUSE;
  let pids = [];
  const hasServer = (() => {
    try {
      execFileSync('sh', [
        '-c',
        'command -v clickhouse-server || test -x /usr/sbin/clickhouse-server',
      ]);
      return true;
    } catch {
      return false;
    }
  })();
  if (process.env.BENCH_EVENTS_CLICKHOUSE !== '0' && !chUrl && hasServer) {
    cluster = join(dir, 'clickhouse');
    chUrl = execFileSync(join(ROOT, 'scripts/clickhouse-cluster.sh'), ['start', cluster], {
      env: { ...process.env, ENTENTE_CH_PORT_BASE: process.env.ENTENTE_CH_PORT_BASE ?? '18220' },
      encoding: 'utf8',
    }).trim();
    pids = ['shard1.pid', 'shard2.pid'].map((f) => readFileSync(join(cluster, f), 'utf8').trim());
  }
  if (process.env.BENCH_EVENTS_CLICKHOUSE !== '0' && chUrl) {
    results.push({ engine: 'clickhouse (2 shards)', ...(await runEngine(chUrl, file, pids)) });
  } else {
    console.error('ClickHouse: skipped (no cluster URL and no clickhouse-server on PATH)');
  }

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const lines = [
    `events-scale: ${ROWS.toLocaleString('en')} synthetic GDELT rows (${(bytes / 2 ** 20).toFixed(0)} MiB TSV), ${new Date().toISOString().slice(0, 10)}, ${machine}`,
    '',
    '| engine | ingest s | rows/s | dyad-months s | groups | dyads | re-ingest s (0 new) | peak RSS MiB (client) | peak RSS MiB (servers) | DuckDB memory MiB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.engine} | ${(r.ingestMs / 1000).toFixed(1)} | ${Math.round(r.rows / (r.ingestMs / 1000)).toLocaleString('en')} | ${(r.groupsMs / 1000).toFixed(2)} | ${r.groups.toLocaleString('en')} | ${r.dyads} | ${(r.reingestMs / 1000).toFixed(1)} (${r.reinserted}) | ${Math.round(r.maxRssMiB)} | ${r.serversPeakRssMiB === undefined ? '—' : Math.round(r.serversPeakRssMiB)} | ${r.duckdbMemoryMiB === undefined ? '—' : Math.round(r.duckdbMemoryMiB)} |`,
    ),
  ];
  console.log(lines.join('\n'));
  mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench/out/events-scale.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine, rows: ROWS, bytes, generateMs: genMs, results }, null, 2)}\n`,
  );
  for (const r of results) {
    if (r.rows !== ROWS || r.inserted !== ROWS || r.reinserted !== 0 || r.events !== ROWS) {
      throw new Error(
        `events-scale: ${r.engine} stored ${r.inserted} of ${ROWS} rows (groups count ${r.events})`,
      );
    }
  }
} finally {
  if (cluster) execFileSync(join(ROOT, 'scripts/clickhouse-cluster.sh'), ['stop', cluster]);
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
