/**
 * The simulation-based calibration harness (`calibration/sbc.ts`) on the toy model of
 * toy-model.ts: what a replication records, its seeding, and that reusing the shared prior table
 * of rejection ABC changes no byte. The check on the real history model is sbc-history.test.ts.
 */
import {
  type CountSimulator,
  calibrate,
  reuseLastBatch,
  runSeed,
  simulationBasedCalibration,
} from '@entente/core';
import { describe, expect, it } from 'vitest';
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
