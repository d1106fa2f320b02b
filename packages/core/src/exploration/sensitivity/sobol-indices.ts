/**
 * Variance-based (Sobol) sensitivity indices from the output of a Saltelli design (see
 * saltelliDesign for the block order A, B, A_B^(i), B_A^(i)). With V the variance of the output
 * over the 2n rows of A and B:
 *
 * - first order, A. Saltelli et al., Comput. Phys. Commun. 181 (2010) 259–270, Table 2 (b):
 *   S_i = (1/n) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j) / V;
 * - total order, M. J. W. Jansen, "Analysis of variance designs for model output", Comput. Phys.
 *   Commun. 117 (1999) 35–43 (Saltelli et al. 2010, Table 2 (f)):
 *   ST_i = (1/2n) Σ_j (f(A)_j − f(A_B^(i))_j)² / V.
 *
 * When the design also has the B_A^(i) blocks (`blocks: 'both'`, the default then), each index is
 * the mean of the estimator above and the same estimator with the roles of A and B swapped
 * (f(A)(f(B_A^(i)) − f(B)) and (f(B) − f(B_A^(i)))²): the same model runs, half the variance.
 *
 * Confidence intervals: percentile bootstrap (B. Efron & R. J. Tibshirani, An Introduction to the
 * Bootstrap, 1993, ch. 13) over the n base rows — a resample draws n row indices j with
 * replacement and uses row j of every block — with a seeded generator, as in SALib
 * (J. Herman & W. Usher, JOSS 2 (2017) 97). Estimates are not clamped to [0, 1]: values
 * outside say that n is too small.
 *
 * A constant output (V = 0) has nothing to apportion: every index and interval is 0 and a note
 * goes into `diagnostics`.
 */
import { createRng } from '../../analysis/random.js';
import { EntenteError } from '../../errors.js';
import { quantilesOfSorted } from '../statistics/quantiles.js';

/** Options of {@link sobolIndices}. */
export interface SobolIndicesOptions {
  /** Bootstrap resamples for the intervals (0: no intervals, they equal the estimate). @default 1000 */
  readonly bootstrap?: number;
  /** Seed of the bootstrap. @default 1 */
  readonly seed?: number;
  /** Confidence level of the intervals. @default 0.95 */
  readonly confidence?: number;
  /**
   * 'ab': only A, B and A_B^(i) (the design may then have n·(d + 2) rows); 'both': also B_A^(i).
   * @default 'both' when y has n·(2d + 2) values, else 'ab'
   */
  readonly blocks?: 'ab' | 'both';
}

/** Sobol options with defaults filled in. */
export interface ResolvedSobolIndicesOptions {
  readonly bootstrap: number;
  readonly seed: number;
  readonly confidence: number;
  readonly blocks: 'ab' | 'both';
}

/** The result of {@link sobolIndices}. */
export interface SobolIndicesResult {
  readonly options: ResolvedSobolIndicesOptions;
  /** First-order index S_i per input. */
  readonly first: Float64Array;
  /** Total-order index ST_i per input. */
  readonly total: Float64Array;
  /** 2d values: lo, hi of S_i's interval for each i. */
  readonly firstCi: Float64Array;
  /** 2d values: lo, hi of ST_i's interval for each i. */
  readonly totalCi: Float64Array;
  /** Output variance V over the rows of A and B. */
  readonly variance: number;
  readonly diagnostics: readonly string[];
}

/**
 * Resolves the options of {@link sobolIndices} for a y of `length` values.
 * @throws {EntenteError} `out-of-range` on an option out of range, `invalid-argument` on a length that fits no design
 */
export function resolveSobolIndicesOptions(
  options: SobolIndicesOptions,
  length: number,
  n: number,
  d: number,
): ResolvedSobolIndicesOptions {
  const both = n * (2 * d + 2);
  const ab = n * (d + 2);
  if (length !== both && length !== ab) {
    throw new EntenteError(
      'invalid-argument',
      `sobolIndices: y must have n·(2d + 2) = ${both} (or n·(d + 2) = ${ab}) values, got ${length}`,
    );
  }
  const blocks = options.blocks ?? (length === both ? 'both' : 'ab');
  if (blocks === 'both' && length !== both) {
    throw new EntenteError(
      'invalid-argument',
      `sobolIndices: blocks 'both' needs the B_A blocks, n·(2d + 2) = ${both} values, got ${length}`,
    );
  }
  if (blocks !== 'ab' && blocks !== 'both') {
    throw new EntenteError('invalid-argument', `sobolIndices: blocks must be 'ab' or 'both'`);
  }
  const bootstrap = options.bootstrap ?? 1000;
  if (!Number.isInteger(bootstrap) || bootstrap < 0) {
    throw new EntenteError(
      'out-of-range',
      `sobolIndices: bootstrap must be an integer ≥ 0, got ${bootstrap}`,
    );
  }
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) {
    throw new EntenteError(
      'out-of-range',
      `sobolIndices: confidence must be in (0, 1), got ${confidence}`,
    );
  }
  return { bootstrap, seed: options.seed ?? 1, confidence, blocks };
}

