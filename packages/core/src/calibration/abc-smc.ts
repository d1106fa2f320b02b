/**
 * Adaptive sequential Monte Carlo for approximate Bayesian computation, after P. Del Moral,
 * A. Doucet & A. Jasra, "An adaptive sequential Monte Carlo method for approximate Bayesian
 * computation", Statistics and Computing 22 (2012) 1009–1020, with one pseudo-dataset per
 * particle (their M = 1) and the random-walk kernel of M. A. Beaumont, J.-M. Cornuet, J.-M. Marin
 * & C. P. Robert, "Adaptive approximate Bayesian computation", Biometrika 96 (2009) 983–990
 * (a Gaussian with twice the particles' weighted variance, here component-wise).
 *
 * Generation 0 draws N particles from the uniform prior and simulates each once; the distance
 * scales are fixed from these draws (abc-distance.ts). Each later generation n:
 * 1. chooses the tolerance ε_n ≤ ε_{n−1} so that the effective sample size (ESS, 1/Σw²) of the
 *    reweighted particles is α times the previous one (Del Moral et al. §3.1; α = 0.9 by
 *    default, their recommended value range) — the tolerance schedule adapts to the problem;
 * 2. reweights w_i ∝ w_i · 1(d_i ≤ ε_n) (their importance weights with M = 1);
 * 3. resamples (systematic, G. Kitagawa 1996) when the ESS falls below N/2;
 * 4. moves every living particle by Metropolis–Hastings steps of the ABC posterior at ε_n:
 *    propose θ' = θ + s ∘ z, s_j = √(c_d Var_w θ_j), c_d = min(2, 2.38²/d) (twice the variance as
 *    Beaumont et al. propose in few dimensions; in many, the optimal random-walk scaling of G. O.
 *    Roberts, A. Gelman & W. R. Gilks, Ann. Appl. Probab. 7 (1997) 110–120), z standard normal, simulate x' at θ', accept
 *    when θ' is inside the prior box and d(x', y) ≤ ε_n (the uniform prior and the symmetric
 *    proposal cancel in the acceptance ratio). With one step (Del Moral et al.'s choice) the
 *    particles collapse onto a few values once acceptance is low, and the posterior comes out too
 *    narrow (our simulation-based calibration test showed 60 % coverage of 90 % intervals); so,
 *    as C. C. Drovandi & A. N. Pettitt ("Estimation of parameters for macroparasite population
 *    evolution using approximate Bayesian computation", Biometrics 67 (2011) 225–233) do, the
 *    step is repeated R = ⌈ln c / ln(1 − p)⌉ times (at most `maxMoves`), p the first step's
 *    acceptance rate, so a particle stays put with probability about c = 1 %.
 * The run stops when the moves' acceptance rate falls below `minAcceptance` (Del Moral et al.
 * stop at 1.5 %, the default), when the next generation would exceed the simulation budget, or
 * after `maxGenerations`.
 *
 * With a target tolerance ε_T fixed in advance (`tolerance`), the schedule never goes below it
 * (ε_n = max(ε_T, the adaptive choice)); the generation that reaches ε_T finishes its moves at
 * ε_T and the run stops there, with the particles an ABC posterior at ε_T. When one of the three
 * rules above would end the run before ε_T, it takes one last generation straight at ε_T
 * instead: weights ∝ w_i 1(d_i ≤ ε_T) — a larger step than α prescribes, still an importance
 * step of the same sampler — then the moves at ε_T as far as the budget pays for them. Only when
 * fewer than two living particles lie within ε_T does the run end short of it, and it says so
 * (`targetReached: false`). `noisy` compares every
 * simulation with the observed point moved once by a kernel draw at ε_T, drawn after generation 0
 * has fixed the scales (noisy ABC, Fearnhead & Prangle 2012, §2.2; abc-distance.ts): the ABC
 * posterior at ε_T is then calibrated, which the adaptive, data-chosen tolerance is not.
 *
 * Randomness: generation g's proposals and resampling draw from one stream seeded by
 * runSeed(seed, g); particle i's simulation in round r of generation g gets the seed
 * runSeed(runSeed(seed, g), r·N + i). All draws happen on the calling thread and the simulator returns rows in order, so any
 * split of a batch across workers gives the same bytes.
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
import {
  type AbcGeneration,
  type AbcProblem,
  type AbcResult,
  type BatchSimulator,
  concatRows,
} from './abc-problem.js';
import { checkShare, checkWhole } from './option-checks.js';
import { drawPrior, standardNormal } from './prior-draws.js';

/** Options of {@link abcSmc}. */
export interface AbcSmcOptions extends AbcToleranceOptions {
  /** Particles N. @default 500 */
  readonly particles?: number;
  /** Master seed. @default 1 */
  readonly seed?: number;
  /** Simulation budget (the prior sample included). @default 40 × particles */
  readonly maxSimulations?: number;
  /** Share of the ESS kept by each tolerance step. @default 0.9 */
  readonly alpha?: number;
  /** Resample when the ESS falls below this share of N. @default 0.5 */
  readonly resampleBelow?: number;
  /** Stop when the moves' acceptance rate falls below this. @default 0.015 */
  readonly minAcceptance?: number;
  /** @default 200 */
  readonly maxGenerations?: number;
  /** Largest number of Metropolis–Hastings rounds in one generation. @default 20 */
  readonly maxMoves?: number;
  /** The chance c a particle may keep of not moving in a generation (sets the rounds). @default 0.01 */
  readonly stayProbability?: number;
  /**
   * Proposals per simulator call within a Metropolis–Hastings round: a parallel simulator starts
   * on the first ones while the rest are drawn. Any value gives the same result.
   * @default all of a round's proposals in one call
   */
  readonly chunkRows?: number;
  /** Called after each generation (progress). */
  readonly onGeneration?: (generation: AbcGeneration, index: number) => void;
}

