/**
 * The lower envelope of lines y = a_l + b_l·x on an interval [lo, hi]: which line is lowest where,
 * and the exact x at which the lowest line changes. Used by the tipping-point analysis, where each
 * configuration's energy is a line in the parameter θ. A "kinetic" sweep from lo: at each
 * breakpoint the next lowest line is the one of smaller slope that crosses the current line first
 * (the textbook lower-envelope construction; see de Berg et al., Computational Geometry, 3rd ed.,
 * §11.4, on duality of lines and hulls).
 */

/** One piece of the envelope: line `line` is lowest on [from, to]. */
export interface EnvelopePiece {
  readonly from: number;
  readonly to: number;
  readonly line: number;
}

/**
 * Lower envelope of lines (a[l], b[l]) on [lo, hi], lo < hi. Where lines tie at lo the smaller
 * slope wins (it is lower just after lo), then the lower index; at a crossing shared by several
 * lines the smallest slope wins. O(lines × pieces).
 * @example lowerEnvelope([0, 1], [1, -1], 0, 2) // [{from 0, to 0.5, line 0}, {from 0.5, to 2, line 1}]
 */
export function lowerEnvelope(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  lo: number,
  hi: number,
): EnvelopePiece[] {
  const count = a.length;
  let cur = 0;
  for (let l = 1; l < count; l++) {
    const vl = a[l] + b[l] * lo;
    const vc = a[cur] + b[cur] * lo;
    if (vl < vc || (vl === vc && b[l] < b[cur])) cur = l;
  }
  const pieces: EnvelopePiece[] = [];
  let x = lo;
  for (;;) {
    let nx = hi;
    let nl = -1;
    for (let l = 0; l < count; l++) {
      if (b[l] >= b[cur]) continue;
      const xc = (a[l] - a[cur]) / (b[cur] - b[l]);
      if (xc <= x || xc > nx) continue;
      if (xc < nx || nl < 0 || b[l] < b[nl]) {
        nx = xc;
        nl = l;
      }
    }
    if (nl < 0 || nx >= hi) {
      pieces.push({ from: x, to: hi, line: cur });
      return pieces;
    }
    pieces.push({ from: x, to: nx, line: cur });
    x = nx;
    cur = nl;
  }
}
