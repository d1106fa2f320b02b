/**
 * Options of an exploration (many worlds × several scenarios) and their resolution: every default
 * is filled in once, here, and the resolved options travel with the plan and into the summary.
 */

import { MAX_CASE_DRAWS } from '../analysis/case-draws.js';
import type { Case } from '../case/schema.js';
import { EntenteError } from '../errors.js';

/** Sampling designs an exploration can use. */
export const SAMPLE_DESIGNS = Object.freeze(['lhs', 'sobol', 'morris'] as const);
/** A sampling design: Latin hypercube, Saltelli's Sobol design, or Morris trajectories. */
export type SampleDesign = (typeof SAMPLE_DESIGNS)[number];

/** The largest number of worlds one exploration may have. */
export const MAX_WORLDS = 10_000_000;

/** What to explore; every field but the case is optional in practice (see the defaults). */
export interface ExploreOptions {
  /** Scenario ids ("policies" in the CLI). @default every scenario of the case */
  readonly scenarios?: readonly string[];
  /** Sampling design. @default 'lhs' */
  readonly sample?: SampleDesign;
  /** Worlds for lhs; base N for sobol (worlds = N(2k+2)); trajectories r for morris. @default 1000 */
  readonly runs?: number;
  /** Master seed (32-bit unsigned). @default 1 */
  readonly seed?: number;
  /** Months simulated in every scenario. @default each scenario's own `months` */
  readonly months?: number;
  /** Uncertain parameter ids. @default the union of the scenarios' `uncertain` sets */
  readonly parameters?: readonly string[];
  /** Worlds whose monthly series feed the fan-chart bands. @default min(sample worlds, 1000) */
  readonly bands?: number;
  /** Grid levels of the Morris design. @default 4 */
  readonly levels?: number;
  /** Bootstrap resamples of the Sobol confidence intervals. @default 500 */
  readonly bootstrap?: number;
  /**
   * Case draws (docs/model.md, "Case draws"): 0 runs the case as written; N ≥ 1 runs world w on
   * draw ⌊w·N/worlds⌋ of the case's own uncertainty (`drawCase`). lhs only; at most the worlds
   * and at most MAX_CASE_DRAWS. @default 0
   */
  readonly draws?: number;
}

/** Options with every default filled in. */
export interface ResolvedExploreOptions {
  readonly scenarios: readonly string[];
  readonly sample: SampleDesign;
  readonly runs: number;
  readonly seed: number;
  readonly months: number | null;
  readonly parameters: readonly string[] | null;
  readonly bands: number | null;
  readonly levels: number;
  readonly bootstrap: number;
  readonly draws: number;
}

const fail = (message: string): never => {
  throw new EntenteError('invalid-argument', `explore: ${message}`);
};

const positiveInteger = (value: number | undefined, name: string, fallback: number) => {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    fail(`${name} must be a whole number ≥ 1, got ${value}`);
  return value;
};

/**
 * Fills in the defaults of {@link ExploreOptions} and checks each value against the case.
 * @throws EntenteError('invalid-argument') on an unknown scenario, a bad number or design, or
 *   draws with a design other than lhs; EntenteError('resource-limit') beyond MAX_CASE_DRAWS draws
 */
export function resolveExploreOptions(
  c: Case,
  options: ExploreOptions = {},
): ResolvedExploreOptions {
  const known = (c.scenarios ?? []).map((s) => s.id);
  if (known.length === 0) fail(`case "${c.id}" has no scenarios to explore`);
  const scenarios =
    options.scenarios && options.scenarios.length > 0 ? [...options.scenarios] : known;
  const seen = new Set<string>();
  for (const id of scenarios) {
    if (!known.includes(id)) fail(`unknown scenario "${id}"; the case has: ${known.join(', ')}`);
    if (seen.has(id)) fail(`scenario "${id}" is listed twice`);
    seen.add(id);
  }
  const sample = options.sample ?? 'lhs';
  if (!SAMPLE_DESIGNS.includes(sample))
    fail(`unknown sample design "${sample}"; use one of ${SAMPLE_DESIGNS.join(', ')}`);
  const runs = positiveInteger(options.runs, 'runs', 1000);
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    fail(`seed must be a whole number 0..4294967295, got ${seed}`);
  const months = options.months === undefined ? null : positiveInteger(options.months, 'months', 0);
  if (months !== null && months > 1200) fail(`months must be at most 1200, got ${months}`);
  const levels = positiveInteger(options.levels, 'levels', 4);
  if (levels < 2 || levels % 2 !== 0) fail(`levels must be an even number ≥ 2, got ${levels}`);
  const bootstrap = positiveInteger(options.bootstrap, 'bootstrap', 500);
  const bands =
    options.bands === undefined
      ? null
      : options.bands === 0
        ? 0
        : positiveInteger(options.bands, 'bands', 0);
  const parameters = options.parameters ? [...options.parameters] : null;
  if (parameters && new Set(parameters).size !== parameters.length)
    fail('a parameter is listed twice');
  const draws = options.draws ?? 0;
  if (!Number.isInteger(draws) || draws < 0) fail(`draws must be a whole number ≥ 0, got ${draws}`);
  if (draws > MAX_CASE_DRAWS)
    throw new EntenteError(
      'resource-limit',
      `explore: ${draws} case draws exceed the limit of ${MAX_CASE_DRAWS}`,
    );
  if (draws > 0 && sample !== 'lhs')
    fail(
      `draws needs the lhs design: a ${sample} design unit would mix case draws (its worlds must differ in the parameters only)`,
    );
  if (draws > runs) fail(`draws (${draws}) must not exceed the worlds (${runs})`);
  return { scenarios, sample, runs, seed, months, parameters, bands, levels, bootstrap, draws };
}
