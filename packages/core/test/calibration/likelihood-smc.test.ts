/**
 * likelihood-smc against a posterior computed on a grid. The toy model: T = 8 yearly counts,
 * negative binomial with mean μ = exp(a + σz) and dispersion k = 10^κ, z ~ N(0, 1) one latent
 * shock per run (the particle's latent normal u), σ = 0.3; priors a ∈ [0, 4], κ ∈ [−0.5, 1.5], and a third
 * parameter c ∈ [0, 1] the counts do not see. The likelihood p(y | a, κ) = ∫ φ(z) Π_t NB(y_t |
 * e^{a+σz}, k) dz depends on the counts only through their sum Y and Σ_t ln Γ(y_t + k) − ln y_t!,
 * so a 2-D grid in (a, κ) with the z integral by the trapezoid rule on [−7, 7] gives the exact
 * posterior to well below the sampler's Monte Carlo error.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/analysis/random.js';
import { calibrate } from '../../src/calibration/calibrate.js';
import {
  countLogLikelihood,
  likelihoodSmc,
  type MeanBatchSimulator,
} from '../../src/calibration/likelihood-smc.js';
import {
  logGamma,
  observationLogPmf,
  sampleObservation,
} from '../../src/calibration/observation.js';
import { posteriorSummary } from '../../src/calibration/posterior-summary.js';
import { standardNormal } from '../../src/calibration/prior-draws.js';
import { EntenteError } from '../../src/errors.js';
import { fmix32 } from '../../src/simulation/streams.js';

const T = 8;
const SIGMA = 0.3;
const PARAMETERS = [
  { id: 'a', lo: 0, hi: 4 },
  { id: 'kappa', lo: -0.5, hi: 1.5 },
  { id: 'c', lo: 0, hi: 1 },
];
/** A fixed dataset of overdispersed counts (any counts do: the grid posterior is computed for them). */
const OBSERVED = Float64Array.of(9, 3, 17, 14, 4, 23, 6, 11);

/** The toy model's latent means: T copies of exp(a + σz), then k; z the row's one normal. */
const toyMeans: MeanBatchSimulator = (thetas, normals) => {
  const out = new Float64Array(normals.length * (T + 1));
  for (let i = 0; i < normals.length; i++) {
    const z = normals[i];
    const mu = Math.exp(thetas[i * 3] + SIGMA * z);
    for (let t = 0; t < T; t++) out[i * (T + 1) + t] = mu;
    out[i * (T + 1) + T] = 10 ** thetas[i * 3 + 1];
  }
  return out;
};

/** The exact posterior's marginals of a and κ on a grid (see the file's description). */
function gridPosterior(y: Float64Array) {
  const na = 400;
  const nk = 200;
  const nz = 281;
  const ys = Array.from(y);
  const sum = ys.reduce((s, v) => s + v, 0);
  const logPost = new Float64Array(na * nk);
  const zs = Array.from({ length: nz }, (_, i) => -7 + (14 * i) / (nz - 1));
  const phi = zs.map((z, i) => Math.exp((-z * z) / 2) * (i === 0 || i === nz - 1 ? 0.5 : 1));
  let top = Number.NEGATIVE_INFINITY;
  for (let ik = 0; ik < nk; ik++) {
    const kappa = -0.5 + (2 * (ik + 0.5)) / nk;
    const k = 10 ** kappa;
    const coef = ys.reduce((s, v) => s + logGamma(v + k) - logGamma(k) - logGamma(v + 1), 0);
    for (let ia = 0; ia < na; ia++) {
      const a = (4 * (ia + 0.5)) / na;
      const terms = zs.map((z) => {
        const mu = Math.exp(a + SIGMA * z);
        const l = Math.log(k + mu);
        return coef + T * k * (Math.log(k) - l) + sum * (Math.log(mu) - l);
      });
      const m = Math.max(...terms);
      const s = terms.reduce((acc, x, i) => acc + phi[i] * Math.exp(x - m), 0);
      logPost[ik * na + ia] = m + Math.log(s);
      top = Math.max(top, logPost[ik * na + ia]);
    }
  }
  const pa = new Float64Array(na);
  const pk = new Float64Array(nk);
  for (let ik = 0; ik < nk; ik++)
    for (let ia = 0; ia < na; ia++) {
      const p = Math.exp(logPost[ik * na + ia] - top);
      pa[ia] += p;
      pk[ik] += p;
    }
  const summary = (p: Float64Array, lo: number, hi: number) => {
    const total = p.reduce((s, v) => s + v, 0);
    const x = (i: number) => lo + ((hi - lo) * (i + 0.5)) / p.length;
    let mean = 0;
    let second = 0;
    p.forEach((v, i) => {
      mean += (v / total) * x(i);
      second += (v / total) * x(i) ** 2;
    });
    const quantile = (q: number) => {
      let c = 0;
      for (let i = 0; i < p.length; i++) {
        c += p[i] / total;
        if (c >= q) return x(i);
      }
      return hi;
    };
    return { mean, sd: Math.sqrt(second - mean * mean), q05: quantile(0.05), q95: quantile(0.95) };
  };
  return { a: summary(pa, 0, 4), kappa: summary(pk, -0.5, 1.5) };
}

