import { describe, expect, it } from 'vitest';
import { EntenteError } from '../../src/errors.js';
import { binomialUpperTail } from '../../src/exploration/statistics/binomial-tail.js';

/** P(X ≥ k) by the plain sum of exact pmf terms (BigInt binomial coefficients), for small n. */
function brute(k: number, n: number, p: number): number {
  let choose = 1n;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    if (i > 0) choose = (choose * BigInt(n - i + 1)) / BigInt(i);
    if (i >= k) sum += Number(choose) * p ** i * (1 - p) ** (n - i);
  }
  return sum;
}

describe('binomialUpperTail', () => {
  it('binomialUpperTail gives hand-computed tails', () => {
    expect(binomialUpperTail(2, 2, 0.5)).toBeCloseTo(0.25, 15);
    expect(binomialUpperTail(1, 3, 0.5)).toBeCloseTo(0.875, 15); // 1 − 1/8
    expect(binomialUpperTail(10, 10, 0.9)).toBeCloseTo(0.9 ** 10, 14);
    expect(binomialUpperTail(0, 5, 0.3)).toBe(1);
    expect(binomialUpperTail(6, 5, 0.3)).toBe(0);
    expect(binomialUpperTail(3, 5, 0)).toBe(0);
    expect(binomialUpperTail(3, 5, 1)).toBe(1);
  });

  it('binomialUpperTail agrees with a brute-force sum on both sides of the mean', () => {
    for (const n of [1, 7, 30, 60]) {
      for (const p of [0.01, 0.2, 0.5, 0.77, 0.99]) {
        for (let k = 0; k <= n + 1; k++) {
          const want = brute(k, n, p);
          expect(Math.abs(binomialUpperTail(k, n, p) - want), `${k}, ${n}, ${p}`).toBeLessThan(
            1e-12,
          );
        }
      }
    }
  });

  it('binomialUpperTail stays finite and tiny far in the tail of a large n', () => {
    const t = binomialUpperTail(100_000, 100_000, 0.36);
    expect(t).toBe(0); // 0.36^100000 underflows; the answer is 0 to double precision
    expect(binomialUpperTail(50_500, 100_000, 0.5)).toBeGreaterThan(0.0007);
    expect(binomialUpperTail(50_500, 100_000, 0.5)).toBeLessThan(0.0009); // z ≈ 3.16 → 7.9e-4
    expect(binomialUpperTail(49_500, 100_000, 0.5)).toBeGreaterThan(0.999);
  });

  it('binomialUpperTail rejects bad arguments', () => {
    expect(() => binomialUpperTail(1, -1, 0.5)).toThrow(EntenteError);
    expect(() => binomialUpperTail(1.5, 3, 0.5)).toThrow(/binomialUpperTail/);
    expect(() => binomialUpperTail(1, 3, 1.5)).toThrow(/binomialUpperTail/);
  });
});
