/**
 * Tipping points of a landscape (Axelrod & Bennett 1993, British Journal of Political Science
 * 23(2):211–233): the values of one parameter θ at which the lowest-energy configuration changes.
 *
 * Exact method: every parameter kind (parameter.ts) makes the couplings affine in θ, so each
 * configuration's energy is a line E_X(θ) = a_X + b_X·θ. One Gray-code pass over the 2^(n−1)
 * configurations updates a_X and b_X incrementally (O(1) per step with the split field tables of
exhaustive.ts) and keeps the
 * lower envelope of the lines seen so far on [lo, hi]: a new line can only join the envelope if it
 * dips below it at one of the envelope's breakpoints or ends (line minus a concave piecewise-linear
 * function is convex with kinks only there). The envelope's breakpoints are the exact tipping
 * points. Sampled method: re-run {@link landscape} at steps+1 evenly spaced values and report where
 * the global minimum or the set of local minima changes (for more than `maxExact` actors, or to
 * follow the local minima too).
 */
import { EntenteError } from '../../errors.js';
import { coalitionsOf, LANDSCAPE_CONVENTION, sidesOfMask } from './energy.js';
import { lowerEnvelope } from './envelope.js';
import { fields } from './exhaustive.js';
import { type LandscapeInput, validateLandscapeInput } from './input.js';
import { type LandscapeOptions, landscape } from './landscape.js';
import { applyParameter, resolveParameter, type TippingParameter } from './parameter.js';

/** Options of {@link tippingPoints}. */
export interface TippingOptions {
  /** `auto` = exact up to `maxExact` actors, else sampled. @default 'auto' */
  readonly method?: 'auto' | 'exact' | 'sweep' | undefined;
  /** Largest n solved exactly by `auto`. @default 25 */
  readonly maxExact?: number | undefined;
  /**
   * Sampled sweep over steps+1 values; when given with the exact method, the sweep runs too and
   * is reported under `sweep`. @default 100 (sweep method only)
   */
  readonly steps?: number | undefined;
  /** Options of each {@link landscape} run of the sweep. @default { basins: false } */
  readonly landscape?: LandscapeOptions | undefined;
  /** A line must dip below the envelope by tolerance × scale to count. @default 1e-10 */
  readonly tolerance?: number | undefined;
}

/** One stretch of θ on which one configuration has the lowest energy. */
export interface TippingSegment {
  readonly from: number;
  readonly to: number;
  readonly configuration: [string[], string[]];
  readonly energyAtFrom: number;
  readonly energyAtTo: number;
}

/** A value of θ where the lowest-energy configuration changes. */
export interface TippingPoint {
  readonly value: number;
  readonly before: [string[], string[]];
  readonly after: [string[], string[]];
  /** Sampled method only: the two samples between which the change happened. */
  readonly bracket?: [number, number];
}

/** One sample of the sweep. */
export interface TippingSample {
  readonly value: number;
  readonly globalMinimum: [string[], string[]];
  readonly energy: number;
  readonly minima: [string[], string[]][];
}

/** A change in the set of local minima between two consecutive samples. */
export interface MinimaChange {
  readonly bracket: [number, number];
  readonly appeared: [string[], string[]][];
  readonly disappeared: [string[], string[]][];
}

/** Result of {@link tippingPoints}. */
export interface TippingResult {
  readonly convention: string;
  readonly method: 'exact' | 'sweep';
  readonly parameter: {
    readonly kind: TippingParameter['kind'];
    readonly description: string;
    readonly pairs: [string, string][];
    readonly actor: string | null;
  };
  readonly range: [number, number];
  /** From the exact method when it ran, else from the sweep (sample values as ends). */
  readonly segments: TippingSegment[];
  readonly tippingPoints: TippingPoint[];
  readonly sweep: {
    readonly steps: number;
    readonly samples: TippingSample[];
    readonly minimaChanges: MinimaChange[];
  } | null;
  /** The options as resolved (steps null when no sweep ran). */
  readonly options: {
    method: 'auto' | 'exact' | 'sweep';
    maxExact: number;
    steps: number | null;
    tolerance: number;
  };
  readonly diagnostics: string[];
}

