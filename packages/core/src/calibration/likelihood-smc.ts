/**
 * A sequential Monte Carlo sampler of the exact posterior of a model whose counts are negative
 * binomial (or Poisson) around latent expected counts μ(θ, ξ), ξ the run's random shocks (its
 * seed): the pseudo-marginal approach of C. Andrieu & G. O. Roberts ("The pseudo-marginal approach
 * for efficient Monte Carlo computations", Ann. Statist. 37(2) (2009) 697–725) inside the
 * density-tempered SMC sampler of J.-C. Duan & A. Fulop ("Density-tempered marginalized
 * sequential Monte Carlo samplers", J. Bus. Econ. Stat. 33(2) (2015) 192–202).
 *
 * L̂(θ, ξ) = Π over the observed target-years of NB(y | μ(θ, ξ), k(θ)) (docs/model.md, M20), with
 * ξ drawn from its prior, is an unbiased estimate of the likelihood p(y | θ) — with M > 1 latent
 * runs per θ, the mean of their M products. The sampler runs on the extended space (θ, ξ) through
 * the targets π(θ) p(ξ) L̂(θ, ξ)^β, β from 0 to 1; at β = 1 the θ-marginal is the exact posterior
 * (Andrieu & Roberts, §2). Generation 0 draws N particles from the uniform prior, each with its
 * latent run(s). Each later generation:
 * 1. chooses β_n ∈ (β_{n−1}, 1] so that the ESS of the reweighted particles is α times the
 *    present one (the adaptive rule of P. Del Moral, A. Doucet & A. Jasra, Stat. Comput. 22 (2012)
 *    1009–1020, §3.1, applied to the temperature as A. Jasra, D. A. Stephens, A. Doucet &
 *    T. Tsagaris, Scand. J. Stat. 38 (2011) 1–22, do; bisection on β), and reweights
 *    w_i ∝ w_i L̂_i^{β_n − β_{n−1}};
 * 2. resamples (systematic, G. Kitagawa 1996) when the ESS falls below N/2;
 * 3. moves every living particle by Metropolis–Hastings steps targeting π(θ) p(ξ) L̂^{β_n}, in
 *    two halves, each an exact MH step of that target:
 *    (a) θ' = θ + L z, z standard normal, L L^T = c_d Σ_w (the particles' weighted covariance,
 *        c_d = min(2, 2.38²/d): the random-walk scaling of G. O. Roberts, A. Gelman & W. R. Gilks,
 *        Ann. Appl. Probab. 7 (1997) 110–120, capped as in `abc-smc.ts`), simulated with the
 *        particle's own latent runs ξ — common random numbers, so the ratio compares θ' with θ
 *        under the same shocks — and accepted with probability min(1, [L̂(θ', ξ)/L̂(θ, ξ)]^{β_n})
 *        inside the prior box (outside it, rejected unsimulated; the uniform prior cancels);
 *    (b) fresh latent runs ξ' ~ p(ξ) (new seeds) at the current θ, accepted with probability
 *        min(1, [L̂(θ, ξ')/L̂(θ, ξ)]^{β_n}) — the prior of ξ' cancels with its proposal (Andrieu &
 *        Roberts' move with θ' = θ).
 *    As in `abc-smc.ts` the pair is repeated R = ⌈ln c / ln(1 − p)⌉ times (at most `maxMoves`),
 *    p the first round's acceptance rate of (a) (C. C. Drovandi & A. N. Pettitt, Biometrics 67
 *    (2011) 225–233), so a particle stays put with probability about c.
 * The run ends after the moves at β = 1. Should the next generation's first round exceed the
 * simulation budget, the particles are reweighted straight to β = 1 without moving (importance
 * sampling: still the exact posterior, at the cost of the ESS the result reports).
 *
 * A missing observation (NaN) is skipped. An observed count y > 0 where μ = 0 has likelihood 0; when
 * every prior draw has L̂ = 0 the data are impossible under the model at any θ the prior sample
 * reached, and the run stops with an error naming the target-years that cause it.
 *
 * The sampler is exact only if it mixes, and that needs the noise of ln L̂ across latent runs to
 * be small (a standard deviation of about 1–2; A. Doucet, M. K. Pitt, G. Deligiannidis & R. Kohn,
 * Biometrika 102(2) (2015) 295–313). On the history model it is often far larger, and the
 * sampler then fails simulation-based calibration (docs/calibration.md, "Proof that it works").
 *
 * Randomness: generation g's proposals, acceptance draws and resampling use one stream seeded by
 * runSeed(seed, g); generation 0's particle i has the latent runs runSeed(runSeed(seed, 0),
 * i·M + j), and fresh runs in round r of generation g the seeds runSeed(runSeed(seed, g),
 * (r·N + i)·M + j). All draws happen on the calling thread and the
 * simulator returns rows in order, so any split of a batch across workers gives the same bytes.
 */
