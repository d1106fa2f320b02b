/**
 * Energy and frustration of a two-coalition configuration (Axelrod & Bennett 1993, British
 * Journal of Political Science 23(2):211–233, equations for E(X) and F_i(X)).
 *
 * A configuration gives each actor a side σ_i ∈ {0, 1}; d_ij = 1 when i and j are apart.
 * E(X) = Σ_{i<j} s_i s_j p_ij d_ij(X) over unordered pairs — Axelrod & Bennett sum over ordered
 * pairs, which gives exactly 2E; minima, basins and tipping points are the same under both.
 * Frustration of actor i: F_i(X) = Σ_j s_j p_ij d_ij(X) (without s_i, as in the paper), so
 * Σ_i s_i F_i(X) = 2E(X).
 */
import type { LandscapeInput } from './input.js';

/** The energy convention, reported with every landscape result. */
export const LANDSCAPE_CONVENTION =
  "E = Σ_{i<j} s_i s_j p_ij d_ij (unordered pairs; Axelrod & Bennett's ordered-pair sum is 2E); " +
  'F_i = Σ_j s_j p_ij d_ij (excludes s_i; Σ_i s_i F_i = 2E); lower energy = more stable';

/** The coupling matrix W_ij = s_i s_j p_ij (row-major n×n). */
export function couplings(input: LandscapeInput): Float64Array {
  const n = input.actors.length;
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      w[i * n + j] = input.sizes[i] * input.sizes[j] * input.propensity[i * n + j];
    }
  }
  return w;
}

/**
 * E(X) = Σ_{i<j} s_i s_j p_ij d_ij(X), computed from scratch.
 * @example landscapeEnergy(input, [0, 0, 1])
 */
export function landscapeEnergy(input: LandscapeInput, sides: ArrayLike<number>): number {
  const n = input.actors.length;
  let e = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (sides[i] !== sides[j]) {
        e += input.sizes[i] * input.sizes[j] * input.propensity[i * n + j];
      }
    }
  }
  return e;
}

/** F_i(X) = Σ_j s_j p_ij d_ij(X) for every actor i. */
export function actorFrustration(input: LandscapeInput, sides: ArrayLike<number>): Float64Array {
  const n = input.actors.length;
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) {
      if (sides[i] !== sides[j]) s += input.sizes[j] * input.propensity[i * n + j];
    }
    f[i] = s;
  }
  return f;
}

/**
 * The two coalitions of a configuration in canonical order: ids sorted within each group, and the
 * group holding the smallest id (by string order) first. The second group may be empty.
 */
export function coalitionsOf(
  actors: readonly string[],
  sides: ArrayLike<number>,
): [string[], string[]] {
  const a: string[] = [];
  const b: string[] = [];
  for (let i = 0; i < actors.length; i++) (sides[i] === sides[0] ? a : b).push(actors[i]);
  a.sort();
  b.sort();
  return b.length > 0 && b[0] < a[0] ? [b, a] : [a, b];
}

/** Sides (0/1, actor 0 on side 0) of configuration `mask`, whose bit k−1 is actor k's side. */
export function sidesOfMask(n: number, mask: number): Uint8Array {
  const sides = new Uint8Array(n);
  for (let k = 1; k < n; k++) sides[k] = (mask >>> (k - 1)) & 1;
  return sides;
}
