/**
 * What a weighted particle posterior says about each parameter: weighted mean, sd and 5/50/95 %
 * quantiles, and whether the data informed it at all. A parameter is reported **uninformed** when
 * its posterior sd is at least {@link UNINFORMED_SD_RATIO} of its prior sd: a posterior that is
 * still uniform over 80 % of the prior's range has exactly that ratio, so the flag means "the
 * data ruled out less than a fifth of the range, or nothing". The overlap — the width of the
 * posterior's 90 % interval over the prior's — is reported beside it.
 */
import { EntenteError } from '../errors.js';
import type { AbcParameter } from './abc-problem.js';

/**
 * Posterior sd / prior sd at or above which a parameter counts as uninformed (a posterior uniform
 * over 80 % of a uniform prior's range; a judgement, stated in docs/calibration.md).
 */
export const UNINFORMED_SD_RATIO = 0.8;

/** One parameter's posterior. */
export interface ParameterPosterior {
  readonly id: string;
  readonly lo: number;
  readonly hi: number;
  readonly mean: number;
  readonly sd: number;
  readonly q05: number;
  readonly q50: number;
  readonly q95: number;
  /** Posterior sd over the uniform prior's sd, (hi − lo) / √12. */
  readonly sdRatio: number;
  /** Width of the 90 % posterior interval over that of the prior, 0.9 (hi − lo). */
  readonly overlap: number;
  /** sdRatio ≥ {@link UNINFORMED_SD_RATIO}. */
  readonly uninformed: boolean;
}

/**
 * Weighted quantile: the smallest particle value whose cumulative weight (particles sorted by
 * value) reaches p — the inverse of the weighted empirical distribution function.
 * @throws {EntenteError} `invalid-argument` on mismatched lengths or no positive weight
 */
export function weightedQuantiles(
  values: Float64Array,
  weights: Float64Array,
  probs: readonly number[],
): Float64Array {
  if (values.length !== weights.length || values.length === 0) {
    throw new EntenteError(
      'invalid-argument',
      `weightedQuantiles: ${values.length} values and ${weights.length} weights`,
    );
  }
  const order = Array.from(values.keys()).sort((a, b) => values[a] - values[b]);
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  if (!(total > 0)) throw new EntenteError('invalid-argument', 'weightedQuantiles: no weight');
  const out = new Float64Array(probs.length);
  probs.forEach((p, k) => {
    let cumulative = 0;
    let value = values[order[order.length - 1]];
    for (const i of order) {
      cumulative += weights[i] / total;
      if (cumulative >= p - 1e-12) {
        value = values[i];
        break;
      }
    }
    out[k] = value;
  });
  return out;
}

/**
 * Per-parameter posterior summaries of n weighted particles (row-major n × d).
 * @example posteriorSummary([{ id: 'a', lo: 0, hi: 1 }], particles, weights)[0].uninformed
 */
export function posteriorSummary(
  parameters: readonly AbcParameter[],
  particles: Float64Array,
  weights: Float64Array,
): ParameterPosterior[] {
  const d = parameters.length;
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i];
  return parameters.map((p, j) => {
    const column = new Float64Array(n);
    let mean = 0;
    for (let i = 0; i < n; i++) {
      column[i] = particles[i * d + j];
      mean += (weights[i] / total) * column[i];
    }
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (weights[i] / total) * (column[i] - mean) ** 2;
    const [q05, q50, q95] = weightedQuantiles(column, weights, [0.05, 0.5, 0.95]);
    const range = p.hi - p.lo;
    const sd = Math.sqrt(variance);
    const sdRatio = range > 0 ? sd / (range / Math.sqrt(12)) : 0;
    return {
      id: p.id,
      lo: p.lo,
      hi: p.hi,
      mean,
      sd,
      q05,
      q50,
      q95,
      sdRatio,
      overlap: range > 0 ? (q95 - q05) / (0.9 * range) : 0,
      uninformed: sdRatio >= UNINFORMED_SD_RATIO,
    };
  });
}