import { createRng } from '../analysis/random.js';
import { EntenteError } from '../errors.js';
import { fmix32, runSeed } from '../simulation/streams.js';
import type { AbcGeneration, AbcParameter, BatchSimulator } from './abc-problem.js';
import { effectiveSampleSize } from './abc-smc.js';
import { observationLogPmf } from './observation.js';
import { drawPrior, standardNormal } from './prior-draws.js';

/**
 * Simulates the latent expected counts of a batch (thetas n × d, seeds n): per row the m expected
 * counts μ (in the order of the observed values), then the negative binomial dispersion k
 * (Infinity for Poisson counts) — n × (m + 1), rows in order (see BatchSimulator).
 */
export type MeanBatchSimulator = BatchSimulator;

/** What {@link likelihoodSmc} fits. */
export interface LikelihoodProblem {
  /** The uniform prior: one interval per parameter. */
  readonly parameters: readonly AbcParameter[];
  /** Observed counts (m whole numbers ≥ 0; NaN where missing, which the likelihood skips). */
  readonly observed: Float64Array;
  /** A name per observed value (e.g. `republic--isk 2017`) for error messages. @default `#k` */
  readonly labels?: readonly string[];
}

/** Options of {@link likelihoodSmc}. */
export interface LikelihoodSmcOptions {
  /** Particles N. @default 500 */
  readonly particles?: number;
  /** Master seed. @default 1 */
  readonly seed?: number;
  /** Budget of latent runs (the prior sample's included). @default 40 × particles */
  readonly maxSimulations?: number;
  /** Latent runs M per θ whose likelihoods are averaged. @default 1 */
  readonly latentRuns?: number;
  /** Share of the ESS kept by each temperature step. @default 0.5 */
  readonly alpha?: number;
  /** Resample when the ESS falls below this share of N. @default 0.5 */
  readonly resampleBelow?: number;
  /** Largest number of Metropolis–Hastings rounds in one generation. @default 20 */
  readonly maxMoves?: number;
  /** The chance c a particle may keep of not moving in a generation (sets the rounds). @default 0.01 */
  readonly stayProbability?: number;
  /** @default 200 */
  readonly maxGenerations?: number;
  /** Called after each generation (its `epsilon` is the temperature β). */
  readonly onGeneration?: (generation: AbcGeneration, index: number) => void;
}

/** The weighted particles of {@link likelihoodSmc}. */
export interface LikelihoodSmcResult {
  readonly method: 'likelihood-smc';
  readonly seed: number;
  readonly parameters: readonly AbcParameter[];
  /** n × d particle values, row-major. */
  readonly particles: Float64Array;
  /** n normalised weights. */
  readonly weights: Float64Array;
  /** Each particle's ln L̂ (its latent run's log-likelihood). */
  readonly logLikelihoods: Float64Array;
  readonly ess: number;
  /** The final temperature: 1 (the posterior), reached by moves or by the budget's last reweighting. */
  readonly epsilon: number;
  /** Per generation; `epsilon` holds its temperature β (0 for the prior sample). */
  readonly generations: readonly AbcGeneration[];
  /** Latent runs simulated in total. */
  readonly simulations: number;
}

/**
 * ln L̂ of one simulated row: Σ over the observed values of the negative binomial log pmf.
 * @throws {EntenteError} `internal` when the simulator returned a bad mean or dispersion
 */
