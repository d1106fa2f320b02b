/**
 * A model that lives through history (docs/model.md, "History" and "Observation model"): the
 * case compiled from a start date through a fitted window and an optional forecast window, its
 * dated relations taking effect the month they begin or end, and the expected yearly battle
 * deaths μ of chosen actor dyads (M18–M19) — what calibration compares with the record.
 * `compileHistory` does all the reading once; `simulateHistory` only runs the kernel.
 */
import type { Case } from '../case/schema.js';
import { EntenteError } from '../errors.js';

/** The measure a target is compared with (UCDP's best estimate of battle deaths). */
export type ObservationMeasure = 'deaths_best';

/** What a history run observes: yearly counts of one dyad of the case's actors. */
export interface ObservationTarget {
  /** Target id, e.g. `republic--isk`. */
  readonly id: string;
  /** Two actor ids of the case. */
  readonly dyad: readonly [string, string];
  readonly measure: ObservationMeasure;
}

/** A parameter a calibration varies, with its prior range (uniform on [lo, hi]). */
export interface HistoryParameter {
  readonly id: string;
  readonly lo: number;
  readonly hi: number;
}

/** A month at which the roles or ties of the case change within a history. */
export interface HistorySegment {
  /** First month of the segment, as `YYYY-MM`. */
  readonly start: string;
  /** Its index from the history's first month (0 for the first segment). */
  readonly month: number;
  /** The actor that holds the regime role in it. */
  readonly regime: string;
}

/** Options of {@link compileHistory}. */
export interface HistoryOptions {
  /** First month simulated: `YYYY` (January) or `YYYY-MM`. */
  readonly from: string;
  /** Last year of the fitted window, `YYYY`. */
  readonly until: string;
  /** Last year of the forecast window, `YYYY` (after `until`). @default no forecast years */
  readonly forecast?: string;
  /** Dyads to observe. @default defaultObservationTargets(c) */
  readonly targets?: readonly ObservationTarget[];
  /** Model parameters to calibrate (ids). @default every model parameter */
  readonly parameters?: readonly string[];
}

/** A case compiled for history runs: compiled once, run many times. */
export interface HistoryModel {
  readonly caseId: string;
  /** Years with an expected count, fitted years first: from..until, then the forecast years. */
  readonly years: readonly number[];
  /** How many of `years` form the fitted window (from..until). */
  readonly fitYears: number;
  /** Months simulated. */
  readonly months: number;
  readonly targets: readonly ObservationTarget[];
  /** Calibrated parameters: the chosen model parameters, then `observation-scale`, `observation-dispersion`. */
  readonly parameters: readonly HistoryParameter[];
  /** Index in `parameters` of `observation-dispersion` (log10 of the negative binomial's k). */
  readonly dispersionIndex: number;
  /** The segments of the run, in order. */
  readonly segments: readonly HistorySegment[];
}

/**
 * Compiles `c` for history runs from `options.from` through `options.forecast` (or `until`).
 * @throws {EntenteError} `invalid-argument` for malformed dates, `until` before `from`, a target
 *   naming an unknown actor, or an unknown parameter
 */
export function compileHistory(c: Case, options: HistoryOptions): HistoryModel {
  void c;
  void options;
  throw new EntenteError('internal', 'compileHistory: not implemented yet');
}

/**
 * Runs a history once: the expected counts μ, target-major (`out[t * years.length + y]`).
 * `params` holds the values of `h.parameters` in order; other model parameters keep their
 * defaults. Writes into `out` when given (no allocation per run) and returns it.
 * @throws {EntenteError} `invalid-argument` for a vector of the wrong length or a value outside
 *   the model's limits, a non-integer seed, or an `out` of the wrong length
 */
export function simulateHistory(
  h: HistoryModel,
  params: Float64Array,
  seed: number,
  out?: Float64Array,
): Float64Array {
  void params;
  void seed;
  return out ?? new Float64Array(h.targets.length * h.years.length);
}

/**
 * The negative binomial's dispersion k of a parameter vector: 10^(its `observation-dispersion`).
 * @example observationDispersion(h, params) // e.g. 3.2
 */
export function observationDispersion(h: HistoryModel, params: Float64Array): number {
  return 10 ** params[h.dispersionIndex];
}

/**
 * The dyads a history of `c` observes by default: every pair of actors joined by an
 * `armed-conflict` relation where one side is an armed group and the other a state or the
 * regime — the fighting the model represents (M18). Names come from the case.
 * @example defaultObservationTargets(builtin).map((t) => t.id) // ['republic--isk', …]
 */
export function defaultObservationTargets(c: Case): ObservationTarget[] {
  void c;
  return [];
}
