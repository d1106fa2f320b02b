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
 *
 * The methods compare every simulation with one precomputed **target** vector z held on the
 * transformed scale: z_k = t(y_k) for plain ABC ({@link transformObserved}), so the distance is
 * d(x, y) above to the last bit. **Noisy ABC** (P. Fearnhead & D. Prangle, "Constructing summary
 * statistics for approximate Bayesian computation: semi-automatic approximate Bayesian
 * computation", J. R. Stat. Soc. B 74(3) (2012) 419–474, §2.2; R. D. Wilkinson, "Approximate
 * Bayesian computation (ABC) gives exact results under the assumption of model error", Stat. Appl.
 * Genet. Mol. Biol. 12(2) (2013) 129–141) moves the observed point once, before any comparison, by
 * a draw e of the ABC kernel itself — uniform in the ball sqrt(mean_k e_k²) ≤ ε_T of the scaled
 * space, ε_T the target tolerance fixed in advance — so that the ABC posterior at ε_T is a
 * calibrated posterior (the data then carry the very noise the kernel assumes). The moved point is
 * t(y_k)/s_b + e_k in the scaled space; it is held as z_k = t(y_k) + s_b e_k on the transformed
 * scale ({@link noisyTarget}), so plain and noisy ABC share one distance function and plain ABC
 * keeps its bytes. The scales come from the prior-predictive draws, not from the data, so the
 * noise can be drawn once they are known.
 */
import { createRng, type Rng } from '../analysis/random.js';
import { EntenteError } from '../errors.js';
import { quantiles } from '../exploration/statistics/quantiles.js';
import { fmix32, runSeed } from '../simulation/streams.js';
import { standardNormal } from './prior-draws.js';

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
 * observed vector (NaN entries skipped); 0 when nothing is observed. The methods use
 * {@link targetDistance} on a precomputed target instead.
 */
export function abcDistance(
  simulated: Float64Array,
  offset: number,
  observed: Float64Array,
  scales: Float64Array,
  blockSize: number,
): number {
  return targetDistance(simulated, offset, transformObserved(observed), scales, blockSize);
}

/** The observed summaries on the transformed scale, t(y_k) (NaN kept): plain ABC's target. */
export function transformObserved(observed: Float64Array): Float64Array {
  return observed.map((y) => (Number.isNaN(y) ? y : countTransform(y)));
}

/**
 * The distance between the summary vector at `offset` of `simulated` and a target z on the
 * transformed scale (NaN entries skipped): sqrt(mean_k ((t(x_k) − z_k) / s_{b(k)})²); 0 when
 * nothing is observed.
 */
export function targetDistance(
  simulated: Float64Array,
  offset: number,
  target: Float64Array,
  scales: Float64Array,
  blockSize: number,
): number {
  let sum = 0;
  let count = 0;
  for (let k = 0; k < target.length; k++) {
    const z = target[k];
    if (Number.isNaN(z)) continue;
    const diff = (countTransform(simulated[offset + k]) - z) / scales[Math.floor(k / blockSize)];
    sum += diff * diff;
    count++;
  }
  return count === 0 ? 0 : Math.sqrt(sum / count);
}

/**
 * One draw e of the ABC kernel: uniform in the ball sqrt((1/m) Σ e_k²) ≤ ε of R^m — a direction
 * from m standard normals, normalised, and a Euclidean radius ε √m U^{1/m} (U uniform), whose
 * distribution function is (r / (ε √m))^m as the ball's volume requires.
 * @example kernelNoise(createRng(1), 18, 0.8) // 18 values, sqrt(mean e²) ≤ 0.8
 */
export function kernelNoise(rng: Rng, m: number, epsilon: number): Float64Array {
  const e = new Float64Array(m);
  let norm2 = 0;
  for (let k = 0; k < m; k++) {
    e[k] = standardNormal(rng);
    norm2 += e[k] * e[k];
  }
  const radius = epsilon * Math.sqrt(m) * rng() ** (1 / m);
  const factor = norm2 > 0 ? radius / Math.sqrt(norm2) : 0;
  for (let k = 0; k < m; k++) e[k] *= factor;
  return e;
}

