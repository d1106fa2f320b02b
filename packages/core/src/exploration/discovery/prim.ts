/**
 * PRIM, the Patient Rule Induction Method (J. H. Friedman & N. I. Fisher, "Bump hunting in
 * high-dimensional data", Statistics and Computing 9 (1999) 123–143, §2–§4), as used for scenario
 * discovery (B. P. Bryant & R. J. Lempert, "Thinking inside the box", Technological Forecasting &
 * Social Change 77 (2010) 34–49; J. H. Kwakkel, EMA Workbench): finds a box — limits on some
 * inputs — inside which the cases of interest (y = 1) are concentrated.
 *
 * Peeling: starting from the box spanning all points, each step considers, for every input and
 * both sides, removing the α share of the points in the box with the lowest (or highest) values of
 * that input (at least one point; ties at the cut are removed together), and keeps the removal
 * that leaves the highest density (ties: the fewest points removed, then the lower input, low side
 * first). Peeling stops when no removal leaves at least `minSupport`·n points, or when the box
 * holds no case of interest or nothing else. Each box on the way is a step of the trajectory with
 * coverage (share of all cases of interest inside), density (share of the box's points that are of
 * interest) and support (share of all points inside). A peeled limit is set halfway between the
 * last removed and the first kept value; an input never peeled keeps the data's min and max and is
 * not `restricted`.
 *
 * Choosing a box (Bryant & Lempert trade coverage for density; EMA Workbench lets the analyst pick):
 * by default the densest box whose coverage is at least `minCoverage` (ties: the earlier, larger
 * box); `choose` picks a trajectory index instead. Pasting (Friedman & Fisher §5) is not applied.
 *
 * Dropping restrictions: peeling can add a limit that only trims a stray point, a restriction
 * that does not generalise. As in EMA Workbench's quasi-p-values (after Bryant & Lempert 2010,
 * §3.3), each restriction of the chosen box is tested: with N points and P cases of interest in the
 * box, and density q in the same box without that restriction, its p-value is the binomial tail
 * P(X ≥ P | N, q) — how likely so dense a box would be by chance at q. The restriction with the
 * largest p-value above `significance` is dropped (the input set back to the data's range), and
 * the test repeats on the new box until every remaining restriction is significant. `box` is the
 * result, with its own coverage, density and support; `trajectory[chosen].box` the box as peeled.
 *
 * Speed: each input is sorted once; a peel walks the sorted order from the current cut, skipping
 * points already outside the box, so a step costs about α·n per input and side.
 */
import { EntenteError } from '../../errors.js';
import { binomialUpperTail } from '../statistics/binomial-tail.js';
import { argsort } from './argsort.js';

/** Options of {@link prim}. */
export interface PrimOptions {
  /** Share α of the box's points removed by one peel, in (0, 0.5]. @default 0.05 */
  readonly peelAlpha?: number;
  /** Smallest share of all points a box may keep, in (0, 1]. @default 0.05 */
  readonly minSupport?: number;
  /** The chosen box is the densest with at least this coverage, in [0, 1]. @default 0.5 */
  readonly minCoverage?: number;
  /** Trajectory index of the chosen box, overriding minCoverage. @default undefined */
  readonly choose?: number;
  /** Restrictions with a quasi-p-value above this are dropped; 1 keeps all. @default 0.05 */
  readonly significance?: number;
}

/** PRIM options with defaults filled in. */
export interface ResolvedPrimOptions {
  readonly peelAlpha: number;
  readonly minSupport: number;
  readonly minCoverage: number;
  readonly choose: number | null;
  readonly significance: number;
}

/** Limits of a box: lo_j ≤ x_j ≤ hi_j for every input j. */
export interface PrimBox {
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  /** Whether input j is limited (peeled) rather than spanning the data's range. */
  readonly restricted: boolean[];
}

/** One box of the peeling trajectory. */
export interface PrimStep {
  /** Share of all cases of interest inside the box (0 when there are none). */
  readonly coverage: number;
  /** Share of the box's points that are cases of interest. */
  readonly density: number;
  /** Share of all points inside the box. */
  readonly support: number;
  readonly box: PrimBox;
}