export function countLogLikelihood(
  observed: Float64Array,
  means: Float64Array,
  offset: number,
): number {
  const m = observed.length;
  const k = means[offset + m];
  let sum = 0;
  for (let j = 0; j < m; j++) {
    const y = observed[j];
    if (Number.isNaN(y)) continue;
    const mu = means[offset + j];
    if (!(mu >= 0 && mu < Number.POSITIVE_INFINITY) || !(k > 0))
      throw new EntenteError(
        'internal',
        `likelihood-smc: the simulator returned mean ${mu}, dispersion ${k} for value ${j}`,
      );
    sum += observationLogPmf(y, mu, k);
    if (sum === Number.NEGATIVE_INFINITY) return sum;
  }
  return sum;
}

function resolve(options: LikelihoodSmcOptions) {
  const particles = options.particles ?? 500;
  const o = {
    particles,
    seed: options.seed ?? 1,
    maxSimulations: options.maxSimulations ?? 40 * particles,
    latentRuns: options.latentRuns ?? 1,
    alpha: options.alpha ?? 0.5,
    resampleBelow: options.resampleBelow ?? 0.5,
    maxMoves: options.maxMoves ?? 20,
    stayProbability: options.stayProbability ?? 0.01,
    maxGenerations: options.maxGenerations ?? 200,
  };
  const whole = (name: string, x: number, min: number) => {
    if (!Number.isSafeInteger(x) || x < min)
      throw new EntenteError(
        'out-of-range',
        `likelihood-smc: ${name} must be a whole number ≥ ${min}, got ${x}`,
      );
  };
  whole('particles', o.particles, 2);
  whole('seed', o.seed, 0);
  whole('latentRuns', o.latentRuns, 1);
  whole('maxSimulations', o.maxSimulations, particles * o.latentRuns);
  whole('maxMoves', o.maxMoves, 1);
  whole('maxGenerations', o.maxGenerations, 1);
  for (const name of ['alpha', 'resampleBelow', 'stayProbability'] as const)
    if (!(o[name] > 0 && o[name] < 1))
      throw new EntenteError(
        'out-of-range',
        `likelihood-smc: ${name} must lie in (0, 1), got ${o[name]}`,
      );
  return o;
}

/** ESS of weights w_i · exp(δ (ℓ_i − max ℓ)), the living (w > 0, ℓ finite) particles only. */
function essAt(weights: Float64Array, ell: Float64Array, top: number, delta: number): number {
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < weights.length; i++) {
    if (!(weights[i] > 0) || ell[i] === Number.NEGATIVE_INFINITY) continue;
    const w = weights[i] * Math.exp(delta * (ell[i] - top));
    s1 += w;
    s2 += w * w;
  }
  return s2 > 0 ? (s1 * s1) / s2 : 0;
}

/**
 * Writes into `out` (d × d, lower triangle) the Cholesky factor of scale × the particles' weighted
 * covariance, its diagonal raised by 1e-10 of itself so that a degenerate direction (all particles
 * equal in it) still factors.
 */
function proposalFactor(
  theta: Float64Array,
  weights: Float64Array,
  n: number,
  d: number,
  scale: number,
  out: Float64Array,
): void {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += weights[i] * theta[i * d + j];
  const cov = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    if (!(weights[i] > 0)) continue;
    for (let j = 0; j < d; j++) {
      const a = theta[i * d + j] - mean[j];
      for (let l = 0; l <= j; l++) cov[j * d + l] += weights[i] * a * (theta[i * d + l] - mean[l]);
    }
  }
  for (let j = 0; j < d; j++) cov[j * d + j] = cov[j * d + j] * (1 + 1e-10) + 1e-300;
  out.fill(0);
  for (let j = 0; j < d; j++) {
    for (let l = 0; l <= j; l++) {
      let sum = scale * cov[j * d + l];
      for (let q = 0; q < l; q++) sum -= out[j * d + q] * out[l * d + q];
      if (l === j) out[j * d + j] = Math.sqrt(Math.max(sum, 0));
      else out[j * d + l] = out[l * d + l] > 0 ? sum / out[l * d + l] : 0;
    }
  }
}

