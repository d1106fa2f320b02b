/**
 * The simulation-based calibration harness (`calibration/sbc.ts`) on the toy model of
 * toy-model.ts: what a replication records, its seeding, and that reusing the shared prior table
 * of rejection ABC changes no byte. The check on the real history model is sbc-history.test.ts.
 */
import {
  type CountSimulator,
  calibrate,
  coverageBand,
  pooledCoverage,
  reuseLastBatch,
  runSeed,
  simulationBasedCalibration,
} from '@entente/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/analysis/random.js';
import { TOY_PARAMETERS, toySimulator } from './toy-model.js';

const YEARS = 4;
const toy = toySimulator(YEARS);
let calls = 0;
/** The toy model as a CountSimulator (no forecast years), counting the rows it simulates. */
const simulate: CountSimulator = (thetas, seeds) => {
  calls += seeds.length;
  return toy(thetas, seeds);
};
const setup = {
  parameters: TOY_PARAMETERS,
  targets: [{ id: 'a--b', dyad: ['a', 'b'] as const }],
  years: [1, 2, 3, 4],
  fitYears: YEARS,
};

describe('simulationBasedCalibration', () => {
  it('records per replication the truth, the interval check and the rank of the calibration it reports', async () => {
    const options = { particles: 100, runs: 2000, method: 'rejection' as const };
    const sbc = await simulationBasedCalibration(setup, simulate, {
      replications: 3,
      seed: 5,
      calibrate: options,
    });
    expect(sbc.runs).toHaveLength(3);
    // Replication 1 by hand: its data come from the truth's run seed, its calibration from
    // runSeed(seed + 1, 1); the interval and rank are read off that calibration.
    const run = sbc.runs[1];
    const data = await simulate(Float64Array.from(run.truth), Uint32Array.of(runSeed(5, 3)), 'fit');
    const c = await calibrate({ ...setup, observed: Float64Array.from(data) }, simulate, {
      ...options,
      seed: runSeed(6, 1),
    });
    c.posterior.forEach((p, j) => {
      expect(run.truth[j]).toBeGreaterThanOrEqual(p.lo);
      expect(run.truth[j]).toBeLessThanOrEqual(p.hi);
      expect(run.covered[j]).toBe(run.truth[j] >= p.q05 && run.truth[j] <= p.q95);
      expect(run.uninformed[j]).toBe(p.uninformed);
      const below = c.particles.filter((row) => row[j] < run.truth[j]).length;
      expect(run.rank[j]).toBeCloseTo(below / c.particles.length, 12);
    });
    expect(run.epsilon).toBe(c.epsilon);
    // Totals per parameter are the counts over the replications.
    sbc.parameters.forEach((p, j) => {
      expect(p.covered).toBe(sbc.runs.filter((r) => r.covered[j]).length);
      expect(p.histogram.reduce((s, x) => s + x, 0)).toBe(3);
    });
  });

  it('reuseLastBatch gives the same bytes as simulating the shared prior table every time, once', async () => {
    const options = {
      replications: 4,
      seed: 2,
      calibrate: { particles: 50, runs: 3000, method: 'rejection' as const },
      calibrationSeed: () => 9,
    };
    calls = 0;
    const plain = await simulationBasedCalibration(setup, simulate, options);
    const plainCalls = calls;
    calls = 0;
    const reused = await simulationBasedCalibration(setup, reuseLastBatch(simulate), options);
    expect(JSON.stringify(reused)).toBe(JSON.stringify(plain));
    // Each replication simulates its data (1 row), the table (3,000) and the predictive (50);
    // with reuse the table is simulated once.
    expect(plainCalls).toBe(4 * (1 + 3000 + 50));
    expect(calls).toBe(4 * (1 + 50) + 3000);
  });

  it('refuses fewer than one replication', async () => {
    await expect(simulationBasedCalibration(setup, simulate, { replications: 0 })).rejects.toThrow(
      /simulationBasedCalibration: replications must be a whole number ≥ 1/,
    );
  });
});