/** The result of {@link prim}. */
export interface PrimResult {
  readonly options: ResolvedPrimOptions;
  /** The boxes from the whole data (index 0) to the last peel. */
  readonly trajectory: PrimStep[];
  /** Index of the chosen box in `trajectory`. */
  readonly chosen: number;
  /** The chosen box after dropping insignificant restrictions. */
  readonly box: PrimBox;
  /** Share of all cases of interest inside `box` (0 when there are none). */
  readonly coverage: number;
  /** Share of the points in `box` that are cases of interest. */
  readonly density: number;
  /** Share of all points inside `box`. */
  readonly support: number;
  /** Quasi-p-value of each restriction of `box` per input (1 for an unrestricted input). */
  readonly pValues: Float64Array;
  /** Inputs whose restriction in trajectory[chosen].box was dropped, in the order dropped. */
  readonly dropped: number[];
  /** Number of cases of interest (y = 1). */
  readonly positives: number;
  readonly diagnostics: readonly string[];
}

/**
 * Resolves the options of {@link prim}.
 * @throws {EntenteError} `out-of-range` on an option out of range
 */
export function resolvePrimOptions(options: PrimOptions = {}): ResolvedPrimOptions {
  const peelAlpha = options.peelAlpha ?? 0.05;
  const minSupport = options.minSupport ?? 0.05;
  const minCoverage = options.minCoverage ?? 0.5;
  if (!(peelAlpha > 0 && peelAlpha <= 0.5)) {
    throw new EntenteError('out-of-range', `prim: peelAlpha must be in (0, 0.5], got ${peelAlpha}`);
  }
  if (!(minSupport > 0 && minSupport <= 1)) {
    throw new EntenteError('out-of-range', `prim: minSupport must be in (0, 1], got ${minSupport}`);
  }
  if (!(minCoverage >= 0 && minCoverage <= 1)) {
    throw new EntenteError(
      'out-of-range',
      `prim: minCoverage must be in [0, 1], got ${minCoverage}`,
    );
  }
  const choose = options.choose ?? null;
  if (choose !== null && (!Number.isInteger(choose) || choose < 0)) {
    throw new EntenteError('out-of-range', `prim: choose must be an integer ≥ 0, got ${choose}`);
  }
  const significance = options.significance ?? 0.05;
  if (!(significance > 0 && significance <= 1)) {
    throw new EntenteError(
      'out-of-range',
      `prim: significance must be in (0, 1], got ${significance}`,
    );
  }
  return { peelAlpha, minSupport, minCoverage, choose, significance };
}

/**
 * The inputs of {@link prim} with each column sorted once: prepare them with
 * {@link preparePrimInput} when several outcomes are explained over the same points.
 */
export interface PrimInput {
  readonly n: number;
  readonly d: number;
  /** Column j of x. */
  readonly cols: readonly Float64Array[];
  /** Point indices in ascending order of column j. */
  readonly orders: readonly Uint32Array[];
  /** The data's minimum and maximum of each column. */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

function isPrimInput(x: Float64Array | PrimInput): x is PrimInput {
  return !(x instanceof Float64Array);
}

/**
 * Splits n × d row-major inputs into columns and sorts each once, for repeated {@link prim} calls.
 * @throws {EntenteError} `invalid-argument` on a bad shape or a NaN input
 */
export function preparePrimInput(x: Float64Array, n: number, d: number): PrimInput {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(d) || d < 1 || x.length !== n * d) {
    throw new EntenteError(
      'invalid-argument',
      `prim: need n·d inputs for positive integers n = ${n}, d = ${d}, got ${x.length}`,
    );
  }
  const cols: Float64Array[] = [];
  const orders: Uint32Array[] = [];
  const lo = new Float64Array(d);
  const hi = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = x[i * d + j];
      if (Number.isNaN(v)) {
        throw new EntenteError('invalid-argument', `prim: input ${j} of point ${i} is NaN`);
      }
      col[i] = v;
    }
    const order = argsort(col);
    cols.push(col);
    orders.push(order);
    lo[j] = col[order[0]];
    hi[j] = col[order[n - 1]];
  }
  return { n, d, cols, orders, lo, hi };
}

