/**
 * Rejection ABC, the baseline (J. K. Pritchard, M. T. Seielstad, A. Perez-Lezaun & M. W.
 * Feldman, "Population growth of human Y chromosomes", Mol. Biol. Evol. 16 (1999) 1791–1798;
 * with the tolerance set as a quantile of the distances, as M. A. Beaumont, W. Zhang & D. J.
 * Balding, "Approximate Bayesian computation in population genetics", Genetics 162 (2002) do):
 * draw S parameter vectors from the prior, simulate each once, keep the N closest to the observed
 * summaries with equal weights. The tolerance is the N-th smallest distance. The prior sample is
 * the same as generation 0 of {@link abcSmc} with the same seed (same draws, same seeds), so the
 * two methods can be compared on equal terms.
 */
import { createRng } from '../analysis/random.js';
import { EntenteError } from '../errors.js';
import { fmix32, runSeed } from '../simulation/streams.js';
import { abcDistance, distanceScales } from './abc-distance.js';
import type { AbcProblem, AbcResult, BatchSimulator } from './abc-problem.js';
import { checkAbcProblem } from './abc-smc.js';
import { drawPrior } from './prior-draws.js';

/** Options of {@link abcRejection}. */
export interface AbcRejectionOptions {
  /** Particles kept N. @default 500 */
  readonly particles?: number;
  /** Prior draws simulated S. @default 40 × particles */
  readonly simulations?: number;
  /** @default 1 */
  readonly seed?: number;
}

/**
 * Calibrates by rejection ABC (see the file's description).
 * @throws {EntenteError} `out-of-range` when particles < 2 or simulations < particles
 */
export async function abcRejection(
  problem: AbcProblem,
  simulate: BatchSimulator,
  options: AbcRejectionOptions = {},
): Promise<AbcResult> {
  const op = 'abc rejection';
  checkAbcProblem(problem, op);
  const n = options.particles ?? 500;
  const s = options.simulations ?? 40 * n;
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(n) || n < 2 || !Number.isSafeInteger(s) || s < n)
    throw new EntenteError(
      'out-of-range',
      `${op}: needs whole numbers 2 ≤ particles ≤ simulations, got ${n} and ${s}`,
    );
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new EntenteError('out-of-range', `${op}: seed must be a whole number ≥ 0, got ${seed}`);
  const { parameters, observed } = problem;
  const blockSize = problem.blockSize ?? 1;
  const d = parameters.length;
  const m = observed.length;
  const seed0 = runSeed(seed, 0);
  const rng = createRng(fmix32(seed0));
  const theta = new Float64Array(s * d);
  const seeds = new Uint32Array(s);
  for (let i = 0; i < s; i++) {
    drawPrior(rng, parameters, theta, i * d);
    seeds[i] = runSeed(seed0, i);
  }
  const summaries = await simulate(theta, seeds);
  if (summaries.length !== s * m)
    throw new EntenteError('internal', `${op}: the simulator returned ${summaries.length} values`);
  const scales = distanceScales(summaries, s, m, blockSize);
  const dist = new Float64Array(s);
  for (let i = 0; i < s; i++) dist[i] = abcDistance(summaries, i * m, observed, scales, blockSize);
  const kept = closestDraws(dist, n);
  const particles = new Float64Array(n * d);
  const keptSummaries = new Float64Array(n * m);
  const distances = new Float64Array(n);
  kept.forEach((i, k) => {
    particles.set(theta.subarray(i * d, i * d + d), k * d);
    keptSummaries.set(summaries.subarray(i * m, i * m + m), k * m);
    distances[k] = dist[i];
  });
  const epsilon = distances[n - 1];
  return {
    method: 'rejection',
    seed,
    parameters,
    particles,
    weights: new Float64Array(n).fill(1 / n),
    distances,
    summaries: keptSummaries,
    ess: n,
    epsilon,
    scales,
    generations: [{ epsilon, ess: n, resampled: false, acceptance: n / s, simulations: s }],
    simulations: s,
  };
}

/**
 * The indices of the n smallest distances, ordered by distance with ties broken by draw index (as
 * a stable sort of all S would give, so the result is deterministic). Sorting S indices with a
 * comparator took ≈ 0.1 s at S = 100,000 on the calling thread while the workers waited; here a
 * numeric sort of a copy finds the n-th distance and only the n kept indices are ordered.
 */
export function closestDraws(dist: Float64Array, n: number): number[] {
  const byDistance = (a: number, b: number) => dist[a] - dist[b] || a - b;
  if (dist.some((x) => Number.isNaN(x)))
    return Array.from(dist.keys()).sort(byDistance).slice(0, n);
  const cut = Float64Array.from(dist).sort()[n - 1];
  const kept: number[] = [];
  for (let i = 0; i < dist.length; i++) if (dist[i] < cut) kept.push(i);
  for (let i = 0; i < dist.length && kept.length < n; i++) if (dist[i] === cut) kept.push(i);
  return kept.sort(byDistance);
}
