/**
 * Workbench speed (issue 5): the workbench (built as `packages/web/dist` is, plus the test hook
 * `window.__entente`: `vite build --mode test` into a temporary folder) served by the entente
 * server (`createServer` from the built `packages/server/dist`, in this process, 127.0.0.1, port
 * 0) and driven by Debian's chromium through playwright-core. Over BENCH_REPS repetitions (default
 * 5, at least 5), each with a fresh server and a fresh browser context, median and max of:
 *   1. navigation start → map drawn (the page's `entente:map-ready` mark), target < 1.5 s;
 *   2. a layer toggle (hostility off) → map redrawn, right after the map appears (before the page
 *      has fetched the analyses one step away), and again after (hostility back on);
 *   3. a timeline step (one date back) → map redrawn, likewise without and with that prefetch.
 *      Input → redrawn is timed in the page, from the first input event (pointer or key) to the
 *      workbench's `onDrawn` callback. Target < 100 ms.
 *   4. a cold `POST /api/analyze` over HTTP — a date and layer set nobody asked for before — once
 *      the browser is closed and the server's background warm-up is over, target < 100 ms; beside
 *      it, as the baseline, the same analyses computed directly with core's `analyzeCase` (no
 *      HTTP, no JSON), so the cost of the server is visible.
 * The figures are timings, not assertions: the browser test checks what the workbench does, this
 * bench how fast (docs/benchmarks.md). BENCH_WARM=0 turns the server's analysis warm-up off
 * (`warmAnalyses: 0`), to see what it buys.
 *
 * Run: `npx tsc -b && node bench/workbench.js`. Prints a Markdown table.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const REPS = Math.max(5, Number(process.env.BENCH_REPS ?? 5));
const WARM = process.env.BENCH_WARM === '0' ? 0 : undefined;
const path = (p) => fileURLToPath(new URL(p, import.meta.url));
const SERVER = path('../packages/server/dist/index.js');
const CORE = path('../packages/core/dist/index.js');

for (const [file, build] of [
  [SERVER, 'npx tsc -b'],
  [CORE, 'npx tsc -b'],
]) {
  if (!existsSync(file)) {
    console.error(`bench/workbench.js: ${file} is missing; build it first with \`${build}\`.`);
    process.exit(1);
  }
}
if (!existsSync(CHROMIUM)) {
  console.error(`bench/workbench.js: ${CHROMIUM} is missing (apt-get install chromium).`);
  process.exit(1);
}

// The workbench with its test hook (the production dist/ has none), removed on exit.
const WEB = mkdtempSync(join(os.tmpdir(), 'entente-bench-web-'));
process.on('exit', () => rmSync(WEB, { recursive: true, force: true }));
execFileSync(
  'npx',
  [
    'vite',
    'build',
    '--config',
    path('../packages/web/vite.config.ts'),
    '--mode',
    'test',
    '--outDir',
    WEB,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
);

const { createServer } = await import(SERVER);
const { analyzeCase, loadCase } = await import(CORE);
const { chromium } = await import('playwright-core');

const CASE_ID = 'afghanistan-2023';
const builtin = loadCase(readFileSync(path('../cases/afghanistan-2023.yaml'), 'utf8'));
if (!builtin.ok) throw new Error('bench/workbench.js: the built-in case does not load');

/**
 * Date and layer sets nobody asks for in this run: neither the workbench (it starts with every
 * layer and moves one step at a time) nor the server's warm-up (every layer, or all but one).
 */
