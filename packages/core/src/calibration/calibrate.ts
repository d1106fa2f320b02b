/**
 * A calibration from start to end, over any simulator of yearly counts per target: fit the
 * parameters to the observed counts of the fitted years (ABC-SMC, rejection ABC, history
 * matching, whose non-implausible set stands for the posterior with equal weights, or
 * likelihood-SMC on the exact negative binomial likelihood of a {@link MeanSimulator}), then draw
 * from the posterior predictive over the fitted and the forecast years, and score the forecast
 * against the observed values the data holds (90 % interval coverage, CRPS). `entente calibrate`
 * runs it on the history model of a case (docs/calibration.md); the tests run it on a toy model.
 *
 * The posterior predictive draws P particles by systematic resampling of the weights (stream
 * runSeed(seed, PREDICTIVE_STREAM)) and simulates each once with the seed
 * runSeed(runSeed(seed, PREDICTIVE_STREAM), k): observation noise included, so the bands are
 * those of the counts a dataset would record.
 */
import { createRng } from '../analysis/random.js';
import { EntenteError } from '../errors.js';
import { quantiles } from '../exploration/statistics/quantiles.js';
import { fmix32, runSeed } from '../simulation/streams.js';
import type { AbcGeneration, AbcParameter, AbcResult } from './abc-problem.js';
import { abcRejection } from './abc-rejection.js';
import { abcSmc } from './abc-smc.js';
import {
  HISTORY_MATCHING_DEFAULTS,
  type HistoryMatchingOptions,
  type HistoryMatchingResult,
  type HistoryMatchingWave,
  historyMatching,
} from './history-matching.js';
import { type LikelihoodSmcResult, likelihoodSmc } from './likelihood-smc.js';
import { type ParameterPosterior, posteriorSummary } from './posterior-summary.js';
import { crps } from './predictive-score.js';

/** The calibration methods. */
export const CALIBRATION_METHODS = Object.freeze([
  'abc-smc',
  'rejection',
  'history-matching',
  'likelihood-smc',
] as const);
/** One calibration method. */
export type CalibrationMethod = (typeof CALIBRATION_METHODS)[number];

/** The generation index whose stream seeds the posterior predictive (beyond any ABC generation). */
export const PREDICTIVE_STREAM = 1_000_000;

/** A target: a dyad of the case's actors, named by an id such as `republic--isk`. */
export interface CalibrationTarget {
  readonly id: string;
  readonly dyad: readonly [string, string];
}

/** What is calibrated against what. */
export interface CalibrationSetup {
  readonly parameters: readonly AbcParameter[];
  readonly targets: readonly CalibrationTarget[];
  /** The fitted years, then the forecast years. */
  readonly years: readonly number[];
  /** How many of `years` are fitted. */
  readonly fitYears: number;
  /** Observed counts, targets × years (all of them), NaN where the data has no value. */
  readonly observed: Float64Array;
}

/**
 * Simulates yearly counts for a batch (thetas n × d, seeds n): targets × years per row, over the
 * fitted years only (`span` 'fit') or all years ('all'). Rows in order (see BatchSimulator).
 */
export type CountSimulator = (
  thetas: Float64Array,
  seeds: Uint32Array,
  span: 'fit' | 'all',
) => Float64Array | Promise<Float64Array>;

/**
 * Simulates the latent expected counts of a batch, before the observation noise: per row the
 * targets × years means μ (target-major, like {@link CountSimulator}), then the negative binomial
 * dispersion k — n × (targets × years + 1). What `likelihood-smc` evaluates the likelihood on
 * (`historyMeans` for the history model). `likelihood-smc` passes `normals` (n × `latentSize`,
 * each row's run shocks, used instead of the seed: see `simulateHistory`), and seeds it does
 * not use.
 */
