/**
 * Event ingest benchmark (issue 11): a synthetic uncompressed GDELT 2.0 TSV (61 columns, no
 * header; `BENCH_EVENTS_ROWS`, default 5,000,000) is ingested through `@entente/events`'s DuckDB
 * store (typed read, row checks, idempotence key, one transaction) and, in the same run, read by
 * DuckDB's own bare `read_csv` + `GROUP BY` (actor pair and month) with the same column types —
 * the reference the issue names. Then the ingested rows are aggregated to dyad-months through the
 * store's group query (end to end). Then the file is ingested twice more: as it is (the store
 * knows it by its fingerprint and reads nothing) and after touching it (a new modification time,
 * so it is read whole and every row is a duplicate). Reports rows/s, the ratio to bare (wall and
 * CPU time), and the peak RSS.
 *
 * Run: `node bench/events-ingest.js` (part of `npm run bench`); it reads the built events package
 * and writes only to a temporary folder, removed at the end.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { GDELT_COLUMNS, openDuckDbEventStore } from '../packages/events/dist/index.js';

const ROWS = Number(process.env.BENCH_EVENTS_ROWS ?? 5_000_000);
const dir = mkdtempSync(join(tmpdir(), 'entente-bench-events-'));
const file = join(dir, 'synthetic.export.tsv');

const CODES = ['AFGINSTAL', 'USA', 'USAGOV', 'RUS', 'CHN', 'IRN', 'PAK', 'PAKMIL', 'QAT', 'AFGGOV'];
const MORE = ['IRQ', 'SYR', 'GBR', 'FRA', 'IND', 'TUR', 'SAU', 'UKR', 'ISR', 'EGY'];
const ALL = [...CODES, ...MORE];

/** Writes `n` GDELT-shaped rows: fixed seed, 20 actors, 2015–2024, all QuadClasses. */
async function generate(n) {
  const out = createWriteStream(file);
  let state = 12345;
  const rand = () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state / 2 ** 32;
  };
  let buf = '';
  for (let i = 0; i < n; i++) {
    const year = 2015 + Math.floor(rand() * 10);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const date = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
    const f = new Array(61).fill('');
    f[0] = String(1_000_000_000 + i);
    f[1] = date;
    f[2] = date.slice(0, 6);
    f[3] = String(year);
    f[4] = (year + month / 12).toFixed(4);
    f[5] = ALL[Math.floor(rand() * ALL.length)];
    f[6] = 'ACTOR ONE';
    f[15] = ALL[Math.floor(rand() * ALL.length)];
    f[16] = 'ACTOR TWO';
    f[25] = '1';
    const root = 1 + Math.floor(rand() * 20);
    f[26] = `${String(root).padStart(2, '0')}0`;
    f[27] = f[26];
    f[28] = String(root).padStart(2, '0');
    f[29] = String(1 + Math.floor(rand() * 4));
    f[30] = (rand() * 20 - 10).toFixed(1);
    f[31] = String(1 + Math.floor(rand() * 20));
    f[32] = '1';
    f[33] = f[31];
    f[34] = (rand() * 20 - 10).toFixed(6);
    f[51] = '4';
    f[52] = 'Kabul, Kabol, Afghanistan';
    f[53] = 'AF';
    f[54] = 'AF13';
    f[56] = '34.5167';
    f[57] = '69.1833';
    f[58] = '-3378435';
    f[59] = `${date}230000`;
    f[60] = `https://example.org/news/${i}`;
    buf += `${f.join('\t')}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  await new Promise((r) => out.end(buf, r));
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

/** CPU seconds of this process (all threads, DuckDB's included) since `from`. */
function cpuSince(from) {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
}

async function bare() {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const types = {
    GlobalEventID: 'VARCHAR',
    Day: 'DATE',
    QuadClass: 'BIGINT',
    GoldsteinScale: 'DOUBLE',
    NumMentions: 'BIGINT',
    AvgTone: 'DOUBLE',
  };
  const struct = `{${GDELT_COLUMNS.map((c) => `'${c}': '${types[c] ?? 'VARCHAR'}'`).join(', ')}}`;
  const t = performance.now();
  const c0 = process.cpuUsage();
  const reader = await conn.runAndReadAll(
    `SELECT Actor1Code, Actor2Code, strftime(Day, '%Y-%m') AS month, count(*) AS n, sum(GoldsteinScale) AS g
     FROM read_csv('${file}', delim = '\t', header = false, quote = '', escape = '', columns = ${struct}, dateformat = '%Y%m%d')
     GROUP BY ALL`,
  );
  const ms = performance.now() - t;
  const cpu = cpuSince(c0);
  const groups = reader.currentRowCount;
  conn.closeSync();
  instance.closeSync();
  return { ms, cpu, groups };
}

async function ours() {
  const db = join(dir, 'events.duckdb');
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  const store = await openDuckDbEventStore(db);
  const t = performance.now();
  const c0 = process.cpuUsage();
  const report = await store.ingest([file], { format: 'gdelt', version: '2.0' });
  const ingestMs = performance.now() - t;
  const ingestCpu = cpuSince(c0);
  const t2 = performance.now();
  const groups = await store.groups({
    formats: ['gdelt'],
    by: 'month',
    breakpoints: ['2021-08-15'],
  });
  const groupMs = performance.now() - t2;
  const t3 = performance.now();
  const again = await store.ingest([file], { format: 'gdelt', version: '2.0' });
  const againMs = performance.now() - t3;
  const later = new Date(statSync(file).mtimeMs + 1000);
  utimesSync(file, later, later);
  const t4 = performance.now();
  const touched = await store.ingest([file], { format: 'gdelt', version: '2.0' });
  const touchedMs = performance.now() - t4;
  await store.close();
  return {
    ingestMs,
    ingestCpu,
    groupMs,
    againMs,
    report,
    again,
    touchedMs,
    touched,
    groups: groups.length,
  };
}

const tg = performance.now();
await generate(ROWS);
const genMs = performance.now() - tg;
const bytes = statSync(file).size;
console.log(
  `events ingest benchmark — ${new Date().toISOString()} · ${cpus().length}× ${cpus()[0]?.model ?? '?'} · ${(totalmem() / 2 ** 30).toFixed(1)} GiB · node ${process.version}`,
);
console.log(
  `synthetic GDELT 2.0 TSV: ${ROWS.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(0)} MB (written in ${(genMs / 1000).toFixed(1)} s)`,
);
const b = await bare();
const o = await ours();
clearInterval(sampler);
const rate = (ms) => ROWS / (ms / 1000);
const fmt = (x) => Math.round(x).toLocaleString('en');
console.log(
  `bare read_csv + GROUP BY (actor pair, month): ${(b.ms / 1000).toFixed(2)} s · ${fmt(rate(b.ms))} rows/s · ${b.groups} groups`,
);
console.log(
  `entente ingest (DuckDB file):                 ${(o.ingestMs / 1000).toFixed(2)} s · ${fmt(rate(o.ingestMs))} rows/s · ${o.report.inserted.toLocaleString('en')} stored · ${((rate(o.ingestMs) / rate(b.ms)) * 100).toFixed(0)} % of bare`,
);
console.log(
  `CPU time (all threads): bare ${b.cpu.toFixed(1)} s, ingest ${o.ingestCpu.toFixed(1)} s · ingest rows per CPU-second ${((b.cpu / o.ingestCpu) * 100).toFixed(0)} % of bare's`,
);
console.log(
  `dyad-month groups from the store:             ${(o.groupMs / 1000).toFixed(2)} s · ${o.groups} groups`,
);
console.log(
  `end to end (ingest + groups):                 ${((o.ingestMs + o.groupMs) / 1000).toFixed(2)} s · ${fmt(rate(o.ingestMs + o.groupMs))} rows/s`,
);
console.log(
  `re-ingest, same file (known, not read):       ${(o.againMs / 1000).toFixed(2)} s · ${o.again.duplicates.toLocaleString('en')} duplicates, ${o.again.inserted} stored`,
);
console.log(
  `re-ingest, file touched (read, all dupl.):    ${(o.touchedMs / 1000).toFixed(2)} s · ${o.touched.duplicates.toLocaleString('en')} duplicates, ${o.touched.inserted} stored`,
);
console.log(`peak RSS of this process (DuckDB included):   ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
rmSync(dir, { recursive: true, force: true });
