/**
 * Sample quantiles by linear interpolation between order statistics: R's default, type 7 of
 * R. J. Hyndman & Y. Fan, "Sample quantiles in statistical packages", The American
 * Statistician 50 (1996) 361–365. With the sorted values x_0 ≤ … ≤ x_(n−1) and h = (n − 1)·p,
 * Q(p) = x_⌊h⌋ + (h − ⌊h⌋)·(x_(⌊h⌋+1) − x_⌊h⌋). Also what NumPy's default ('linear') computes.
 */
import { EntenteError } from '../../errors.js';

/**
 * Quantiles of `values` at each probability in `probs` (R-7, linear). Works on a copy: a full sort
 * when many probabilities are asked for, otherwise selection (Hoare's FIND, 1961: expected linear
 * time per order statistic), which keeps an exploration's aggregation of 100,000 worlds cheap.
 * @throws {EntenteError} `invalid-argument` on empty or NaN values, `out-of-range` on a probability outside [0, 1]
 * @example quantiles(Float64Array.of(1, 2, 3, 4), [0.5]) // Float64Array [2.5]
 */
export function quantiles(
  values: Float64Array | Float32Array,
  probs: readonly number[],
): Float64Array {
  if (values.length === 0) throw new EntenteError('invalid-argument', 'quantiles: no values');
  for (const p of probs) {
    if (!(p >= 0 && p <= 1)) {
      throw new EntenteError(
        'out-of-range',
        `quantiles: probabilities must be in [0, 1], got ${p}`,
      );
    }
  }
  const copy = Float64Array.from(values);
  for (let i = 0; i < copy.length; i++) {
    if (Number.isNaN(copy[i])) {
      throw new EntenteError('invalid-argument', `quantiles: value ${i} is NaN`);
    }
  }
  if (probs.length > SELECT_MAX_PROBS || copy.length < SELECT_MIN_LENGTH) {
    copy.sort();
    return quantilesOfSorted(copy, probs);
  }
  return quantilesBySelection(copy, probs);
}

/** Above this many probabilities a full sort is cheaper than repeated selection. */
const SELECT_MAX_PROBS = 8;
/** Below this length the native sort is as fast as selection. */
const SELECT_MIN_LENGTH = 256;

/**
 * R-7 quantiles by selection on `a` (reordered in place). The order statistics are selected in
 * increasing rank, each within the part of `a` right of the previous one, which selection leaves
 * partitioned; the statistic just above a rank is the minimum of the part right of it.
 */
function quantilesBySelection(a: Float64Array, probs: readonly number[]): Float64Array {
  const n = a.length;
  const order = probs.map((p, k) => ({ k, h: (n - 1) * p })).sort((u, v) => u.h - v.h);
  const out = new Float64Array(probs.length);
  let from = 0; // a[0 .. from) holds values ≤ every later rank's value
  let lastRank = -1;
  for (const { k, h } of order) {
    const lo = Math.floor(h);
    if (lo !== lastRank) {
      select(a, Math.max(from, 0), n - 1, lo);
      from = lo;
      lastRank = lo;
    }
    const x = a[lo];
    let next = x;
    if (lo + 1 < n) {
      next = Number.POSITIVE_INFINITY;
      for (let i = lo + 1; i < n; i++) if (a[i] < next) next = a[i];
    }
    out[k] = x === next || h === lo ? x : x + (h - lo) * (next - x);
  }
  return out;
}

/**
 * Places the value of rank `k` at a[k] with smaller-or-equal values left of it and larger-or-equal
 * right of it, within a[left..right] (Hoare's FIND with a median-of-three pivot). Falls back to
 * sorting the range after 2·log2(n) + 16 partitions, so no input makes it quadratic.
 */
function select(a: Float64Array, left: number, right: number, k: number): void {
  let budget = 2 * Math.ceil(Math.log2(right - left + 2)) + 16;
  while (right > left) {
    if (budget-- === 0) {
      const part = a.subarray(left, right + 1);
      part.sort();
      return;
    }
    const mid = (left + right) >>> 1;
    // Median of three, moved to a[mid].
    if (a[mid] < a[left]) swap(a, mid, left);
    if (a[right] < a[left]) swap(a, right, left);
    if (a[right] < a[mid]) swap(a, right, mid);
    const pivot = a[mid];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return; // j < k < i: a[k] equals the pivot and sits in place
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** R-7 quantiles of values already sorted ascending, without NaN (no checks, no copy). */
export function quantilesOfSorted(sorted: Float64Array, probs: readonly number[]): Float64Array {
  const out = new Float64Array(probs.length);
  const n = sorted.length;
  for (let k = 0; k < probs.length; k++) {
    const h = (n - 1) * probs[k];
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    const a = sorted[lo];
    const b = sorted[hi];
    // a + (h − lo)(b − a) would give NaN for infinite a = b, and +0 for a = −0 at an exact rank
    // (h = lo): there the order statistic itself is the quantile.
    out[k] = a === b || h === lo ? a : a + (h - lo) * (b - a);
  }
  return out;
}
