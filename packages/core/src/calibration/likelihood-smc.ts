/**
 * A sequential Monte Carlo sampler of the exact posterior of a model whose counts are negative
 * binomial (or Poisson) around latent expected counts μ(θ, u), u the run's random shocks given as
 * L standard normals: the correlated pseudo-marginal method of G. Deligiannidis, A. Doucet &
 * M. K. Pitt ("The correlated pseudomarginal method", J. R. Stat. Soc. B 80(5) (2018) 839–870;
 * J. Dahlin, F. Lindsten, J. Kronander & T. B. Schön, "Accelerating pseudo-marginal
 * Metropolis-Hastings by correlating auxiliary variables", arXiv:1511.05483, 2015) inside the
 * density-tempered SMC sampler of J.-C. Duan & A. Fulop ("Density-tempered marginalized
 * sequential Monte Carlo samplers", J. Bus. Econ. Stat. 33(2) (2015) 192–202).
 *
 * L(θ, u) = Π over the observed target-years of NB(y | μ(θ, u), k(θ)) (docs/model.md, M20) is,
 * with u ~ N(0, I), an unbiased estimate of the likelihood p(y | θ) (C. Andrieu & G. O. Roberts,
 * Ann. Statist. 37(2) (2009) 697–725) — with M > 1 latent runs per θ, the mean of their M
 * products, u then M × L normals. The shocks are an explicit part of each particle: the sampler
 * runs on the extended space (θ, u) through the targets π(θ) N(u; 0, I) L(θ, u)^β, β from 0 to 1;
 * at β = 1 the θ-marginal is the exact posterior. Generation 0 draws N particles from the uniform
 * prior, each with its u ~ N(0, I). Each later generation:
 * 1. chooses β_n ∈ (β_{n−1}, 1] so that the ESS of the reweighted particles is α times the
 *    present one (the adaptive rule of P. Del Moral, A. Doucet & A. Jasra, Stat. Comput. 22 (2012)
 *    1009–1020, §3.1, applied to the temperature as A. Jasra, D. A. Stephens, A. Doucet &
 *    T. Tsagaris, Scand. J. Stat. 38 (2011) 1–22, do; bisection on β), and reweights
 *    w_i ∝ w_i L_i^{β_n − β_{n−1}};
 * 2. resamples (systematic, G. Kitagawa 1996) when the ESS falls below N/2, u along with θ;
 * 3. moves every living particle by rounds of two Metropolis–Hastings steps, each exact for
 *    π(θ) N(u; 0, I) L(θ, u)^{β_n}:
 *    (a) θ' = θ + L z, z standard normal, L L^T = c_d Σ_w (the particles' weighted covariance,
 *        c_d = min(2, 2.38²/d): the random-walk scaling of G. O. Roberts, A. Gelman & W. R. Gilks,
 *        Ann. Appl. Probab. 7 (1997) 110–120, capped as in `abc-smc.ts`), u unchanged, accepted
 *        with probability min(1, [L(θ', u)/L(θ, u)]^{β_n}) inside the prior box (outside it,
 *        rejected unsimulated; the uniform prior cancels);
 *    (b) the Crank–Nicolson move u' = ρ u + √(1 − ρ²) ε, ε ~ N(0, I), θ unchanged: reversible
 *        with respect to N(0, I), so accepted with probability min(1, [L(θ, u')/L(θ, u)]^{β_n})
 *        (Deligiannidis et al., §2). ρ starts at `correlation` and is adapted between rounds so
 *        that the step's log-likelihood ratio β(ln L(θ, u') − ln L(θ, u)) has a spread (robust
 *        sd over the population) of about 2 — the paper's guidance, to keep the ratio's noise
 *        moderate whatever the noise of ln L across independent u: 1 − ρ is scaled by
 *        (2 / spread)², the step's variance growing about in proportion to 1 − ρ.
 *    As in `abc-smc.ts` the pair is repeated R = ⌈ln c / ln(1 − p)⌉ times (at most `maxMoves`),
 *    p the first round's acceptance rate of (a) (C. C. Drovandi & A. N. Pettitt, Biometrics 67
 *    (2011) 225–233), so a particle stays put with probability about c.
 * The run ends after the moves at β = 1. Should the next generation's first round exceed the
 * simulation budget, the particles are reweighted straight to β = 1 without moving (importance
 * sampling: still the exact posterior, at the cost of the ESS the result reports).
 *
 * With `latentSize` 0 the model has no latent shocks, L(θ) is exact, and only (a) runs.
 *
 * A missing observation (NaN) is skipped. An observed count y > 0 where μ = 0 has likelihood 0; when
 * every prior draw has L = 0 the data are impossible under the model at any θ the prior sample
 * reached, and the run stops with an error naming the target-years that cause it.
 *
 * Randomness: generation g's proposals, normals (u, ε), acceptance draws and resampling use one
 * stream seeded by runSeed(seed, g) (generation 0: the prior draws, then every particle's u). All
 * draws happen on the calling thread and the simulator is a function of (θ, u) returning rows in
 * order, so any split of a batch across workers gives the same bytes.
 */
