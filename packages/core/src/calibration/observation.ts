/**
 * The observation model's count distribution (docs/model.md, M20): a yearly count of battle
 * deaths is negative binomial with mean μ and dispersion (size) k, variance μ + μ²/k. It is the
 * Poisson count of a gamma-distributed rate (Greenwood & Yule 1920, "An inquiry into the nature of
 * frequency distributions representative of multiple happenings …"), the usual model of
 * overdispersed conflict-fatality counts. k → ∞ is the Poisson limit.
 *
 * The log-gamma function is Lanczos's approximation (Lanczos 1964, "A precise approximation of the
 * gamma function", SIAM J. Numer. Anal. B 1) with g = 7 and nine coefficients; draws use the
 * gamma sampler of Marsaglia & Tsang (2000, "A simple method for generating gamma variables", ACM
 * TOMS 26(3)) and, for the Poisson step, multiplication of uniforms below a rate of 10 and the
 * transformed rejection PTRS of Hörmann (1993, "The transformed rejection method for generating
 * Poisson random variables", Insurance: Mathematics and Economics 12(1)) above it.
 */
import type { Rng } from '../analysis/random.js';
import { EntenteError } from '../errors.js';

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) for x > 0 (Lanczos 1964, g = 7; relative error about 1e-15).
 * @example logGamma(5) // ln 24
 */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function checkMean(operation: string, mu: number, dispersion: number): void {
  if (!(mu >= 0) || mu === Number.POSITIVE_INFINITY) {
    throw new EntenteError(
      'invalid-argument',
      `${operation}: mean ${mu} is not a finite number ≥ 0`,
    );
  }
  if (!(dispersion > 0)) {
    throw new EntenteError(
      'invalid-argument',
      `${operation}: dispersion ${dispersion} is not > 0 (use Infinity for the Poisson limit)`,
    );
  }
}

/**
 * ln P(Y = observed) for Y negative binomial with mean `mu` and dispersion (size) `dispersion`:
 * ln Γ(y+k) − ln Γ(k) − ln y! + k ln(k/(k+μ)) + y ln(μ/(k+μ)) (M20). `dispersion` = Infinity gives
 * the Poisson log pmf; μ = 0 puts all mass on 0.
 * @throws {EntenteError} `invalid-argument` when `observed` is not a whole number ≥ 0, μ is
 *   negative or not finite, or the dispersion is not > 0
 * @example Math.exp(observationLogPmf(0, 2, 1)) // 1/3
 */
export function observationLogPmf(observed: number, mu: number, dispersion: number): number {
  checkMean('observationLogPmf', mu, dispersion);
  if (!Number.isInteger(observed) || observed < 0) {
    throw new EntenteError(
      'invalid-argument',
      `observationLogPmf: observed ${observed} is not a whole number ≥ 0`,
    );
  }
  const y = observed;
  if (mu === 0) return y === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (dispersion === Number.POSITIVE_INFINITY) {
    return y * Math.log(mu) - mu - logGamma(y + 1);
  }
  const k = dispersion;
  const logKMu = Math.log(k + mu);
  const coef = y === 0 ? 0 : logGamma(y + k) - logGamma(k) - logGamma(y + 1);
  return coef + k * (Math.log(k) - logKMu) + (y === 0 ? 0 : y * (Math.log(mu) - logKMu));
}

/** A standard normal from two uniforms (Box & Muller 1958). */
function normal(rng: Rng): number {
  const u1 = 1 - rng(); // (0, 1]
  const u2 = rng();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** A Gamma(shape, 1) draw (Marsaglia & Tsang 2000; shape < 1 by the boost u^(1/shape)). */
function gamma(shape: number, rng: Rng): number {
  if (shape < 1) {
    const u = 1 - rng();
    return gamma(shape + 1, rng) * u ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = normal(rng);
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * z * z * z * z) return d * v;
    if (Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Poisson(lambda) draw: multiplication of uniforms below 10, PTRS (Hörmann 1993) above. */
function poisson(lambda: number, rng: Rng): number {
  if (lambda <= 0) return 0;
  if (lambda < 10) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = rng();
    while (p > limit) {
      k++;
      p *= rng();
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const logLam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng() - 0.5;
    const v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const lhs = Math.log(v * invAlpha) - Math.log(a / (us * us) + b);
    if (lhs <= -lambda + k * logLam - logGamma(k + 1)) return k;
  }
}

/**
 * A negative-binomial draw with mean `mu` and dispersion `dispersion` (M20), as the Poisson
 * count of a Gamma(k, μ/k) rate; `dispersion` = Infinity draws a Poisson(μ).
 * @throws {EntenteError} `invalid-argument` when μ is negative or not finite, or the dispersion
 *   is not > 0
 * @example sampleObservation(100, 2, createRng(1)) // a whole number ≥ 0
 */
export function sampleObservation(mu: number, dispersion: number, rng: Rng): number {
  checkMean('sampleObservation', mu, dispersion);
  if (mu === 0) return 0;
  const rate =
    dispersion === Number.POSITIVE_INFINITY ? mu : gamma(dispersion, rng) * (mu / dispersion);
  return poisson(rate, rng);
}
