/**
 * The upper tail P(X ≥ k) of a binomial(n, p) distribution, summed exactly term by term from
 * the largest term outwards (pmf ratios pmf(i+1)/pmf(i) = (n − i)/(i + 1) · p/(1 − p)), in log
 * space for the first term so nothing underflows where it matters: O(n) time, relative error near
 * machine precision for the n of a PRIM box (up to a few hundred thousand).
 */
import { EntenteError } from '../../errors.js';

/**
 * P(X ≥ k) for X ~ binomial(n, p).
 * @throws {EntenteError} `out-of-range` when n or k is not an integer ≥ 0 or p is not in [0, 1]
 * @example binomialUpperTail(2, 2, 0.5) // 0.25
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(k) || !(p >= 0 && p <= 1)) {
    throw new EntenteError(
      'out-of-range',
      `binomialUpperTail: need integers n ≥ 0, k and p in [0, 1], got k = ${k}, n = ${n}, p = ${p}`,
    );
  }
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  const mean = n * p;
  // Sum the smaller side, starting at its term nearest the mean (the largest).
  if (k > mean) return sumTerms(k, n, p, 1);
  return Math.max(0, 1 - sumTerms(k - 1, n, p, -1));
}

/** Σ pmf(i) for i = start, start + dir, … while 0 ≤ i ≤ n. */
function sumTerms(start: number, n: number, p: number, dir: 1 | -1): number {
  let term = Math.exp(logChoose(n, start) + start * Math.log(p) + (n - start) * Math.log1p(-p));
  let sum = 0;
  const odds = p / (1 - p);
  for (let i = start; i >= 0 && i <= n; i += dir) {
    sum += term;
    if (dir > 0) term *= ((n - i) / (i + 1)) * odds;
    else term *= i / (n - i + 1) / odds;
    // Terms fall monotonically away from the mean; stop once they no longer change the sum.
    if (term <= sum * 1e-17) break;
  }
  return Math.min(1, sum);
}

/** log C(n, k), as a sum of logs over the smaller of k and n − k. */
function logChoose(n: number, k: number): number {
  const m = Math.min(k, n - k);
  let s = 0;
  for (let i = 1; i <= m; i++) s += Math.log((n - m + i) / i);
  return s;
}