describe('countLogLikelihood', () => {
  it('sums the negative binomial log pmf over the observed values, skipping missing ones', () => {
    const observed = Float64Array.of(3, Number.NaN, 0);
    const means = Float64Array.of(2, 100, 5, 1.5);
    expect(countLogLikelihood(observed, means, 0)).toBeCloseTo(
      observationLogPmf(3, 2, 1.5) + observationLogPmf(0, 5, 1.5),
      12,
    );
    // A count where the run expects none: likelihood 0.
    expect(countLogLikelihood(Float64Array.of(1), Float64Array.of(0, 2), 0)).toBe(
      Number.NEGATIVE_INFINITY,
    );
  });
});

describe('likelihoodSmc(problem, means) on a toy model with a grid posterior', () => {
  it('matches the exact posterior mean and 90 % interval of a and κ within Monte Carlo error', {
    tags: ['slow'],
    timeout: 120_000,
  }, async () => {
    const exact = gridPosterior(OBSERVED);
    const r = await likelihoodSmc(
      { parameters: PARAMETERS, observed: OBSERVED, latentSize: 1 },
      toyMeans,
      {
        particles: 2000,
        maxSimulations: 200_000,
        seed: 3,
      },
    );
    expect(r.epsilon).toBe(1);
    const [a, kappa, c] = posteriorSummary(PARAMETERS, r.particles, r.weights);
    // Tolerances: a quarter of the posterior sd for the mean, 0.4 sd for the 5 % and 95 %
    // quantiles — several Monte Carlo standard errors at this ESS, far below a wrong answer
    // (ABC's at its final tolerance, or κ's prior mean 0.5).
    for (const [got, want] of [
      [a, exact.a],
      [kappa, exact.kappa],
    ] as const) {
      expect(Math.abs(got.mean - want.mean), got.id).toBeLessThan(0.25 * want.sd);
      expect(Math.abs(got.q05 - want.q05), got.id).toBeLessThan(0.4 * want.sd);
      expect(Math.abs(got.q95 - want.q95), got.id).toBeLessThan(0.4 * want.sd);
      expect(Math.abs(got.sd - want.sd) / want.sd, got.id).toBeLessThan(0.2);
    }
    expect(c.uninformed).toBe(true);
  });

  it('gives the same bytes when the batches are split in two', async () => {
    const split: MeanBatchSimulator = (thetas, normals) => {
      const h = normals.length >> 1;
      const x = toyMeans(thetas.slice(0, h * 3), normals.slice(0, h)) as Float64Array;
      const y = toyMeans(thetas.slice(h * 3), normals.slice(h)) as Float64Array;
      const out = new Float64Array(x.length + y.length);
      out.set(x);
      out.set(y, x.length);
      return out;
    };
    const options = { particles: 200, maxSimulations: 4000, seed: 5 };
    const one = await likelihoodSmc(
      { parameters: PARAMETERS, observed: OBSERVED, latentSize: 1 },
      toyMeans,
      options,
    );
    const two = await likelihoodSmc(
      { parameters: PARAMETERS, observed: OBSERVED, latentSize: 1 },
      split,
      options,
    );
    expect(Array.from(two.particles)).toEqual(Array.from(one.particles));
    expect(Array.from(two.weights)).toEqual(Array.from(one.weights));
    expect(one.generations.length).toBeGreaterThan(2);
  });

  it('reweights straight to β = 1 when the budget runs out', async () => {
    const r = await likelihoodSmc(
      { parameters: PARAMETERS, observed: OBSERVED, latentSize: 1 },
      toyMeans,
      {
        particles: 100,
        maxSimulations: 100,
        seed: 1,
      },
    );
    expect(r.epsilon).toBe(1);
    expect(r.simulations).toBe(100);
    expect(r.generations.map((g) => g.epsilon)).toEqual([0, 1]);
    expect(r.generations[1].acceptance).toBeNull();
  });

  it('stops with a typed error naming the target-years no prior draw can produce', async () => {
    // Year 2's mean is 0 in every run while the data record 5 there.
    const zeroYear2: MeanBatchSimulator = (thetas, normals) => {
      const out = toyMeans(thetas, normals) as Float64Array;
      for (let i = 0; i < normals.length; i++) out[i * (T + 1) + 2] = 0;
      return out;
    };
    const observed = Float64Array.from(OBSERVED);
    observed[2] = 5;
    const labels = Array.from({ length: T }, (_, t) => `toy ${2015 + t}`);
    const run = likelihoodSmc(
      { parameters: PARAMETERS, observed, labels, latentSize: 1 },
      zeroYear2,
      {
        particles: 50,
      },
    );
    await expect(run).rejects.toBeInstanceOf(EntenteError);
    await expect(run).rejects.toThrow(/toy 2017 \(observed 5\).*--targets/);
    // A missing value there is skipped instead.
    observed[2] = Number.NaN;
    const ok = await likelihoodSmc(
      { parameters: PARAMETERS, observed, labels, latentSize: 1 },
      zeroYear2,
      {
        particles: 50,
        maxSimulations: 500,
      },
    );
    expect(ok.epsilon).toBe(1);
  });

  it('keeps the shocks N(0, I) when the likelihood is flat (the Crank–Nicolson move is exact)', async () => {
    // One observed 0 with μ = 0: L ≡ 1, so every move is accepted and the shocks' law must stay
    // N(0, I). Proposing u' = ρu + ε (no √(1 − ρ²)) would give them variance ≈ 1 + ρ² ≈ 2.
    const L = 50;
    let last = new Float64Array(0);
    const flat: MeanBatchSimulator = (_thetas, normals) => {
      last = Float64Array.from(normals);
      const rows = normals.length / L;
      const out = new Float64Array(rows * 2);
      for (let i = 0; i < rows; i++) out[i * 2 + 1] = 1;
      return out;
    };
    const r = await likelihoodSmc(
      { parameters: PARAMETERS, observed: Float64Array.of(0), latentSize: L },
      flat,
      { particles: 200, maxSimulations: 2000, seed: 2 },
    );
    expect(r.epsilon).toBe(1);
    // The last call was a Crank–Nicolson proposal, all accepted: the particles' final shocks.
    expect(last.length).toBe(200 * L);
    const mean = last.reduce((s, x) => s + x, 0) / last.length;
    const variance = last.reduce((s, x) => s + (x - mean) ** 2, 0) / last.length;
    // 10,000 values: standard errors 0.01 (mean) and 0.014 (variance).
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(variance - 1)).toBeLessThan(0.07);
  });

  it('rejects observed values that are not counts', async () => {
    const run = likelihoodSmc(
      { parameters: PARAMETERS, observed: Float64Array.of(1.5, 2), latentSize: 1 },
      toyMeans,
    );
    await expect(run).rejects.toThrow(/likelihood-smc: observed value #0 is 1.5/);
  });
});

