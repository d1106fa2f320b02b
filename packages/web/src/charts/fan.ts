/**
 * Fan-chart data: an exploration band (quantiles × months) turned into one row per month with the
 * quantiles as named fields, and the y-domain shared by the scenarios shown side by side.
 */
import type { BandJson as Band } from '@entente/core/contract';

/** One month of a fan chart. */
export interface FanRow {
  month: number;
  lo: number;
  q1: number;
  median: number;
  q3: number;
  hi: number;
}

/** The rows of a band; the probabilities must include 0.05, 0.25, 0.5, 0.75, 0.95. */
export function fanRows(band: Band): FanRow[] {
  const at = (p: number) => {
    const i = band.probs.findIndex((x) => Math.abs(x - p) < 1e-9);
    return i >= 0 ? band.values[i] : undefined;
  };
  const lo = at(0.05);
  const q1 = at(0.25);
  const med = at(0.5);
  const q3 = at(0.75);
  const hi = at(0.95);
  if (!lo || !q1 || !med || !q3 || !hi) return [];
  return med.map((m, month) => ({
    month,
    lo: lo[month] ?? m,
    q1: q1[month] ?? m,
    median: m,
    q3: q3[month] ?? m,
    hi: hi[month] ?? m,
  }));
}

/** The [min, max] over the bands' rows, so charts of one series share their y-axis. */
export function sharedDomain(rows: FanRow[][]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const rs of rows) {
    for (const r of rs) {
      if (r.lo < lo) lo = r.lo;
      if (r.hi > hi) hi = r.hi;
    }
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  return [lo, hi];
}