/** Lines a_X + b_X θ of every configuration: keeps those on the lower envelope over [lo, hi]. */
function envelopeMasks(
  w0: Float64Array,
  w1: Float64Array,
  n: number,
  lo: number,
  hi: number,
  tol: number,
): number[] {
  const total = 2 ** (n - 1);
  // Only the switched actor's fields are needed per step (E changes by σ_k h_k), so both field
  // sets come from the split tables of exhaustive.ts: O(1) per configuration.
  const f0 = fields(w0, n);
  const f1 = fields(w1, n);
  const { lowMask, low: L } = f0;
  const t0 = f0.table;
  const t1 = f1.table;
  const hi0 = f0.high;
  const hi1 = f1.high;
  const sig = f0.sig;
  // The current envelope: its lines and its values at its breakpoints (ends included).
  let masks: number[] = [0];
  let la: number[] = [0];
  let lb: number[] = [0];
  let xs = [lo, hi];
  let ev = [0, 0];
  let a = 0;
  let b = 0;
  let g = 0;
  for (let t = 1; t < total; t++) {
    const k = 32 - Math.clz32(t & -t);
    const s = sig[k];
    const at = (g & lowMask) * n + k;
    a += s * (hi0[k] + t0[at]);
    b += s * (hi1[k] + t1[at]);
    sig[k] = -s;
    f1.sig[k] = -s;
    g ^= 1 << (k - 1);
    if (k > L) {
      f0.refresh();
      f1.refresh();
      // Re-derive a and b exactly too, so rounding cannot drift over 2^30 steps.
      a = 0;
      b = 0;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          if (sig[i] !== sig[j]) {
            a += w0[i * n + j];
            b += w1[i * n + j];
          }
        }
      }
    }
    let below = false;
    for (let q = 0; q < xs.length; q++) {
      if (a + b * xs[q] < ev[q] - tol) {
        below = true;
        break;
      }
    }
    if (!below) continue;
    const ma = [...la, a];
    const mb = [...lb, b];
    const mm = [...masks, g];
    const pieces = lowerEnvelope(ma, mb, lo, hi);
    masks = pieces.map((p) => mm[p.line]);
    la = pieces.map((p) => ma[p.line]);
    lb = pieces.map((p) => mb[p.line]);
    xs = [lo, ...pieces.map((p) => p.to)];
    ev = xs.map((x, q) => {
      const l = Math.min(q, pieces.length - 1);
      return la[l] + lb[l] * x;
    });
  }
  return [...new Set(masks)];
}

function lineOf(
  w0: Float64Array,
  w1: Float64Array,
  n: number,
  sides: Uint8Array,
): [number, number] {
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (sides[i] !== sides[j]) {
        a += w0[i * n + j];
        b += w1[i * n + j];
      }
    }
  }
  return [a, b];
}

const key = (c: [string[], string[]]) => JSON.stringify(c);

/**
 * Values of θ in [lo, hi] where the lowest-energy configuration changes, with the configuration
 * on each stretch — exactly (lower envelope of the configurations' energy lines) or by sampling.
 * @throws {EntenteError} `invalid-argument` on an invalid input, parameter, range or option
 * @example tippingPoints(input, { kind: 'actor-ties', actor: 'isk', sign: 'negative' }, [0, 1])
 */
