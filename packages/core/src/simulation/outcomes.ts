/**
 * Outcomes of a run (docs/model.md, M17) and the fast paths that compute them, or the monthly
 * band series, without keeping a trajectory. `simulate`, `simulateOutcomes` and `simulateSeries`
 * share one kernel (engine.ts), so they agree exactly.
 */
import { EntenteError } from '../errors.js';
import { outcomeNamesOf } from '../model/outcome-layout.js';
import type { CompiledModel } from './compile.js';
import { runModel, SERIES_COUNT } from './engine.js';

/** The monthly series kept for fan charts, in the order `simulateSeries` writes them. */
export const BAND_SERIES = Object.freeze([
  'strength.total',
  'insecurity.mean',
  'capacity',
  'harm',
] as const);

/** One of {@link BAND_SERIES}. */
export type BandSeries = (typeof BAND_SERIES)[number];

/**
 * The outcome names of `model`, in the order `simulateOutcomes` writes them (from the one table
 * of outcome-layout.ts, which also gives the engine its offsets).
 * @example outcomeNames(model)[0] // 'strength.total.change'
 */
export function outcomeNames(model: CompiledModel): readonly string[] {
  return outcomeNamesOf(model.groups, model.states);
}

/**
 * The outcomes of one run, written into `out` (allocated when absent) in `outcomeNames` order.
 * @throws {EntenteError} `invalid-argument` for bad parameters or seed, or an `out` too short
 * @example const y = simulateOutcomes(model, model.base, 7); y[0] // strength.total.change
 */
export function simulateOutcomes(
  model: CompiledModel,
  params: Float64Array,
  seed: number,
  out?: Float64Array,
): Float64Array {
  const n = model.layout.count;
  const target = out ?? new Float64Array(n);
  if (target.length < n) {
    throw new EntenteError(
      'invalid-argument',
      `simulateOutcomes: out has ${target.length} values; the model has ${n} outcomes`,
    );
  }
  runModel(model, params, seed, null, null, target, 'simulateOutcomes');
  return target;
}

/**
 * The monthly band series of one run, written into `out`: (months+1) × BAND_SERIES.length,
 * month-major (row t = month t).
 * @throws {EntenteError} `invalid-argument` for bad parameters or seed, or an `out` too short
 */
export function simulateSeries(
  model: CompiledModel,
  params: Float64Array,
  seed: number,
  out: Float32Array,
): void {
  const n = (model.months + 1) * SERIES_COUNT;
  if (!(out instanceof Float32Array) || out.length < n) {
    throw new EntenteError(
      'invalid-argument',
      `simulateSeries: out must be a Float32Array of at least ${n} values ((months+1) × ${SERIES_COUNT})`,
    );
  }
  runModel(model, params, seed, null, out, null, 'simulateSeries');
}
