/**
 * Maps points of the unit cube to parameter ranges: x_j = lo_j + u_j · (hi_j − lo_j), the affine
 * map every sampling design here assumes (uniform inputs on their ranges).
 */
import { EntenteError } from '../../errors.js';

/**
 * Scales an n × d row-major matrix of unit-cube points to the ranges [lo_j, hi_j] (a copy).
 * @throws {EntenteError} `invalid-argument` when lo and hi differ in length, a bound is not finite,
 *   lo_j > hi_j, or the matrix length is not a multiple of d
 * @example scaleToRanges(Float64Array.of(0, 0.5), [0, 10], [1, 20]) // [0, 15]
 */
export function scaleToRanges(
  unit: Float64Array,
  lo: ArrayLike<number>,
  hi: ArrayLike<number>,
): Float64Array {
  const d = lo.length;
  if (d === 0 || hi.length !== d) {
    throw new EntenteError(
      'invalid-argument',
      `scaleToRanges: lo and hi must have the same nonzero length, got ${lo.length} and ${hi.length}`,
    );
  }
  for (let j = 0; j < d; j++) {
    if (!Number.isFinite(lo[j]) || !Number.isFinite(hi[j]) || lo[j] > hi[j]) {
      throw new EntenteError(
        'invalid-argument',
        `scaleToRanges: range ${j} must be finite with lo ≤ hi, got [${lo[j]}, ${hi[j]}]`,
      );
    }
  }
  if (unit.length % d !== 0) {
    throw new EntenteError(
      'invalid-argument',
      `scaleToRanges: matrix length ${unit.length} is not a multiple of d = ${d}`,
    );
  }
  const out = new Float64Array(unit.length);
  for (let i = 0; i < unit.length; i += d) {
    for (let j = 0; j < d; j++) out[i + j] = lo[j] + unit[i + j] * (hi[j] - lo[j]);
  }
  return out;
}