import { createRng } from '../analysis/random.js';
import { EntenteError } from '../errors.js';
import { fmix32, runSeed } from '../simulation/streams.js';
import type { AbcGeneration, AbcParameter } from './abc-problem.js';
import { effectiveSampleSize } from './abc-smc.js';
import { observationLogPmf } from './observation.js';
import { checkShare, checkWhole } from './option-checks.js';
import { drawPrior, standardNormal } from './prior-draws.js';

/**
 * Simulates the latent expected counts of a batch (thetas n × d, normals n × L, row i's shocks
 * u_i): per row the m expected counts μ (in the order of the observed values), then the negative
 * binomial dispersion k (Infinity for Poisson counts) — n × (m + 1), rows in order. A function
 * of (θ, u) alone: the same inputs give the same bytes.
 */
export type MeanBatchSimulator = (
  thetas: Float64Array,
  normals: Float64Array,
) => Float64Array | Promise<Float64Array>;

/** What {@link likelihoodSmc} fits. */
export interface LikelihoodProblem {
  /** The uniform prior: one interval per parameter. */
  readonly parameters: readonly AbcParameter[];
  /** Observed counts (m whole numbers ≥ 0; NaN where missing, which the likelihood skips). */
  readonly observed: Float64Array;
  /** A name per observed value (e.g. `republic--isk 2017`) for error messages. @default `#k` */
  readonly labels?: readonly string[];
  /** Standard normals L one latent run takes (the simulator's `normals` per row). @default 0 */
  readonly latentSize?: number;
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
  /** The Crank–Nicolson correlation ρ of the first round (then adapted). @default 0.99 */
  readonly correlation?: number;
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
  /** Each particle's ln L(θ, u) (the log-likelihood under its shocks). */
  readonly logLikelihoods: Float64Array;
  /** The Crank–Nicolson correlation ρ of the last round. */
  readonly correlation: number;
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
    correlation: options.correlation ?? 0.99,
    alpha: options.alpha ?? 0.5,
    resampleBelow: options.resampleBelow ?? 0.5,
    maxMoves: options.maxMoves ?? 20,
    stayProbability: options.stayProbability ?? 0.01,
    maxGenerations: options.maxGenerations ?? 200,
  };
  const whole = (name: string, x: number, min: number) =>
    checkWhole('likelihood-smc', name, x, min);
  whole('particles', o.particles, 2);
  whole('seed', o.seed, 0);
  whole('latentRuns', o.latentRuns, 1);
  whole('maxSimulations', o.maxSimulations, particles * o.latentRuns);
  whole('maxMoves', o.maxMoves, 1);
  whole('maxGenerations', o.maxGenerations, 1);
  for (const name of ['alpha', 'resampleBelow', 'stayProbability', 'correlation'] as const)
    checkShare('likelihood-smc', name, o[name]);
  return o;
}

