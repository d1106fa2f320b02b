/**
 * Extraction speed (issue 13): `extract()` on a ~300,000-word report (about 100 pages, the
 * issue's target: under 10 s), built deterministically from the essay's paragraphs and the
 * PLOVER example sentences (../shared), interleaved until BENCH_WORDS words (default 300,000),
 * read against the built-in case. Also the empty text and a refused 50 MB text. Median and max
 * of BENCH_REPS runs (default 3) after one warm-up. Uses the built `dist/` (`npx tsc -b` first).
 * Run: `node bench/extract.js`; prints a Markdown table.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const path = (p) => fileURLToPath(new URL(p, import.meta.url));
const { parseCase } = await import(path('../packages/core/dist/index.js'));
const { createReader, extract } = await import(path('../packages/extract/dist/index.js'));

const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 3));
const WORDS = Math.max(1000, Number(process.env.BENCH_WORDS ?? 300_000));
const SHARED = process.env.ENTENTE_SHARED ?? path('../../shared');
const essay = readFileSync(`${SHARED}/seed/coalition-of-enemies.txt`, 'utf8')
  .split(/\n\s*\n/)
  .slice(2);
const plover = JSON.parse(readFileSync(`${SHARED}/data/text/PLOVER_GSR_CAMEO.txt`, 'utf8'))
  .filter((r) => typeof r.text === 'string' && r.event !== 'DOCUMENT')
  .map((r) => r.text);
const caseData = parseCase(readFileSync(path('../cases/afghanistan-2023.yaml'), 'utf8'));

// Paragraphs: an essay paragraph, then five PLOVER sentences as one paragraph, and so on.
const parts = ['A synthetic report'];
let words = 0;
for (let i = 0; words < WORDS; i++) {
  const p =
    i % 2 === 0
      ? essay[(i / 2) % essay.length]
      : plover.slice((i * 5) % plover.length, ((i * 5) % plover.length) + 5).join(' ');
  parts.push(p);
  words += p.split(/\s+/).length;
}
const report = parts.join('\n\n');

function time(f, reps) {
  f();
  const ms = [];
  let out;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    out = f();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], max: ms[ms.length - 1], out };
}

const reader = createReader();
const rows = [];
const big = time(() => extract(report, { caseData, date: '2023', reader }), REPS);
rows.push([
  `report, ${words.toLocaleString('en')} words, ${(report.length / 1e6).toFixed(1)} M chars`,
  big,
  `${big.out.proposals.length} proposals, ${big.out.mentions.length} mentions`,
]);
const readerTime = time(() => createReader(), REPS);
rows.push(['createReader() (wink model load, once per session)', readerTime, '']);
const empty = time(() => extract('', { reader }), REPS);
rows.push(['empty text', empty, '']);
const huge = 'x '.repeat(25_000_001);
const refused = time(() => {
  try {
    extract(huge, { reader });
  } catch (e) {
    return e.code;
  }
}, REPS);
rows.push(['50 MB text (refused)', refused, refused.out]);

console.log(
  `Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${REPS} runs after a warm-up\n`,
);
console.log('| input | median | max | result |\n|---|---|---|---|');
for (const [name, t, note] of rows)
  console.log(
    `| ${name} | ${(t.median / 1000).toFixed(2)} s | ${(t.max / 1000).toFixed(2)} s | ${note} |`,
  );
