import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/analysis/random.js';
import type { AbcParameter, BatchSimulator } from '../../src/calibration/abc-problem.js';
import { calibrate } from '../../src/calibration/calibrate.js';
import { historyMatching, implausibility } from '../../src/calibration/history-matching.js';
import { drawPrior, standardNormal } from '../../src/calibration/prior-draws.js';
import { runSeed } from '../../src/simulation/streams.js';
import { TOY_PARAMETERS, toyRun, toySimulator } from './toy-model.js';

// A toy whose outputs on the ln(1 + x) scale are the parameters themselves: t(y₁) = a, t(y₂) = b
// (y = eᵃ − 1), c unseen. Deterministic, so the replicates' variance is 0 and
// I(θ) = max(|a − 5|, |b − 3|) / δ. With δ = 0.5 and the cut-off 3 the non-implausible set is
// a ∈ [3.5, 6.5], b ∈ [1.5, 4.5], c anything: 0.3 × 0.3 × 1 = 9 % of the prior box.
const PARAMETERS: readonly AbcParameter[] = [
  { id: 'a', lo: 0, hi: 10 },
  { id: 'b', lo: 0, hi: 10 },
  { id: 'c', lo: 0, hi: 1 },
];
const observed = Float64Array.of(Math.expm1(5), Math.expm1(3));
const problem = { parameters: PARAMETERS, observed };

/** The toy, with optional noise σ z on the t scale (z from the row's seed). */
function toy(sigma = 0, extra: number[] = []): BatchSimulator {
  return (thetas, seeds) => {
    const m = 2 + extra.length;
    const out = new Float64Array(seeds.length * m);
    for (let i = 0; i < seeds.length; i++) {
      const rng = createRng(seeds[i]);
      out[i * m] = Math.expm1(thetas[i * 3] + sigma * standardNormal(rng));
      out[i * m + 1] = Math.expm1(thetas[i * 3 + 1] + sigma * standardNormal(rng));
      extra.forEach((v, k) => {
        out[i * m + 2 + k] = v;
      });
    }
    return out;
  };
}