export type MeanSimulator = (
  thetas: Float64Array,
  seeds: Uint32Array,
  span: 'fit' | 'all',
  normals?: Float64Array | null,
) => Float64Array | Promise<Float64Array>;

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  /** @default 'abc-smc' */
  readonly method?: CalibrationMethod;
  /** Particles of the posterior. @default 500 */
  readonly particles?: number;
  /** Simulation budget of the fit (ABC-SMC's maximum, rejection's prior draws). @default 40 × particles */
  readonly runs?: number;
  /** @default 1 */
  readonly seed?: number;
  /** Posterior predictive draws. @default particles */
  readonly predictive?: number;
  /**
   * The latent means of the same model as the count simulator (same seed, same μ): needed by
   * `likelihood-smc`, ignored by the other methods.
   */
  readonly means?: MeanSimulator;
  /** `likelihood-smc`: latent runs averaged per parameter vector. @default 1 */
  readonly latentRuns?: number;
  /** ABC-SMC's proposals per simulator call (see AbcSmcOptions.chunkRows); same result for any. */
  readonly chunkRows?: number;
  /**
   * `likelihood-smc`: standard normals one run of `means` takes (`HistoryModel.latentSize`; 0 for
   * a model without shocks). Needed with `means`.
   */
  readonly latentSize?: number;
  /**
   * ABC-SMC and rejection: the target tolerance ε_T, fixed before the data are seen (rejection
   * keeps every draw within it; ABC-SMC's schedule stops there). @default none
   */
  readonly tolerance?: number;
  /** ABC-SMC and rejection: noisy ABC at `tolerance` (abc-distance.ts). @default false */
  readonly noisy?: boolean;
  /** Noisy ABC: the seed of the kernel draw's stream. @default `seed` */
  readonly noiseSeed?: number;
  /** Progress of ABC-SMC and likelihood-SMC, per generation. */
  readonly onGeneration?: (generation: AbcGeneration, index: number) => void;
  /**
   * History matching's settings (`history-matching.ts`). Its points per wave default to
   * ⌊runs / (waves × replicates)⌋, so `runs` is its simulation budget too.
   */
  readonly historyMatching?: Omit<HistoryMatchingOptions, 'seed' | 'onWave' | 'labels'>;
}

/** What history matching found (null for the ABC methods). */
export interface NonImplausibleSummary {
  readonly cutoff: number;
  readonly discrepancy: number;
  readonly replicates: number;
  /** 1: I is the largest I_k; 2: the second largest. */
  readonly rank: number;
  readonly waves: readonly HistoryMatchingWave[];
  /** Per target and fitted year: the share of wave 1's points that output alone rules out. */
  readonly rulesOut: readonly {
    readonly dyad: string;
    readonly year: number;
    readonly share: number;
  }[];
}

/** Observed against the posterior predictive of one target in one year. */
export interface PredictiveBand {
  /** The target's id. */
  readonly dyad: string;
  readonly year: number;
  readonly q05: number;
  readonly q50: number;
  readonly q95: number;
  /** The observed count (null where the data has none). */
  readonly observed: number | null;
  /** q05 ≤ observed ≤ q95 (null without an observation). */
  readonly covered: boolean | null;
  /** CRPS of the predictive draws at the observation (null without one). */
  readonly crps: number | null;
}

/** The forecast's score over the target-years that have observations. */
export interface ForecastScore {
  /** Observed target-years scored. */
  readonly n: number;
  /** Share of them inside the 90 % band. */
  readonly coverage: number;
  /** Mean CRPS. */
  readonly crps: number;
}

/** The result of {@link calibrate}. */
export interface Calibration {
  readonly method: CalibrationMethod;
  readonly seed: number;
  readonly parameters: readonly AbcParameter[];
  /** Particle values, one row per particle (in `parameters` order). */
  readonly particles: readonly (readonly number[])[];
  readonly weights: readonly number[];
  readonly ess: number;
  /**
   * ABC: the final tolerance; history matching: its implausibility cut-off;
   * `likelihood-smc`: the final temperature β, always 1 (the exact posterior).
   */
  readonly epsilon: number;
  readonly simulations: number;
  readonly generations: readonly AbcGeneration[];
  readonly posterior: readonly ParameterPosterior[];
  /** The data fitted: per target, the observed counts of the fitted years (null where missing). */
  readonly observed: {
    readonly years: readonly number[];
    readonly targets: readonly {
      readonly id: string;
      readonly dyad: readonly [string, string];
      readonly values: readonly (number | null)[];
    }[];
  };
  /** Observed against the posterior predictive, fitted years. */
  readonly fit: readonly PredictiveBand[];
  /** The same for the forecast years. */
  readonly forecast: readonly PredictiveBand[];
  /** The forecast's score (null when no forecast year has an observation). */
  readonly forecastScore: ForecastScore | null;
  /** History matching's waves and cut-off (null for the ABC methods). */
  readonly nonImplausible: NonImplausibleSummary | null;
  /** ABC: the target tolerance ε_T given (null: none; always null for the other methods). */
  readonly tolerance: number | null;
  /** ABC: whether the observed summaries were moved by a kernel draw (noisy ABC). */
  readonly noisy: boolean;
  /** ABC with a target tolerance: whether the run reached it (null without one). */
  readonly targetReached: boolean | null;
  /** Caveats about the result, one sentence each (e.g. a target tolerance not reached). */
  readonly warnings: readonly string[];
}