export function tippingPoints(
  input: LandscapeInput,
  parameter: TippingParameter,
  range: readonly [number, number],
  options: TippingOptions = {},
): TippingResult {
  validateLandscapeInput(input, 'tippingPoints');
  const [lo, hi] = range;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
    throw new EntenteError(
      'invalid-argument',
      `tippingPoints: range must be two finite numbers lo < hi, got [${lo}, ${hi}]`,
    );
  }
  if (parameter.kind === 'size' && lo <= 0) {
    throw new EntenteError(
      'out-of-range',
      `tippingPoints: a size must stay > 0; the range starts at ${lo}`,
    );
  }
  const method = options.method ?? 'auto';
  if (!['auto', 'exact', 'sweep'].includes(method)) {
    throw new EntenteError(
      'invalid-argument',
      `tippingPoints: unknown method "${method}"; use auto, exact or sweep`,
    );
  }
  const maxExact = options.maxExact ?? 25;
  if (!Number.isInteger(maxExact) || maxExact < 1 || maxExact > 31) {
    throw new EntenteError(
      'out-of-range',
      `tippingPoints: maxExact must be an integer in 1..31, got ${maxExact}`,
    );
  }
  const tolerance = options.tolerance ?? 1e-10;
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new EntenteError(
      'out-of-range',
      `tippingPoints: tolerance must be finite and ≥ 0, got ${tolerance}`,
    );
  }
  const n = input.actors.length;
  if (method === 'exact' && n > 31) {
    throw new EntenteError(
      'resource-limit',
      `tippingPoints: the exact method takes at most 31 actors, got ${n}; use method 'sweep'`,
    );
  }
  const exact = method === 'exact' || (method === 'auto' && n <= maxExact);
  const steps = options.steps ?? (exact ? undefined : 100);
  if (steps !== undefined && (!Number.isInteger(steps) || steps < 1)) {
    throw new EntenteError(
      'out-of-range',
      `tippingPoints: steps must be a positive integer, got ${steps}`,
    );
  }
  const r = resolveParameter(input, parameter);
  const diagnostics: string[] = [];
  if (r.kind !== 'size' && r.pairs.length === 0) {
    diagnostics.push(
      'the parameter moves no pair (the actor has no tie of that sign): nothing can tip',
    );
  }
  let segments: TippingSegment[] = [];
  let points: TippingPoint[] = [];
  if (exact) {
    let scale = 0;
    const m = Math.max(Math.abs(lo), Math.abs(hi));
    for (let q = 0; q < n * n; q++) scale += Math.abs(r.w0[q]) + m * Math.abs(r.w1[q]);
    const masks = envelopeMasks(r.w0, r.w1, n, lo, hi, tolerance * scale);
    // Recompute the surviving lines from scratch so breakpoints carry no rounding drift.
    const sides = masks.map((mask) => sidesOfMask(n, mask));
    const lines = sides.map((sd) => lineOf(r.w0, r.w1, n, sd));
    const pieces = lowerEnvelope(
      lines.map((l) => l[0]),
      lines.map((l) => l[1]),
      lo,
      hi,
    );
    segments = pieces.map((p) => ({
      from: p.from,
      to: p.to,
      configuration: coalitionsOf(input.actors, sides[p.line]),
      energyAtFrom: lines[p.line][0] + lines[p.line][1] * p.from,
      energyAtTo: lines[p.line][0] + lines[p.line][1] * p.to,
    }));
    for (let q = 1; q < segments.length; q++) {
      points.push({
        value: segments[q].from,
        before: segments[q - 1].configuration,
        after: segments[q].configuration,
      });
    }
  }
  let sweep: TippingResult['sweep'] = null;
  if (steps !== undefined) {
    const samples: TippingSample[] = [];
    const minimaChanges: MinimaChange[] = [];
    for (let q = 0; q <= steps; q++) {
      const value = q === steps ? hi : lo + ((hi - lo) * q) / steps;
      const res = landscape(applyParameter(input, parameter, value), {
        basins: false,
        ...options.landscape,
      });
      samples.push({
        value,
        globalMinimum: res.globalMinimum.coalitions,
        energy: res.globalMinimum.energy,
        minima: res.minima.map((mm) => mm.coalitions),
      });
    }
    for (let q = 1; q < samples.length; q++) {
      const before = new Map(samples[q - 1].minima.map((c) => [key(c), c]));
      const after = new Map(samples[q].minima.map((c) => [key(c), c]));
      const appeared = [...after].filter(([k2]) => !before.has(k2)).map(([, c]) => c);
      const disappeared = [...before].filter(([k2]) => !after.has(k2)).map(([, c]) => c);
      if (appeared.length > 0 || disappeared.length > 0) {
        minimaChanges.push({
          bracket: [samples[q - 1].value, samples[q].value],
          appeared,
          disappeared,
        });
      }
    }
    sweep = { steps, samples, minimaChanges };
    if (!exact) {
      diagnostics.push(
        `sampled at ${steps + 1} values: tipping points are located only to within one step (${(hi - lo) / steps})`,
      );
      let start = 0;
      for (let q = 1; q <= samples.length; q++) {
        if (
          q === samples.length ||
          key(samples[q].globalMinimum) !== key(samples[start].globalMinimum)
        ) {
          segments.push({
            from: samples[start].value,
            to: samples[q - 1].value,
            configuration: samples[start].globalMinimum,
            energyAtFrom: samples[start].energy,
            energyAtTo: samples[q - 1].energy,
          });
          if (q < samples.length) {
            points.push({
              value: samples[q].value,
              before: samples[q - 1].globalMinimum,
              after: samples[q].globalMinimum,
              bracket: [samples[q - 1].value, samples[q].value],
            });
          }
          start = q;
        }
      }
    }
  }
  if (exact) points = points.filter((p) => p.value > lo && p.value < hi);
  return {
    convention: LANDSCAPE_CONVENTION,
    method: exact ? 'exact' : 'sweep',
    parameter: { kind: r.kind, description: r.description, pairs: r.pairs, actor: r.actor },
    range: [lo, hi],
    segments,
    tippingPoints: points,
    sweep,
    options: { method, maxExact, steps: steps ?? null, tolerance },
    diagnostics,
  };
}