/**
 * Peels boxes around the points with y = 1 and picks one (see the file comment for the rules).
 * @param x n × d inputs, row-major
 * @param y n flags, 1 for a case of interest, 0 otherwise
 * @throws {EntenteError} `out-of-range` when n < 1, a flag is not 0 or 1, an option is out of range
 *   or `choose` is past the trajectory; `invalid-argument` when lengths do not match or an input is NaN
 * @example prim(x, 2000, 5, y).box.restricted // [true, false, true, false, false]
 */
export function prim(
  x: Float64Array | PrimInput,
  n: number,
  d: number,
  y: Uint8Array,
  options: PrimOptions = {},
): PrimResult {
  const resolved = resolvePrimOptions(options);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(d) || d < 1) {
    throw new EntenteError(
      'out-of-range',
      `prim: n and d must be positive integers, got n = ${n}, d = ${d}`,
    );
  }
  const given = isPrimInput(x) ? x.n * x.d : x.length;
  if (given !== n * d || y.length !== n || (isPrimInput(x) && (x.n !== n || x.d !== d))) {
    throw new EntenteError(
      'invalid-argument',
      `prim: need n·d = ${n * d} inputs and n = ${n} flags, got ${given} and ${y.length}`,
    );
  }
  let positives = 0;
  for (let i = 0; i < n; i++) {
    if (y[i] > 1)
      throw new EntenteError('out-of-range', `prim: y[${i}] must be 0 or 1, got ${y[i]}`);
    positives += y[i];
  }
  const input = isPrimInput(x) ? x : preparePrimInput(x, n, d);
  const { cols, orders } = input;
  const lo = Float64Array.from(input.lo);
  const hi = Float64Array.from(input.hi);
  const dataLo = Float64Array.from(lo);
  const dataHi = Float64Array.from(hi);

  const inBox = new Uint8Array(n).fill(1);
  const lowPos = new Int32Array(d); // sorted positions below lowPos[j] are outside the box
  const highPos = new Int32Array(d).fill(n - 1); // and above highPos[j]
  let m = n;
  let inside = positives;
  const diagnostics: string[] = [];
  if (positives === 0) diagnostics.push('prim: no point has y = 1; nothing to peel');
  if (positives === n) diagnostics.push('prim: every point has y = 1; nothing to peel');

  const step = (): PrimStep => ({
    coverage: positives > 0 ? inside / positives : 0,
    density: inside / m,
    support: m / n,
    box: {
      lo: Float64Array.from(lo),
      hi: Float64Array.from(hi),
      restricted: Array.from(lo, (v, j) => v > dataLo[j] || hi[j] < dataHi[j]),
    },
  });
  const trajectory: PrimStep[] = [step()];
  const minPoints = resolved.minSupport * n;

  // A candidate peel: walk from the cut on one side, remove k in-box points plus ties.
  let candRemoved = 0;
  let candPositives = 0;
  let candEnd = 0; // sorted position just past the last removed point
  let candLimit = 0;
  const walk = (j: number, up: boolean, k: number): boolean => {
    const col = cols[j];
    const order = orders[j];
    const dir = up ? 1 : -1;
    let p = up ? lowPos[j] : highPos[j];
    let removed = 0;
    let pos = 0;
    let cut = 0;
    while (p >= 0 && p < n) {
      const i = order[p];
      if (inBox[i]) {
        const v = col[i];
        if (removed >= k && v !== cut) {
          candRemoved = removed;
          candPositives = pos;
          candEnd = p;
          candLimit = (cut + v) / 2;
          return true;
        }
        removed++;
        pos += y[i];
        cut = v;
      }
      p += dir;
    }
    return false; // the peel would empty the box
  };

  while (inside > 0 && inside < m) {
    const k = Math.max(1, Math.floor(resolved.peelAlpha * m));
    let best = -1;
    let bestDensity = -1;
    let bestRemoved = 0;
    let bestEnd = 0;
    let bestLimit = 0;
    for (let j = 0; j < d; j++) {
      for (let side = 0; side < 2; side++) {
        if (!walk(j, side === 0, k)) continue;
        const left = m - candRemoved;
        if (left < minPoints) continue;
        const density = (inside - candPositives) / left;
        if (density > bestDensity || (density === bestDensity && candRemoved < bestRemoved)) {
          best = 2 * j + side;
          bestDensity = density;
          bestRemoved = candRemoved;
          bestEnd = candEnd;
          bestLimit = candLimit;
        }
      }
    }
    if (best < 0) break;
    const j = best >> 1;
    const up = (best & 1) === 0;
    const order = orders[j];
    if (up) {
      for (let p = lowPos[j]; p < bestEnd; p++) {
        const i = order[p];
        if (inBox[i]) {
          inBox[i] = 0;
          m--;
          inside -= y[i];
        }
      }
      lowPos[j] = bestEnd;
      lo[j] = bestLimit;
    } else {
      for (let p = highPos[j]; p > bestEnd; p--) {
        const i = order[p];
        if (inBox[i]) {
          inBox[i] = 0;
          m--;
          inside -= y[i];
        }
      }
      highPos[j] = bestEnd;
      hi[j] = bestLimit;
    }
    trajectory.push(step());
  }

  let chosen = 0;
  if (resolved.choose !== null) {
    if (resolved.choose >= trajectory.length) {
      throw new EntenteError(
        'out-of-range',
        `prim: choose ${resolved.choose} is past the trajectory's last box (${trajectory.length - 1})`,
      );
    }
    chosen = resolved.choose;
  } else {
    for (let s = 1; s < trajectory.length; s++) {
      const t = trajectory[s];
      if (t.coverage >= resolved.minCoverage && t.density > trajectory[chosen].density) chosen = s;
    }
  }
  const {
    box,
    inside: kept,
    density,
    support,
    pValues,
    dropped,
  } = dropRestrictions(cols, n, d, y, trajectory[chosen].box, dataLo, dataHi, resolved);
  return {
    options: resolved,
    trajectory,
    chosen,
    box,
    coverage: positives > 0 ? kept / positives : 0,
    density,
    support,
    pValues,
    dropped,
    positives,
    diagnostics,
  };
}

