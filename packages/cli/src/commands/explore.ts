/**
 * `entente explore [case]`: many sampled worlds × the case's scenarios on the local worker pool
 * (or a Redis queue with `--queue`): how often each of the case's hypotheses holds, where it fails
 * (PRIM boxes), sensitivity indices, outcome quantiles; `--out DIR` writes a run folder. Ctrl-C
 * stops cleanly and keeps the finished worlds (the summary says complete: false).
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type Case,
  EntenteError,
  type ExplorationSummary,
  type HypothesisSummary,
  loadCase,
  type ObservedVerdict,
  type PosteriorSample,
  parsePosterior,
  SAMPLE_DESIGNS,
  type SampleDesign,
} from '@entente/core';
import {
  caseHash,
  type ExplorationProgress,
  RUN_TABLE_FORMATS,
  type RunTableFormat,
  runExploration,
  writeRunFolder,
} from '@entente/runner';
import cliProgress from 'cli-progress';
import { type Command, Option } from 'commander';
import { eventsDbLabel, eventsDbPath, openCommandEvents, renderObserved } from '../event-data.js';
import { example, list, wholeNumber } from '../flag-parsers.js';
import { BUILTIN_CASE, type Io, readInput } from '../io.js';
import { CaseInvalid, printIssues } from '../load-case.js';
import { table } from '../table.js';

/** Options of the explore command. */
export interface ExploreCommandOptions {
  /** Worlds (lhs), base N (sobol) or trajectories (morris). @default 1000 */
  readonly runs?: number;
  /** @default 'lhs' */
  readonly sample?: SampleDesign;
  /** Scenario ids. @default all */
  readonly policies?: readonly string[];
  /** Uncertain parameter ids. @default the scenarios' uncertain sets */
  readonly parameters?: readonly string[];
  /** @default os.availableParallelism() */
  readonly workers?: number;
  /** @default 1 */
  readonly seed?: number;
  readonly months?: number;
  readonly bands?: number;
  /** Case draws (lhs only). @default 0: the case as written */
  readonly draws?: number;
  readonly batchSize?: number;
  readonly out?: string;
  /** @default 'parquet' */
  readonly format?: RunTableFormat;
  readonly queue?: string;
  /** A calibration's output folder (its posterior.json) or the file itself. */
  readonly posterior?: string;
  readonly json?: boolean;
  /** Events database for the observed hypotheses (default: .entente/events.duckdb beside the case). */
  readonly events?: string;
  /** Stops the run like Ctrl-C (for tests and embedding). */
  readonly signal?: AbortSignal;
  /** Show a progress bar: @default stderr is a TTY */
  readonly progress?: boolean;
}

/** Reads and loads a case, keeping its text for the case hash. */
export async function loadCaseWithText(
  io: Io,
  path: string | undefined,
  quiet: boolean,
): Promise<{ file: string; case: Case; text: string }> {
  const { text } = await readInput(io, path ?? BUILTIN_CASE);
  const file = path ?? 'cases/afghanistan-2023.yaml';
  const format = /\.json$/i.test(file) ? 'json' : /\.ya?ml$/i.test(file) ? 'yaml' : 'auto';
  const result = loadCase(text, { format });
  if (!result.ok) {
    printIssues(io, file, result.issues);
    throw new CaseInvalid(file, result.issues);
  }
  if (!quiet) printIssues(io, file, result.issues);
  return { file, case: result.case, text };
}

/** A share as a percentage; one decimal near 0 and 100 % so that 99.8 % does not read as 100 %. */
const pct = (x: number | null) => {
  if (x === null) return '–';
  const p = x * 100;
  return `${(p > 0 && p < 1) || (p > 99 && p < 100) ? p.toFixed(1) : p.toFixed(0)}%`;
};
/** Box limits that cut at least this share of a parameter's range are shown in the report. */
const SHOWN_CUT = 0.1;
const num = (x: number) =>
  !Number.isFinite(x) ? String(x) : Math.abs(x) >= 1000 ? x.toFixed(0) : x.toPrecision(3);
const seconds = (ms: number) =>
  ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;

/** Three significant digits without trailing zeros: 0.05, −0.145, 1940. */
const short = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(3))) : String(x));