/** {@link AbcSmcOptions} with defaults filled in. */
export interface ResolvedAbcSmcOptions {
  readonly particles: number;
  readonly seed: number;
  readonly maxSimulations: number;
  readonly alpha: number;
  readonly resampleBelow: number;
  readonly minAcceptance: number;
  readonly maxGenerations: number;
  readonly maxMoves: number;
  readonly stayProbability: number;
  readonly chunkRows: number;
}

/**
 * Fills the defaults of {@link AbcSmcOptions} and checks them.
 * @throws {EntenteError} `out-of-range` on a count below 1 (particles below 2), a share outside (0, 1)
 */
export function resolveAbcSmcOptions(options: AbcSmcOptions = {}): ResolvedAbcSmcOptions {
  const particles = options.particles ?? 500;
  const resolved = {
    particles,
    seed: options.seed ?? 1,
    maxSimulations: options.maxSimulations ?? 40 * particles,
    alpha: options.alpha ?? 0.9,
    resampleBelow: options.resampleBelow ?? 0.5,
    minAcceptance: options.minAcceptance ?? 0.015,
    maxGenerations: options.maxGenerations ?? 200,
    maxMoves: options.maxMoves ?? 20,
    stayProbability: options.stayProbability ?? 0.01,
    chunkRows: options.chunkRows ?? particles,
  };
  const whole = (name: string, x: number, min: number) => checkWhole('abc-smc', name, x, min);
  whole('particles', resolved.particles, 2);
  whole('seed', resolved.seed, 0);
  whole('maxSimulations', resolved.maxSimulations, particles);
  whole('maxGenerations', resolved.maxGenerations, 1);
  whole('maxMoves', resolved.maxMoves, 1);
  whole('chunkRows', resolved.chunkRows, 1);
  for (const name of ['alpha', 'resampleBelow', 'minAcceptance', 'stayProbability'] as const) {
    checkShare('abc-smc', name, resolved[name]);
  }
  return resolved;
}

