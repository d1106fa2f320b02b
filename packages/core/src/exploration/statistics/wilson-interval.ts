/**
 * The Wilson score interval for a binomial proportion (E. B. Wilson, "Probable inference, the law
 * of succession, and statistical inference", JASA 22 (1927) 209–212): the p for which the score
 * test |p̂ − p| ≤ z·√(p(1 − p)/n) does not reject, i.e.
 *
 *   (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n),   z = Φ⁻¹((1 + confidence)/2).
 *
 * Unlike the Wald interval it stays inside [0, 1] and is not degenerate at 0 or n successes
 * (L. D. Brown, T. T. Cai & A. DasGupta, Statistical Science 16 (2001) 101–133).
 */
import { EntenteError } from '../../errors.js';
import { normalQuantile } from './normal-quantile.js';

/**
 * Wilson score interval [lo, hi] for `successes` out of `n` trials. With n = 0 there is no
 * information and the interval is [0, 1].
 * @default confidence 0.95
 * @throws {EntenteError} `out-of-range` when n or successes is not an integer with
 *   0 ≤ successes ≤ n, or confidence is not in (0, 1)
 * @example wilsonInterval(8, 10) // [0.4901…, 0.9433…]
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): [number, number] {
  if (
    !Number.isInteger(n) ||
    n < 0 ||
    !Number.isInteger(successes) ||
    successes < 0 ||
    successes > n
  ) {
    throw new EntenteError(
      'out-of-range',
      `wilsonInterval: need integers 0 ≤ successes ≤ n, got successes = ${successes}, n = ${n}`,
    );
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new EntenteError(
      'out-of-range',
      `wilsonInterval: confidence must be in (0, 1), got ${confidence}`,
    );
  }
  if (n === 0) return [0, 1];
  const z = normalQuantile((1 + confidence) / 2);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  // At 0 and n successes the bound is exactly 0 or 1; do not let rounding move it.
  const lo = successes === 0 ? 0 : Math.max(0, centre - half);
  const hi = successes === n ? 1 : Math.min(1, centre + half);
  return [lo, hi];
}