/** Where the claim is made and by whom: `author, ¶8.5`. */
const locator = (h: HypothesisSummary) => {
  const at =
    h.paragraph === null ? '' : `, ¶${h.paragraph}${h.sentence === null ? '' : `.${h.sentence}`}`;
  return `${h.claimant}${at}`;
};

/** The minimum effect as a rule on the effect: `> 0.05`, `< −10%`. */
const threshold = (h: HypothesisSummary) => {
  const m =
    h.minEffect === null
      ? 0
      : 'relative' in h.minEffect
        ? h.minEffect.relative
        : h.minEffect.absolute;
  const relative = h.minEffect !== null && 'relative' in h.minEffect;
  const signed = h.op === '<' || h.op === '<=' ? -m : m;
  return `${h.op} ${relative ? `${short(signed * 100)}%` : short(signed)}`;
};

/** An effect value in the hypothesis's scale. */
const effectValue = (h: HypothesisSummary, x: number) =>
  h.effect?.scale === 'relative' ? `${short(x * 100)}%` : short(x);

/** The lines of one hypothesis: its verdict, effect, what decides it, where it fails. */
function renderHypothesis(s: ExplorationSummary, h: HypothesisSummary): string[] {
  const against = h.versus === null ? `under ${h.policy}` : `${h.policy} vs ${h.versus}`;
  const head = `  ${h.id} (${locator(h)}; ${h.comparison} ${against})`;
  const d = h.decidedBy;
  let verdict: string;
  if (d !== null) {
    const rule = `${d.parameter} ${d.op} ${short(d.value)}`;
    verdict =
      d.source === 'box'
        ? `decided by assumption: ${rule} (holds on that side: density ${pct(d.density)}, coverage ${pct(d.coverage)}; fails on the other)`
        : `decided by assumption: ${rule} (fails at ${d.parameter} = ${short(d.value)}, the end of its range; the share ${pct(h.holds)} only measures the range)`;
  } else {
    const ci = h.ci ? ` [${pct(h.ci[0])}–${pct(h.ci[1])}]` : '';
    verdict = `holds in ${pct(h.holds)}${ci} of ${h.n} worlds`;
  }
  const lines = [`${head}: ${verdict}`];
  if (h.draws) {
    const g = h.draws;
    lines.push(
      `    under ${g.n} case draws: holds in most worlds in ${pct(g.share)} of draws (per-draw share 5–95% [${pct(g.q05)}, ${pct(g.q95)}])`,
    );
  }
  if (h.effect !== null) {
    lines.push(
      `    effect median ${effectValue(h, h.effect.median)}, 5–95% [${effectValue(h, h.effect.q05)}, ${effectValue(h, h.effect.q95)}]; holds when the effect is ${threshold(h)}`,
    );
  }
  for (const id of h.contradictedBy) {
    const p = s.hypotheses.find((q) => q.id === id);
    const median = p?.effect ? ` (median effect ${effectValue(p, p.effect.median)})` : '';
    lines.push(`    contradicted by its paired comparison ${id}${median}`);
  }
  if (d === null) {
    const shown = (h.failBox?.limits ?? []).flatMap((l) => {
      const p = s.parameters.find((q) => q.id === l.parameter);
      const span = p ? p.hi - p.lo : 0;
      if (!p || span <= 0) return [`${num(l.lo)} ≤ ${l.parameter} ≤ ${num(l.hi)}`];
      const lo = (l.lo - p.lo) / span >= SHOWN_CUT / 2;
      const hi = (p.hi - l.hi) / span >= SHOWN_CUT / 2;
      if ((l.lo - p.lo + p.hi - l.hi) / span < SHOWN_CUT) return [];
      if (lo && hi) return [`${num(l.lo)} ≤ ${l.parameter} ≤ ${num(l.hi)}`];
      return [lo ? `${l.parameter} ≥ ${num(l.lo)}` : `${l.parameter} ≤ ${num(l.hi)}`];
    });
    if (h.failBox && shown.length > 0) {
      lines.push(
        `    fails when ${shown.join(' and ')} (density ${pct(h.failBox.density)}, coverage ${pct(h.failBox.coverage)})`,
      );
    } else if (h.holds !== null && h.holds < 1) {
      lines.push('    failures not confined to a box');
    }
  }
  return lines;
}

