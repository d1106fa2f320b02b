/**
 * `entente calibrate [case] --observed DB|FILE --from 2015 --until 2020 [--forecast 2021[..2023]]`:
 * fits the case's history model to the yearly battle deaths of the case's target dyads — read
 * from an event store (DuckDB file or `clickhouse://…`), or from a UCDP file ingested into a
 * temporary store, through the case's `events` mapping — by ABC-SMC (or rejection ABC, or
 * history matching, which keeps the non-implausible set),
 * prints the posterior of each parameter (flagging those the data cannot inform), the fit per
 * dyad-year and the forecast with its score, and with `--out DIR` writes `posterior.json`,
 * `fit.json` and `forecast.json` (docs/calibration.md). The simulations run on threads
 * (`--workers`) or as jobs on a BullMQ queue that `entente worker`s consume (`--queue`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import {
  CALIBRATION_METHODS,
  type CalibrateCommandJson,
  type Calibration,
  type CalibrationMethod,
  type Case,
  calibrationTargetId,
  compileEventMapping,
  compileHistory,
  defaultObservationTargets,
  EntenteError,
  type EventFormat,
  type HistoryLike,
  observedCounts,
} from '@entente/core';
import { type EventStore, openEventStore } from '@entente/events';
import { defaultCalibrationWorkers, runCalibration } from '@entente/runner';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { example, list, wholeNumber } from '../flag-parsers.js';
import type { Io } from '../io.js';
import { loadCaseFile } from '../load-case.js';
import { table } from '../table.js';

/** Options of the calibrate command. */
export interface CalibrateCommandOptions {
  /**
   * An event store (a DuckDB file `*.duckdb`, or `clickhouse://HOST:PORT`) or a dataset file
   * (`.csv`, `.tsv`, `.gz`, `.zip`) ingested into a temporary store.
   */
  readonly observed: string;
  /** The UCDP format read. @default 'ucdp-dyadic' (yearly dyad totals) */
  readonly format?: ObservedFormat;
  /** Fit only these of the case's targets (ids such as `republic--isk`). */
  readonly targets?: string[];
  /** @default '2015' */
  readonly from: string;
  /** @default '2020' */
  readonly until: string;
  /** Last forecast year, or `FIRST..LAST` (FIRST must follow `until`). */
  readonly forecast?: string;
  /** @default 'abc-smc' */
  readonly method: CalibrationMethod;
  /** Simulation budget of the fit. @default 20000 */
  readonly runs: number;
  /** @default 500 */
  readonly particles: number;
  /** @default 1 below 50,000 runs, every core from there (`defaultCalibrationWorkers`, docs/benchmarks.md) */
  readonly workers?: number;
  /**
   * `redis://HOST:PORT`: run the count simulations as BullMQ jobs that `entente worker --queue`
   * processes consume (not with `workers`; the JSON's `workers` is then 0).
   */
  readonly queue?: string;
  /** @default 1 */
  readonly seed: number;
  /**
   * ABC-SMC and rejection: the target tolerance ε_T, fixed before the data are seen (rejection
   * keeps every draw within it, ABC-SMC stops there). @default none (the run chooses)
   */
  readonly tolerance?: number;
  /** Noisy ABC at `tolerance` (needs `tolerance`; with rejection it passes SBC, docs/calibration.md). */
  readonly noisy?: boolean;
  /** History matching: waves. @default 3 */
  readonly waves?: number;
  /** History matching: replicate runs per point. @default 8 */
  readonly replicates?: number;
  /** History matching: model discrepancy δ on the ln(1 + x) scale. @default 0.2 */
  readonly discrepancy?: number;
  /** History matching: implausibility cut-off. @default 3 */
  readonly cutoff?: number;
  /** History matching: I is the second-largest I_k. */
  readonly secondMax?: boolean;
  readonly out?: string;
  readonly json?: boolean;
}

/** The formats calibration reads: UCDP's yearly dyad totals or its geocoded events. */
export const OBSERVED_FORMATS = Object.freeze(['ucdp-dyadic', 'ucdp-ged'] as const);
/** One of {@link OBSERVED_FORMATS}. */
export type ObservedFormat = (typeof OBSERVED_FORMATS)[number] & EventFormat;

