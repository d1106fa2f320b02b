/**
 * Rejection ABC, the baseline (J. K. Pritchard, M. T. Seielstad, A. Perez-Lezaun & M. W.
 * Feldman, "Population growth of human Y chromosomes", Mol. Biol. Evol. 16 (1999) 1791–1798;
 * with the tolerance set as a quantile of the distances, as M. A. Beaumont, W. Zhang & D. J.
 * Balding, "Approximate Bayesian computation in population genetics", Genetics 162 (2002) do):
 * draw S parameter vectors from the prior, simulate each once, keep the N closest to the observed
 * summaries with equal weights. The tolerance is the N-th smallest distance. The prior sample is
 * the same as generation 0 of {@link abcSmc} with the same seed (same draws, same seeds), so the
 * two methods can be compared on equal terms.
 *
 * With a target tolerance ε_T fixed in advance (`tolerance`), every draw within ε_T is kept
 * instead, with equal weights — the ABC posterior at ε_T, the form in which Pritchard et al.
 * state the method; fewer than two kept is a typed error. `noisy` compares the draws with the
 * observed point moved once by a kernel draw at ε_T (noisy ABC, Fearnhead & Prangle 2012, §2.2;
 * see abc-distance.ts), which makes the kept sample a calibrated posterior at that tolerance.
 */
import { createRng } from '../analysis/random.js';
import { EntenteError } from '../errors.js';
import { fmix32, runSeed } from '../simulation/streams.js';
import {
  type AbcToleranceOptions,
  abcTarget,
  distanceScales,
  resolveTolerance,
  targetDistance,
} from './abc-distance.js';
import type { AbcProblem, AbcResult, BatchSimulator } from './abc-problem.js';
import { checkAbcProblem } from './abc-smc.js';
import { drawPrior } from './prior-draws.js';

/** Options of {@link abcRejection}. */
export interface AbcRejectionOptions extends AbcToleranceOptions {
  /** Particles kept N (without a `tolerance`). @default 500 */
  readonly particles?: number;
  /** Prior draws simulated S. @default 40 × particles */
  readonly simulations?: number;
  /** @default 1 */
  readonly seed?: number;
}

/**
 * Too few prior draws fell within rejection ABC's target tolerance: the run has no posterior at
 * it. An {@link EntenteError} (`out-of-range`) that also says how many were kept.
 */
export class ToleranceNotReachedError extends EntenteError {
  readonly kept: number;
  readonly tolerance: number;
  constructor(message: string, kept: number, tolerance: number) {
    super('out-of-range', message);
    this.kept = kept;
    this.tolerance = tolerance;
  }
}

/**
 * Calibrates by rejection ABC (see the file's description).
 * @throws {EntenteError} `out-of-range` when particles < 2 or simulations < particles, or for a
 *   tolerance that is not > 0; `invalid-argument` for `noisy` without a tolerance;
 *   {@link ToleranceNotReachedError} when fewer than 2 draws lie within the tolerance
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
  const tol = resolveTolerance(op, options);
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
  const { target, noise } = abcTarget(observed, scales, blockSize, seed, tol);
  const dist = new Float64Array(s);
  for (let i = 0; i < s; i++) dist[i] = targetDistance(summaries, i * m, target, scales, blockSize);
  let kept: number[];
  if (tol.tolerance === null) kept = closestDraws(dist, n);
  else {
    const epsilonT = tol.tolerance;
    let within = 0;
    for (let i = 0; i < s; i++) if (dist[i] <= epsilonT) within++;
    if (within < 2)
      throw new ToleranceNotReachedError(
        `${op}: ${within === 0 ? 'none' : 'only 1'} of the ${s} prior draws lies within the tolerance ${epsilonT}${tol.noisy ? ' of the noisy observed point' : ''}, and a posterior needs at least 2; give a larger tolerance or a larger budget (simulations)`,
        within,
        epsilonT,
      );
    kept = closestDraws(dist, within);
  }
  const count = kept.length;
  const particles = new Float64Array(count * d);
  const keptSummaries = new Float64Array(count * m);
  const distances = new Float64Array(count);
  kept.forEach((i, k) => {
    particles.set(theta.subarray(i * d, i * d + d), k * d);
    keptSummaries.set(summaries.subarray(i * m, i * m + m), k * m);
    distances[k] = dist[i];
  });
  const epsilon = tol.tolerance ?? distances[count - 1];
  return {
    method: 'rejection',
    seed,
    parameters,
    particles,
    weights: new Float64Array(count).fill(1 / count),
    distances,
    summaries: keptSummaries,
    ess: count,
    epsilon,
    tolerance: tol.tolerance,
    noisy: tol.noisy,
    targetReached: tol.tolerance === null ? null : true,
    noise,
    scales,
    generations: [{ epsilon, ess: count, resampled: false, acceptance: count / s, simulations: s }],
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
