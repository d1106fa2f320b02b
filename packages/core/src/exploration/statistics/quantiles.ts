/**
 * Sample quantiles by linear interpolation between order statistics: R's default, type 7 of
 * R. J. Hyndman & Y. Fan, "Sample quantiles in statistical packages", The American
 * Statistician 50 (1996) 361–365. With the sorted values x_0 ≤ … ≤ x_(n−1) and h = (n − 1)·p,
 * Q(p) = x_⌊h⌋ + (h − ⌊h⌋)·(x_(⌊h⌋+1) − x_⌊h⌋). Also what NumPy's default ('linear') computes.
 */
import { EntenteError } from '../../errors.js';

/**
 * Quantiles of `values` at each probability in `probs` (R-7, linear); sorts a copy.
 * @throws {EntenteError} `invalid-argument` on empty or NaN values or a probability outside [0, 1]
 * @example quantiles(Float64Array.of(1, 2, 3, 4), [0.5]) // Float64Array [2.5]
 */
export function quantiles(
  values: Float64Array | Float32Array,
  probs: readonly number[],
): Float64Array {
  if (values.length === 0) throw new EntenteError('invalid-argument', 'quantiles: no values');
  for (const p of probs) {
    if (!(p >= 0 && p <= 1)) {
      throw new EntenteError(
        'invalid-argument',
        `quantiles: probabilities must be in [0, 1], got ${p}`,
      );
    }
  }
  const sorted = Float64Array.from(values);
  for (let i = 0; i < sorted.length; i++) {
    if (Number.isNaN(sorted[i])) {
      throw new EntenteError('invalid-argument', `quantiles: value ${i} is NaN`);
    }
  }
  sorted.sort();
  return quantilesOfSorted(sorted, probs);
}

/** R-7 quantiles of values already sorted ascending, without NaN (no checks, no copy). */
export function quantilesOfSorted(sorted: Float64Array, probs: readonly number[]): Float64Array {
  const out = new Float64Array(probs.length);
  const n = sorted.length;
  for (let k = 0; k < probs.length; k++) {
    const h = (n - 1) * probs[k];
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    const a = sorted[lo];
    const b = sorted[hi];
    // a + (h − lo)(b − a) would give NaN for infinite a = b; keep equal neighbours exact.
    out[k] = a === b ? a : a + (h - lo) * (b - a);
  }
  return out;
}
