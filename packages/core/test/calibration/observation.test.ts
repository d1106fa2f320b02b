/**
 * The observation model's count distribution (docs/model.md, M20): negative binomial log pmf
 * against hand-computed and independently computed values, its normalisation, and the sampler's
 * moments and frequencies.
 */
import { createRng, logGamma, observationLogPmf, sampleObservation } from '@entente/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('logGamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9); // ln 100!
  });
});

describe('observationLogPmf', () => {
  it('matches hand-computed values', () => {
    // k = 1 is the geometric: P(y) = (k/(k+μ))^k (μ/(k+μ))^y = (1/3)(2/3)^y for μ = 2.
    expect(Math.exp(observationLogPmf(0, 2, 1))).toBeCloseTo(1 / 3, 14);
    expect(Math.exp(observationLogPmf(2, 2, 1))).toBeCloseTo(4 / 27, 14);
    // k = 2, μ = 2: P(1) = Γ(3)/(Γ(2)·1!) · (1/2)² · (1/2) = 2 · 1/8 = 1/4.
    expect(Math.exp(observationLogPmf(1, 2, 2))).toBeCloseTo(1 / 4, 14);
    // Poisson limit: P(3) = e^-2 2³/3!.
    expect(Math.exp(observationLogPmf(3, 2, Number.POSITIVE_INFINITY))).toBeCloseTo(
      (Math.exp(-2) * 8) / 6,
      14,
    );
    // μ = 0: all mass on 0.
    expect(observationLogPmf(0, 0, 1)).toBe(0);
    expect(observationLogPmf(1, 0, 1)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('matches values computed independently with C lgamma', () => {
    // scipy was not available offline; these use the log pmf of scipy's nbinom (n = k,
    // p = k/(k+μ)) written out with the C library's lgamma:
    // /usr/bin/python3 -c "from math import lgamma, log
    // def nb(y,mu,k): return lgamma(y+k)-lgamma(k)-lgamma(y+1)+k*log(k/(k+mu))+y*log(mu/(k+mu))
    // for y,mu,k in [(0,2,1),(3,2.5,0.7),(679,1000,1.5),(2842,900,3),(264,264,10),(34795,20000,0.8)]: print(repr(nb(y,mu,k)))"
    const cases: [number, number, number, number][] = [
      [0, 2, 1, -1.0986122886681098],
      [3, 2.5, 0.7, -2.4290126505100007],
      [679, 1000, 1.5, -7.391775645305307],
      [2842, 900, 3, -11.366475515612054],
      [264, 264, 10, -5.370526675204781],
      [34795, 20000, 0.8, -11.73661682021486],
    ];
    for (const [y, mu, k, expected] of cases) {
      expect(observationLogPmf(y, mu, k)).toBeCloseTo(expected, 9);
    }
  });

  it('sums to 1', () => {
    for (const [mu, k, n] of [
      [5, 0.5, 3000],
      [100, 3, 2000],
      [1000, 10, 10_000],
      [0.3, 50, 50],
      [7, Number.POSITIVE_INFINITY, 100],
    ]) {
      let total = 0;
      for (let y = 0; y <= n; y++) total += Math.exp(observationLogPmf(y, mu, k));
      expect(total, `μ=${mu} k=${k}`).toBeCloseTo(1, 9);
    }
  });

  it('refuses what is not a count, a negative mean, a dispersion ≤ 0', () => {
    expect(() => observationLogPmf(1.5, 2, 1)).toThrow(/whole number/);
    expect(() => observationLogPmf(-1, 2, 1)).toThrow(/whole number/);
    expect(() => observationLogPmf(1, -2, 1)).toThrow(/mean/);
    expect(() => observationLogPmf(1, 2, 0)).toThrow(/dispersion/);
    expect(() => sampleObservation(Number.NaN, 1, createRng(1))).toThrow(/mean/);
  });
});

describe('sampleObservation', () => {
  it('has mean μ and variance μ + μ²/k (large samples, fast-check over μ, k, seed)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 5000, noNaN: true }),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (mu, k, seed) => {
          const rng = createRng(seed);
          const n = 4000;
          let sum = 0;
          let sumSq = 0;
          for (let i = 0; i < n; i++) {
            const y = sampleObservation(mu, k, rng);
            if (!Number.isInteger(y) || y < 0) return false;
            sum += y;
            sumSq += y * y;
          }
          const mean = sum / n;
          const variance = (sumSq - n * mean * mean) / (n - 1);
          const sigma2 = mu + (mu * mu) / k;
          // 5 standard errors of the mean; the sample variance within 30 % (its relative
          // standard error is at most ≈ √((2 + 6/k + 1/μ…)/n) ≈ 0.06 here).
          return (
            Math.abs(mean - mu) < 5 * Math.sqrt(sigma2 / n) && Math.abs(variance / sigma2 - 1) < 0.3
          );
        },
      ),
      { seed: 12, numRuns: 30 },
    );
  });

  it('draws each small count as often as the pmf says', () => {
    for (const [mu, k] of [
      [3, 1.5],
      [20, Number.POSITIVE_INFINITY],
      [40, 0.8],
    ]) {
      const rng = createRng(7);
      const n = 50_000;
      const counts = new Float64Array(200);
      for (let i = 0; i < n; i++) {
        const y = sampleObservation(mu, k, rng);
        if (y < 200) counts[y]++;
      }
      for (let y = 0; y < 60; y++) {
        const p = Math.exp(observationLogPmf(y, mu, k));
        const se = Math.sqrt((p * (1 - p)) / n);
        expect(Math.abs(counts[y] / n - p), `μ=${mu} k=${k} y=${y}`).toBeLessThan(5 * se + 1e-4);
      }
    }
  });

  it('draws 0 when μ = 0 and is deterministic for a seed', () => {
    expect(sampleObservation(0, 1, createRng(1))).toBe(0);
    const a = Array.from(
      { length: 20 },
      (
        (r) => () =>
          sampleObservation(500, 2, r)
      )(createRng(3)),
    );
    const b = Array.from(
      { length: 20 },
      (
        (r) => () =>
          sampleObservation(500, 2, r)
      )(createRng(3)),
    );
    expect(a).toEqual(b);
  });
});
