/**
 * Counter-based random streams: the seed of world `w` under a master seed is a hash of both, so
 * any worker computes any world's stream without drawing the ones before it (Salmon et al.,
 * "Parallel random numbers: as easy as 1, 2, 3", SC 2011, make the same argument for
 * counter-based generators). The hash is the 32-bit finaliser of MurmurHash3 (A. Appleby).
 */
import { EntenteError } from '../errors.js';

/** The 32-bit finaliser of MurmurHash3: a bijective mix of a 32-bit integer. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The 32-bit seed of world `world` under master seed `seed`. All scenarios of one world use it
 * (common random numbers), so policy comparisons are paired.
 * @throws {EntenteError} `invalid-argument` when `seed` or `world` is not a non-negative safe integer
 * @example runSeed(42, 0) !== runSeed(42, 1)
 */
export function runSeed(seed: number, world: number): number {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new EntenteError(
      'invalid-argument',
      `runSeed: seed ${seed} is not a non-negative integer`,
    );
  }
  if (!Number.isSafeInteger(world) || world < 0) {
    throw new EntenteError(
      'invalid-argument',
      `runSeed: world ${world} is not a non-negative integer`,
    );
  }
  const seedHi = Math.floor(seed / 4_294_967_296);
  const worldHi = Math.floor(world / 4_294_967_296);
  let h = fmix32((seed >>> 0) ^ fmix32(seedHi + 0x6a09e667));
  h = fmix32(h ^ fmix32((world >>> 0) + 0x9e3779b9));
  return fmix32(h ^ fmix32(worldHi + 0xbb67ae85));
}
