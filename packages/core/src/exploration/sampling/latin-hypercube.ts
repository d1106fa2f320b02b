/**
 * Latin hypercube sampling (M. D. McKay, R. J. Beckman & W. J. Conover, "A comparison of three
 * methods for selecting values of input variables in the analysis of output from a computer
 * code", Technometrics 21 (1979) 239–245): n points in [0, 1)^d such that, in every dimension,
 * each of the n strata [k/n, (k+1)/n) holds exactly one point. Each dimension gets an independent
 * random permutation of the strata and a uniform position inside each stratum.
 *
 * Draw order (what a seed reproduces): dimension by dimension, a Fisher–Yates shuffle of the n
 * strata (n − 1 draws), then n draws for the positions inside the strata, by row.
 */
import { createRng, shuffle } from '../../analysis/random.js';
import { EntenteError } from '../../errors.js';

// The largest double below 1: guards (k + u)/n against rounding up to 1 for huge n.
const BELOW_ONE = 1 - 2 ** -53;

/**
 * n × d Latin hypercube sample in [0, 1), row-major, from a seeded generator.
 * @throws {EntenteError} `out-of-range` when n or d is not a positive integer
 * @example latinHypercube(4, 2, 1) // each column holds one value in each of [0,¼), [¼,½), [½,¾), [¾,1)
 */
export function latinHypercube(n: number, d: number, seed: number): Float64Array {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(d) || d < 1) {
    throw new EntenteError(
      'out-of-range',
      `latinHypercube: n and d must be positive integers, got n = ${n}, d = ${d}`,
    );
  }
  const rng = createRng(seed);
  const out = new Float64Array(n * d);
  const strata = new Uint32Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) strata[i] = i;
    shuffle(rng, strata);
    for (let i = 0; i < n; i++) out[i * d + j] = Math.min((strata[i] + rng()) / n, BELOW_ONE);
  }
  return out;
}
