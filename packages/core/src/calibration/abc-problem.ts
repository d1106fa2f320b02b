/**
 * The shapes approximate Bayesian computation (ABC) works on in entente: a prior that is uniform
 * on a box of parameters, observed summary statistics, and a simulator that maps parameter
 * vectors to simulated summaries in batches. The calibration methods (`abc-smc.ts`,
 * `abc-rejection.ts`) know nothing else about the model, so the same code calibrates the history
 * model of a case and the toy model of the simulation-based calibration test.
 */

/** One calibrated parameter with its uniform prior on [lo, hi]. */
export interface AbcParameter {
  readonly id: string;
  readonly lo: number;
  readonly hi: number;
}

/**
 * Simulates a batch: `thetas` holds n parameter vectors (row-major, n × d), `seeds` their n
 * stream seeds; returns n summary vectors (row-major, n × m), in the same order. A pool may split
 * the batch across workers as long as it reassembles the rows in order: the methods then give the
 * same bytes for any worker count.
 */
export type BatchSimulator = (
  thetas: Float64Array,
  seeds: Uint32Array,
) => Float64Array | Promise<Float64Array>;

/** What a calibration fits: the prior box and the observed summaries. */
export interface AbcProblem {
  /** The uniform prior: one interval per parameter (d = length). */
  readonly parameters: readonly AbcParameter[];
  /**
   * Observed summaries (m values; NaN where a value is missing, which the distance skips). For a
   * history model, target-major: m = targets × years.
   */
  readonly observed: Float64Array;
  /**
   * Consecutive summaries that share one distance scale (a target's years).
   * @default 1 (every summary scaled on its own)
   */
  readonly blockSize?: number;
}

/** One generation of a sequential method (rejection ABC has one). */
export interface AbcGeneration {
  /** The tolerance of this generation (Infinity for the prior sample). */
  readonly epsilon: number;
  /** Effective sample size of the weights after reweighting (before resampling). */
  readonly ess: number;
  /** Whether the particles were resampled in this generation. */
  readonly resampled: boolean;
  /** Share of moved particles whose proposal was accepted (null where nothing moved). */
  readonly acceptance: number | null;
  /** Simulations run in this generation. */
  readonly simulations: number;
}

/** The result of a calibration: a weighted particle approximation of the ABC posterior. */
export interface AbcResult {
  readonly method: 'abc-smc' | 'rejection';
  readonly seed: number;
  readonly parameters: readonly AbcParameter[];
  /** n × d particle values, row-major. */
  readonly particles: Float64Array;
  /** n normalised weights (sum 1). */
  readonly weights: Float64Array;
  /** Each particle's distance to the observed summaries. */
  readonly distances: Float64Array;
  /** n × m simulated summaries of the particles (the draws that were accepted). */
  readonly summaries: Float64Array;
  /** Effective sample size of the final weights, 1 / Σ w². */
  readonly ess: number;
  /** The final tolerance. */
  readonly epsilon: number;
  /** The target tolerance ε_T the run was given (null: none, the run chose its own). */
  readonly tolerance: number | null;
  /** Whether the observed summaries were moved by a kernel draw (noisy ABC). */
  readonly noisy: boolean;
  /**
   * Whether the particles are the ABC posterior at ε_T (null without a target tolerance):
   * ABC-SMC may stop (acceptance rule, budget, generations) before its schedule gets there.
   */
  readonly targetReached: boolean | null;
  /**
   * Noisy ABC's kernel draw e, on the distance's scaled space, one value per summary (NaN where
   * nothing is observed); null for plain ABC.
   */
  readonly noise: Float64Array | null;
  /** Per-block distance scales (see `abc-distance.ts`). */
  readonly scales: Float64Array;
  readonly generations: readonly AbcGeneration[];
  /** Simulations run in total. */
  readonly simulations: number;
}

/**
 * The rows of several simulator calls (or of a batch's chunks), in order, as one array; the
 * one chunk itself when there is only one.
 * @example concatRows([Float64Array.of(1, 2), Float64Array.of(3)]) // Float64Array [1, 2, 3]
 */
export function concatRows(chunks: readonly Float64Array[]): Float64Array {
  if (chunks.length === 1) return chunks[0];
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Float64Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
