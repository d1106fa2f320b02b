/**
 * Runs a synchronous function with `Math.random` replaced by a seeded generator (mulberry32),
 * so that fCoSE — which draws random numbers for its spectral start and sampling — lays out the
 * same case the same way every time: same data, same picture (and stable screenshots).
 */

/** A mulberry32 generator: 32-bit state, uniform floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Calls `fn` with `Math.random` seeded by `seed`, restoring the original afterwards. */
export function withSeededRandom<T>(seed: number, fn: () => T): T {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