const COLD = [
  ['2015', ['security']],
  ['2013-06', ['security', 'hostility']],
  ['2021-08', ['diplomatic', 'control']],
  ['2007-12', ['economic', 'hostility']],
  ['2022', ['diplomatic', 'security']],
  ['2003-08', ['security', 'control']],
  ['2021-12', ['economic', 'security', 'control']],
  ['2015-12', ['diplomatic', 'hostility']],
  ['2001-12', ['diplomatic', 'economic']],
  ['2021-08-15', ['hostility', 'control']],
];
if (REPS > COLD.length) throw new Error(`bench/workbench.js: at most ${COLD.length} repetitions`);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh server listening on 127.0.0.1; its base URL. */
async function startServer() {
  const app = createServer(
    WARM === undefined ? { webRoot: WEB } : { webRoot: WEB, warmAnalyses: WARM },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${app.server.address().port}` };
}

/** Resolves once the server's analysis cache has stopped growing for `quietMs`. */
async function warmupOver(app, quietMs = 300) {
  let size = -1;
  for (;;) {
    const now = app.entente.analyses.size;
    if (now === size) return now;
    size = now;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

// In the page: the time of the first input event after `arm()` and of each map redraw.
const INSTRUMENT = `(() => {
  const h = window.__entente;
  const b = (window.__bench = { inputAt: null, drawnAt: [] });
  const push = h.analysisTimes.push.bind(h.analysisTimes);
  h.analysisTimes.push = (...v) => { b.drawnAt.push(performance.now()); return push(...v); };
  for (const type of ['pointerdown', 'mousedown', 'keydown', 'click', 'input', 'change']) {
    window.addEventListener(type, () => { if (b.inputAt === null) b.inputAt = performance.now(); }, true);
  }
})()`;

/** Runs `action` and returns input → map redrawn in ms, timed in the page. */
async function redraw(page, action) {
  const before = await page.evaluate(
    '(window.__bench.inputAt = null, window.__bench.drawnAt.length)',
  );
  await action();
  await page.waitForFunction((n) => globalThis.__bench.drawnAt.length > n, before);
  return page.evaluate(`window.__bench.drawnAt[${before}] - window.__bench.inputAt`);
}

const prefetched = (page) => page.waitForFunction(() => globalThis.__entente?.prefetched === true);
const edges = (page) => page.evaluate('window.__entente.cy.edges().length');
const at = (page) => page.evaluate('window.__entente.at');

const m = {
  mapReady: [],
  toggleCold: [],
  toggleWarm: [],
  stepCold: [],
  stepWarm: [],
  http: [],
  direct: [],
};
const notes = [];
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const chromiumVersion = browser.version();
try {
  for (let rep = 0; rep < REPS; rep++) {
    const { app, base } = await startServer();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base}/`);
      await page.waitForFunction(() => globalThis.__entente?.mapReady === true);
      m.mapReady.push(
        await page.evaluate("performance.getEntriesByName('entente:map-ready')[0].startTime"),
      );
      const warmedAtReady = app.entente.analyses.size;
      await page.evaluate(INSTRUMENT);
      const edgesAll = await edges(page);
      // Hostility off at once (the page has not prefetched yet), then on again after its prefetch.
      const layer = page.getByTestId('layer-hostility');
      m.toggleCold.push(await redraw(page, () => layer.uncheck()));
      const edgesOff = await edges(page);
      await prefetched(page);
      m.toggleWarm.push(await redraw(page, () => layer.check()));
      if (edgesOff === edgesAll || (await edges(page)) !== edgesAll) {
        throw new Error(`layer toggle did not change the map (${edgesAll} → ${edgesOff} ties)`);
      }
      // One date back at once, then one more after the page's prefetch.
      const slider = page.getByTestId('timeline');
      const at0 = await at(page);
      await slider.focus();
      m.stepCold.push(await redraw(page, () => page.keyboard.press('ArrowLeft')));
      const at1 = await at(page);
      await prefetched(page);
      m.stepWarm.push(await redraw(page, () => page.keyboard.press('ArrowLeft')));
      const at2 = await at(page);
      if (at0 === at1 || at1 === at2)
        throw new Error(`timeline did not move: ${at0} ${at1} ${at2}`);
      if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
      await context.close();

      // A cold analysis over HTTP on a quiet server, then the same one in process.
      const warmed = await warmupOver(app);
      const [date, layers] = COLD[rep];
      await (await fetch(`${base}/api/health`)).json(); // this process's HTTP client, warmed
      let t = performance.now();
      const res = await fetch(`${base}/api/analyze`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ caseId: CASE_ID, at: date, layers }),
      });
      const body = await res.json();
      m.http.push(performance.now() - t);
      if (res.status !== 200 || body.at !== date) throw new Error(`/api/analyze: ${res.status}`);
      t = performance.now();
      await analyzeCase(builtin.case, { at: date, layers, timeLimit: 10 });
      m.direct.push(performance.now() - t);
      notes.push(
        `rep ${rep + 1}: ${warmedAtReady} analyses cached by the server at map ready, ${warmed} ` +
          `when quiet; map ${edgesAll} ties, ${edgesOff} without hostility; timeline ${at0} → ` +
          `${at1} → ${at2}; cold ${date} [${layers.join(', ')}]`,
      );
    } finally {
      await context.close().catch(() => {});
      await app.close();
    }
  }
} finally {
  await browser.close();
}

const stats = (v) => {
  const s = [...v].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return {
    median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2,
    max: s[s.length - 1],
  };
};
const fmt = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
const rows = [
  ['navigation start → map drawn (fresh server, fresh context)', m.mapReady, 1500],
  ['layer toggle → map redrawn, at once (before the page prefetch)', m.toggleCold, 100],
  ['layer toggle → map redrawn, after the page prefetch', m.toggleWarm, 100],
  ['timeline step → map redrawn, at once (before the page prefetch)', m.stepCold, 100],
  ['timeline step → map redrawn, after the page prefetch', m.stepWarm, 100],
  ['cold `POST /api/analyze` over HTTP (date × layers never asked)', m.http, 100],
  ['baseline: the same analyses, `analyzeCase` in process (no HTTP)', m.direct, 100],
];
const cpus = os.cpus();
console.log(
  `## Workbench (\`node bench/workbench.js\`, ${new Date().toISOString().slice(0, 16)}Z, ` +
    `${REPS} repetitions, server warm-up ${WARM === 0 ? 'off' : 'on'})`,
);
console.log();
console.log(
  `Node ${process.version}, ${cpus.length} × ${cpus[0]?.model.trim() ?? '?'}, load average ` +
    `${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}, chromium ${chromiumVersion}.`,
);
console.log();
console.log('| measure | median | max | target | met (max) |');
console.log('|---|--:|--:|--:|:-:|');
let allMet = true;
for (const [name, values, target] of rows) {
  const s = stats(values);
  const met = s.max < target;
  allMet &&= met;
  console.log(
    `| ${name} | ${fmt(s.median)} | ${fmt(s.max)} | < ${fmt(target)} | ${met ? 'yes' : 'NO'} |`,
  );
}
console.log();
for (const n of notes) console.log(`- ${n}`);
console.log();
console.log(allMet ? 'Every target met.' : 'Some targets NOT met (see the table).');