/** The spread (sd) of the Crank–Nicolson step's log-likelihood ratio that ρ is adapted to. */
const SPREAD = 2;

/** The median of |x − median(x)|. */
function medianAbsoluteDeviation(xs: number[]): number {
  const median = (v: number[]) => {
    const s = [...v].sort((a, b) => a - b);
    const h = s.length >> 1;
    return s.length % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
  };
  const mid = median(xs);
  return median(xs.map((x) => Math.abs(x - mid)));
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
  const L = problem.latentSize ?? 0;
  if (!Number.isSafeInteger(L) || L < 0)
    throw new EntenteError(
      'invalid-argument',
      `${op}: latentSize must be a whole number ≥ 0, got ${problem.latentSize}`,
    );
  const n = o.particles;
  const d = parameters.length;
  const m = observed.length;
  const M = o.latentRuns;
  const U = M * L; // normals per particle
  const row = m + 1;
  const kernelScale = Math.min(2, 2.38 ** 2 / d);
  const generations: AbcGeneration[] = [];
  const report = (g: AbcGeneration) => {
    generations.push(g);
    options.onGeneration?.(g, generations.length - 1);
  };

  /**
   * Simulates the M latent runs of each of the rows `which` (θ from `thetas` row k, u from
   * `normals` row k, both `which.length` rows); returns ln L per row (ln of the mean of the M
   * likelihoods) and the raw means.
   */
  const logLikelihoods = async (
    thetas: Float64Array,
    normals: Float64Array,
    count: number,
  ): Promise<{ ell: Float64Array; means: Float64Array }> => {
    const batch = new Float64Array(count * M * d);
    for (let i = 0; i < count; i++)
      for (let j = 0; j < M; j++) batch.set(thetas.subarray(i * d, i * d + d), (i * M + j) * d);
    const means = count === 0 ? new Float64Array(0) : await simulate(batch, normals);
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

  // Generation 0: the prior sample, then each particle's shocks u ~ N(0, I).
  let rng = createRng(fmix32(runSeed(o.seed, 0)));
  let theta = new Float64Array(n * d);
  for (let i = 0; i < n; i++) drawPrior(rng, parameters, theta, i * d);
  let u = new Float64Array(n * U);
  for (let r = 0; r < u.length; r++) u[r] = standardNormal(rng);
  const first = await logLikelihoods(theta, u, n);
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
  let rho = o.correlation;
  report({ epsilon: 0, ess: n, resampled: false, acceptance: null, simulations: n * M });

  const chol = new Float64Array(d * d);
  const z = new Float64Array(d);
  // Simulations one round costs: (a) and, with shocks, (b).
  const perRound = L > 0 ? 2 : 1;
  for (let g = 1; g <= o.maxGenerations && beta < 1; g++) {
    rng = createRng(fmix32(runSeed(o.seed, g)));
    let living = 0;
    for (let i = 0; i < n; i++) if (weights[i] > 0 && ell[i] > Number.NEGATIVE_INFINITY) living++;
    const outOfBudget =
      simulations + perRound * living * M > o.maxSimulations || g === o.maxGenerations;

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

    // 3. Resample (systematic) when the ESS is low; the shocks go with their θ.
    const resampled = ess < o.resampleBelow * n;
    const essReported = ess;
    if (resampled) {
      const nextTheta = new Float64Array(n * d);
      const nextEll = new Float64Array(n);
      const nextU = new Float64Array(n * U);
      const u0 = rng() / n;
      let cumulative = weights[0];
      let source = 0;
      for (let i = 0; i < n; i++) {
        const x = u0 + i / n;
        while (cumulative < x && source < n - 1) cumulative += weights[++source];
        nextTheta.set(theta.subarray(source * d, source * d + d), i * d);
        nextEll[i] = ell[source];
        nextU.set(u.subarray(source * U, source * U + U), i * U);
      }
      theta = nextTheta;
      ell = nextEll;
      u = nextU;
      weights = new Float64Array(n).fill(1 / n);
      ess = n;
    }

    // 4. Move: the proposal's covariance c_d Σ_w from the particles, then R rounds of (a), (b).
    proposalFactor(theta, weights, n, d, kernelScale, chol);
    const alive: number[] = [];
    for (let i = 0; i < n; i++) if (weights[i] > 0) alive.push(i);
    living = alive.length;
    let rounds = 1;
    let acceptance = 0;
    let generationSimulations = 0;
    for (let round = 0; round < rounds; round++) {
      if (round > 0 && simulations + perRound * living * M > o.maxSimulations) break;
      // (a) θ' = θ + L z under the particle's own shocks u.
      const moving: number[] = [];
      const proposals: number[] = [];
      for (const i of alive) {
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
      const movingU = new Float64Array(moving.length * U);
      moving.forEach((i, k) => {
        movingU.set(u.subarray(i * U, i * U + U), k * U);
      });
      const proposed = await logLikelihoods(Float64Array.from(proposals), movingU, moving.length);
      simulations += moving.length * M;
      generationSimulations += moving.length * M;
      let accepted = 0;
      for (let k = 0; k < moving.length; k++) {
        const i = moving[k];
        // Accept with probability min(1, exp(β (ℓ' − ℓ))); one uniform per simulated proposal.
        const x = rng();
        const logRatio = beta * (proposed.ell[k] - ell[i]);
        if (!(proposed.ell[k] > Number.NEGATIVE_INFINITY) || !(Math.log(x) < logRatio)) continue;
        accepted++;
        for (let j = 0; j < d; j++) theta[i * d + j] = proposals[k * d + j];
        ell[i] = proposed.ell[k];
      }
      // (b) u' = ρ u + √(1 − ρ²) ε at the (new) θ, accepted by the same rule.
      if (L > 0 && simulations + living * M <= o.maxSimulations) {
        const current = new Float64Array(living * d);
        const fresh = new Float64Array(living * U);
        const c = Math.sqrt(1 - rho * rho);
        alive.forEach((i, k) => {
          current.set(theta.subarray(i * d, i * d + d), k * d);
          for (let r = 0; r < U; r++)
            fresh[k * U + r] = rho * u[i * U + r] + c * standardNormal(rng);
        });
        const moved = await logLikelihoods(current, fresh, living);
        simulations += living * M;
        generationSimulations += living * M;
        const steps: number[] = [];
        for (let k = 0; k < living; k++) {
          const i = alive[k];
          const x = rng();
          const logRatio = beta * (moved.ell[k] - ell[i]);
          if (Number.isFinite(logRatio)) steps.push(logRatio);
          if (!(moved.ell[k] > Number.NEGATIVE_INFINITY) || !(Math.log(x) < logRatio)) continue;
          u.set(fresh.subarray(k * U, k * U + U), i * U);
          ell[i] = moved.ell[k];
        }
        // Adapt ρ so that the step's log-likelihood ratio β(ℓ' − ℓ) has a spread of about
        // SPREAD (robustly: 1.4826 × its median absolute deviation over the population): its
        // variance grows about in proportion to 1 − ρ for small steps. The next round's kernel
        // depends only on the past, so each round's two steps stay exact for the target.
        if (steps.length >= 2) {
          const sd = 1.4826 * medianAbsoluteDeviation(steps);
          const factor = sd > 0 ? Math.min(10, Math.max(0.1, (SPREAD / sd) ** 2)) : 10;
          rho = 1 - Math.min(1, Math.max(1e-8, (1 - rho) * factor));
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
    correlation: rho,
    ess: effectiveSampleSize(weights),
    epsilon: beta,
    generations,
    simulations,
  };
}
