/**
 * The ABC distance between simulated and observed yearly counts. Counts of battle deaths span
 * orders of magnitude (tens to thousands) and their spread grows with their level, so they are
 * compared after the transform t(x) = ln(1 + x), which makes a negative binomial count's spread
 * roughly independent of its mean once the mean is large. Each block of summaries (a target's
 * years) is then divided by its own scale, the median absolute deviation of the transformed prior
 * predictive draws about their per-summary medians (×1.4826, so a normal's sd) — the scaling
 * Prangle (2017, "Adapting the ABC distance function", Bayesian Analysis 12(1)) studies, computed
 * once from the first generation. The distance is the root mean square of the scaled differences
 * over the summaries observed (NaN observations are skipped):
 *
 *   d(x, y) = sqrt( (1/|O|) Σ_{k ∈ O} ((t(x_k) − t(y_k)) / s_{b(k)})² ).
 */
import { EntenteError } from '../errors.js';
import { quantiles } from '../exploration/statistics/quantiles.js';

/** MAD-to-sd factor of the normal distribution, 1 / Φ⁻¹(3/4). */
const MAD_TO_SD = 1.482602218505602;

/** The count transform of the distance: ln(1 + max(0, x)). */
export function countTransform(x: number): number {
  return Math.log1p(Math.max(x, 0));
}

/**
 * Per-block scales from n simulated summary vectors (row-major n × m): for each block of
 * `blockSize` summaries, 1.4826 × the median of |t(x_ik) − median_i t(x_ik)| over draws i and the
 * block's summaries k. A block whose draws do not vary gets scale 1.
 * @throws {EntenteError} `invalid-argument` when m is not a multiple of blockSize or n is 0
 */
export function distanceScales(
  summaries: Float64Array,
  n: number,
  m: number,
  blockSize = 1,
): Float64Array {
  if (n < 1 || summaries.length !== n * m || m % blockSize !== 0 || blockSize < 1) {
    throw new EntenteError(
      'invalid-argument',
      `abc distance: ${summaries.length} summaries are not ${n} draws × ${m} values in blocks of ${blockSize}`,
    );
  }
  const blocks = m / blockSize;
  const scales = new Float64Array(blocks);
  const column = new Float64Array(n);
  const deviations = new Float64Array(n * blockSize);
  for (let b = 0; b < blocks; b++) {
    for (let j = 0; j < blockSize; j++) {
      const k = b * blockSize + j;
      for (let i = 0; i < n; i++) column[i] = countTransform(summaries[i * m + k]);
      const median = quantiles(column, [0.5])[0];
      for (let i = 0; i < n; i++) deviations[j * n + i] = Math.abs(column[i] - median);
    }
    const mad = quantiles(deviations, [0.5])[0] * MAD_TO_SD;
    scales[b] = mad > 0 ? mad : 1;
  }
  return scales;
}

/**
 * The distance d(x, y) above between the summary vector at `offset` of `simulated` and the
 * observed vector (NaN entries skipped); 0 when nothing is observed.
 */
export function abcDistance(
  simulated: Float64Array,
  offset: number,
  observed: Float64Array,
  scales: Float64Array,
  blockSize: number,
): number {
  let sum = 0;
  let count = 0;
  for (let k = 0; k < observed.length; k++) {
    const y = observed[k];
    if (Number.isNaN(y)) continue;
    const diff =
      (countTransform(simulated[offset + k]) - countTransform(y)) /
      scales[Math.floor(k / blockSize)];
    sum += diff * diff;
    count++;
  }
  return count === 0 ? 0 : Math.sqrt(sum / count);
}
