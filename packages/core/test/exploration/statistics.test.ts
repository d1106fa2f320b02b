import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntenteError } from '../../src/errors.js';
import { normalQuantile } from '../../src/exploration/statistics/normal-quantile.js';
import { quantiles } from '../../src/exploration/statistics/quantiles.js';
import { wilsonInterval } from '../../src/exploration/statistics/wilson-interval.js';

describe('quantiles', () => {
  it('quantiles(values, probs) uses the R-7 method (linear interpolation)', () => {
    // R: quantile(c(1, 2, 3, 4), c(0, .25, .5, 1)) = 1, 1.75, 2.5, 4 (h = 3p).
    expect(Array.from(quantiles(Float64Array.of(4, 2, 1, 3), [0, 0.25, 0.5, 1]))).toEqual([
      1, 1.75, 2.5, 4,
    ]);
    // R: quantile(c(3, 1, 4, 1, 5, 9, 2, 6), c(.1, .9)) = 1, 6.9 (sorted 1 1 2 3 4 5 6 9; h = 0.7, 6.3).
    const q = quantiles(Float64Array.of(3, 1, 4, 1, 5, 9, 2, 6), [0.1, 0.9]);
    expect(q[0]).toBe(1);
    expect(q[1]).toBeCloseTo(6.9, 12);
    expect(Array.from(quantiles(Float32Array.of(5), [0, 0.5, 1]))).toEqual([5, 5, 5]);
  });

  it('quantiles copies: the input is not reordered', () => {
    const v = Float64Array.of(3, 1, 2);
    quantiles(v, [0.5]);
    expect(Array.from(v)).toEqual([3, 1, 2]);
  });

  it('quantiles are monotone in p and between min and max (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 50 }),
        (xs) => {
          const probs = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];
          const q = quantiles(Float64Array.from(xs), probs);
          expect(q[0]).toBe(Math.min(...xs));
          expect(q[6]).toBe(Math.max(...xs));
          for (let k = 1; k < q.length; k++) expect(q[k]).toBeGreaterThanOrEqual(q[k - 1]);
        },
      ),
    );
  });

  it('quantiles by selection equal the R-7 formula on the sorted values (long inputs, ties, property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 256, maxLength: 3000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (ints, probs, spread) => {
          const xs = Float64Array.from(ints, (v, i) => (spread ? v + i * 1e-3 : v));
          const sorted = Float64Array.from(xs).sort();
          const expected = probs.map((p) => {
            const h = (sorted.length - 1) * p;
            const lo = Math.floor(h);
            const a = sorted[lo];
            const b = sorted[Math.min(lo + 1, sorted.length - 1)];
            return a === b ? a : a + (h - lo) * (b - a);
          });
          expect(Array.from(quantiles(xs, probs))).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
    // Already sorted and reversed inputs (a naive pivot's worst case) and all-equal values.
    const up = Float64Array.from({ length: 5000 }, (_, i) => i);
    const q = quantiles(up, [0.05, 0.5, 0.95]);
    expect(q[0]).toBeCloseTo(249.95, 9);
    expect(q[1]).toBe(2499.5);
    expect(q[2]).toBeCloseTo(4749.05, 9);
    expect(Array.from(quantiles(up.slice().reverse(), [0.5]))).toEqual([2499.5]);
    expect(Array.from(quantiles(new Float64Array(1000).fill(7), [0.3, 0.9]))).toEqual([7, 7]);
  });

  it('quantiles at an exact rank return that order statistic itself (−0 stays −0)', () => {
    // Found by the property above: −0 + 0·(5e−324 − (−0)) is +0, not the minimum −0.
    expect(Object.is(quantiles(Float64Array.of(-0, 5e-324), [0])[0], -0)).toBe(true);
    const long = Float64Array.from({ length: 300 }, (_, i) => (i === 0 ? -0 : i));
    expect(Object.is(quantiles(long, [0])[0], -0)).toBe(true);
  });

  it('quantiles rejects NaN, empty input and probabilities outside [0, 1]', () => {
    expect(() => quantiles(Float64Array.of(1, Number.NaN), [0.5])).toThrow(
      /quantiles: value 1 is NaN/,
    );
    expect(() => quantiles(new Float64Array(0), [0.5])).toThrow(EntenteError);
    expect(() => quantiles(Float64Array.of(1), [1.1])).toThrow(/\[0, 1\]/);
  });
});

describe('normalQuantile', () => {
  it('normalQuantile matches SciPy norm.ppf to 1e-15 relative', () => {
    // scipy.stats.norm.ppf values (SciPy 1.17).
    const cases: [number, number][] = [
      [0.5, 0],
      [0.975, 1.959963984540054],
      [0.995, 2.5758293035489004],
      [0.9, 1.2815515655446004],
      [1e-10, -6.361340902404056],
      [0.3, -0.5244005127080409],
      [0.02425, -1.972961051311885],
    ];
    for (const [p, z] of cases)
      expect(Math.abs(normalQuantile(p) - z)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(z)));
    expect(() => normalQuantile(1)).toThrow(EntenteError);
  });
});

describe('wilsonInterval', () => {
  it('wilsonInterval(8, 10) at 95 % is [0.4902, 0.9433]', () => {
    // z = 1.95996, z²/n = 0.38415: centre (0.8 + 0.19207)/1.38415 = 0.71674,
    // half 1.95996/1.38415 · √(0.016 + 0.0096036) = 0.22658.
    const [lo, hi] = wilsonInterval(8, 10);
    expect(lo).toBeCloseTo(0.4902, 4);
    expect(hi).toBeCloseTo(0.9433, 4);
  });

  it('wilsonInterval at 0 and n successes is exact at the boundary; n = 0 is [0, 1]', () => {
    // 0 of 10: [0, (z²/n)/(1 + z²/n)] = [0, 0.38415/1.38415] = [0, 0.27753].
    const [lo, hi] = wilsonInterval(0, 10);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.27753, 5);
    expect(wilsonInterval(10, 10)[1]).toBe(1);
    expect(wilsonInterval(10, 10)[0]).toBeCloseTo(1 - 0.27753, 5);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });

  it('wilsonInterval is symmetric, contains p̂ and narrows with n and lower confidence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, f) => {
          const s = Math.floor(f * n);
          const [lo, hi] = wilsonInterval(s, n);
          const [lo2, hi2] = wilsonInterval(n - s, n);
          expect(lo).toBeCloseTo(1 - hi2, 12);
          expect(hi).toBeCloseTo(1 - lo2, 12);
          expect(lo).toBeLessThanOrEqual(s / n);
          expect(hi).toBeGreaterThanOrEqual(s / n);
          const [l90, h90] = wilsonInterval(s, n, 0.9);
          expect(h90 - l90).toBeLessThanOrEqual(hi - lo);
        },
      ),
    );
    expect(wilsonInterval(800, 1000)[1] - wilsonInterval(800, 1000)[0]).toBeLessThan(0.06);
  });

  it('wilsonInterval rejects impossible counts and confidence', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(/wilsonInterval/);
    expect(() => wilsonInterval(1.5, 10)).toThrow(EntenteError);
    expect(() => wilsonInterval(1, 10, 1)).toThrow(/confidence/);
  });
});
