/**
 * Load benchmark: `loadCase` on a generated case of 10,000 actors and 100,000 relations (each
 * with one evidence item, since/until and weight), as JSON and as YAML, valid and with one error
 * (an unknown actor in the last relation). Each is measured side by side with a naive baseline,
 * the path `loadCase` would take without its fast paths: the `yaml` package's positioned
 * `parseDocument` + `toJS` + `CaseSchema.safeParse` + the semantic checks (+ locating issues).
 *
 * Run with `npm run bench` (= `tsc -b && node --expose-gc bench/run.js`); it imports the built
 * core. Prints a Markdown table and writes the raw timings to bench/out/load.json.
 *
 * Every measurement starts with one warm-up run and takes a full GC before each run. The fast
 * paths (a valid case) are timed BENCH_RUNS times (default 5). The slow paths take 15–30 s a run
 * on a 2-core machine, so to keep the whole bench under 3 minutes they are timed fewer times:
 * the baseline BENCH_BASELINE_RUNS times (default 1), once per format on the valid text (it does
 * the same work for the case with one error, plus locating one issue, so both rows of a format
 * share it), and loadCase on the case with an error once, then again (up to BENCH_SLOW_RUNS
 * runs, default 2) while the total stays within BENCH_BUDGET_S seconds (default 165). The slow
 * paths warm up on a case a tenth of the size, which runs the same code in a tenth of the time.
 * The runs column of the table says how many runs each median is taken over.
 *
 * Profiling: `node --cpu-prof --cpu-prof-dir=bench/out bench/run.js --profile=json` (or
 * `--profile=json-error`) loads that text once and exits; `node bench/top-self.js <file>` then
 * lists the functions with the most self time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import jsyaml from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import { locatePath } from '../packages/core/dist/case/locate.js';
import { checkSemantics } from '../packages/core/dist/case/semantics.js';
import { BUILTIN_VOCABULARY, CaseSchema, loadCase } from '../packages/core/dist/index.js';

const ACTORS = 10_000;
const RELATIONS = 100_000;
const SOURCES = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SLOW_RUNS = Number(process.env.BENCH_SLOW_RUNS ?? 2);
const BASELINE_RUNS = Number(process.env.BENCH_BASELINE_RUNS ?? 1);
const BUDGET_MS = Number(process.env.BENCH_BUDGET_S ?? 165) * 1000;
const SEED = 20_240_601;

/** Numerical Recipes LCG (Press et al. 2007, §7.1), so the case is the same bytes every run. */
function lcg(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 4_294_967_296;
  };
}

const pad2 = (n) => String(n).padStart(2, '0');

/** A deterministic case of `actors` actors and `relations` relations. */
function generateCase(actors, relations, seed) {
  const rnd = lcg(seed);
  const int = (n) => Math.floor(rnd() * n);
  const kinds = ['state', 'regime', 'armed-group', 'organisation', 'opposition', 'population'];
  const sourceKinds = ['report', 'news', 'article', 'official-statement', 'dataset'];
  const types = BUILTIN_VOCABULARY.map((d) => d.type);
  const sources = Array.from({ length: SOURCES }, (_, i) => ({
    id: `src-${i}`,
    title: `Report number ${i} on the region`,
    author: `Author ${int(500)}`,
    kind: sourceKinds[int(sourceKinds.length)],
    date: `${2000 + int(24)}-${pad2(1 + int(12))}`,
  }));
  const actorList = Array.from({ length: actors }, (_, i) => ({
    id: `actor-${i}`,
    name: `Actor ${i}`,
    kind: kinds[int(kinds.length)],
  }));
  const relationList = Array.from({ length: relations }, (_, i) => {
    const from = int(actors);
    const to = (from + 1 + int(actors - 1)) % actors; // never a self-relation
    const year = 1990 + int(30);
    return {
      id: `rel-${i}`,
      from: `actor-${from}`,
      to: `actor-${to}`,
      type: types[int(types.length)],
      weight: Math.round(rnd() * 100) / 100,
      since: `${year}-${pad2(1 + int(12))}`,
      until: `${year + 1 + int(5)}-${pad2(1 + int(12))}-${pad2(1 + int(28))}`,
      evidence: [
        {
          source: `src-${int(SOURCES)}`,
          paragraph: 1 + int(40),
          paraphrase: `Evidence for relation ${i}: the source reports the tie.`,
        },
      ],
    };
  });
  return {
    format: 'entente/1',
    id: 'bench',
    title: 'Generated benchmark case',
    sources,
    actors: actorList,
    relations: relationList,
  };
}

/** What loadCase would cost with no fast path: the positioned document for every input. */
function naiveLoad(text) {
  const counter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: counter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
  });
  if (doc.errors.length > 0) return { ok: false, issues: doc.errors };
  const data = doc.toJS({ maxAliasCount: 100 });
  const parsed = CaseSchema.safeParse(data);
  const semantic = checkSemantics(data);
  const errors = semantic.filter((i) => i.severity === 'error');
  const located = [...(parsed.success ? [] : parsed.error.issues), ...errors].map((i) => ({
    ...i,
    position: locatePath(doc, counter, i.path),
  }));
  return { ok: parsed.success && errors.length === 0, issues: located };
}