/**
 * Checks a problem: a non-empty prior box with lo < hi, blocks that divide the summaries.
 * @throws {EntenteError} `invalid-argument`
 */
export function checkAbcProblem(problem: AbcProblem, operation: string): void {
  const { parameters, observed } = problem;
  const blockSize = problem.blockSize ?? 1;
  if (parameters.length === 0)
    throw new EntenteError('invalid-argument', `${operation}: no parameters to calibrate`);
  for (const p of parameters) {
    if (!(Number.isFinite(p.lo) && Number.isFinite(p.hi) && p.lo < p.hi))
      throw new EntenteError(
        'invalid-argument',
        `${operation}: parameter "${p.id}" needs a finite range lo < hi, got [${p.lo}, ${p.hi}]`,
      );
  }
  if (!Number.isInteger(blockSize) || blockSize < 1 || observed.length % blockSize !== 0)
    throw new EntenteError(
      'invalid-argument',
      `${operation}: ${observed.length} observed summaries do not split into blocks of ${blockSize}`,
    );
  if (observed.every((y) => Number.isNaN(y)))
    throw new EntenteError('invalid-argument', `${operation}: no observed value to fit`);
}

/** The ESS 1/Σw² of normalised weights. */
export function effectiveSampleSize(weights: Float64Array): number {
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < weights.length; i++) {
    s1 += weights[i];
    s2 += weights[i] * weights[i];
  }
  return s2 > 0 ? (s1 * s1) / s2 : 0;
}

/** Simulates `count` rows of `thetas` with their seeds and checks the summaries' shape. */
async function simulateRows(
  simulate: BatchSimulator,
  thetas: Float64Array,
  seeds: Uint32Array,
  m: number,
  operation: string,
): Promise<Float64Array> {
  const out = await simulate(thetas, seeds);
  if (out.length !== seeds.length * m)
    throw new EntenteError(
      'internal',
      `${operation}: the simulator returned ${out.length} values for ${seeds.length} × ${m}`,
    );
  return out;
}

/** Generation g's seed: proposals draw from createRng(fmix32(it)), particle i simulates with runSeed(it, i). */
function generationSeed(seed: number, g: number): number {
  return runSeed(seed, g);
}

/**
 * Calibrates by adaptive ABC-SMC (see the file's description).
 * @throws {EntenteError} `invalid-argument` on a malformed problem, `out-of-range` on bad options
 * @example const r = await abcSmc({ parameters, observed }, simulate, { particles: 500, seed: 7 })
 */