describe('historyMatching', () => {
  it('keeps exactly the hand-computed non-implausible box, and estimates its volume (9 %)', async () => {
    const r = await historyMatching(problem, toy(), {
      points: 2000,
      waves: 3,
      replicates: 2,
      discrepancy: 0.5,
      seed: 7,
    });
    const n = r.weights.length;
    expect(n).toBeGreaterThan(100);
    let minA = Infinity;
    let maxA = -Infinity;
    let minB = Infinity;
    let maxB = -Infinity;
    for (let i = 0; i < n; i++) {
      const [a, b] = [r.particles[i * 3], r.particles[i * 3 + 1]];
      expect(a).toBeGreaterThanOrEqual(3.5);
      expect(a).toBeLessThanOrEqual(6.5);
      expect(b).toBeGreaterThanOrEqual(1.5);
      expect(b).toBeLessThanOrEqual(4.5);
      minA = Math.min(minA, a);
      maxA = Math.max(maxA, a);
      minB = Math.min(minB, b);
      maxB = Math.max(maxB, b);
    }
    // The refocused waves fill the box to its edges.
    expect(minA).toBeLessThan(3.55);
    expect(maxA).toBeGreaterThan(6.45);
    expect(minB).toBeLessThan(1.55);
    expect(maxB).toBeGreaterThan(4.45);
    // Wave 1 samples the prior: its share is binomial(2000, 0.09), sd 0.0064.
    expect(r.waves[0].boxFraction).toBe(1);
    expect(Math.abs(r.waves[0].volumeFraction - 0.09)).toBeLessThan(0.026);
    // Later waves sample a box around the set: more of their points are kept, same volume.
    expect(r.waves[2].nonImplausible / r.waves[2].points).toBeGreaterThan(0.5);
    expect(Math.abs(r.waves[2].volumeFraction - 0.09)).toBeLessThan(0.01);
    expect(r.simulations).toBe(3 * 2000 * 2);
    expect(Array.from(r.weights).every((w) => w === 1 / n)).toBe(true);
  });

  it('implausibility: |t(z) − mean| / sqrt(δ² + s²(1 + 1/R)), max or second max over outputs', () => {
    // Two replicates of two outputs, t-values (1, 3) and (2, 2); observed t = 4 and 2.
    const rows = Float64Array.of(Math.expm1(1), Math.expm1(2), Math.expm1(3), Math.expm1(2));
    const z = Float64Array.of(Math.expm1(4), Math.expm1(2));
    const per = new Float64Array(2);
    // Output 1: mean 2, s² = 2, (1 + 1/2) → 3; δ² = 1 → |4 − 2| / 2 = 1. Output 2: 0.
    expect(implausibility(rows, 0, 2, z, 1, 1, per)).toBeCloseTo(1, 12);
    expect(per[1]).toBeCloseTo(0, 12);
    expect(implausibility(rows, 0, 2, z, 1, 2)).toBeCloseTo(0, 12);
  });

  it('an output the model cannot reach rules out every point; the second-max variant tolerates it', async () => {
    const unreachable = toy(0, [Math.expm1(9)]);
    const z = Float64Array.of(Math.expm1(5), Math.expm1(3), 0);
    const p = { parameters: PARAMETERS, observed: z };
    const options = { points: 500, waves: 2, replicates: 2, discrepancy: 0.5, seed: 3 };
    await expect(historyMatching(p, unreachable, options)).rejects.toThrow(
      /none of 500 points .* output 2 alone rules out 100 %/,
    );
    const r = await historyMatching(p, unreachable, { ...options, rank: 2 });
    for (let i = 0; i < r.weights.length; i++) {
      expect(Math.abs(r.particles[i * 3] - 5)).toBeLessThanOrEqual(1.5);
      expect(Math.abs(r.particles[i * 3 + 1] - 3)).toBeLessThanOrEqual(1.5);
    }
  });

  it('is seeded and gives the same bytes however the batches are split (worker count)', async () => {
    const noisy = toy(0.2);
    const chunked: BatchSimulator = async (thetas, seeds) => {
      const out = new Float64Array(seeds.length * 2);
      const step = 7;
      for (let s = 0; s < seeds.length; s += step) {
        const e = Math.min(seeds.length, s + step);
        out.set(await noisy(thetas.slice(s * 3, e * 3), seeds.slice(s, e)), s * 2);
      }
      return out;
    };
    const options = { points: 300, waves: 2, replicates: 4, seed: 11 };
    const a = await historyMatching(problem, noisy, options);
    const b = await historyMatching(problem, chunked, options);
    expect(Buffer.from(b.particles.buffer)).toEqual(Buffer.from(a.particles.buffer));
    const c = await historyMatching(problem, noisy, { ...options, seed: 12 });
    expect(Buffer.from(c.particles.buffer)).not.toEqual(Buffer.from(a.particles.buffer));
  });

  it('runs through calibrate: equal weights, waves reported, forecast bands', async () => {
    const setup = {
      parameters: PARAMETERS,
      targets: [
        { id: 'x--a', dyad: ['x', 'a'] as const },
        { id: 'x--b', dyad: ['x', 'b'] as const },
      ],
      years: [2020],
      fitYears: 1,
      observed,
    };
    const sim = toy(0.1);
    const c = await calibrate(setup, (t, s) => sim(t, s), {
      method: 'history-matching',
      runs: 6000,
      particles: 200,
      historyMatching: { discrepancy: 0.5, waves: 3, replicates: 4 },
    });
    expect(c.method).toBe('history-matching');
    expect(c.nonImplausible?.waves).toHaveLength(3);
    expect(c.nonImplausible?.waves[0].points).toBe(500);
    expect(c.nonImplausible?.rulesOut.map((r) => r.dyad)).toEqual(['x--a', 'x--b']);
    // c is not seen by the data: uninformed; a is (its set is 3 of 10 units wide).
    expect(c.posterior.find((p) => p.id === 'c')?.uninformed).toBe(true);
    expect(c.posterior.find((p) => p.id === 'a')?.uninformed).toBe(false);
    expect(c.fit).toHaveLength(2);
  });

  it('keeps the truth: data simulated at θ* leave θ* non-implausible in most replications (toy model)', async () => {
    // With the replicates' variance in the denominator, (t(z) − m) / sqrt(s²(1 + 1/R)) is about a
    // Student t with R − 1 degrees of freedom, so the truth exceeds 3 on one of 4 outputs with
    // probability ≈ 4 × P(|t₇| > 3) ≈ 8 % at δ = 0, less with δ = 0.2 (197 and 184 of 200 kept
    // when written).
    const rng = createRng(5);
    const years = 4;
    const truth = new Float64Array(3);
    let kept = 0;
    let keptStrict = 0;
    const n = 200;
    for (let rep = 0; rep < n; rep++) {
      drawPrior(rng, TOY_PARAMETERS, truth, 0);
      const z = toyRun(truth, runSeed(77, rep), years);
      const R = 8;
      const rows = new Float64Array(R * 3);
      const seeds = new Uint32Array(R);
      for (let r = 0; r < R; r++) {
        rows.set(truth, r * 3);
        seeds[r] = runSeed(78, rep * R + r);
      }
      const sims = await toySimulator(years)(rows, seeds);
      if (implausibility(sims, 0, R, z, 0.2, 1) <= 3) kept++;
      if (implausibility(sims, 0, R, z, 0, 1) <= 3) keptStrict++;
    }
    expect(kept / n).toBeGreaterThanOrEqual(0.9);
    expect(keptStrict / n).toBeGreaterThanOrEqual(0.85);
    expect(keptStrict).toBeLessThanOrEqual(kept);
  });
});
