/**
 * Options every analysis command shares — input (`[case]` or `--edges/--nodes`), date (`--at`
 * or `--over/--step`) and projection (`--layers`, `--combine`) — added to a commander command
 * in one place, and resolved into the list of dates to analyse. The commands only parse: every
 * default is filled in by core's `resolveAnalysisOptions`, as for the server's `/api/analyze`.
 */
import {
  type Case,
  COMBINE_RULES,
  type CombineRule,
  isCaseDate,
  LAYERS,
  type Layer,
  MAX_CASE_DRAWS,
  type ProjectionOptions,
  SIZE_RULES,
  type SizeRule,
} from '@entente/core';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { loadAnalysisInput } from './analysis-input.js';
import type { Io } from './io.js';
import { dateSeries, parseOver, parseStep } from './series.js';

/** Parsed values of the shared analysis options. */
export interface AnalysisCliOptions {
  readonly edges?: string;
  readonly nodes?: string;
  readonly at?: string;
  readonly over?: { from: string; to: string };
  readonly step?: number;
  readonly layers?: Layer[];
  readonly combine?: CombineRule;
  readonly json?: boolean;
  /** Case draws to report the spread over (`--draws`). */
  readonly draws?: number;
  /** Actor sizes of the landscape (`--sizes`). */
  readonly sizes?: SizeRule;
}

function parseDraws(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > MAX_CASE_DRAWS)
    throw new InvalidArgumentError(`expected a whole number 0..${MAX_CASE_DRAWS} (0 = none)`);
  return n;
}

/**
 * `--draws N`: the spread over N seeded case draws (each relation present with its confidence);
 * 0 = none. `landscape` reports 200 draws of a case file when not given (LANDSCAPE_DEFAULT_DRAWS).
 */
export function drawsOption(): Option {
  return new Option(
    '--draws <n>',
    'also report the spread over n case draws (each relation holds with probability = its confidence; seeded by --seed; 0 = none; landscape of a case file: 200)',
  ).argParser(parseDraws);
}

/** `--sizes RULE`: the landscape's actor sizes. */
export function sizesOption(): Option {
  return new Option(
    '--sizes <rule>',
    'actor sizes of the landscape (default: capability when the case gives sizes, else equal)',
  ).choices(SIZE_RULES);
}

function parseDate(value: string): string {
  if (!isCaseDate(value))
    throw new InvalidArgumentError('expected a date YYYY, YYYY-MM or YYYY-MM-DD');
  return value;
}

function parseLayers(value: string): Layer[] {
  const layers = value.split(',').map((s) => s.trim());
  for (const l of layers) {
    if (!(LAYERS as readonly string[]).includes(l)) {
      throw new InvalidArgumentError(`unknown layer "${l}"; layers are ${LAYERS.join(', ')}`);
    }
  }
  return layers as Layer[];
}

/** Adds the shared options to `command`. */
export function addAnalysisOptions(command: Command): Command {
  return command
    .argument('[case]', 'case file; the built-in case when omitted')
    .option(
      '--edges <file>',
      'analyse a signed edge list CSV (source,target,sign|weight) instead of a case',
    )
    .option('--nodes <file>', 'with --edges: node list CSV (id,size,...)')
    .option(
      '--at <date>',
      'analyse the system at a day, month or year (a month or year counts what held on any of its days)',
      parseDate,
    )
    .addOption(
      new Option('--over <from..to>', 'analyse a series of dates, e.g. 2015..2023')
        .argParser(parseOver)
        .conflicts('at'),
    )
    .option('--step <n>', 'step of --over: Ny or Nm', parseStep, 12)
    .option('--layers <list>', `layers of the signed projection (${LAYERS.join(',')})`, parseLayers)
    .addOption(
      new Option('--combine <rule>', 'how parallel relations of a pair combine').choices(
        COMBINE_RULES,
      ),
    )
    .option('--json', 'print the result as JSON');
}

/** The dates to analyse: the series of `--over`, or the single `--at` (undefined = no date filter). */
export function analysisDates(options: AnalysisCliOptions): (string | undefined)[] {
  if (options.over) return dateSeries(options.over.from, options.over.to, options.step ?? 12);
  return [options.at];
}

/** The projection options of a date. */
export function projectionOptions(
  options: AnalysisCliOptions,
  at: string | undefined,
): ProjectionOptions {
  return { at, layers: options.layers, combine: options.combine };
}

/**
 * Loads the analysis input (`[case]` or `--edges/--nodes`) and runs `compute` at every date of
 * the options (`--at` or `--over`), printing each result with `render` — or, with `--json`, one
 * document: the result with `case` added, or `{ case, series }` for `--over`.
 */
export async function runAnalysis<T extends object>(
  io: Io,
  path: string | undefined,
  options: AnalysisCliOptions,
  compute: (c: Case, at: string | undefined) => T | Promise<T>,
  render: (c: Case, file: string, result: T, at: string | undefined) => string,
): Promise<number> {
  const { file, case: c } = await loadAnalysisInput(io, path, options);
  const results: T[] = [];
  for (const at of analysisDates(options)) {
    const result = await compute(c, at);
    results.push(result);
    if (!options.json) io.stdout(render(c, file, result, at));
  }
  if (options.json) {
    const body = options.over ? { case: c.id, series: results } : { case: c.id, ...results[0] };
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  }
  return 0;
}
