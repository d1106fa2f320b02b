/**
 * Morris elementary effects (M. D. Morris, "Factorial sampling plans for preliminary
 * computational experiments", Technometrics 33 (1991) 161–174), with μ* the mean absolute effect
 * of F. Campolongo, J. Cariboni & A. Saltelli, "An effective screening design for sensitivity
 * analysis of large models", Environ. Model. Softw. 22 (2007) 1509–1518.
 *
 * Design: r trajectories on the p-level grid {0, 1/(p−1), …, 1}^d with step Δ = p/(2(p−1))
 * (p even, so Δ is a whole number of grid steps). Each trajectory is Morris's
 * B* = (J x* + (Δ/2)((2B − J) D* + J)) P*: a base point x* drawn uniformly from the levels
 * {0, …, 1 − Δ}, random directions D* (±1 per input), and a random order P*; starting from x* with
 * the inputs whose direction is −1 raised by Δ, it moves one input at a time by ±Δ, d + 1 points
 * in all. Rows are trajectory-major: trajectory t holds rows t(d+1) … t(d+1) + d.
 *
 * Effects: EE_i = (f(x + e_i·δ) − f(x)) / δ per unit of the design's coordinates (so, for
 * the unit design scaled linearly to a range, EE_i = ∂f/∂x_i · range). μ_i is the mean of the r
 * effects of input i, μ*_i the mean of their absolute values and σ_i their standard deviation
 * (denominator r − 1; 0 when r = 1).
 *
 * Draw order (what a seed reproduces): per trajectory, d base levels, d directions, then the
 * Fisher–Yates shuffle of the d inputs.
 */
import { createRng, randomInt, shuffle } from '../../analysis/random.js';
import { EntenteError } from '../../errors.js';

/** The result of {@link morrisDesign}. */
export interface MorrisDesign {
  /** rows × d in [0, 1], row-major, trajectory by trajectory. */
  readonly matrix: Float64Array;
  /** r · (d + 1). */
  readonly rows: number;
  /** The step Δ = p/(2(p−1)). */
  readonly delta: number;
}

/** The result of {@link morrisEffects}. */
export interface MorrisEffects {
  /** Mean elementary effect μ_i per input. */
  readonly mu: Float64Array;
  /** Mean absolute elementary effect μ*_i per input. */
  readonly muStar: Float64Array;
  /** Standard deviation σ_i of the elementary effects per input. */
  readonly sigma: Float64Array;
}

/**
 * r Morris trajectories of d + 1 points each on a `levels`-level grid in [0, 1]^d.
 * @throws {EntenteError} `out-of-range` when r or d is not a positive integer or levels is not
 *   an even integer ≥ 2
 * @example morrisDesign(10, 3, 4, 1).rows // 40
 */
export function morrisDesign(r: number, d: number, levels: number, seed: number): MorrisDesign {
  if (!Number.isInteger(r) || r < 1 || !Number.isInteger(d) || d < 1) {
    throw new EntenteError(
      'out-of-range',
      `morrisDesign: r and d must be positive integers, got r = ${r}, d = ${d}`,
    );
  }
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new EntenteError(
      'out-of-range',
      `morrisDesign: levels must be an even integer ≥ 2 (Δ = p/(2(p−1)) on the grid), got ${levels}`,
    );
  }
  const step = levels / 2; // Δ in grid steps of 1/(p − 1)
  const delta = step / (levels - 1);
  const rng = createRng(seed);
  const rows = r * (d + 1);
  const matrix = new Float64Array(rows * d);
  const base = new Uint32Array(d); // grid index of the current point
  const dir = new Int8Array(d);
  const order = new Uint32Array(d);
  for (let t = 0; t < r; t++) {
    for (let i = 0; i < d; i++) base[i] = randomInt(rng, levels - step);
    for (let i = 0; i < d; i++) {
      dir[i] = rng() < 0.5 ? 1 : -1;
      if (dir[i] < 0) base[i] += step;
    }
    for (let i = 0; i < d; i++) order[i] = i;
    shuffle(rng, order);
    let row = t * (d + 1) * d;
    for (let i = 0; i < d; i++) matrix[row + i] = base[i] / (levels - 1);
    for (let k = 0; k < d; k++) {
      const i = order[k];
      base[i] += dir[i] * step;
      row += d;
      for (let j = 0; j < d; j++) matrix[row + j] = base[j] / (levels - 1);
    }
  }
  return { matrix, rows, delta };
}

/**
 * μ, μ* and σ of the elementary effects of a Morris design (any design made of r trajectories
 * of d + 1 rows in which consecutive rows differ in exactly one input).
 * @throws {EntenteError} `invalid-argument` on mismatched lengths, a non-finite value, or two
 *   consecutive rows that do not differ in exactly one input
 * @example morrisEffects(design.matrix, y, 10, 3).muStar
 */
export function morrisEffects(
  matrix: Float64Array,
  y: Float64Array,
  r: number,
  d: number,
): MorrisEffects {
  if (!Number.isInteger(r) || r < 1 || !Number.isInteger(d) || d < 1) {
    throw new EntenteError(
      'out-of-range',
      `morrisEffects: r and d must be positive integers, got r = ${r}, d = ${d}`,
    );
  }
  const rows = r * (d + 1);
  if (matrix.length !== rows * d || y.length !== rows) {
    throw new EntenteError(
      'invalid-argument',
      `morrisEffects: need a ${rows} × ${d} matrix and ${rows} outputs, got ${matrix.length} values and ${y.length} outputs`,
    );
  }
  for (let k = 0; k < rows; k++) {
    if (!Number.isFinite(y[k])) {
      throw new EntenteError('invalid-argument', `morrisEffects: y[${k}] is not finite (${y[k]})`);
    }
  }
  const effects = new Float64Array(r * d); // effect of input i in trajectory t at t·d + i
  const seen = new Uint8Array(d);
  for (let t = 0; t < r; t++) {
    seen.fill(0);
    for (let k = 0; k < d; k++) {
      const row0 = t * (d + 1) + k;
      const a = row0 * d;
      const b = a + d;
      let changed = -1;
      for (let j = 0; j < d; j++) {
        if (matrix[b + j] !== matrix[a + j]) {
          if (changed >= 0) changed = -2;
          else if (changed === -1) changed = j;
        }
      }
      if (changed < 0 || seen[changed]) {
        throw new EntenteError(
          'invalid-argument',
          `morrisEffects: rows ${row0} and ${row0 + 1} of trajectory ${t} must differ in exactly one input not moved before`,
        );
      }
      seen[changed] = 1;
      const step = matrix[b + changed] - matrix[a + changed];
      effects[t * d + changed] = (y[row0 + 1] - y[row0]) / step;
    }
  }
  const mu = new Float64Array(d);
  const muStar = new Float64Array(d);
  const sigma = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = 0;
    let sa = 0;
    for (let t = 0; t < r; t++) {
      const e = effects[t * d + i];
      s += e;
      sa += Math.abs(e);
    }
    mu[i] = s / r;
    muStar[i] = sa / r;
    if (r > 1) {
      let ss = 0;
      for (let t = 0; t < r; t++) ss += (effects[t * d + i] - mu[i]) ** 2;
      sigma[i] = Math.sqrt(ss / (r - 1));
    }
  }
  return { mu, muStar, sigma };
}