/** The human report of an exploration summary. */
export function renderExploration(s: ExplorationSummary): string {
  const out: string[] = [];
  const { options } = s;
  out.push(
    `Exploration of ${s.caseId}: ${s.completedWorlds} of ${s.worlds} worlds × ${s.scenarios.length} scenarios · ${options.sample}, runs ${options.runs}, seed ${options.seed}${options.draws > 0 ? `, ${options.draws} case draws` : ''} · ${s.parameters.length} uncertain parameters${s.complete ? '' : ' · STOPPED EARLY (complete: false)'}`,
  );
  if (s.hypotheses.length > 0) {
    out.push('');
    out.push(
      'Hypotheses (share of sampled worlds where each holds, 95% Wilson interval; the effect against the minimum effect)',
    );
    for (const h of s.hypotheses) out.push(...renderHypothesis(s, h));
    out.push(...renderPosteriorTable(s));
  }
  const sens = s.sensitivity;
  if (sens) {
    out.push('');
    if (sens.method === 'sobol') {
      out.push(`Sensitivity (Sobol total order, N = ${sens.n}; top 3)`);
      for (const o of sens.outcomes) {
        const top = [...o.indices].sort((a, b) => b.total - a.total).slice(0, 3);
        out.push(
          `  ${o.scenario} ${o.metric}: ${top.map((i) => `${i.parameter} ${num(i.total)} (S1 ${num(i.first)})`).join(', ')}`,
        );
      }
    } else {
      out.push(`Sensitivity (Morris μ*, r = ${sens.r}; top 3)`);
      for (const o of sens.outcomes) {
        const top = [...o.indices].sort((a, b) => b.muStar - a.muStar).slice(0, 3);
        out.push(
          `  ${o.scenario} ${o.metric}: ${top.map((i) => `${i.parameter} ${num(i.muStar)} (σ ${num(i.sigma)})`).join(', ')}`,
        );
      }
    }
  }
  const key = ['strength.total.change', 'insecurity.mean', 'capacity.final', 'harm.total'];
  const rows = s.outcomes.filter((o) => key.includes(o.metric));
  if (rows.length > 0) {
    out.push('');
    out.push('Outcomes over the sampled worlds');
    out.push(
      table(
        ['scenario', 'outcome', 'mean', 'p05', 'p50', 'p95'],
        rows.map((o) => [o.scenario, o.metric, num(o.mean), num(o.p05), num(o.p50), num(o.p95)]),
        ['left', 'left', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  for (const d of s.diagnostics) out.push(`note: ${d}`);
  return `${out.join('\n')}\n`;
}

/**
 * The observed hypotheses' verdicts for `explore` (null: the case has none): read from the events
 * database when one exists (`verdicts`), else `verdicts: null` ("no event data").
 */
async function observedOf(
  io: Io,
  path: string | undefined,
  c: Case,
  flag: string | undefined,
): Promise<{ verdicts: ObservedVerdict[] | null; source: string } | null> {
  if (!(c.hypotheses ?? []).some((h) => h.kind === 'observed')) return null;
  const source = eventsDbLabel(io, eventsDbPath(io, path, flag));
  const data = await openCommandEvents(io, path, flag);
  if (data === null) return { verdicts: null, source };
  try {
    return { verdicts: await data.observed(c), source };
  } finally {
    await data.close();
  }
}

/**
 * Reads the posterior of `entente calibrate --out DIR`: DIR/posterior.json, or the file given.
 * @throws EntenteError('invalid-argument') on JSON or format errors, naming the file
 */
export async function readPosterior(io: Io, path: string): Promise<PosteriorSample> {
  const full = resolve(io.cwd, path);
  const isDir = await stat(full).then(
    (i) => i.isDirectory(),
    () => false,
  );
  const file = isDir ? join(path, 'posterior.json') : path;
  const { text } = await readInput(io, file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new EntenteError(
      'invalid-argument',
      `explore --posterior: ${file}: not JSON (${(error as Error).message})`,
    );
  }
  return parsePosterior(data, file);
}

/** The side-by-side table of each hypothesis under the prior ranges and under the posterior. */
export function renderPosteriorTable(s: ExplorationSummary): string[] {
  const p = s.posterior;
  if (!p) return [];
  const median = (h: HypothesisSummary | undefined) =>
    h?.effect ? effectValue(h, h.effect.median) : '–';
  const rows = s.hypotheses.map((h) => {
    const q = p.hypotheses.find((x) => x.id === h.id);
    return [h.id, pct(h.holds), pct(q?.holds ?? null), median(h), median(q)];
  });
  return [
    '',
    `Prior ranges vs the posterior of ${p.source} (${p.method ?? 'calibration'}, ${p.particles} particles${p.ess === null ? '' : `, ESS ${short(p.ess)}`}; ${p.completedWorlds} worlds; particles set ${p.parameters.length === 0 ? 'no explored parameter' : p.parameters.join(', ')}; the others keep their prior ranges)`,
    table(
      [
        'hypothesis',
        'holds % prior',
        'holds % posterior',
        'effect median prior',
        'effect median posterior',
      ],
      rows,
      ['left', 'right', 'right', 'right', 'right'],
    ),
  ];
}

/** Runs an exploration; exit 0, or 130 when stopped early (the finished worlds are kept). */
export async function exploreCommand(
  io: Io,
  path: string | undefined,
  options: ExploreCommandOptions,
): Promise<number> {
  const { file, case: c, text } = await loadCaseWithText(io, path, options.json === true);
  // Read before the worlds run, so that a database the engine cannot read fails at once.
  const observed = await observedOf(io, path, c, options.events);
  const posterior = options.posterior
    ? { sample: await readPosterior(io, options.posterior), source: options.posterior }
    : undefined;
  const controller = new AbortController();
  const onSignal = () => {
    if (!controller.signal.aborted)
      io.stderr('\nexplore: stopping; keeping the finished worlds…\n');
    controller.abort();
  };
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130); // a second Ctrl-C: stop now
    onSignal();
  };
  process.on('SIGINT', onSigint);
  const outer = options.signal;
  outer?.addEventListener('abort', onSignal, { once: true });
  if (outer?.aborted) controller.abort();
  const showBar = options.progress ?? (process.stderr.isTTY === true && !options.json);
  let bar: cliProgress.SingleBar | null = null;
  let lastLine = 0;
  const onProgress = (p: ExplorationProgress) => {
    if (showBar) {
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            format: 'explore [{bar}] {percentage}% · {value}/{total} worlds · ETA {eta_formatted}',
            stream: process.stderr,
            etaBuffer: 50,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(p.total, 0);
      }
      bar.update(p.done);
    } else if (!options.json && p.elapsedMs - lastLine > 5000) {
      lastLine = p.elapsedMs;
      const eta = p.done > 0 ? (p.elapsedMs / p.done) * (p.total - p.done) : Number.NaN;
      io.stderr(
        `explore: ${p.done}/${p.total} worlds (${((p.done / p.total) * 100).toFixed(0)}%), ETA ${seconds(eta)}\n`,
      );
    }
  };
  const started = performance.now();
  try {
    const result = await runExploration(
      c,
      {
        scenarios: options.policies,
        sample: options.sample,
        runs: options.runs,
        seed: options.seed,
        months: options.months,
        parameters: options.parameters,
        bands: options.bands,
        draws: options.draws,
      },
      {
        workers: options.workers,
        queue: options.queue,
        batchSize: options.batchSize,
        signal: controller.signal,
        onProgress,
        onQueued: ({ exploration, batches }) =>
          io.stderr(
            `explore: queued ${batches} batches of exploration ${exploration} on ${options.queue}; start workers with: entente worker --queue ${options.queue}\n`,
          ),
      },
      posterior,
    );
    (bar as cliProgress.SingleBar | null)?.stop();
    const hash = caseHash(text);
    const summary: ExplorationSummary = {
      ...result.summary,
      caseHash: hash,
      ...(observed?.verdicts ? { observed: observed.verdicts } : {}),
    };
    const elapsedMs = performance.now() - started;
    if (options.out) {
      const written = await writeRunFolder(resolve(io.cwd, options.out), result, {
        caseText: text,
        caseFile: file,
        format: options.format ?? 'parquet',
        timing: {
          elapsedMs: Math.round(elapsedMs),
          workers: options.queue ? 'queue' : (options.workers ?? availableParallelism()),
        },
      });
      if (!options.json) io.stderr(`wrote ${options.out}/ (${written.files.join(', ')})\n`);
    }
    io.stdout(
      options.json
        ? `${JSON.stringify(summary, null, 2)}\n`
        : renderExploration(summary) +
            (observed ? `${renderObserved(observed.verdicts, observed.source).join('\n')}\n` : ''),
    );
    if (!options.json)
      io.stderr(`explore: ${summary.completedWorlds} worlds in ${seconds(elapsedMs)}\n`);
    return summary.complete ? 0 : 130;
  } catch (error) {
    // Redis unreachable, a target folder that is not a run folder: input problems, exit 1.
    if (error instanceof Error && /^(queue|run folder):/.test(error.message)) {
      io.stderr(`entente explore: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    (bar as cliProgress.SingleBar | null)?.stop();
    process.off('SIGINT', onSigint);
    outer?.removeEventListener('abort', onSignal);
  }
}

/** Registers `entente explore` on `program`. */
export function registerExploreCommand(
  program: Command,
  io: Io,
  setCode: (code: number) => void,
): void {
  program
    .command('explore')
    .description(
      "Explore the model under deep uncertainty: how often each of the case's hypotheses holds, where it fails, what drives the outcomes.",
    )
    .argument('[case]', 'case file; the built-in case when omitted')
    .option(
      '--runs <n>',
      'worlds (lhs), base N (sobol: N(2k+2) worlds) or trajectories (morris)',
      wholeNumber(1, 10_000_000),
      1000,
    )
    .addOption(
      new Option('--sample <design>', 'sampling design').choices(SAMPLE_DESIGNS).default('lhs'),
    )
    .option('--policies <a,b>', 'scenario ids to compare (default: all of the case)', list)
    .option(
      '--parameters <a,b>',
      "uncertain parameter ids (default: the scenarios' uncertain sets)",
      list,
    )
    .option(
      '--workers <k>',
      'local worker threads (default: the CPU count; 1 runs in-process)',
      wholeNumber(1, 1024),
    )
    .option('--seed <n>', 'master seed', wholeNumber(0, 0xffffffff), 1)
    .option('--months <m>', "months per run (default: each scenario's)", wholeNumber(1, 1200))
    .option(
      '--bands <n>',
      'worlds whose monthly series feed the fan-chart bands (default 1000)',
      wholeNumber(0, 10_000_000),
    )
    .option(
      '--draws <n>',
      "case draws: run the worlds on N seeded variants of the case's own uncertainty (a relation holds with its confidence; lhs only; default 0, the case as written)",
      wholeNumber(0, 10_000_000),
    )
    .option('--batch-size <n>', 'worlds per batch', wholeNumber(1, 10_000_000))
    .option('--out <dir>', 'write a run folder: summary.json and the per-run table')
    .addOption(
      new Option('--format <format>', 'per-run table format')
        .choices(RUN_TABLE_FORMATS)
        .default('parquet'),
    )
    .option(
      '--queue <url>',
      'run the batches on a BullMQ queue at redis://HOST:PORT (start `entente worker`s)',
    )
    .option(
      '--posterior <dir>',
      "also explore the worlds of a calibration's posterior (DIR/posterior.json of `entente calibrate --out DIR`): every hypothesis under the prior ranges and under the posterior, side by side (lhs only)",
    )
    .option('--json', 'print the summary as JSON (the contract in docs/model.md)')
    .option(
      '--events <db>',
      "events database for the case's observed hypotheses (default: .entente/events.duckdb beside the case)",
    )
    .addHelpText(
      'after',
      example([
        'entente explore --runs 2000',
        'entente explore --runs 2000 --draws 100',
        'entente explore --runs 5000 --posterior runs/calibration',
        'entente explore --runs 1024 --sample sobol --policies status-quo,everyone-severs --json',
        'entente explore --runs 10000 --workers 2 --out runs/2025-lhs --format csv',
        'entente explore --runs 50000 --queue redis://10.0.0.5:6379',
      ]),
    )
    .action(async (path: string | undefined, opts: ExploreCommandOptions) => {
      setCode(await exploreCommand(io, path, opts));
    });
}