const isUrl = (spec: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(spec);
const isStoreFile = (spec: string) => /\.(duckdb|db)$/i.test(spec);

/**
 * The observed counts of the history's targets × years: the yearly series through the case's
 * `events` mapping, from the store `spec` names, or from a file ingested into a temporary store
 * (a folder under the system's temporary directory, removed afterwards).
 * @throws {EntenteError} `not-found` for a missing file or store, or a store without rows of the
 *   format; the ingest's located errors for a malformed file
 */
export async function readObserved(
  io: Io,
  c: Case,
  spec: string,
  format: ObservedFormat,
  h: Pick<HistoryLike, 'targets' | 'years'>,
): Promise<{ values: Float64Array; caveats: readonly string[] }> {
  const where = `calibrate: --observed ${spec}`;
  const path = isUrl(spec) ? spec : resolve(io.cwd, spec);
  if (!isUrl(spec) && !existsSync(path))
    throw new EntenteError('not-found', `${where}: no such file or event store`);
  let temp: string | null = null;
  let store: EventStore | null = null;
  try {
    if (isUrl(spec) || isStoreFile(spec)) store = await openEventStore(path);
    else {
      temp = await mkdtemp(join(tmpdir(), 'entente-observed-'));
      store = await openEventStore(join(temp, 'events.duckdb'));
      await store.ingest([path], { format });
    }
    const compiled = compileEventMapping(c.events ?? { map: [] });
    const formats = [format];
    const volumes = await store.volumes({ formats, by: 'year' });
    if (volumes.length === 0)
      throw new EntenteError(
        'not-found',
        `${where}: the event store holds no ${format} rows; ingest UCDP's ${format === 'ucdp-dyadic' ? 'yearly dyadic file' : 'GED events'} with \`entente events ingest --format ${format}\` or choose --format`,
      );
    const groups = await store.groups({ formats, by: 'year', breakpoints: compiled.breakpoints });
    return observedCounts(compiled, groups, volumes, h.targets, h.years);
  } finally {
    await store?.close();
    if (temp !== null) await rm(temp, { recursive: true, force: true });
  }
}

const nonNegative = (value: string): number => {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < 0)
    throw new InvalidArgumentError('expected a number ≥ 0');
  return x;
};

const positive = (value: string): number => {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x <= 0)
    throw new InvalidArgumentError('expected a number > 0');
  return x;
};

/**
 * The caveat of plain ABC on the history model, whose tolerance the run chooses from the data
 * (docs/calibration.md, "Proof that it works").
 */
export const PLAIN_ABC_CAVEAT =
  'at a tolerance the run chooses, the intervals of observation-dispersion are known to be miscalibrated (simulation-based calibration covers it in about 70 of 100); --method rejection --noisy --tolerance EPS passes simulation-based calibration (docs/calibration.md)';

/**
 * The caveat of noisy ABC-SMC on the history model: its ranks are uniform but its intervals too
 * short (docs/calibration.md, "What the coverage checks ask").
 */
export const NOISY_SMC_CAVEAT =
  "noisy ABC-SMC's 90 % intervals are known to be too short (simulation-based calibration at ε = 0.9 covers 82 % of them, its last step resampling onto few particles); --method rejection --noisy --tolerance EPS passes simulation-based calibration (docs/calibration.md)";

const year = (value: string): string => {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError('expected a year YYYY');
  return value;
};

/** `2021` or `2021..2023` → the last forecast year (the first must be `until` + 1). */
function forecastUntil(value: string | undefined, until: string): string | null {
  if (value === undefined) return null;
  const m = /^(\d{4})(?:\.\.(\d{4}))?$/.exec(value);
  if (!m)
    throw new EntenteError(
      'invalid-argument',
      `calibrate: --forecast expects YYYY or YYYY..YYYY, got "${value}"`,
    );
  const first = Number(m[1]);
  const last = Number(m[2] ?? m[1]);
  if (first !== Number(until) + 1 || last < first)
    throw new EntenteError(
      'invalid-argument',
      `calibrate: --forecast ${value} must start the year after --until ${until} and not end before it starts`,
    );
  return String(last);
}

const fmt = (x: number | null) =>
  x === null ? '—' : Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3);

