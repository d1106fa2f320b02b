/**
 * Draws from the uniform prior box and standard normals for the methods' proposals, from a seeded
 * generator (analysis/random.ts). Normals by the Box–Muller transform (G. E. P. Box & M. E.
 * Muller, "A note on the generation of random normal deviates", Ann. Math. Statist. 29 (1958)),
 * one pair of uniforms per normal (the second normal is dropped, so the draw order is simple).
 */
import type { Rng } from '../analysis/random.js';
import type { AbcParameter } from './abc-problem.js';

/** One standard normal from two uniforms of `rng`. */
export function standardNormal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]: log(u) is finite
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Writes one prior draw (parameter by parameter, lo + (hi − lo) u) into `out` at `offset`. */
export function drawPrior(
  rng: Rng,
  parameters: readonly AbcParameter[],
  out: Float64Array,
  offset: number,
): void {
  for (let j = 0; j < parameters.length; j++) {
    const { lo, hi } = parameters[j];
    out[offset + j] = lo + (hi - lo) * rng();
  }
}