/**
 * First-order (Saltelli 2010) and total-order (Jansen 1999) Sobol indices with percentile
 * bootstrap intervals, from the outputs y of saltelliDesign(n, d) in row order.
 * @throws {EntenteError} `out-of-range` when n or d is not a positive integer, `invalid-argument` when y has the wrong
 *   length or a non-finite value, or an option is out of range
 * @example sobolIndices(y, 1024, 3).first // Float64Array [0.31, 0.44, 0.00]
 */
export function sobolIndices(
  y: Float64Array,
  n: number,
  d: number,
  options: SobolIndicesOptions = {},
): SobolIndicesResult {
  if (!Number.isInteger(n) || n < 2 || !Number.isInteger(d) || d < 1) {
    throw new EntenteError(
      'out-of-range',
      `sobolIndices: need integers n ≥ 2 and d ≥ 1, got n = ${n}, d = ${d}`,
    );
  }
  const resolved = resolveSobolIndicesOptions(options, y.length, n, d);
  for (let k = 0; k < y.length; k++) {
    if (!Number.isFinite(y[k])) {
      throw new EntenteError('invalid-argument', `sobolIndices: y[${k}] is not finite (${y[k]})`);
    }
  }
  const both = resolved.blocks === 'both';
  const first = new Float64Array(d);
  const total = new Float64Array(d);
  const firstCi = new Float64Array(2 * d);
  const totalCi = new Float64Array(2 * d);
  const diagnostics: string[] = [];

  const all = new Uint32Array(n);
  for (let j = 0; j < n; j++) all[j] = j;
  const variance = estimate(y, n, d, both, all, first, total);
  if (variance === 0) {
    diagnostics.push('sobolIndices: the output is constant over A and B; all indices are 0');
    return { options: resolved, first, total, firstCi, totalCi, variance, diagnostics };
  }

  const b = resolved.bootstrap;
  if (b === 0) {
    for (let i = 0; i < d; i++) {
      firstCi[2 * i] = firstCi[2 * i + 1] = first[i];
      totalCi[2 * i] = totalCi[2 * i + 1] = total[i];
    }
    return { options: resolved, first, total, firstCi, totalCi, variance, diagnostics };
  }
  const rng = createRng(resolved.seed);
  const rows = new Uint32Array(n);
  const bFirst = new Float64Array(d);
  const bTotal = new Float64Array(d);
  const samplesFirst = new Float64Array(d * b); // index-major: b draws of index i at i·b
  const samplesTotal = new Float64Array(d * b);
  for (let r = 0; r < b; r++) {
    for (let j = 0; j < n; j++) rows[j] = Math.floor(rng() * n);
    estimate(y, n, d, both, rows, bFirst, bTotal);
    for (let i = 0; i < d; i++) {
      samplesFirst[i * b + r] = bFirst[i];
      samplesTotal[i * b + r] = bTotal[i];
    }
  }
  const tail = (1 - resolved.confidence) / 2;
  const probs = [tail, 1 - tail];
  for (let i = 0; i < d; i++) {
    const f = samplesFirst.subarray(i * b, (i + 1) * b).sort();
    const t = samplesTotal.subarray(i * b, (i + 1) * b).sort();
    firstCi.set(quantilesOfSorted(f, probs), 2 * i);
    totalCi.set(quantilesOfSorted(t, probs), 2 * i);
  }
  return { options: resolved, first, total, firstCi, totalCi, variance, diagnostics };
}

/**
 * Writes the indices estimated on the base rows `rows` (a resample, or 0..n−1) into first and
 * total; returns V. A resample whose V is 0 gives indices of 0.
 */
function estimate(
  y: Float64Array,
  n: number,
  d: number,
  both: boolean,
  rows: Uint32Array,
  first: Float64Array,
  total: Float64Array,
): number {
  // Variance over the 2n values of A and B (two-pass for accuracy).
  let sum = 0;
  for (let k = 0; k < n; k++) sum += y[rows[k]] + y[n + rows[k]];
  const mean = sum / (2 * n);
  let ss = 0;
  for (let k = 0; k < n; k++) {
    const a = y[rows[k]] - mean;
    const b = y[n + rows[k]] - mean;
    ss += a * a + b * b;
  }
  const v = ss / (2 * n);
  for (let i = 0; i < d; i++) {
    const abOff = (2 + i) * n;
    const baOff = (2 + d + i) * n;
    let s1 = 0;
    let st = 0;
    for (let k = 0; k < n; k++) {
      const j = rows[k];
      const fa = y[j];
      const fb = y[n + j];
      const fab = y[abOff + j];
      s1 += fb * (fab - fa);
      st += (fa - fab) * (fa - fab);
      if (both) {
        const fba = y[baOff + j];
        s1 += fa * (fba - fb);
        st += (fb - fba) * (fb - fba);
      }
    }
    const m = both ? 2 * n : n;
    first[i] = v === 0 ? 0 : s1 / m / v;
    total[i] = v === 0 ? 0 : st / (2 * m) / v;
  }
  return v;
}