/** Milliseconds `fn(text)` takes, after a full GC; `check` verifies the result. */
function timeOnce(fn, text, check) {
  globalThis.gc?.();
  const start = performance.now();
  const result = fn(text);
  const ms = performance.now() - start;
  check(result);
  return ms;
}

/** A measurement of `fn(text)`: one warm-up on `warmup`, then `runs` timed runs. */
function measure(fn, text, check, runs, warmup = text) {
  const m = { fn, text, check, warmupMs: timeOnce(fn, warmup, check), runs: [] };
  addRuns(m, runs);
  return m;
}

/** Adds `count` timed runs to measurement `m` and updates its median and min. */
function addRuns(m, count) {
  for (let i = 0; i < count; i++) m.runs.push(timeOnce(m.fn, m.text, m.check));
  const sorted = [...m.runs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  m.median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  m.min = sorted[0];
}

/** The numbers of a measurement, without its function and text. */
const numbers = ({ warmupMs, runs, median, min }) => ({ warmupMs, runs, median, min });

const expectValid = (r) => {
  if (!r.ok) throw new Error(`bench: expected a valid case, got ${JSON.stringify(r.issues[0])}`);
};
const expectOneLocatedError = (r) => {
  const errors = r.issues.filter((i) => i.severity !== 'warning');
  if (r.ok || errors.length !== 1 || (errors[0].line === undefined && !errors[0].position))
    throw new Error(`bench: expected one located error, got ${JSON.stringify(errors[0])}`);
};

function main() {
  const t0 = performance.now();
  const serialise = {
    json: (c) => JSON.stringify(c, null, 2),
    yaml: (c) => jsyaml.dump(c, { lineWidth: -1, noRefs: true }),
  };
  const withError = (c) => {
    const broken = structuredClone(c);
    broken.relations[broken.relations.length - 1].to = 'actor-unknown';
    return broken;
  };
  const full = generateCase(ACTORS, RELATIONS, SEED);
  const profile = process.argv.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);
  if (profile !== undefined) {
    const text = serialise.json(profile === 'json-error' ? withError(full) : full);
    const ms = timeOnce(
      loadCase,
      text,
      profile === 'json-error' ? expectOneLocatedError : expectValid,
    );
    console.error(`profiled loadCase on ${profile}: ${ms.toFixed(0)} ms`);
    return;
  }
  const tenth = generateCase(ACTORS / 10, RELATIONS / 10, SEED);
  console.error(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const measured = [];
  for (const format of ['json', 'yaml']) {
    const valid = serialise[format](full);
    const broken = serialise[format](withError(full));
    const load = measure(loadCase, valid, expectValid, RUNS);
    const baseline = measure(
      naiveLoad,
      valid,
      expectValid,
      BASELINE_RUNS,
      serialise[format](tenth),
    );
    const brokenTenth = serialise[format](withError(tenth));
    const loadError = measure(loadCase, broken, expectOneLocatedError, 1, brokenTenth);
    measured.push({ format, valid: load, 'one error': loadError, baseline });
    console.error(
      `${format}: loadCase valid ${load.median.toFixed(0)} ms, with an error ${loadError.median.toFixed(0)} ms, baseline ${baseline.median.toFixed(0)} ms`,
    );
  }
  // More runs of the slowest path while the budget allows.
  for (let more = true; more; ) {
    more = false;
    for (const { format, 'one error': m } of measured) {
      const next = m.runs[m.runs.length - 1];
      if (m.runs.length < SLOW_RUNS && performance.now() - t0 + next < BUDGET_MS) {
        addRuns(m, 1);
        more = true;
        const ms = m.runs[m.runs.length - 1];
        console.error(`${format}: with an error, run ${m.runs.length}: ${ms.toFixed(0)} ms`);
      }
    }
  }

  const rows = measured.flatMap(({ format, baseline, ...byCase }) =>
    ['valid', 'one error'].map((name) => ({
      case: name,
      format,
      sizeMB: byCase[name].text.length / 1e6,
      loadCase: numbers(byCase[name]),
      baseline: numbers(baseline),
      speedup: baseline.median / byCase[name].median,
    })),
  );

  const fmt = (x) => x.toFixed(0);
  const lines = [
    `Case: ${ACTORS.toLocaleString('en')} actors, ${RELATIONS.toLocaleString('en')} relations, ${SOURCES} sources. Runs: loadCase/baseline.`,
    '',
    '| case | format | size MB | median ms | min ms | baseline median ms | speed-up | runs |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.case} | ${r.format} | ${r.sizeMB.toFixed(1)} | ${fmt(r.loadCase.median)} | ${fmt(r.loadCase.min)} | ${fmt(r.baseline.median)} | ${r.speedup.toFixed(1)}× | ${r.loadCase.runs.length}/${r.baseline.runs.length} |`,
    ),
  ];
  console.log(lines.join('\n'));

  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  const out = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    actors: ACTORS,
    relations: RELATIONS,
    sources: SOURCES,
    seed: SEED,
    runs: { fast: RUNS, slow: SLOW_RUNS, baseline: BASELINE_RUNS, budgetSeconds: BUDGET_MS / 1000 },
    rows,
    totalSeconds: (performance.now() - t0) / 1000,
  };
  writeFileSync(new URL('./out/load.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
  console.error(`total ${out.totalSeconds.toFixed(0)} s; raw numbers in bench/out/load.json`);
}

main();