/** Drops the chosen box's insignificant restrictions (see the file comment). */
function dropRestrictions(
  cols: readonly Float64Array[],
  n: number,
  d: number,
  y: Uint8Array,
  peeled: PrimBox,
  dataLo: Float64Array,
  dataHi: Float64Array,
  options: ResolvedPrimOptions,
) {
  const lo = Float64Array.from(peeled.lo);
  const hi = Float64Array.from(peeled.hi);
  const restricted = [...peeled.restricted];
  const dropped: number[] = [];
  const pValues = new Float64Array(d).fill(1);
  // Per input: points of the box without that restriction (violating only it), and positives.
  const mass = new Float64Array(d);
  const hits = new Float64Array(d);
  let inside = 0;
  let mass0 = 0;
  for (;;) {
    mass.fill(0);
    hits.fill(0);
    mass0 = 0;
    inside = 0;
    for (let i = 0; i < n; i++) {
      let violations = 0;
      let which = -1;
      for (let j = 0; j < d && violations < 2; j++) {
        const v = cols[j][i];
        if (v < lo[j] || v > hi[j]) {
          violations++;
          which = j;
        }
      }
      if (violations === 0) {
        mass0++;
        inside += y[i];
      } else if (violations === 1) {
        mass[which]++;
        hits[which] += y[i];
      }
    }
    pValues.fill(1);
    let worst = -1;
    for (let j = 0; j < d; j++) {
      if (!restricted[j]) continue;
      const q = (inside + hits[j]) / (mass0 + mass[j]);
      pValues[j] = binomialUpperTail(inside, mass0, q);
      if (pValues[j] > options.significance && (worst < 0 || pValues[j] > pValues[worst]))
        worst = j;
    }
    if (worst < 0 || options.significance >= 1) break;
    lo[worst] = dataLo[worst];
    hi[worst] = dataHi[worst];
    restricted[worst] = false;
    dropped.push(worst);
  }
  return {
    box: { lo, hi, restricted },
    density: mass0 > 0 ? inside / mass0 : 0,
    support: mass0 / n,
    inside,
    pValues,
    dropped,
  };
}
