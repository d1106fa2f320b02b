import { describe, expect, it } from 'vitest';
import { EntenteError } from '../../src/errors.js';
import { scaleToRanges } from '../../src/exploration/sampling/scale.js';
import { morrisDesign, morrisEffects } from '../../src/exploration/sensitivity/morris.js';

const evaluate = (m: Float64Array, d: number, f: (x: Float64Array) => number) =>
  Float64Array.from({ length: m.length / d }, (_, r) => f(m.subarray(r * d, (r + 1) * d)));

describe('morrisDesign', () => {
  it('morrisDesign(r, d, p) moves one input per step by ±Δ = p/(2(p−1)) on the p-level grid', () => {
    for (const p of [2, 4, 6, 8]) {
      const r = 20;
      const d = 5;
      const { matrix, rows, delta } = morrisDesign(r, d, p, p);
      expect(rows).toBe(r * (d + 1));
      expect(delta).toBe(p / (2 * (p - 1)));
      for (const v of matrix) {
        expect(v >= 0 && v <= 1).toBe(true);
        expect(Math.abs(v * (p - 1) - Math.round(v * (p - 1)))).toBeLessThan(1e-12); // on the grid
      }
      for (let t = 0; t < r; t++) {
        const moved = new Set<number>();
        for (let k = 0; k < d; k++) {
          const a = (t * (d + 1) + k) * d;
          const changed = [];
          for (let j = 0; j < d; j++) if (matrix[a + j] !== matrix[a + d + j]) changed.push(j);
          expect(changed).toHaveLength(1);
          expect(
            Math.abs(Math.abs(matrix[a + d + changed[0]] - matrix[a + changed[0]]) - delta),
          ).toBeLessThan(1e-12);
          moved.add(changed[0]);
        }
        expect(moved.size).toBe(d); // each input moves exactly once per trajectory
      }
    }
  });

  it('morrisDesign: same seed same bytes; both directions and all base levels occur', () => {
    const a = morrisDesign(200, 3, 4, 1);
    expect(Array.from(a.matrix)).toEqual(Array.from(morrisDesign(200, 3, 4, 1).matrix));
    const levels = new Set(a.matrix);
    expect([...levels].sort()).toEqual([0, 1 / 3, 2 / 3, 1]);
  });

  it('morrisDesign rejects odd or too few levels and bad sizes', () => {
    expect(() => morrisDesign(4, 2, 5, 1)).toThrow(/even integer/);
    expect(() => morrisDesign(4, 2, 0, 1)).toThrow(EntenteError);
    expect(() => morrisDesign(0, 2, 4, 1)).toThrow(/morrisDesign: r and d/);
  });
});

describe('morrisEffects', () => {
  it('morrisEffects of a linear model: μ = c·range, μ* = |c|·range, σ = 0; no effect gives 0', () => {
    const c = [2, -3, 0, 0.5];
    const lo = [0, -1, 5, 10];
    const hi = [1, 3, 6, 30];
    const r = 15;
    const { matrix } = morrisDesign(r, 4, 4, 7);
    const y = evaluate(scaleToRanges(matrix, lo, hi), 4, (x) =>
      c.reduce((s, ci, i) => s + ci * x[i], 1),
    );
    const e = morrisEffects(matrix, y, r, 4);
    for (let i = 0; i < 4; i++) {
      const range = hi[i] - lo[i];
      expect(e.mu[i]).toBeCloseTo(c[i] * range, 9);
      expect(e.muStar[i]).toBeCloseTo(Math.abs(c[i]) * range, 9);
      expect(e.sigma[i]).toBeCloseTo(0, 9);
    }
    expect(e.muStar[2]).toBe(0);
  });

  it('morrisEffects of x0·x1 shows the interaction in σ and gives an inert input 0', () => {
    // EE_0 = x1 at the point of the step; on the 4-level grid x1 ∈ {0, ⅓, ⅔, 1}, all > 0 except 0.
    const r = 400;
    const { matrix } = morrisDesign(r, 3, 4, 2);
    const e = morrisEffects(
      matrix,
      evaluate(matrix, 3, (x) => x[0] * x[1]),
      r,
      3,
    );
    expect(e.muStar[0]).toBeCloseTo(e.mu[0], 12); // all effects ≥ 0
    expect(e.mu[0]).toBeGreaterThan(0.4);
    expect(e.mu[0]).toBeLessThan(0.6);
    expect(e.sigma[0]).toBeGreaterThan(0.2);
    expect(Array.from([e.mu[2], e.muStar[2], e.sigma[2]])).toEqual([0, 0, 0]);
  });

  it('morrisEffects by hand on one 2-input trajectory', () => {
    // (0, 0) → (⅔, 0) → (⅔, ⅔) with y = 1, 3, 2: EE_0 = 2/(⅔) = 3, EE_1 = −1/(⅔) = −1.5.
    const m = Float64Array.of(0, 0, 2 / 3, 0, 2 / 3, 2 / 3);
    const e = morrisEffects(m, Float64Array.of(1, 3, 2), 1, 2);
    expect(Array.from(e.mu)).toEqual([3, -1.5]);
    expect(Array.from(e.muStar)).toEqual([3, 1.5]);
    expect(Array.from(e.sigma)).toEqual([0, 0]);
  });

  it('morrisEffects rejects rows that move no input or two, and bad lengths', () => {
    expect(() =>
      morrisEffects(Float64Array.of(0, 0, 0, 0, 1, 1), Float64Array.of(1, 2, 3), 1, 2),
    ).toThrow(/exactly one input/);
    expect(() => morrisEffects(new Float64Array(5), new Float64Array(3), 1, 2)).toThrow(
      EntenteError,
    );
    expect(() =>
      morrisEffects(Float64Array.of(0, 0, 1, 0, 0, 1), Float64Array.of(1, Number.NaN, 3), 1, 2),
    ).toThrow(/not finite/);
  });
});