export async function abcSmc(
  problem: AbcProblem,
  simulate: BatchSimulator,
  options: AbcSmcOptions = {},
): Promise<AbcResult> {
  const op = 'abc-smc';
  checkAbcProblem(problem, op);
  const o = resolveAbcSmcOptions(options);
  const tol = resolveTolerance(op, options);
  const { parameters, observed } = problem;
  const blockSize = problem.blockSize ?? 1;
  const n = o.particles;
  const d = parameters.length;
  const m = observed.length;
  // Twice the variance (Beaumont et al.) in few dimensions; 2.38²/d of it in many, the random-walk
  // scaling of Roberts, Gelman & Gilks (1997), without which a 25-parameter proposal almost never
  // lands inside the prior box.
  const kernelScale = Math.min(2, 2.38 ** 2 / d);
  const generations: AbcGeneration[] = [];
  const report = (g: AbcGeneration) => {
    generations.push(g);
    options.onGeneration?.(g, generations.length - 1);
  };

  // Generation 0: the prior sample.
  let seed0 = generationSeed(o.seed, 0);
  let rng = createRng(fmix32(seed0));
  let theta = new Float64Array(n * d);
  const seeds = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    drawPrior(rng, parameters, theta, i * d);
    seeds[i] = runSeed(seed0, i);
  }
  let summaries = await simulateRows(simulate, theta, seeds, m, op);
  let simulations = n;
  const scales = distanceScales(summaries, n, m, blockSize);
  const { target: observedPoint, noise } = abcTarget(observed, scales, blockSize, o.seed, tol);
  let dist = new Float64Array(n);
  for (let i = 0; i < n; i++)
    dist[i] = targetDistance(summaries, i * m, observedPoint, scales, blockSize);
  let weights = new Float64Array(n).fill(1 / n);
  let epsilon = Number.POSITIVE_INFINITY;
  let ess = n;
  let reached = false;
  report({ epsilon, ess, resampled: false, acceptance: null, simulations: n });

  const order = new Uint32Array(n);
  const sd = new Float64Array(d);
  const lo = Float64Array.from(parameters, (p) => p.lo);
  const hi = Float64Array.from(parameters, (p) => p.hi);
  const proposals = new Float64Array(n * d);
  const moving = new Uint32Array(n);
  const batchSeeds = new Uint32Array(n);
  // With a target tolerance, a run that the acceptance rule, the budget or the generation cap
  // would end before ε_T takes one last generation straight at ε_T instead (`finalStep`).
  let jump = false;
  for (let g = 1; g <= o.maxGenerations; g++) {
    const affordable = simulations + n <= o.maxSimulations;
    const finalStep = tol.tolerance !== null && (jump || !affordable || g === o.maxGenerations);
    if (!affordable && !finalStep) break;
    seed0 = generationSeed(o.seed, g);
    rng = createRng(fmix32(seed0));

    // 1. The next tolerance: the smallest distance that keeps α × ESS.
    let alive = 0;
    for (let i = 0; i < n; i++) if (weights[i] > 0) order[alive++] = i;
    const living = order.subarray(0, alive).sort((a, b) => dist[a] - dist[b]);
    const target = o.alpha * ess;
    let s1 = 0;
    let s2 = 0;
    let next = epsilon;
    for (let k = 0; k < living.length; k++) {
      const w = weights[living[k]];
      s1 += w;
      s2 += w * w;
      const last = k + 1 === living.length || dist[living[k + 1]] > dist[living[k]];
      if (last && (s1 * s1) / s2 >= target) {
        next = dist[living[k]];
        break;
      }
    }
    if (tol.tolerance !== null && (finalStep || Math.min(epsilon, next) <= tol.tolerance)) {
      // The schedule never goes below ε_T, and its last step may go straight there; it needs two
      // living particles within ε_T, or the run ends here, short of the target, with the
      // particles of the previous generation.
      let within = 0;
      for (let i = 0; i < n; i++) if (weights[i] > 0 && dist[i] <= tol.tolerance) within++;
      if (within < 2) break;
      epsilon = tol.tolerance;
      reached = true;
    } else epsilon = Math.min(epsilon, next);

    // 2. Reweight.
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (!(dist[i] <= epsilon)) weights[i] = 0;
      total += weights[i];
    }
    for (let i = 0; i < n; i++) weights[i] /= total;
    ess = effectiveSampleSize(weights);

    // 3. Resample (systematic) when the ESS is low.
    const resampled = ess < o.resampleBelow * n;
    if (resampled) {
      const nextTheta = new Float64Array(n * d);
      const nextSummaries = new Float64Array(n * m);
      const nextDist = new Float64Array(n);
      const u0 = rng() / n;
      let cumulative = weights[0];
      let source = 0;
      for (let i = 0; i < n; i++) {
        const u = u0 + i / n;
        while (cumulative < u && source < n - 1) cumulative += weights[++source];
        nextTheta.set(theta.subarray(source * d, source * d + d), i * d);
        nextSummaries.set(summaries.subarray(source * m, source * m + m), i * m);
        nextDist[i] = dist[source];
      }
      theta = nextTheta;
      summaries = nextSummaries;
      dist = nextDist;
      weights = new Float64Array(n).fill(1 / n);
    }
    // The next tolerance keeps α of the ESS the particles have now (N after resampling).
    const essAfter = resampled ? n : ess;

    /** One Metropolis–Hastings round over the living particles; returns simulations and accepts. */
    const moveRound = async (round: number) => {
      // The proposals are drawn here, on the calling thread, in particle order (N × d normals);
      // every `chunkRows` of them go to the simulator at once, so a parallel simulator runs them
      // while the rest are drawn.
      let count = 0;
      let issued = 0;
      const parts: Promise<Float64Array>[] = [];
      const issue = () => {
        parts.push(
          simulateRows(
            simulate,
            proposals.slice(issued * d, count * d),
            batchSeeds.slice(issued, count),
            m,
            op,
          ),
        );
        issued = count;
      };
      for (let i = 0; i < n; i++) {
        if (!(weights[i] > 0)) continue;
        let inside = true;
        const at = count * d;
        for (let j = 0; j < d; j++) {
          const x = theta[i * d + j] + sd[j] * standardNormal(rng);
          if (!(x >= lo[j] && x <= hi[j])) inside = false;
          proposals[at + j] = x;
        }
        if (inside) {
          moving[count] = i;
          batchSeeds[count] = runSeed(seed0, round * n + i);
          count++;
          if (count - issued >= o.chunkRows) issue();
        }
      }
      if (count > issued) issue();
      const chunks = await Promise.all(parts);
      const simulated = concatRows(chunks);
      simulations += count;
      let accepted = 0;
      for (let k = 0; k < count; k++) {
        const distance = targetDistance(simulated, k * m, observedPoint, scales, blockSize);
        if (!(distance <= epsilon)) continue;
        const i = moving[k];
        accepted++;
        for (let j = 0; j < d; j++) theta[i * d + j] = proposals[k * d + j];
        summaries.set(simulated.subarray(k * m, k * m + m), i * m);
        dist[i] = distance;
      }
      return { simulated: count, accepted };
    };

    // 4. Move: ABC Metropolis–Hastings steps, repeated so each particle moves with probability
    // about 1 − c (Drovandi & Pettitt 2011): R = ⌈ln c / ln(1 − p)⌉ rounds, p the first round's
    // acceptance rate.
    for (let j = 0; j < d; j++) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += weights[i] * theta[i * d + j];
      let variance = 0;
      for (let i = 0; i < n; i++) variance += weights[i] * (theta[i * d + j] - mean) ** 2;
      sd[j] = Math.sqrt(kernelScale * variance);
    }
    let living2 = 0;

    for (let i = 0; i < n; i++) if (weights[i] > 0) living2++;
    if (!affordable) {
      // The budget cannot pay for moves: the particles stay reweighted at ε_T.
      report({ epsilon, ess, resampled, acceptance: null, simulations: 0 });
      break;
    }
    let rounds = 1;
    let acceptance = 0;
    let generationSimulations = 0;
    for (let round = 0; round < rounds; round++) {
      if (round > 0 && simulations + living2 > o.maxSimulations) break;
      const moved = await moveRound(round);
      generationSimulations += moved.simulated;
      if (round === 0) {
        acceptance = living2 === 0 ? 0 : moved.accepted / living2;
        rounds =
          acceptance >= 1
            ? 1
            : Math.min(
                o.maxMoves,
                Math.ceil(Math.log(o.stayProbability) / Math.log1p(-acceptance)),
              );
      }
    }
    report({ epsilon, ess, resampled, acceptance, simulations: generationSimulations });
    ess = essAfter;
    if (reached) break;
    if (acceptance < o.minAcceptance) {
      if (tol.tolerance === null) break;
      jump = true;
    }
  }

  return {
    method: 'abc-smc',
    seed: o.seed,
    parameters,
    particles: theta,
    weights,
    distances: dist,
    summaries,
    ess: effectiveSampleSize(weights),
    epsilon,
    tolerance: tol.tolerance,
    noisy: tol.noisy,
    targetReached: tol.tolerance === null ? null : reached,
    noise,
    scales,
    generations,
    simulations,
  };
}
