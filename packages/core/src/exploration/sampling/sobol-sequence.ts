/**
 * The Sobol low-discrepancy sequence (I. M. Sobol, "On the distribution of points in a cube and
 * the approximate evaluation of integrals", USSR Comput. Math. Math. Phys. 7 (1967) 86–112) with
 * the direction numbers of S. Joe & F. Y. Kuo (SIAM J. Sci. Comput. 30 (2008) 2635–2654, file
 * "new-joe-kuo-6.21201"), generated in Gray-code order (I. A. Antonov & V. M. Saleev, USSR Comput.
 * Math. Math. Phys. 19 (1979) 252–256): point i+1 is point i with one direction number XOR-ed in,
 * the one indexed by the lowest zero bit of i. Points have 32 bits.
 *
 * Gray-code order permutes the points within each block of 2^m, so the first 2^m points are the
 * same set as in natural order and form a (t, m, d)-net: dimension 1 is the van der Corput
 * sequence 0, 1/2, 3/4, 1/4, 3/8, 7/8, 5/8, 1/8, …
 *
 * Skip convention: point 0 is the origin and is returned unless `skip` > 0; `skip: k` drops the
 * first k points (so the i-th row returned is point k + i). The default keeps the origin, as
 * SciPy and Joe & Kuo do: dropping it breaks the net property of the first 2^m points
 * (A. B. Owen, "On dropping the first Sobol' point", 2022, in Monte Carlo and Quasi-Monte Carlo
 * Methods 2020, Springer, 71–86); skip a power of two if you must skip.
 *
 * `seed` applies a random digital shift (each dimension XOR-ed with a seeded 32-bit word), which
 * keeps every net property and makes the points uniformly distributed (randomised QMC).
 */

import { createRng } from '../../analysis/random.js';
import { EntenteError } from '../../errors.js';
import { JOE_KUO_DIRECTIONS, SOBOL_MAX_DIMENSION } from './sobol-directions.js';

/** Options of {@link sobolSequence}. */
export interface SobolSequenceOptions {
  /** Points dropped from the start (the origin is point 0). @default 0 */
  readonly skip?: number;
  /** Seed of a random digital shift; none when undefined. @default undefined */
  readonly seed?: number;
}

const BITS = 32;
const SCALE = 2 ** -BITS;

/** Joe & Kuo's lines, split once; read-only. */
const JOE_KUO_LINES: readonly string[] = Object.freeze(JOE_KUO_DIRECTIONS.trim().split('\n'));

/**
 * Direction numbers v_k = m_k · 2^(32−k), k = 1..32, of the first `d` dimensions (d × 32, row-major),
 * with the recurrence of Bratley & Fox (ACM TOMS 14 (1988) 88–100, Algorithm 659):
 * v_k = a_1 v_(k−1) ⊕ … ⊕ a_(s−1) v_(k−s+1) ⊕ v_(k−s) ⊕ (v_(k−s) >> s).
 * Each call builds a new array the caller owns (no shared table behind it: a caller that
 * overwrites it affects nothing else); building d dimensions costs O(32·d).
 * @throws {EntenteError} `out-of-range` when d exceeds the table
 */
export function sobolDirections(d: number): Uint32Array {
  if (!Number.isInteger(d) || d < 1 || d > SOBOL_MAX_DIMENSION) {
    throw new EntenteError(
      'out-of-range',
      `sobolDirections: d must be an integer in 1..${SOBOL_MAX_DIMENSION}, got ${d}`,
    );
  }
  const v = new Uint32Array(d * BITS);
  for (let k = 1; k <= BITS; k++) v[k - 1] = 2 ** (BITS - k); // dimension 1: all m_k = 1
  for (const line of JOE_KUO_LINES.slice(0, d - 1)) {
    const f = line.split(' ').map(Number);
    const dim = f[0] - 1;
    const s = f[1];
    const a = f[2];
    const row = dim * BITS;
    for (let k = 1; k <= Math.min(s, BITS); k++)
      v[row + k - 1] = (f[2 + k] * 2 ** (BITS - k)) >>> 0;
    for (let k = s + 1; k <= BITS; k++) {
      const back = v[row + k - s - 1];
      let x = back ^ (back >>> s);
      for (let i = 1; i < s; i++) {
        if ((a >>> (s - 1 - i)) & 1) x ^= v[row + k - i - 1];
      }
      v[row + k - 1] = x >>> 0;
    }
  }
  return v;
}

/**
 * The first n points (after `skip`) of the d-dimensional Sobol sequence, n × d row-major in [0, 1).
 * @default options.skip 0 (the first point is the origin)
 * @throws {EntenteError} `out-of-range` when n, d or skip is out of range
 * @example sobolSequence(4, 1) // Float64Array [0, 0.5, 0.75, 0.25]
 */
export function sobolSequence(
  n: number,
  d: number,
  options: SobolSequenceOptions = {},
): Float64Array {
  const skip = options.skip ?? 0;
  if (!Number.isInteger(n) || n < 0) {
    throw new EntenteError('out-of-range', `sobolSequence: n must be an integer ≥ 0, got ${n}`);
  }
  if (!Number.isInteger(skip) || skip < 0) {
    throw new EntenteError(
      'out-of-range',
      `sobolSequence: skip must be an integer ≥ 0, got ${skip}`,
    );
  }
  if (n + skip > 2 ** BITS) {
    throw new EntenteError(
      'out-of-range',
      `sobolSequence: n + skip must be ≤ 2^32 (32-bit points), got ${n + skip}`,
    );
  }
  if (!Number.isInteger(d) || d < 1 || d > SOBOL_MAX_DIMENSION) {
    throw new EntenteError(
      'out-of-range',
      `sobolSequence: d must be an integer in 1..${SOBOL_MAX_DIMENSION}, got ${d}`,
    );
  }
  const v = sobolDirections(d);
  const x = new Uint32Array(d);
  if (options.seed !== undefined) {
    const rng = createRng(options.seed);
    for (let j = 0; j < d; j++) x[j] = Math.floor(rng() * 2 ** BITS);
  }
  // Point `skip` directly: XOR of the direction numbers at the set bits of its Gray code.
  const gray = (skip ^ Math.floor(skip / 2)) >>> 0;
  for (let k = 0; k < BITS; k++) {
    if ((gray >>> k) & 1) for (let j = 0; j < d; j++) x[j] ^= v[j * BITS + k];
  }
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let j = 0; j < d; j++) out[row + j] = x[j] * SCALE;
    // Next point: flip the direction number of the lowest zero bit of the current index.
    const c = ctz(~((skip + i) >>> 0) >>> 0);
    if (c < BITS) for (let j = 0; j < d; j++) x[j] ^= v[j * BITS + c];
  }
  return out;
}

/** Number of trailing zero bits of a nonzero 32-bit word (32 for 0). */
function ctz(w: number): number {
  if (w === 0) return BITS;
  return 31 - Math.clz32(w & -w);
}
