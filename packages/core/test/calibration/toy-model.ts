/**
 * The toy simulator of the calibration tests: yearly counts of one dyad over `years` years,
 * y_t = round(exp(a + b (t − (years − 1)/2) + σ z_t)), z_t standard normal, σ = 0.3; parameters
 * a (log level) ∈ [2, 6], b (yearly log growth) ∈ [−0.5, 0.5], and c ∈ [0, 1], which the counts do
 * not depend on (the parameter the data cannot see). Cheap (microseconds a run), so a simulation-
 * based calibration of ≥ 100 replications runs in seconds.
 */
import { createRng } from '../../src/analysis/random.js';
import type { AbcParameter, BatchSimulator } from '../../src/calibration/abc-problem.js';
import { standardNormal } from '../../src/calibration/prior-draws.js';

export const TOY_PARAMETERS: readonly AbcParameter[] = [
  { id: 'a', lo: 2, hi: 6 },
  { id: 'b', lo: -0.5, hi: 0.5 },
  { id: 'c', lo: 0, hi: 1 },
];

export const TOY_SIGMA = 0.3;

/** One run of the toy model at theta (a, b, c) with `seed`. */
export function toyRun(theta: ArrayLike<number>, seed: number, years: number): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(years);
  for (let t = 0; t < years; t++) {
    const mu = theta[0] + theta[1] * (t - (years - 1) / 2);
    out[t] = Math.round(Math.exp(mu + TOY_SIGMA * standardNormal(rng)));
  }
  return out;
}

/** The toy model as a batch simulator. */
export function toySimulator(years: number): BatchSimulator {
  return (thetas, seeds) => {
    const d = TOY_PARAMETERS.length;
    const out = new Float64Array(seeds.length * years);
    for (let i = 0; i < seeds.length; i++)
      out.set(toyRun(thetas.subarray(i * d, i * d + d), seeds[i], years), i * years);
    return out;
  };
}
