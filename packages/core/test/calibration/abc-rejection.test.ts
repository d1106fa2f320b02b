import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/analysis/random.js';
import { kernelNoise } from '../../src/calibration/abc-distance.js';
import type { AbcResult } from '../../src/calibration/abc-problem.js';
import {
  abcRejection,
  closestDraws,
  ToleranceNotReachedError,
} from '../../src/calibration/abc-rejection.js';
import { abcSmc } from '../../src/calibration/abc-smc.js';
import { TOY_PARAMETERS, toyRun, toySimulator } from './toy-model.js';

/** The reference: every index sorted by (distance, index), the first n kept. */
const bySort = (dist: Float64Array, n: number): number[] =>
  Array.from(dist.keys())
    .sort((a, b) => dist[a] - dist[b] || a - b)
    .slice(0, n);

describe('closestDraws', () => {
  it('closestDraws(dist, n) keeps the n smallest, ties broken by index, as a full stable sort does (fast-check)', () => {
    fc.assert(
      fc.property(
        // Few distinct values, so ties at the cut are common.
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 60 }),
        fc.nat(),
        (values, k) => {
          const dist = Float64Array.from(values, (v) => v / 4);
          const n = 1 + (k % dist.length);
          expect(closestDraws(dist, n)).toEqual(bySort(dist, n));
        },
      ),
    );
  });

  it('closestDraws keeps ties at the cut in index order (hand-checked)', () => {
    const dist = Float64Array.from([0.5, 0.2, 0.5, 0.1, 0.5, 0.2]);
    // Sorted: 3 (0.1), 1 (0.2), 5 (0.2), then the 0.5s in index order: 0, 2, 4.
    expect(closestDraws(dist, 4)).toEqual([3, 1, 5, 0]);
    expect(closestDraws(dist, 5)).toEqual([3, 1, 5, 0, 2]);
  });
});

