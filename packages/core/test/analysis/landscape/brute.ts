// Independent brute force for the landscape tests: energies from scratch, every single flip
// checked by recomputing the energy, steepest descent by explicit neighbour energies. Shares no
// code with src/analysis/landscape beyond the input type.
import fc from 'fast-check';
import type { LandscapeInput } from '../../../src/analysis/landscape/input.js';

export function energyOf(input: LandscapeInput, sides: readonly number[]): number {
  const n = input.actors.length;
  let e = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (sides[i] !== sides[j]) e += input.sizes[i] * input.sizes[j] * input.propensity[i * n + j];
    }
  }
  return e;
}

/** Sides of configuration c (actor 0 on side 0, actor k on bit k−1 of c). */
export function sidesOf(n: number, c: number): number[] {
  return Array.from({ length: n }, (_, k) => (k === 0 ? 0 : (c >> (k - 1)) & 1));
}

/** Canonical form: actor 0 on side 0. */
function canonical(sides: number[]): number {
  const s = sides[0] === 1 ? sides.map((x) => 1 - x) : sides;
  let c = 0;
  for (let k = 1; k < s.length; k++) c |= s[k] << (k - 1);
  return c;
}

export function coalitionKey(actors: readonly string[], sides: readonly number[]): string {
  const a = actors.filter((_, i) => sides[i] === sides[0]).sort();
  const b = actors.filter((_, i) => sides[i] !== sides[0]).sort();
  return JSON.stringify(b.length > 0 && b[0] < a[0] ? [b, a] : [a, b]);
}

export interface BruteMinimum {
  key: string;
  energy: number;
  basinCount: number;
}

/** All local minima (no flip lowers E by more than eps) and steepest-descent basins. */
export function bruteLandscape(input: LandscapeInput, eps = 0): BruteMinimum[] {
  const n = input.actors.length;
  const total = 2 ** (n - 1);
  const energy = new Float64Array(total);
  for (let c = 0; c < total; c++) energy[c] = energyOf(input, sidesOf(n, c));
  const step = new Int32Array(total);
  for (let c = 0; c < total; c++) {
    const sides = sidesOf(n, c);
    let best = -eps;
    let to = c;
    for (let k = 0; k < n; k++) {
      const flipped = sides.slice();
      flipped[k] = 1 - flipped[k];
      const d = energyOf(input, flipped) - energy[c];
      if (d < best) {
        best = d;
        to = canonical(flipped);
      }
    }
    step[c] = to;
  }
  const counts = new Map<number, number>();
  for (let c = 0; c < total; c++) {
    let r = c;
    while (step[r] !== r) r = step[r];
    counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  return [...counts.keys()]
    .map((c) => ({
      key: coalitionKey(input.actors, sidesOf(n, c)),
      energy: energy[c],
      basinCount: counts.get(c) ?? 0,
    }))
    .sort((x, y) => x.energy - y.energy || (x.key < y.key ? -1 : 1));
}

/**
 * A random landscape input with n actors. Sizes and propensities are integers so every energy is
 * exact in floating point: `small` values (−3..3) make ties and plateaus common, `wide` ones
 * (−10⁶..10⁶) make them rare.
 */
export function landscapeInputArb(
  minN: number,
  maxN: number,
  range: 'small' | 'wide',
): fc.Arbitrary<LandscapeInput> {
  return fc.integer({ min: minN, max: maxN }).chain((n) => {
    const pairs = (n * (n - 1)) / 2;
    const size =
      range === 'small' ? fc.integer({ min: 1, max: 4 }) : fc.integer({ min: 1, max: 1000 });
    const prop =
      range === 'small'
        ? fc.integer({ min: -3, max: 3 })
        : fc.integer({ min: -1_000_000, max: 1_000_000 });
    return fc
      .tuple(
        fc.array(size, { minLength: n, maxLength: n }),
        fc.array(prop, { minLength: pairs, maxLength: pairs }),
      )
      .map(([s, p]) => makeInput(s, p));
  });
}

/** Builds an input from sizes and the upper triangle of propensities (row by row). */
export function makeInput(
  sizes: readonly number[],
  upper: readonly number[],
  ids?: readonly string[],
): LandscapeInput {
  const n = sizes.length;
  const propensity = new Float64Array(n * n);
  let q = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = upper[q++] + 0; // +0 turns −0 into 0
      propensity[i * n + j] = v;
      propensity[j * n + i] = v;
    }
  }
  return {
    actors: ids ?? Array.from({ length: n }, (_, i) => `a${String(i).padStart(2, '0')}`),
    sizes: Float64Array.from(sizes),
    propensity,
  };
}
