/**
 * `entente calibrate [case] --observed FILE --from 2015 --until 2020 [--forecast 2021[..2023]]`:
 * fits the case's history model to UCDP's yearly battle deaths by ABC-SMC (or rejection ABC),
 * prints the posterior of each parameter (flagging those the data cannot inform), the fit per
 * dyad-year and the forecast with its score, and with `--out DIR` writes `posterior.json`,
 * `fit.json` and `forecast.json` (docs/calibration.md).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  CALIBRATION_METHODS,
  type CalibrateCommandJson,
  type Calibration,
  type CalibrationMethod,
  EntenteError,
  ObservedNamesSchema,
  observedCounts,
  readUcdpAnnual,
} from '@entente/core';
import { defaultCalibrationWorkers, runCalibration } from '@entente/runner';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { example, wholeNumber } from '../flag-parsers.js';
import { BUILTIN_CASE, type Io, readInput } from '../io.js';
import { loadCaseFile } from '../load-case.js';
import { table } from '../table.js';

/** Options of the calibrate command. */
export interface CalibrateCommandOptions {
  /** UCDP annual CSV (an events database is not read yet). */
  readonly observed: string;
  /** UCDP names → actors (JSON); @default `<case>.observed.json` beside the case */
  readonly names?: string;
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
  /** @default 1 */
  readonly seed: number;
  readonly out?: string;
  readonly json?: boolean;
}

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
    `${c.method}: ${c.particles.length} particles, ESS ${c.ess.toFixed(0)}, tolerance ${c.epsilon.toPrecision(3)}, ${c.simulations} simulations in ${c.generations.length} generations`,
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

/** Runs the calibration; returns the exit code. */
export async function calibrateCommand(
  io: Io,
  path: string | undefined,
  options: CalibrateCommandOptions,
): Promise<number> {
  const { case: c } = await loadCaseFile(io, path, { quiet: options.json === true });
  if (!/\.csv$/i.test(options.observed))
    throw new EntenteError(
      'unsupported-format',
      `calibrate: --observed ${options.observed}: only UCDP's annual CSV is read for now (an events database is not yet)`,
    );
  const last = forecastUntil(options.forecast, options.until);
  const namesPath =
    options.names ?? (path ?? BUILTIN_CASE).replace(/\.(ya?ml|json)$/i, '.observed.json');
  let namesText: string;
  try {
    namesText = await readFile(resolve(io.cwd, namesPath), 'utf8');
  } catch {
    throw new EntenteError(
      'not-found',
      `calibrate: no names file ${namesPath} mapping UCDP's actor names to the case's actors; give one with --names (docs/calibration.md)`,
    );
  }
  const names = ObservedNamesSchema.safeParse(JSON.parse(namesText));
  if (!names.success)
    throw new EntenteError(
      'invalid-argument',
      `calibrate: ${namesPath}: ${names.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const { text } = await readInput(io, options.observed);
  const data = readUcdpAnnual(text, options.observed);
  const workers = options.workers ?? defaultCalibrationWorkers(options.runs);
  const { calibration } = await runCalibration({
    case: c,
    span: { from: options.from, until: options.until, ...(last ? { forecast: last } : {}) },
    observed: (h) => observedCounts(data, names.data, h.targets, h.years),
    options: {
      method: options.method,
      runs: options.runs,
      particles: options.particles,
      seed: options.seed,
    },
    workers,
  });
  const json: CalibrateCommandJson = {
    format: 'entente-calibration/1',
    caseId: c.id,
    from: options.from,
    until: options.until,
    forecastUntil: last,
    workers,
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
      "Fit the case's history model to observed yearly battle deaths (ABC) and forecast the years after.",
    )
    .argument('[case]', 'case file; the built-in case when omitted')
    .requiredOption('--observed <file>', "UCDP's annual dyad-year CSV")
    .option('--names <file>', "UCDP names → the case's actors (default: <case>.observed.json)")
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
    .option('--seed <n>', 'master seed', wholeNumber(0, 0xffffffff), 1)
    .option('--out <dir>', 'write posterior.json, fit.json and forecast.json')
    .option('--json', 'print the calibration as JSON')
    .addHelpText(
      'after',
      example([
        'entente calibrate --observed ../shared/data/events/ucdp-afpak-annual-1989-2021.csv --from 2015 --until 2020 --forecast 2021',
        'entente calibrate --observed ucdp.csv --method rejection --runs 20000 --out runs/calibration',
      ]),
    )
    .action(async (path: string | undefined, opts: CalibrateCommandOptions) => {
      setCode(await calibrateCommand(io, path, opts));
    });
}
