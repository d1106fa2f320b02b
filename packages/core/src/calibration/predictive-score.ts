/**
 * Scores of a predictive distribution given by samples against an observed value: the continuous
 * ranked probability score, CRPS(F, y) = E|X − y| − ½ E|X − X'| with X, X' independent draws of F
 * (T. Gneiting & A. E. Raftery, "Strictly proper scoring rules, prediction, and estimation",
 * JASA 102 (2007) 359–378, eq. 21), computed exactly for the empirical distribution of the samples
 * from their sorted order: E|X − X'| = (2/n²) Σ_i (2i − n + 1) x_(i) (0-based i), in
 * O(n log n). Lower is better; it is in the unit of the counts.
 */
import { EntenteError } from '../errors.js';

/**
 * CRPS of the empirical distribution of `samples` at `observed`.
 * @throws {EntenteError} `invalid-argument` on no samples or a non-finite value
 * @example crps(Float64Array.of(0, 2), 1) // 0.5
 */
export function crps(samples: Float64Array, observed: number): number {
  const n = samples.length;
  if (n === 0 || !Number.isFinite(observed))
    throw new EntenteError('invalid-argument', 'crps: needs samples and a finite observed value');
  const sorted = Float64Array.from(samples).sort();
  let absToObserved = 0;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    absToObserved += Math.abs(sorted[i] - observed);
    spread += (2 * i - n + 1) * sorted[i];
  }
  return absToObserved / n - spread / (n * n);
}