describe('calibrate(setup, simulate, { method: "likelihood-smc" })', () => {
  const setup = {
    parameters: PARAMETERS,
    targets: [{ id: 'toy', dyad: ['x', 'y'] as const }],
    years: Array.from({ length: T + 1 }, (_, t) => 2015 + t),
    fitYears: T,
    observed: Float64Array.from([...OBSERVED, 10]),
  };
  /** Counts: one NB draw per year around the same means (span 'all' adds the forecast year). */
  const counts = (thetas: Float64Array, seeds: Uint32Array, span: 'fit' | 'all') => {
    const years = span === 'fit' ? T : T + 1;
    const out = new Float64Array(seeds.length * years);
    for (let i = 0; i < seeds.length; i++) {
      const rng = createRng(fmix32(seeds[i]));
      const mu = Math.exp(thetas[i * 3] + SIGMA * standardNormal(rng));
      const k = 10 ** thetas[i * 3 + 1];
      for (let t = 0; t < years; t++) {
        out[i * years + t] = sampleObservation(mu, k, rng);
      }
    }
    return out;
  };

  it('needs the means simulator, and reports β = 1 as its epsilon', async () => {
    await expect(calibrate(setup, counts, { method: 'likelihood-smc' })).rejects.toThrow(
      /options\.means/,
    );
    const c = await calibrate(setup, counts, {
      method: 'likelihood-smc',
      particles: 200,
      runs: 4000,
      means: (thetas, _seeds, _span, normals) => toyMeans(thetas, normals as Float64Array),
      latentSize: 1,
    });
    expect(c.method).toBe('likelihood-smc');
    expect(c.epsilon).toBe(1);
    expect(c.forecast).toHaveLength(1);
    expect(c.forecastScore?.n).toBe(1);
    expect(c.simulations).toBeLessThanOrEqual(4000);
  });
});