/**
 * Samples the posterior of `problem` by density-tempered pseudo-marginal SMC (see the file's
 * description).
 * @throws {EntenteError} `invalid-argument` on a malformed problem, or when every prior draw gives
 *   the data likelihood 0 (the message names the target-years); `out-of-range` on bad options
 * @example const r = await likelihoodSmc({ parameters, observed }, means, { particles: 500 })
 */
export async function likelihoodSmc(
  problem: LikelihoodProblem,
  simulate: MeanBatchSimulator,
  options: LikelihoodSmcOptions = {},
): Promise<LikelihoodSmcResult> {
  const op = 'likelihood-smc';
  const { parameters, observed } = problem;
  if (parameters.length === 0)
    throw new EntenteError('invalid-argument', `${op}: no parameters to calibrate`);
  for (const p of parameters)
    if (!(Number.isFinite(p.lo) && Number.isFinite(p.hi) && p.lo < p.hi))
      throw new EntenteError(
        'invalid-argument',
        `${op}: parameter "${p.id}" needs a finite range lo < hi, got [${p.lo}, ${p.hi}]`,
      );
  const label = (k: number) => problem.labels?.[k] ?? `#${k}`;
  for (let k = 0; k < observed.length; k++) {
    const y = observed[k];
    if (!Number.isNaN(y) && !(Number.isInteger(y) && y >= 0))
      throw new EntenteError(
        'invalid-argument',
        `${op}: observed value ${label(k)} is ${y}, not a whole number ≥ 0 (or missing)`,
      );
  }
  if (observed.every((y) => Number.isNaN(y)))
    throw new EntenteError('invalid-argument', `${op}: no observed value to fit`);
  const o = resolve(options);
  const n = o.particles;
  const d = parameters.length;
  const m = observed.length;
  const M = o.latentRuns;
  const row = m + 1;
  const kernelScale = Math.min(2, 2.38 ** 2 / d);
  const generations: AbcGeneration[] = [];
  const report = (g: AbcGeneration) => {
    generations.push(g);
    options.onGeneration?.(g, generations.length - 1);
  };

  /** Simulates M latent runs of each of `count` rows of `thetas`; returns ln L̂ per row. */
  const logLikelihoods = async (
    thetas: Float64Array,
    count: number,
    seedOf: (i: number, j: number) => number,
  ): Promise<{ ell: Float64Array; means: Float64Array }> => {
    const batch = new Float64Array(count * M * d);
    const seeds = new Uint32Array(count * M);
    for (let i = 0; i < count; i++)
      for (let j = 0; j < M; j++) {
        batch.set(thetas.subarray(i * d, i * d + d), (i * M + j) * d);
        seeds[i * M + j] = seedOf(i, j);
      }
    const means = count === 0 ? new Float64Array(0) : await simulate(batch, seeds);
    if (means.length !== count * M * row)
      throw new EntenteError(
        'internal',
        `${op}: the simulator returned ${means.length} values for ${count * M} × ${row}`,
      );
    const ell = new Float64Array(count);
    const parts = new Float64Array(M);
    for (let i = 0; i < count; i++) {
      let top = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < M; j++) {
        parts[j] = countLogLikelihood(observed, means, (i * M + j) * row);
        top = Math.max(top, parts[j]);
      }
      // ln of the mean of the M likelihoods.
      let s = 0;
      if (top > Number.NEGATIVE_INFINITY) for (let j = 0; j < M; j++) s += Math.exp(parts[j] - top);
      ell[i] = top === Number.NEGATIVE_INFINITY ? top : top + Math.log(s / M);
    }
    return { ell, means };
  };

  // Generation 0: the prior sample.
  let seed0 = runSeed(o.seed, 0);
  let rng = createRng(fmix32(seed0));
  let theta = new Float64Array(n * d);
  for (let i = 0; i < n; i++) drawPrior(rng, parameters, theta, i * d);
  // Each particle's latent runs, named by their seeds: ξ of the extended target.
  let xi = Uint32Array.from({ length: n * M }, (_, r) => runSeed(seed0, r));
  const first = await logLikelihoods(theta, n, (i, j) => xi[i * M + j]);
  let ell = first.ell;
  let simulations = n * M;
  if (ell.every((x) => x === Number.NEGATIVE_INFINITY)) {
    // Which observations no draw can produce: y > 0 where every latent run has μ = 0.
    const impossible: string[] = [];
    for (let k = 0; k < m; k++) {
      if (!(observed[k] > 0)) continue;
      let zero = true;
      for (let r = 0; r < n * M && zero; r++) if (first.means[r * row + k] > 0) zero = false;
      if (zero) impossible.push(`${label(k)} (observed ${observed[k]})`);
    }
    throw new EntenteError(
      'invalid-argument',
      `${op}: none of the ${n} prior draws gives the data a likelihood above 0` +
        (impossible.length > 0
          ? `: the model expects no events where the data record some, in ${impossible.join(', ')}. Leave those targets out (--targets) or the years out (--from/--until)`
          : '; each draw has some observed count > 0 where its run expects none. Fit fewer targets (--targets) or years'),
    );
  }
  let weights = new Float64Array(n).fill(1 / n);
  let beta = 0;
  let ess = n;
  report({ epsilon: 0, ess: n, resampled: false, acceptance: null, simulations: n * M });

  const chol = new Float64Array(d * d);
  const z = new Float64Array(d);
  for (let g = 1; g <= o.maxGenerations && beta < 1; g++) {
    seed0 = runSeed(o.seed, g);
    rng = createRng(fmix32(seed0));
    let living = 0;
    for (let i = 0; i < n; i++) if (weights[i] > 0 && ell[i] > Number.NEGATIVE_INFINITY) living++;
    const outOfBudget = simulations + 2 * living * M > o.maxSimulations || g === o.maxGenerations;

    // 1. The next temperature: keep α of the ESS (of the living particles, if fewer).
    let top = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) if (weights[i] > 0) top = Math.max(top, ell[i]);
    let next = 1;
    if (!outOfBudget) {
      const target = o.alpha * Math.min(ess, essAt(weights, ell, top, 0));
      if (essAt(weights, ell, top, 1 - beta) < target) {
        let lo = 0;
        let hi = 1 - beta;
        for (let it = 0; it < 60; it++) {
          const mid = (lo + hi) / 2;
          if (essAt(weights, ell, top, mid) >= target) lo = mid;
          else hi = mid;
        }
        next = beta + lo;
        // A step too small to change anything would loop; take the bisection's upper end.
        if (!(next > beta)) next = beta + hi;
      }
    }
    const delta = next - beta;
    beta = next;

    // 2. Reweight.
    let total = 0;
    for (let i = 0; i < n; i++) {
      weights[i] =
        weights[i] > 0 && ell[i] > Number.NEGATIVE_INFINITY
          ? weights[i] * Math.exp(delta * (ell[i] - top))
          : 0;
      total += weights[i];
    }
    for (let i = 0; i < n; i++) weights[i] /= total;
    ess = effectiveSampleSize(weights);
    if (outOfBudget) {
      report({ epsilon: beta, ess, resampled: false, acceptance: null, simulations: 0 });
      break;
    }

    // 3. Resample (systematic) when the ESS is low.
    const resampled = ess < o.resampleBelow * n;
    const essReported = ess;
    if (resampled) {
      const nextTheta = new Float64Array(n * d);
      const nextEll = new Float64Array(n);
      const nextXi = new Uint32Array(n * M);
      const u0 = rng() / n;
      let cumulative = weights[0];
      let source = 0;
      for (let i = 0; i < n; i++) {
        const u = u0 + i / n;
        while (cumulative < u && source < n - 1) cumulative += weights[++source];
        nextTheta.set(theta.subarray(source * d, source * d + d), i * d);
        nextEll[i] = ell[source];
        nextXi.set(xi.subarray(source * M, source * M + M), i * M);
      }
      theta = nextTheta;
      ell = nextEll;
      xi = nextXi;
      weights = new Float64Array(n).fill(1 / n);
      ess = n;
    }

    // 4. Move: the proposal's covariance c_d Σ_w from the particles, then R rounds of MH.
    proposalFactor(theta, weights, n, d, kernelScale, chol);
    living = 0;
    for (let i = 0; i < n; i++) if (weights[i] > 0) living++;
    let rounds = 1;
    let acceptance = 0;
    let generationSimulations = 0;
    for (let round = 0; round < rounds; round++) {
      if (round > 0 && simulations + 2 * living * M > o.maxSimulations) break;
      const moving: number[] = [];
      const proposals: number[] = [];
      for (let i = 0; i < n; i++) {
        if (!(weights[i] > 0)) continue;
        let inside = true;
        const start = proposals.length;
        for (let j = 0; j < d; j++) z[j] = standardNormal(rng);
        for (let j = 0; j < d; j++) {
          let step = 0;
          for (let l = 0; l <= j; l++) step += chol[j * d + l] * z[l];
          const x = theta[i * d + j] + step;
          if (!(x >= parameters[j].lo && x <= parameters[j].hi)) inside = false;
          proposals.push(x);
        }
        if (inside) moving.push(i);
        else proposals.length = start;
      }
      // (a) θ' with the particle's own latent runs ξ (common random numbers: the ratio compares
      // θ' with θ under the same shocks, not two independent shock paths).
      const proposed = await logLikelihoods(
        Float64Array.from(proposals),
        moving.length,
        (k, j) => xi[moving[k] * M + j],
      );
      simulations += moving.length * M;
      generationSimulations += moving.length * M;
      let accepted = 0;
      for (let k = 0; k < moving.length; k++) {
        const i = moving[k];
        // Accept with probability min(1, exp(β (ℓ' − ℓ))); one uniform per simulated proposal.
        const u = rng();
        const logRatio = beta * (proposed.ell[k] - ell[i]);
        if (!(proposed.ell[k] > Number.NEGATIVE_INFINITY) || !(Math.log(u) < logRatio)) continue;
        accepted++;
        for (let j = 0; j < d; j++) theta[i * d + j] = proposals[k * d + j];
        ell[i] = proposed.ell[k];
      }
      // (b) Fresh latent runs ξ' ~ p(ξ) at the (new) θ, accepted by the same rule.
      const refreshing: number[] = [];
      for (let i = 0; i < n; i++) if (weights[i] > 0) refreshing.push(i);
      if (simulations + refreshing.length * M <= o.maxSimulations) {
        const current = new Float64Array(refreshing.length * d);
        refreshing.forEach((i, k) => {
          current.set(theta.subarray(i * d, i * d + d), k * d);
        });
        const fresh = (k: number, j: number) => runSeed(seed0, (round * n + refreshing[k]) * M + j);
        const refreshed = await logLikelihoods(current, refreshing.length, fresh);
        simulations += refreshing.length * M;
        generationSimulations += refreshing.length * M;
        for (let k = 0; k < refreshing.length; k++) {
          const i = refreshing[k];
          const u = rng();
          const logRatio = beta * (refreshed.ell[k] - ell[i]);
          if (!(refreshed.ell[k] > Number.NEGATIVE_INFINITY) || !(Math.log(u) < logRatio)) continue;
          for (let j = 0; j < M; j++) xi[i * M + j] = fresh(k, j);
          ell[i] = refreshed.ell[k];
        }
      }
      if (round === 0) {
        acceptance = living === 0 ? 0 : accepted / living;
        rounds =
          acceptance >= 1
            ? 1
            : acceptance <= 0
              ? o.maxMoves
              : Math.min(
                  o.maxMoves,
                  Math.ceil(Math.log(o.stayProbability) / Math.log1p(-acceptance)),
                );
      }
    }
    report({
      epsilon: beta,
      ess: essReported,
      resampled,
      acceptance,
      simulations: generationSimulations,
    });
  }

  return {
    method: 'likelihood-smc',
    seed: o.seed,
    parameters,
    particles: theta,
    weights,
    logLikelihoods: ell,
    ess: effectiveSampleSize(weights),
    epsilon: beta,
    generations,
    simulations,
  };
}