/**
 * Calibrates `setup` with `simulate` and forecasts (see the file's description).
 * @throws {EntenteError} `invalid-argument` on a setup whose shapes disagree, `out-of-range` when
 *   ABC-SMC's budget is below two generations; the methods' errors
 */
export async function calibrate(
  setup: CalibrationSetup,
  simulate: CountSimulator,
  options: CalibrateOptions = {},
): Promise<Calibration> {
  const { parameters, targets, years, fitYears } = setup;
  const nYears = years.length;
  if (
    targets.length === 0 ||
    fitYears < 1 ||
    fitYears > nYears ||
    setup.observed.length !== targets.length * nYears
  )
    throw new EntenteError(
      'invalid-argument',
      `calibrate: ${setup.observed.length} observed values for ${targets.length} targets × ${nYears} years (${fitYears} fitted)`,
    );
  const method = options.method ?? 'abc-smc';
  if (
    (options.tolerance !== undefined || options.noisy) &&
    method !== 'abc-smc' &&
    method !== 'rejection'
  )
    throw new EntenteError(
      'invalid-argument',
      `calibrate: a target tolerance and noisy ABC belong to abc-smc and rejection, not ${method}`,
    );
  const tolerance = {
    tolerance: options.tolerance,
    noisy: options.noisy,
    noiseSeed: options.noiseSeed,
  };
  const particles = options.particles ?? 500;
  const seed = options.seed ?? 1;
  const runs = options.runs ?? 40 * particles;
  if (method === 'abc-smc' && !(runs >= 2 * particles))
    throw new EntenteError(
      'out-of-range',
      `calibrate: abc-smc needs runs ≥ 2 × particles (the prior sample and one generation), got ${runs} runs for ${particles} particles`,
    );
  const observedFit = new Float64Array(targets.length * fitYears);
  for (let t = 0; t < targets.length; t++)
    for (let y = 0; y < fitYears; y++)
      observedFit[t * fitYears + y] = setup.observed[t * nYears + y];
  const problem = { parameters, observed: observedFit, blockSize: fitYears };
  const fitSimulator = (thetas: Float64Array, seeds: Uint32Array) => simulate(thetas, seeds, 'fit');
  let result: AbcResult | HistoryMatchingResult | LikelihoodSmcResult;
  if (method === 'likelihood-smc') {
    const means = options.means;
    if (!means)
      throw new EntenteError(
        'invalid-argument',
        'calibrate: likelihood-smc needs a simulator of the expected counts (options.means)',
      );
    const latentSize = options.latentSize;
    if (latentSize === undefined)
      throw new EntenteError(
        'invalid-argument',
        'calibrate: likelihood-smc needs the number of shocks a run takes (options.latentSize)',
      );
    const labels = targets.flatMap((target) =>
      years.slice(0, fitYears).map((year) => `${target.id} ${year}`),
    );
    result = await likelihoodSmc(
      { parameters, observed: observedFit, labels, latentSize },
      (thetas, normals) =>
        means(
          thetas,
          new Uint32Array(thetas.length / parameters.length),
          'fit',
          latentSize > 0 ? normals : null,
        ),
      {
        particles,
        maxSimulations: runs,
        seed,
        ...(options.latentRuns === undefined ? {} : { latentRuns: options.latentRuns }),
        onGeneration: options.onGeneration,
      },
    );
  } else if (method === 'history-matching') {
    const hm = options.historyMatching ?? {};
    const waves = hm.waves ?? HISTORY_MATCHING_DEFAULTS.waves;
    const replicates = hm.replicates ?? HISTORY_MATCHING_DEFAULTS.replicates;
    const points = hm.points ?? Math.floor(runs / (waves * replicates));
    if (points < 2)
      throw new EntenteError(
        'out-of-range',
        `calibrate: history matching needs runs ≥ 2 × waves × replicates (${2 * waves * replicates}), got ${runs}`,
      );
    const labels = targets.flatMap((target) =>
      years.slice(0, fitYears).map((year) => `${target.id} ${year}`),
    );
    result = await historyMatching(problem, fitSimulator, { ...hm, points, seed, labels });
  } else
    result =
      method === 'rejection'
        ? await abcRejection(problem, fitSimulator, {
            particles,
            simulations: runs,
            seed,
            ...tolerance,
          })
        : await abcSmc(problem, fitSimulator, {
            particles,
            maxSimulations: runs,
            seed,
            chunkRows: options.chunkRows,
            onGeneration: options.onGeneration,
            ...tolerance,
          });

  // Posterior predictive over all years.
  const d = parameters.length;
  const p = options.predictive ?? particles;
  const streamSeed = runSeed(seed, PREDICTIVE_STREAM);
  const rng = createRng(fmix32(streamSeed));
  const thetas = new Float64Array(p * d);
  const seeds = new Uint32Array(p);
  const u0 = rng() / p;
  let cumulative = result.weights[0];
  let source = 0;
  const n = result.weights.length;
  for (let k = 0; k < p; k++) {
    while (cumulative < u0 + k / p && source < n - 1) cumulative += result.weights[++source];
    thetas.set(result.particles.subarray(source * d, source * d + d), k * d);
    seeds[k] = runSeed(streamSeed, k);
  }
  const draws = await simulate(thetas, seeds, 'all');
  const m = targets.length * nYears;
  if (draws.length !== p * m)
    throw new EntenteError('internal', `calibrate: the simulator returned ${draws.length} values`);
  const fit: PredictiveBand[] = [];
  const forecast: PredictiveBand[] = [];
  const column = new Float64Array(p);
  for (let t = 0; t < targets.length; t++) {
    for (let y = 0; y < nYears; y++) {
      const k = t * nYears + y;
      for (let i = 0; i < p; i++) column[i] = draws[i * m + k];
      const [q05, q50, q95] = quantiles(column, [0.05, 0.5, 0.95]);
      const obs = setup.observed[k];
      const has = !Number.isNaN(obs);
      const band: PredictiveBand = {
        dyad: targets[t].id,
        year: years[y],
        q05,
        q50,
        q95,
        observed: has ? obs : null,
        covered: has ? obs >= q05 && obs <= q95 : null,
        crps: has ? crps(column, obs) : null,
      };
      (y < fitYears ? fit : forecast).push(band);
    }
  }
  const scored = forecast.filter((b) => b.observed !== null);
  const forecastScore =
    scored.length === 0
      ? null
      : {
          n: scored.length,
          coverage: scored.filter((b) => b.covered).length / scored.length,
          crps: scored.reduce((s, b) => s + (b.crps ?? 0), 0) / scored.length,
        };

  return {
    method,
    seed,
    parameters,
    particles: Array.from({ length: n }, (_, i) =>
      Array.from(result.particles.subarray(i * d, i * d + d)),
    ),
    weights: Array.from(result.weights),
    ess: result.ess,
    epsilon: result.epsilon,
    simulations: result.simulations,
    generations: result.generations,
    posterior: posteriorSummary(parameters, result.particles, result.weights),
    observed: {
      years: years.slice(0, fitYears),
      targets: targets.map((target, t) => ({
        id: target.id,
        dyad: target.dyad,
        values: Array.from(observedFit.subarray(t * fitYears, (t + 1) * fitYears), (v) =>
          Number.isNaN(v) ? null : v,
        ),
      })),
    },
    fit,
    forecast,
    forecastScore,
    nonImplausible:
      result.method === 'history-matching'
        ? {
            cutoff: result.cutoff,
            discrepancy: result.discrepancy,
            replicates: result.replicates,
            rank: result.rank,
            waves: result.waves,
            rulesOut: targets.flatMap((target, t) =>
              years.slice(0, fitYears).map((year, y) => ({
                dyad: target.id,
                year,
                share: result.rulesOut[t * fitYears + y],
              })),
            ),
          }
        : null,
    ...toleranceOutcome(result),
  };
}

/** The target tolerance's fields of a calibration, and the warning when it was not reached. */
function toleranceOutcome(
  result: AbcResult | HistoryMatchingResult | LikelihoodSmcResult,
): Pick<Calibration, 'tolerance' | 'noisy' | 'targetReached' | 'warnings'> {
  if (result.method !== 'abc-smc' && result.method !== 'rejection')
    return { tolerance: null, noisy: false, targetReached: null, warnings: [] };
  const { tolerance, noisy, targetReached } = result;
  return {
    tolerance,
    noisy,
    targetReached,
    warnings:
      targetReached === false
        ? [
            `${result.method} stopped at tolerance ${result.epsilon.toPrecision(3)} after ${result.simulations} simulations, before the target tolerance ${tolerance}: its intervals are not calibrated at the requested tolerance (give a larger budget or tolerance)`,
          ]
        : [],
  };
}
