/**
 * The design of an exploration, rebuilt deterministically from its plan in every worker: the unit
 * coordinates of each world in [0,1)^k, in world order, and each world's random stream.
 *
 * - lhs: world w is row w of a Latin hypercube (McKay, Beckman & Conover 1979); stream w.
 * - sobol: Saltelli's design (Saltelli 2002; Saltelli et al. 2010) with blocks A, B, A_B^(i),
 *   B_A^(i) of N rows each, re-ordered row-major: world w = j·(2k+2) + b is row j of block b, so
 *   a batch of whole strides completes whole base rows. All 2k+2 worlds of base row j share stream
 *   j (common random numbers: the model's noise cancels in f(A_B^(i)) − f(A)). Only the A and B
 *   blocks (b < 2) are a sample of the parameter space.
 * - morris: r trajectories of k+1 points on a p-level grid (Morris 1991); world w is point w of
 *   the trajectory-major design; the k+1 worlds of trajectory t share stream t.
 */
import { latinHypercube, morrisDesign, saltelliDesign } from '../exploration/index.js';
import { runSeed } from '../simulation/index.js';
import type { ExplorationPlan } from './plan-exploration.js';
import { resampleParticles } from './posterior-sample.js';

/** The design of a plan: unit coordinates (worlds × k, row-major) in world order. */
export interface ExplorationDesign {
  readonly worlds: number;
  readonly k: number;
  readonly unit: Float64Array;
  /**
   * Under a posterior: the value of each (world, parameter) the particles set, NaN where the unit
   * coordinate applies; null without a posterior.
   */
  readonly values: Float64Array | null;
}

/** Stream of the particle resampling, apart from the design's own draws. */
const POSTERIOR_STREAM = 0x706f7374; // "post"

/**
 * Builds the unit design of `plan` (deterministic in the plan's seed).
 * @example explorationDesign(plan).unit[w * k + i] // world w, parameter i, in [0, 1)
 */
export function explorationDesign(plan: ExplorationPlan): ExplorationDesign {
  const k = plan.parameters.length;
  const { sample, runs, seed, levels } = plan.options;
  if (sample === 'lhs') {
    const unit = k > 0 ? latinHypercube(runs, k, seed) : new Float64Array(0);
    return { worlds: plan.worlds, k, unit, values: posteriorValues(plan) };
  }
  if (sample === 'morris') {
    const { matrix } = morrisDesign(runs, k, levels, seed);
    return { worlds: plan.worlds, k, unit: matrix, values: null };
  }
  const { matrix } = saltelliDesign(runs, k, { seed });
  const stride = plan.stride;
  const unit = new Float64Array(plan.worlds * k);
  for (let b = 0; b < stride; b++) {
    for (let j = 0; j < runs; j++) {
      const from = (b * runs + j) * k;
      unit.set(matrix.subarray(from, from + k), (j * stride + b) * k);
    }
  }
  return { worlds: plan.worlds, k, unit, values: null };
}

/** The particle values of each world under the plan's posterior (see posterior-sample.ts). */
function posteriorValues(plan: ExplorationPlan): Float64Array | null {
  const posterior = plan.posterior;
  if (!posterior) return null;
  const k = plan.parameters.length;
  const values = new Float64Array(plan.worlds * k).fill(Number.NaN);
  const column = plan.parameters.map((p) => posterior.parameters.indexOf(p.id));
  const pick = resampleParticles(
    posterior.weights,
    plan.worlds,
    runSeed(plan.options.seed, POSTERIOR_STREAM),
  );
  for (let w = 0; w < plan.worlds; w++) {
    const row = posterior.particles[pick[w]];
    for (let i = 0; i < k; i++) if (column[i] >= 0) values[w * k + i] = row[column[i]];
  }
  return values;
}

/** The random stream of world `w`: w for lhs, its base row (sobol) or trajectory (morris). */
export function worldStream(plan: ExplorationPlan, w: number): number {
  return Math.floor(w / plan.stride);
}

/** The 32-bit seed of world `w`: `runSeed(seed, worldStream(plan, w))`. */
export function worldSeed(plan: ExplorationPlan, w: number): number {
  return runSeed(plan.options.seed, worldStream(plan, w));
}

/**
 * The rank of world `w` among the sample worlds (those that sample the parameter space), or −1.
 * For sobol, rows of the A and B blocks are sample worlds: base row j gives ranks 2j and 2j+1.
 */
export function sampleRank(plan: ExplorationPlan, w: number): number {
  if (plan.options.sample !== 'sobol') return w;
  const b = w % plan.stride;
  return b < 2 ? 2 * Math.floor(w / plan.stride) + b : -1;
}

/** Whether world `w` contributes monthly series to the fan-chart bands. */
export function isBandWorld(plan: ExplorationPlan, w: number): boolean {
  const rank = sampleRank(plan, w);
  return rank >= 0 && rank < plan.options.bands;
}