/** The stream index of noisy ABC's kernel draw: runSeed(seed, NOISE_STREAM); no generation uses it. */
export const NOISE_STREAM = 2_000_000;

/**
 * Noisy ABC's target: the observed summaries moved by one kernel draw (see the file's
 * description). `noise` holds e on the scaled space, one value per summary (NaN where nothing is
 * observed; the |O| observed summaries get the ball's coordinates in order); `target` holds
 * z_k = t(y_k) + s_b e_k.
 */
export function noisyTarget(
  observed: Float64Array,
  scales: Float64Array,
  blockSize: number,
  epsilon: number,
  rng: Rng,
): { target: Float64Array; noise: Float64Array } {
  const target = transformObserved(observed);
  let count = 0;
  for (const z of target) if (!Number.isNaN(z)) count++;
  const e = kernelNoise(rng, count, epsilon);
  const noise = new Float64Array(target.length).fill(Number.NaN);
  let at = 0;
  for (let k = 0; k < target.length; k++) {
    if (Number.isNaN(target[k])) continue;
    noise[k] = e[at++];
    target[k] += scales[Math.floor(k / blockSize)] * noise[k];
  }
  return { target, noise };
}

/** The target tolerance and noise of an ABC run, as its options give them. */
export interface AbcToleranceOptions {
  /**
   * The target tolerance ε_T, fixed before the data are seen: rejection keeps every draw within
   * it, ABC-SMC's adaptive schedule stops there. @default none (rejection keeps the N closest,
   * ABC-SMC adapts until it stops)
   */
  readonly tolerance?: number;
  /** Noisy ABC: move the observed point by one kernel draw at ε_T (needs `tolerance`). @default false */
  readonly noisy?: boolean;
  /**
   * The seed of the kernel draw's stream, runSeed(noiseSeed, NOISE_STREAM). The simulation-based
   * calibration gives each replication its own while the calibration seed is shared.
   * @default the run's master seed
   */
  readonly noiseSeed?: number;
}

/**
 * Checks {@link AbcToleranceOptions}: a tolerance is a finite number above 0, and `noisy` needs one.
 * @throws {EntenteError} `out-of-range` for a tolerance that is not > 0, `invalid-argument` for
 *   `noisy` without a tolerance
 */
export function resolveTolerance(
  operation: string,
  options: AbcToleranceOptions,
): { tolerance: number | null; noisy: boolean; noiseSeed: number | null } {
  const tolerance = options.tolerance ?? null;
  const noisy = options.noisy ?? false;
  const noiseSeed = options.noiseSeed ?? null;
  if (noiseSeed !== null && !(Number.isSafeInteger(noiseSeed) && noiseSeed >= 0))
    throw new EntenteError(
      'out-of-range',
      `${operation}: noiseSeed must be a whole number ≥ 0, got ${noiseSeed}`,
    );
  if (tolerance !== null && !(Number.isFinite(tolerance) && tolerance > 0))
    throw new EntenteError(
      'out-of-range',
      `${operation}: tolerance must be a finite number > 0, got ${tolerance}`,
    );
  if (noisy && tolerance === null)
    throw new EntenteError(
      'invalid-argument',
      `${operation}: noisy ABC needs a target tolerance fixed in advance (tolerance), and none was given`,
    );
  return { tolerance, noisy, noiseSeed };
}

/**
 * The target an ABC run compares its simulations with: t(y) for plain ABC; for noisy ABC the
 * observed point moved by one kernel draw at `tolerance`, from the stream
 * createRng(fmix32(runSeed(noiseSeed ?? seed, NOISE_STREAM))) (see the file's description).
 */
export function abcTarget(
  observed: Float64Array,
  scales: Float64Array,
  blockSize: number,
  seed: number,
  tolerance: { tolerance: number | null; noisy: boolean; noiseSeed: number | null },
): { target: Float64Array; noise: Float64Array | null } {
  if (!tolerance.noisy || tolerance.tolerance === null)
    return { target: transformObserved(observed), noise: null };
  const rng = createRng(fmix32(runSeed(tolerance.noiseSeed ?? seed, NOISE_STREAM)));
  return noisyTarget(observed, scales, blockSize, tolerance.tolerance, rng);
}
