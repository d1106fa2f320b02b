import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultCalibrationWorkers, runCalibration } from '../src/index.js';
import { builtinCase } from './helpers.js';

/** Observed counts made up for the test: 100 deaths in every target-year (a shape, not data). */
const flat = (h: { targets: readonly unknown[]; years: readonly number[] }) =>
  new Float64Array(h.targets.length * h.years.length).fill(100);

describe('runCalibration', () => {
  it('gives the same bytes on 1 worker (in-process), 2 and 3 (the calling thread and pool threads)', async () => {
    const input = {
      case: builtinCase(),
      span: { from: '2015', until: '2020', forecast: '2021' },
      observed: flat,
      options: { particles: 40, runs: 400, seed: 3 },
    };
    const one = await runCalibration({ ...input, workers: 1 });
    const two = await runCalibration({ ...input, workers: 2 });
    const three = await runCalibration({ ...input, workers: 3 });
    expect(JSON.stringify(two.calibration)).toBe(JSON.stringify(one.calibration));
    expect(JSON.stringify(three.calibration)).toBe(JSON.stringify(one.calibration));
    expect(one.calibration.simulations).toBeGreaterThan(40);
  }, 60_000);

  it('rejection ABC over several chunks gives the same bytes on 1 and 2 workers', async () => {
    // 2,000 draws: 128-row chunks, so the calling thread and the pool thread both take some.
    const input = {
      case: builtinCase(),
      span: { from: '2015', until: '2020' },
      observed: flat,
      options: { method: 'rejection' as const, particles: 50, runs: 2000, seed: 5 },
    };
    const one = await runCalibration({ ...input, workers: 1 });
    const two = await runCalibration({ ...input, workers: 2 });
    expect(JSON.stringify(two.calibration)).toBe(JSON.stringify(one.calibration));
    expect(one.calibration.simulations).toBe(2000);
  }, 60_000);

  it('noisy ABC (ABC-SMC and rejection at a target tolerance) gives the same bytes on 1 and 2 workers', async () => {
    for (const method of ['abc-smc', 'rejection'] as const) {
      const input = {
        case: builtinCase(),
        span: { from: '2015', until: '2020' },
        observed: flat,
        options: { method, particles: 50, runs: 2000, seed: 7, tolerance: 2, noisy: true },
      };
      const one = await runCalibration({ ...input, workers: 1 });
      const two = await runCalibration({ ...input, workers: 2 });
      expect(JSON.stringify(two.calibration), method).toBe(JSON.stringify(one.calibration));
      expect(one.calibration.noisy).toBe(true);
      expect(one.calibration.targetReached).toBe(true);
    }
  }, 60_000);
});

describe('runCalibration on a span the case cannot run', () => {
  it("rejects with the history model's EntenteError on 2 workers, its threads already started", async () => {
    const run = runCalibration({
      case: builtinCase(),
      span: { from: '2020', until: '2015' },
      observed: flat,
      options: { particles: 40, runs: 400, seed: 3 },
      workers: 2,
    });
    await expect(run).rejects.toMatchObject({ name: 'EntenteError' });
  }, 60_000);
});

describe('defaultCalibrationWorkers', () => {
  it('defaultCalibrationWorkers(runs) is 1 below 50,000 simulations and every core from there', () => {
    expect(defaultCalibrationWorkers(20_000)).toBe(1);
    expect(defaultCalibrationWorkers(49_999)).toBe(1);
    expect(defaultCalibrationWorkers(50_000)).toBe(availableParallelism());
    expect(defaultCalibrationWorkers(100_000)).toBe(availableParallelism());
  });
});
