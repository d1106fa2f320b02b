import { describe, expect, it } from 'vitest';
import { type CountSimulator, calibrate } from '../../src/calibration/calibrate.js';
import { TOY_PARAMETERS, toyRun } from './toy-model.js';

/** The toy model over 6 years (4 fitted, 2 forecast), one target. */
const toyCounts: CountSimulator = (thetas, seeds, span) => {
  const years = span === 'fit' ? 4 : 6;
  const out = new Float64Array(seeds.length * years);
  for (let i = 0; i < seeds.length; i++)
    out.set(toyRun(thetas.subarray(i * 3, i * 3 + 3), seeds[i], 6).subarray(0, years), i * years);
  return out;
};

describe('calibrate', () => {
  const truth = toyRun([4, 0.3, 0.5], 11, 6);
  const observed = Float64Array.of(...truth.subarray(0, 5), Number.NaN); // 2021 missing
  const setup = {
    parameters: TOY_PARAMETERS,
    targets: [{ id: 'gov--group', dyad: ['gov', 'group'] as const }],
    years: [2015, 2016, 2017, 2018, 2019, 2020],
    fitYears: 4,
    observed,
  };

  it('fits, bands every target-year, and scores the forecast years that hold an observation', async () => {
    const r = await calibrate(setup, toyCounts, { particles: 200, runs: 6000, seed: 5 });
    expect(r.particles).toHaveLength(200);
    expect(r.particles[0]).toHaveLength(3);
    expect(r.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(r.observed.years).toEqual([2015, 2016, 2017, 2018]);
    expect(r.observed.targets[0].values).toEqual(Array.from(truth.subarray(0, 4)));
    expect(r.fit.map((b) => b.year)).toEqual([2015, 2016, 2017, 2018]);
    expect(r.forecast.map((b) => b.year)).toEqual([2019, 2020]);
    for (const b of [...r.fit, ...r.forecast]) {
      expect(b.q05).toBeLessThanOrEqual(b.q50);
      expect(b.q50).toBeLessThanOrEqual(b.q95);
    }
    const [scored, missing] = r.forecast;
    expect(scored.observed).toBe(truth[4]);
    expect(scored.covered).toBe(truth[4] >= scored.q05 && truth[4] <= scored.q95);
    expect(scored.crps).toBeGreaterThanOrEqual(0);
    expect(missing.observed).toBeNull();
    expect(missing.crps).toBeNull();
    expect(r.forecastScore).toEqual({
      n: 1,
      coverage: scored.covered ? 1 : 0,
      crps: scored.crps,
    });
    // The data were drawn at a = 4, b = 0.3: the posterior's 90 % interval of a holds 4.
    expect(r.posterior[0].q05).toBeLessThan(4);
    expect(r.posterior[0].q95).toBeGreaterThan(4);
    expect(r.posterior[2].uninformed).toBe(true);
  });

  it('rejection gives equal weights and one generation; the same seed gives the same result', async () => {
    const a = await calibrate(setup, toyCounts, {
      method: 'rejection',
      particles: 100,
      runs: 2000,
    });
    const b = await calibrate(setup, toyCounts, {
      method: 'rejection',
      particles: 100,
      runs: 2000,
    });
    expect(a.generations).toHaveLength(1);
    expect(new Set(a.weights).size).toBe(1);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('refuses observed values that do not match targets × years', async () => {
    await expect(calibrate({ ...setup, observed: new Float64Array(3) }, toyCounts)).rejects.toThrow(
      /^calibrate: 3 observed values for 1 targets × 6 years/,
    );
  });
});

describe('calibrate budget', () => {
  it('refuses an ABC-SMC budget below the prior sample and one generation', async () => {
    const setup = {
      parameters: TOY_PARAMETERS,
      targets: [{ id: 't', dyad: ['a', 'b'] as const }],
      years: [1, 2, 3, 4],
      fitYears: 4,
      observed: Float64Array.of(1, 2, 3, 4),
    };
    await expect(calibrate(setup, toyCounts, { particles: 100, runs: 150 })).rejects.toThrow(
      /^calibrate: abc-smc needs runs ≥ 2 × particles .* got 150 runs for 100 particles$/,
    );
  });
});
