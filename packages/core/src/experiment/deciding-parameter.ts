/**
 * Finds the one parameter that decides a verdict: the best one-dimensional box `x_j < t` or
 * `x_j > t` — PRIM (Friedman & Fisher 1999) restricted to a single cut, as scenario discovery
 * reads it (Bryant & Lempert 2010: density and coverage) — that separates the worlds where a
 * hypothesis holds from those where it fails. The rule must sort **both** classes: on its side,
 * density and coverage of the holding worlds are ≥ `threshold`; on the other side, density and
 * coverage of the failing worlds are too. A rule that merely covers the whole range (a hypothesis
 * that holds almost everywhere) leaves no failing side and is never reported: that degenerate case
 * is the one-at-a-time endpoint check's job (aggregate.ts; docs/case-format.md, "What decides a
 * verdict").
 */
import type { PrimInput } from '../exploration/index.js';

/** A one-parameter rule: the hypothesis holds where `cols[j] op value`. */
export interface DecidingRule {
  /** Column (parameter in plan order). */
  readonly j: number;
  readonly op: '<' | '>';
  /** Midpoint between the last world inside and the first outside. */
  readonly value: number;
  /** Share of the worlds on the rule's side that hold. */
  readonly density: number;
  /** Share of the holding worlds that lie on the rule's side. */
  readonly coverage: number;
  /** Share of the worlds on the other side that fail. */
  readonly failDensity: number;
  /** Share of the failing worlds that lie on the other side. */
  readonly failCoverage: number;
}

/** Options of {@link decidingParameter}. */
export interface DecidingOptions {
  /** Density and coverage both sides must reach. @default 0.95 */
  readonly threshold?: number;
  /** Fewest worlds of each class (holding, failing) before a rule is sought. @default 5 */
  readonly minClass?: number;
}

/**
 * The best one-parameter rule for `holds` (1 = the hypothesis holds in world i) over the sorted
 * columns of `x`, or null when none reaches `threshold` on both sides. The score of a rule is the
 * smallest of its four figures; ties go to the first parameter, then the first cut.
 * @example decidingParameter(preparePrimInput(values, n, k), holds) // { j: 3, op: '>', value: 0.5, … }
 */
export function decidingParameter(
  x: PrimInput,
  holds: Uint8Array,
  options: DecidingOptions = {},
): DecidingRule | null {
  const threshold = options.threshold ?? 0.95;
  const minClass = options.minClass ?? 5;
  const { n, d } = x;
  let h = 0;
  for (let i = 0; i < n; i++) h += holds[i];
  const f = n - h;
  if (h < minClass || f < minClass) return null;
  let best: DecidingRule | null = null;
  let bestScore = -1;
  for (let j = 0; j < d; j++) {
    const col = x.cols[j];
    const order = x.orders[j];
    let hl = 0; // holding worlds among the first i in ascending order of column j
    for (let i = 1; i < n; i++) {
      hl += holds[order[i - 1]];
      const a = col[order[i - 1]];
      const b = col[order[i]];
      if (!(a < b)) continue; // cut only between distinct values
      const right = n - i;
      const hr = h - hl;
      // Holds below the cut and fails above it, or holds above and fails below.
      const below = Math.min(hl / i, hl / h, (right - hr) / right, (right - hr) / f);
      const above = Math.min(hr / right, hr / h, (i - hl) / i, (i - hl) / f);
      const score = Math.max(below, above);
      if (score > bestScore) {
        bestScore = score;
        const up = above > below;
        best = {
          j,
          op: up ? '>' : '<',
          value: (a + b) / 2,
          density: up ? hr / right : hl / i,
          coverage: up ? hr / h : hl / h,
          failDensity: up ? (i - hl) / i : (right - hr) / right,
          failCoverage: up ? (i - hl) / f : (right - hr) / f,
        };
      }
    }
  }
  return best !== null && bestScore >= threshold ? best : null;
}