/** A digest of every array and number of an ABC result (its bytes). */
function digest(r: AbcResult): string {
  const h = createHash('sha256');
  for (const a of [r.particles, r.weights, r.distances, r.summaries, r.scales])
    h.update(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  h.update(JSON.stringify([r.epsilon, r.ess, r.simulations, r.generations]));
  return h.digest('hex');
}

describe('noisy ABC and a target tolerance (Fearnhead & Prangle 2012, §2.2) on the toy model', () => {
  const YEARS = 4;
  const observed = toyRun([4, 0.2, 0.5], 5, YEARS);
  const problem = { parameters: TOY_PARAMETERS, observed, blockSize: YEARS };
  const simulate = toySimulator(YEARS);

  it('plain ABC keeps its bytes: the digests of runs made before the target tolerance existed', async () => {
    // Computed with the code of main at 4672567 (before noisy ABC), same options.
    const smc = await abcSmc(problem, simulate, { particles: 100, seed: 3, maxSimulations: 4000 });
    const rej = await abcRejection(problem, simulate, {
      particles: 100,
      simulations: 3000,
      seed: 2,
    });
    expect(digest(smc)).toBe('db059e353c5b80f1d6c4f6cc96e1b56f7d041e5dadfcd6e9cb44dc6fbf9daeed');
    expect(digest(rej)).toBe('40d16ceab39d486fb997e793acad8a450564446efcfbe4600697baf1a83aca08');
    expect([smc.tolerance, smc.noisy, smc.targetReached, smc.noise]).toEqual([
      null,
      false,
      null,
      null,
    ]);
  });

  it('the kernel draw is uniform in the ball: P(‖e‖ ≤ ε√m q^(1/m)) = q, each sign equally likely', async () => {
    // m = 4 observed summaries, ε_T = 2; 2,000 seeds, each one noisy rejection run on 40 draws.
    const epsilon = 2;
    const m = YEARS;
    const seeds = 2000;
    const radii: number[] = [];
    let positive = 0;
    for (let seed = 0; seed < seeds; seed++) {
      const r = await abcRejection(problem, simulate, {
        particles: 2,
        simulations: 40,
        seed,
        tolerance: 50,
        noisy: true,
      });
      const e = r.noise as Float64Array;
      // sqrt(mean e²) ≤ ε_T is the ball of the tolerance 50 here: rescale to ε = 2.
      radii.push((Math.hypot(...e) * epsilon) / 50);
      if (e[0] > 0) positive++;
    }
    for (const q of [0.1, 0.25, 0.5, 0.75, 0.9]) {
      const cut = epsilon * Math.sqrt(m) * q ** (1 / m);
      const share = radii.filter((x) => x <= cut).length / seeds;
      // Binomial sd ≤ 0.0112 at 2,000 draws: 4 sd.
      expect(Math.abs(share - q), `q = ${q}`).toBeLessThan(0.045);
    }
    expect(Math.max(...radii)).toBeLessThanOrEqual(epsilon * Math.sqrt(m));
    expect(Math.abs(positive / seeds - 0.5)).toBeLessThan(0.045);
  });

  it('kernelNoise stays in the ball and its radius has distribution function (r / ε√m)^m for m = 18', () => {
    const rng = createRng(7);
    const m = 18;
    const n = 4000;
    const r = Array.from({ length: n }, () => Math.hypot(...kernelNoise(rng, m, 0.8)));
    for (const q of [0.05, 0.5, 0.95]) {
      const cut = 0.8 * Math.sqrt(m) * q ** (1 / m);
      expect(Math.abs(r.filter((x) => x <= cut).length / n - q), `q = ${q}`).toBeLessThan(0.032);
    }
    expect(Math.max(...r)).toBeLessThanOrEqual(0.8 * Math.sqrt(m) * (1 + 1e-12));
  });

  it('keeps every draw within ε_T of the moved point (brute force), with the same bytes for the same seed', async () => {
    const options = { particles: 2, simulations: 3000, seed: 11, tolerance: 0.9, noisy: true };
    const r = await abcRejection(problem, simulate, options);
    const again = await abcRejection(problem, simulate, options);
    expect(digest(again)).toBe(digest(r));
    expect(Array.from(again.noise as Float64Array)).toEqual(Array.from(r.noise as Float64Array));
    const other = await abcRejection(problem, simulate, { ...options, seed: 12 });
    expect(other.noise).not.toEqual(r.noise);
    // The same prior table as generation 0 of abcSmc with 3,000 particles and seed 11: recompute
    // each draw's distance to t(y)/s + e in the scaled space and count those within 0.9.
    const prior = await abcSmc(problem, simulate, {
      particles: 3000,
      seed: 11,
      maxSimulations: 3000,
    });
    const s = r.scales[0];
    const e = r.noise as Float64Array;
    const within: number[] = [];
    for (let i = 0; i < 3000; i++) {
      let sum = 0;
      for (let k = 0; k < YEARS; k++) {
        const diff =
          Math.log1p(prior.summaries[i * YEARS + k]) / s - (Math.log1p(observed[k]) / s + e[k]);
        sum += diff * diff;
      }
      if (Math.sqrt(sum / YEARS) <= 0.9) within.push(i);
    }
    expect(r.particles.length / 3).toBe(within.length);
    expect(within.length).toBeGreaterThan(20);
    expect(Math.max(...r.distances)).toBeLessThanOrEqual(0.9);
    expect([r.epsilon, r.tolerance, r.noisy, r.targetReached]).toEqual([0.9, 0.9, true, true]);
    expect(r.weights[0]).toBe(1 / within.length);
  });

  it('a target tolerance without noise keeps every draw within it of the observed point', async () => {
    const r = await abcRejection(problem, simulate, {
      particles: 2,
      simulations: 2000,
      seed: 4,
      tolerance: 0.5,
    });
    const prior = await abcSmc(problem, simulate, {
      particles: 2000,
      seed: 4,
      maxSimulations: 2000,
    });
    expect(r.particles.length / 3).toBe(prior.distances.filter((x) => x <= 0.5).length);
    expect(r.noise).toBeNull();
  });

  it('refuses noisy without a tolerance, a tolerance ≤ 0, and says so when fewer than 2 draws lie within it', async () => {
    await expect(
      abcRejection(problem, simulate, { particles: 2, simulations: 100, noisy: true }),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/abc rejection: noisy ABC needs a target tolerance/),
    });
    await expect(
      abcRejection(problem, simulate, { particles: 2, simulations: 100, tolerance: 0 }),
    ).rejects.toMatchObject({
      code: 'out-of-range',
      message: expect.stringMatching(/tolerance must be/),
    });
    const tiny = abcRejection(problem, simulate, {
      particles: 2,
      simulations: 100,
      tolerance: 1e-9,
      noisy: true,
    });
    await expect(tiny).rejects.toBeInstanceOf(ToleranceNotReachedError);
    await expect(tiny).rejects.toMatchObject({
      code: 'out-of-range',
      kept: 0,
      message: expect.stringMatching(
        /none of the 100 prior draws .* give a larger tolerance or a larger budget/,
      ),
    });
  });

  it('a missing observation gets no noise, and the ball is that of the observed summaries', async () => {
    const gap = Float64Array.from(observed);
    gap[1] = Number.NaN;
    const r = await abcRejection({ ...problem, observed: gap }, simulate, {
      particles: 2,
      simulations: 200,
      seed: 3,
      tolerance: 3,
      noisy: true,
    });
    const e = r.noise as Float64Array;
    expect(Number.isNaN(e[1])).toBe(true);
    const rest = [e[0], e[2], e[3]];
    expect(rest.every(Number.isFinite)).toBe(true);
    expect(Math.sqrt(rest.reduce((s, x) => s + x * x, 0) / 3)).toBeLessThanOrEqual(3);
  });
});