/** P(X ≤ k) for X ~ binomial(n, p), by summing every term's pmf from its factorials (brute force). */
function binomialCdf(k: number, n: number, p: number): number {
  const logFacts = [0];
  for (let i = 1; i <= n; i++) logFacts.push(logFacts[i - 1] + Math.log(i));
  let sum = 0;
  for (let i = 0; i <= Math.min(k, n); i++)
    sum += Math.exp(
      logFacts[n] - logFacts[i] - logFacts[n - i] + i * Math.log(p) + (n - i) * Math.log1p(-p),
    );
  return sum;
}

describe('the coverage band of exact calibration', () => {
  it('is 78–99 for 25 parameters at 90 % over 100 replications (1 % family-wise), by hand', () => {
    // P(X ≤ 77) = 1.14e-4 and P(X ≤ 78) = 3.12e-4 against 0.01 / 50 = 2e-4;
    // P(X ≥ 99) = 3.22e-4 and P(X = 100) = 0.9¹⁰⁰ = 2.66e-5.
    expect(coverageBand(100, 25)).toEqual({ lo: 78, hi: 99 });
    // One parameter, 5 % two-sided: the usual binomial(100, 0.9) band.
    expect(coverageBand(100, 1, 0.9, 0.05)).toEqual({ lo: 84, hi: 95 });
  });

  it('cuts at most familywise / (2m) from each tail and no less than needed (brute-force sums, fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 300 }),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0.5, max: 0.98, noNaN: true }),
        fc.double({ min: 0.001, max: 0.2, noNaN: true }),
        (n, m, level, fw) => {
          const { lo, hi } = coverageBand(n, m, level, fw);
          const tail = fw / (2 * m);
          const tol = 1e-9;
          // Every count below lo is in the lower tail; lo itself is not.
          if (lo > 0) expect(binomialCdf(lo - 1, n, level)).toBeLessThanOrEqual(tail * (1 + tol));
          expect(binomialCdf(lo, n, level)).toBeGreaterThan(tail * (1 - tol));
          // Likewise above hi: P(X ≥ hi + 1) ≤ tail < P(X ≥ hi).
          if (hi < n) expect(1 - binomialCdf(hi, n, level)).toBeLessThanOrEqual(tail + tol);
          expect(1 - binomialCdf(hi - 1, n, level)).toBeGreaterThan(tail - tol);
          expect(lo).toBeLessThanOrEqual(hi);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('an exactly calibrated method stays inside it for all 25 parameters, and usually not inside 85–95 (simulated)', () => {
    // 4,000 simulated SBCs of an exact method: 25 independent binomial(100, 0.9) counts each.
    const rng = createRng(7);
    const { lo, hi } = coverageBand(100, 25);
    let inBand = 0;
    let inFixed = 0;
    const trials = 4000;
    for (let t = 0; t < trials; t++) {
      let band = true;
      let fixed = true;
      for (let j = 0; j < 25; j++) {
        let c = 0;
        for (let r = 0; r < 100; r++) if (rng() < 0.9) c++;
        band &&= c >= lo && c <= hi;
        fixed &&= c >= 85 && c <= 95;
      }
      if (band) inBand++;
      if (fixed) inFixed++;
    }
    // Expected ≥ 0.99 inside the band; ≈ 0.936²⁵ = 0.19 inside 85–95 (sd of the share ≈ 0.006).
    expect(inBand / trials).toBeGreaterThanOrEqual(0.985);
    expect(inFixed / trials).toBeGreaterThan(0.16);
    expect(inFixed / trials).toBeLessThan(0.22);
  });

  it('pooledCoverage is the share of all intervals that held the truth; bad arguments are refused', () => {
    const parameter = (covered: number) => ({
      id: `p${covered}`,
      covered,
      uninformed: 0,
      histogram: [],
      chiSquare: 0,
      ks: 0,
    });
    const result = {
      replications: 10,
      seed: 1,
      bins: 10,
      reached: 10,
      parameters: [parameter(9), parameter(8), parameter(10)],
      runs: [],
    };
    expect(pooledCoverage(result)).toBeCloseTo(0.9, 12);
    expect(() => coverageBand(0, 25)).toThrow(/coverageBand: needs positive integer/);
    expect(() => coverageBand(100, 25, 1)).toThrow(/coverageBand/);
  });
});