/** Writes the run folder atomically; an existing DIR is replaced only if it is a calibration folder. */
async function writeCalibrationFolder(io: Io, dir: string, files: Record<string, unknown>) {
  const target = resolve(io.cwd, dir);
  let exists = false;
  try {
    exists = (await stat(target)).isDirectory();
  } catch {}
  if (exists) {
    try {
      await stat(join(target, 'posterior.json'));
    } catch {
      throw new EntenteError(
        'invalid-argument',
        `calibrate: "${dir}" exists and is not a calibration folder; choose another --out`,
      );
    }
  }
  await mkdir(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(temp);
    for (const [name, value] of Object.entries(files))
      await writeFile(join(temp, name), `${JSON.stringify(value, null, 2)}\n`, { flag: 'wx' });
    if (exists) {
      await rename(target, `${temp}.old`);
      await rename(temp, target);
      await rm(`${temp}.old`, { recursive: true, force: true });
    } else await rename(temp, target);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/** The text report: posterior per parameter, fit and forecast bands, the score. */
function report(c: Calibration): string {
  const lines: string[] = [];
  lines.push(
    c.nonImplausible
      ? `history-matching: ${c.particles.length} non-implausible points (cut-off ${c.nonImplausible.cutoff}${c.nonImplausible.rank === 2 ? ', second-largest I' : ''}, discrepancy ${c.nonImplausible.discrepancy}, ${c.nonImplausible.replicates} replicates), ${c.simulations} simulations in ${c.nonImplausible.waves.length} waves; non-implausible share of the prior by wave: ${c.nonImplausible.waves.map((w) => w.volumeFraction.toPrecision(2)).join(', ')}`
      : c.method === 'likelihood-smc'
        ? `likelihood-smc: ${c.particles.length} particles, ESS ${c.ess.toFixed(0)}, temperature β ${c.epsilon} (the exact likelihood), ${c.simulations} latent runs in ${c.generations.length} generations, move acceptance ${c.generations
            .filter((g) => g.acceptance !== null)
            .map((g) => (g.acceptance ?? 0).toFixed(2))
            .join(', ')}`
        : `${c.method}: ${c.noisy ? `noisy ABC at ε = ${c.tolerance}, ` : c.tolerance !== null ? `target tolerance ${c.tolerance}, ` : ''}${c.targetReached === false ? 'target NOT reached, ' : ''}${c.particles.length} particles, ESS ${c.ess.toFixed(0)}, tolerance ${c.epsilon.toPrecision(3)}, ${c.simulations} simulations in ${c.generations.length} generations`,
    ...c.warnings.map((w) => `warning: ${w}`),
    '',
    table(
      ['parameter', 'prior', '5 %', 'median', '95 %', 'sd ratio', ''],
      c.posterior.map((p) => [
        p.id,
        `[${fmt(p.lo)}, ${fmt(p.hi)}]`,
        fmt(p.q05),
        fmt(p.q50),
        fmt(p.q95),
        p.sdRatio.toFixed(2),
        p.uninformed ? 'uninformed' : '',
      ]),
    ),
    '',
    table(
      ['dyad', 'year', 'observed', '5 %', 'median', '95 %', ''],
      [...c.fit, ...c.forecast].map((b) => [
        b.dyad,
        String(b.year),
        fmt(b.observed),
        fmt(b.q05),
        fmt(b.q50),
        fmt(b.q95),
        c.forecast.includes(b) ? 'forecast' : '',
      ]),
    ),
  );
  if (c.forecastScore)
    lines.push(
      '',
      `forecast: ${c.forecastScore.n} observed dyad-years, ${(100 * c.forecastScore.coverage).toFixed(0)} % inside the 90 % band, mean CRPS ${c.forecastScore.crps.toPrecision(3)}`,
    );
  return `${lines.join('\n')}\n`;
}

/**
 * The case with only the named targets in its `calibration` section (of the section's, or of
 * the default targets without one); the case itself without `ids`.
 * @throws {EntenteError} `not-found` naming an id that is not a target of the case
 */
export function withTargets(c: Case, ids: readonly string[] | undefined): Case {
  if (ids === undefined) return c;
  const all =
    c.calibration?.targets ??
    defaultObservationTargets(c).map((t) => ({
      id: t.id,
      dyad: [t.dyad[0], t.dyad[1]] as [string, string],
    }));
  const known = new Map(all.map((t) => [calibrationTargetId(t), t]));
  for (const id of ids)
    if (!known.has(id))
      throw new EntenteError(
        'not-found',
        `calibrate: --targets ${id}: not a target of ${c.id} (its targets: ${[...known.keys()].join(', ')})`,
      );
  return { ...c, calibration: { targets: ids.map((id) => known.get(id) as (typeof all)[number]) } };
}

/** Runs the calibration; returns the exit code. */
export async function calibrateCommand(
  io: Io,
  path: string | undefined,
  options: CalibrateCommandOptions,
): Promise<number> {
  const hmFlags = (['waves', 'replicates', 'discrepancy', 'cutoff', 'secondMax'] as const).filter(
    (k) => options[k] !== undefined,
  );
  if (hmFlags.length > 0 && options.method !== 'history-matching')
    throw new EntenteError(
      'invalid-argument',
      `calibrate: ${hmFlags.map((k) => `--${k.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)}`).join(', ')} belong to --method history-matching`,
    );
  const abcFlags = [
    ...(options.tolerance === undefined ? [] : ['--tolerance']),
    ...(options.noisy ? ['--noisy'] : []),
  ];
  if (abcFlags.length > 0 && options.method !== 'abc-smc' && options.method !== 'rejection')
    throw new EntenteError(
      'invalid-argument',
      `calibrate: ${abcFlags.join(' and ')} ${abcFlags.length === 1 ? 'belongs' : 'belong'} to --method abc-smc and rejection, not ${options.method}`,
    );
  if (options.noisy && options.tolerance === undefined)
    throw new EntenteError(
      'invalid-argument',
      'calibrate: --noisy needs --tolerance EPS, a target tolerance fixed before the data are seen (e.g. --noisy --tolerance 0.8)',
    );
  const { case: loaded } = await loadCaseFile(io, path, { quiet: options.json === true });
  const last = forecastUntil(options.forecast, options.until);
  const span = { from: options.from, until: options.until, ...(last ? { forecast: last } : {}) };
  const c = withTargets(loaded, options.targets);
  // The observed counts are read before the run (the store is async; the run's hook is not).
  const history = compileHistory(c, span);
  const observed = await readObserved(
    io,
    c,
    options.observed,
    options.format ?? 'ucdp-dyadic',
    history,
  );
  if (options.json !== true)
    for (const note of [
      ...history.notes.filter((n) => n.startsWith('targets left out')),
      ...observed.caveats,
    ])
      io.stderr(`note: ${note}\n`);
  if (options.queue !== undefined && options.workers !== undefined)
    throw new EntenteError('invalid-argument', 'calibrate: give --workers or --queue, not both');
  const workers = options.queue ? 0 : (options.workers ?? defaultCalibrationWorkers(options.runs));
  const { calibration: result } = await runCalibration({
    case: c,
    span,
    observed: () => observed.values,
    options: {
      method: options.method,
      runs: options.runs,
      particles: options.particles,
      seed: options.seed,
      ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
      ...(options.noisy ? { noisy: true } : {}),
      historyMatching: {
        ...(options.waves === undefined ? {} : { waves: options.waves }),
        ...(options.replicates === undefined ? {} : { replicates: options.replicates }),
        ...(options.discrepancy === undefined ? {} : { discrepancy: options.discrepancy }),
        ...(options.cutoff === undefined ? {} : { cutoff: options.cutoff }),
        ...(options.secondMax ? { rank: 2 as const } : {}),
      },
    },
    ...(options.queue
      ? {
          queue: options.queue,
          queueControl: {
            onQueued: ({ calibration: id }: { calibration: string }) =>
              io.stderr(
                `calibrate: calibration ${id} is on ${options.queue}; start workers with: entente worker --queue ${options.queue}\n`,
              ),
          },
        }
      : { workers }),
  });
  const plainAbc =
    (result.method === 'abc-smc' || result.method === 'rejection') && result.tolerance === null;
  const caveat = plainAbc
    ? PLAIN_ABC_CAVEAT
    : result.method === 'abc-smc' && result.noisy
      ? NOISY_SMC_CAVEAT
      : null;
  const calibration: Calibration =
    caveat === null ? result : { ...result, warnings: [...result.warnings, caveat] };
  const json: CalibrateCommandJson = {
    format: 'entente-calibration/1',
    caseId: c.id,
    from: options.from,
    until: options.until,
    forecastUntil: last,
    workers,
    observedFile: basename(options.observed),
    ...calibration,
    generations: calibration.generations.map((g) => ({
      ...g,
      epsilon: Number.isFinite(g.epsilon) ? g.epsilon : null,
    })),
  } as CalibrateCommandJson;
  if (options.out) {
    const { fit, forecast, forecastScore, ...posterior } = json;
    await writeCalibrationFolder(io, options.out, {
      'posterior.json': posterior,
      'fit.json': { fit },
      'forecast.json': { forecast, forecastScore },
    });
  }
  io.stdout(options.json ? `${JSON.stringify(json, null, 2)}\n` : report(calibration));
  return 0;
}

/** Registers `entente calibrate`. */
export function registerCalibrateCommand(
  program: Command,
  io: Io,
  setCode: (code: number) => void,
): void {
  program
    .command('calibrate')
    .description(
      "Fit the case's history model to observed yearly battle deaths (ABC or history matching) and forecast the years after.",
    )
    .argument('[case]', 'case file; the built-in case when omitted')
    .option(
      '--observed <db|file>',
      'event store (.duckdb file or clickhouse://HOST:PORT) or a UCDP file (.csv/.tsv/.gz/.zip, ingested into a temporary store)',
    )
    .option(
      '--engine <url>',
      'the event engine to read, e.g. clickhouse://HOST:PORT (= --observed URL)',
    )
    .hook('preAction', (self) => {
      const { engine, observed } = self.opts() as { engine?: string; observed?: string };
      if (engine !== undefined && observed !== undefined)
        self.error('error: give one of --observed and --engine', { exitCode: 2 });
      if (engine === undefined && observed === undefined)
        self.error("error: required option '--observed <db|file>' not specified", {
          exitCode: 2,
        });
      if (engine !== undefined) self.setOptionValue('observed', engine);
    })
    .addOption(
      new Option('--format <format>', 'UCDP format read from the store or file')
        .choices(OBSERVED_FORMATS)
        .default('ucdp-dyadic'),
    )
    .option(
      '--targets <ids>',
      "fit only these of the case's targets, e.g. pakistan--ttp,republic--isk",
      list,
    )
    .option('--from <year>', 'first year fitted', year, '2015')
    .option('--until <year>', 'last year fitted', year, '2020')
    .option('--forecast <years>', 'forecast years after --until: YYYY or YYYY..YYYY')
    .addOption(
      new Option('--method <method>', 'calibration method')
        .choices(CALIBRATION_METHODS)
        .default('abc-smc'),
    )
    .option('--runs <n>', 'simulation budget of the fit', wholeNumber(2, 10_000_000), 20_000)
    .option('--particles <n>', 'posterior particles', wholeNumber(2, 1_000_000), 500)
    .option(
      '--workers <k>',
      'threads that simulate, the calling one included (default 1 below 50,000 runs, all cores from there)',
      wholeNumber(1, 1024),
    )
    .addOption(
      new Option(
        '--queue <url>',
        'run the simulations as jobs on a BullMQ queue at redis://HOST:PORT (start `entente worker`s)',
      ).conflicts('workers'),
    )
    .option('--seed <n>', 'master seed', wholeNumber(0, 0xffffffff), 1)
    .option(
      '--tolerance <eps>',
      'abc-smc, rejection: target tolerance fixed before the data are seen (rejection keeps every draw within it, abc-smc stops there)',
      positive,
    )
    .option(
      '--noisy',
      'abc-smc, rejection: noisy ABC at --tolerance (the observed point moved by one kernel draw); with rejection it passes simulation-based calibration',
    )
    .option('--waves <n>', 'history matching: waves (default 3)', wholeNumber(1, 100))
    .option(
      '--replicates <n>',
      'history matching: replicate runs per point (default 8)',
      wholeNumber(2, 10_000),
    )
    .option(
      '--discrepancy <sd>',
      'history matching: model discrepancy, sd on the ln(1 + deaths) scale (default 0.2)',
      nonNegative,
    )
    .option('--cutoff <c>', 'history matching: implausibility cut-off (default 3)', nonNegative)
    .option('--second-max', 'history matching: rule out on the second-largest implausibility')
    .option('--out <dir>', 'write posterior.json, fit.json and forecast.json')
    .option('--json', 'print the calibration as JSON')
    .addHelpText(
      'after',
      example([
        'entente calibrate --observed ../shared/data/events/ucdp-afpak-annual-1989-2021.csv --from 2015 --until 2020 --forecast 2021',
        'entente calibrate --observed ucdp.csv --method rejection --runs 20000 --out runs/calibration',
        'entente calibrate --observed ucdp.csv --targets pakistan--ttp,republic--isk --noisy --tolerance 1.5',
        'entente calibrate --observed .entente/events.duckdb --method history-matching --discrepancy 0.3',
        'entente calibrate --observed ucdp.csv --runs 100000 --queue redis://10.0.0.5:6379',
      ]),
    )
    .action(async (path: string | undefined, opts: CalibrateCommandOptions) => {
      setCode(await calibrateCommand(io, path, opts));
    });
}
