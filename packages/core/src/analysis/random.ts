/**
 * Seeded pseudo-random numbers for the core (never the global unseeded generator). SplitMix32 — the 32-bit variant of
 * Steele, Lea & Flood's SplitMix (OOPSLA 2014), with the finaliser constants of Hash Prospector
 * (C. Wellons) — is tiny, fast, passes PractRand to 2^30+ and, being counter-based, lets a stream
 * be split by seed without depending on which worker draws it.
 */

/** A seeded generator: each call returns the next uniform double in [0, 1). */
export type Rng = () => number;

/**
 * A SplitMix32 generator seeded with a 32-bit integer.
 * @example const rng = createRng(42); rng() // 0.…
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    z ^= z >>> 15;
    return (z >>> 0) / 4_294_967_296;
  };
}

/** A uniform integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Shuffles `array` in place (Fisher–Yates) and returns it. */
export function shuffle<T extends { length: number; [i: number]: unknown }>(rng: Rng, array: T): T {
  for (let i = array.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const t = array[i];
    array[i] = array[j];
    array[j] = t;
  }
  return array;
}
