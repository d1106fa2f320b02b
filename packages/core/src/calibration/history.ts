/**
 * A model that lives through history (docs/model.md, "History" and "Observation model"): the
 * case compiled from a start month through a fitted window and an optional forecast window, its
 * dated actors and relations taking effect the month they begin or end (H1–H4), and the expected
 * yearly battle deaths μ of chosen actor dyads (M18–M19) — what a calibration compares with the
 * record through the negative binomial of M20 (`observation.ts`). `compileHistory` does all the
 * reading once; `simulateHistory` only runs the kernel, allocating nothing.
 */

import type { ScenarioSpec } from '../case/scenario.js';
import type { Case } from '../case/schema.js';
import { EntenteError } from '../errors.js';
import { OBSERVATION_PARAMETERS } from '../model/observation-parameters.js';
import { MODEL_PARAMETERS, parameterIndex } from '../model/parameters.js';
import {
  type CompiledModel,
  compileSegments,
  monthEnd,
  monthSnapshots,
} from '../simulation/compile.js';
import { type ObservationPlan, runModel, scratchLength } from '../simulation/engine.js';
import { calibrationTargetId } from './case-targets.js';

/** The measure a target is compared with (UCDP's best estimate of battle deaths). */
export type ObservationMeasure = 'deaths_best';

/** What a history run observes: yearly counts of one dyad of the case's actors. */
export interface ObservationTarget {
  /** Target id, e.g. `republic--isk`. */
  readonly id: string;
  /** Two actor ids of the case: a government side (the regime or a state) and an armed group. */
  readonly dyad: readonly [string, string];
  readonly measure: ObservationMeasure;
}

/** A parameter a calibration varies, with its prior range (uniform on [lo, hi]). */
export interface HistoryParameter {
  readonly id: string;
  readonly lo: number;
  readonly hi: number;
}

/** A month at which the roles or ties of the case change within a history. */
export interface HistorySegment {
  /** First month of the segment, as `YYYY-MM`. */
  readonly start: string;
  /** Its index from the history's first month (0 for the first segment). */
  readonly month: number;
  /** The actor that holds the regime role in it. */
  readonly regime: string;
}

/** Options of {@link compileHistory}. */
export interface HistoryOptions {
  /** First month simulated: `YYYY` (its January) or `YYYY-MM`. */
  readonly from: string;
  /** Last year of the fitted window, `YYYY` (the run covers it to December). */
  readonly until: string;
  /** Last year of the forecast window, `YYYY`, after `until`. @default no forecast years */
  readonly forecast?: string;
  /**
   * Dyads to observe; each must be fought within the run. @default the case's
   * `calibration.targets`, else defaultObservationTargets(c) — of either, those fought within the run
   */
  readonly targets?: readonly ObservationTarget[];
  /** Model parameters to calibrate (ids). @default every model parameter */
  readonly parameters?: readonly string[];
}

/** A case compiled for history runs: compiled once, run many times. Plain data (cloneable). */
export interface HistoryModel {
  readonly caseId: string;
  /** First month simulated, `YYYY-MM`. */
  readonly from: string;
  /** Years with an expected count, in order: from..until (fitted), then the forecast years. */
  readonly years: readonly number[];
  /** How many of `years` form the fitted window (from..until). */
  readonly fitYears: number;
  /** Months simulated. */
  readonly months: number;
  /**
   * Standard normals one run draws: one per armed group and month (the length of
   * `simulateHistory`'s `normals`).
   */
  readonly latentSize: number;
  readonly targets: readonly ObservationTarget[];
  /**
   * Calibrated parameters with their prior ranges: the chosen model parameters (their plausible
   * ranges), then `observation-scale` and `observation-dispersion` (log10 scale, M19–M20).
   */
  readonly parameters: readonly HistoryParameter[];
  /** Index in `parameters` of `observation-scale` (log10 ω). */
  readonly scaleIndex: number;
  /** Index in `parameters` of `observation-dispersion` (log10 of the negative binomial's k). */
  readonly dispersionIndex: number;
  /** The segments of the run, in order. */
  readonly segments: readonly HistorySegment[];
  /** Non-fatal notes: targets left out, sizes assumed. */
  readonly notes: readonly string[];
  /** @internal the compiled model (one segment per change of the case). */
  readonly model: CompiledModel;
  /** @internal what the kernel observes. */
  readonly plan: ObservationPlan;
  /** @internal per calibrated parameter: its index in the model's vector, or −1 (observation). */
  readonly modelIndex: Int32Array;
  /** @internal working space: the full parameter vector of a run. */
  readonly full: Float64Array;
  /** @internal working space of the kernel. */
  readonly scratch: Float64Array;
}

const YEAR = /^\d{4}$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/**
 * The dyads a history of `c` observes by default: every pair joined by an `armed-conflict`
 * relation between an armed group and a state or regime actor — the fighting the model
 * represents (M18). The government side comes first (UCDP's side A), the id is `side--group`.
 * Names come from the case; none is built in.
 * @example defaultObservationTargets(builtin).map((t) => t.id) // ['pakistan--ttp', 'taliban--isk', 'republic--isk']
 */
export function defaultObservationTargets(c: Case): ObservationTarget[] {
  const kind = new Map(c.actors.map((a) => [a.id, a.kind]));
  const seen = new Set<string>();
  const out: ObservationTarget[] = [];
  for (const r of c.relations) {
    if (r.type !== 'armed-conflict') continue;
    const [group, side] = kind.get(r.from) === 'armed-group' ? [r.from, r.to] : [r.to, r.from];
    const sideKind = kind.get(side);
    if (kind.get(group) !== 'armed-group' || (sideKind !== 'state' && sideKind !== 'regime')) {
      continue;
    }
    const id = `${side}--${group}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ id, dyad: [side, group], measure: 'deaths_best' });
  }
  return out;
}

/**
 * Compiles `c` for history runs from `options.from` through December of `options.forecast` (or
 * of `until`): the case is read at the last day of every month; months whose actors and
 * relations in force are the same form one segment (H1–H4 say what changes between two).
 * The states follow the `engage` policy (a history replays the ties the case records).
 * @throws {EntenteError} `invalid-argument` for malformed dates, `until` before `from`, a
 *   forecast year not after `until`, more than 1,200 months, a target naming an unknown actor or
 *   a dyad the model never fights in the run, an unknown or repeated parameter, a month with no
 *   (or several) regimes
 * @example compileHistory(builtin, { from: '2015-01', until: '2021', forecast: '2023' }).years
 */
export function compileHistory(c: Case, options: HistoryOptions): HistoryModel {
  const fail = (message: string): never => {
    throw new EntenteError('invalid-argument', `compileHistory: ${message}`);
  };
  const from = String(options.from);
  const until = String(options.until);
  let fromYear = 0;
  let fromMonth = 1;
  if (YEAR.test(from)) fromYear = Number(from);
  else {
    const m = MONTH.exec(from);
    if (!m) fail(`from "${from}" is not a year or month (YYYY or YYYY-MM)`);
    else {
      fromYear = Number(m[1]);
      fromMonth = Number(m[2]);
    }
  }
  if (!YEAR.test(until)) fail(`until "${until}" is not a year (YYYY)`);
  const untilYear = Number(until);
  if (untilYear < fromYear) fail(`until ${until} is before from ${from}`);
  let lastYear = untilYear;
  if (options.forecast !== undefined) {
    const f = String(options.forecast);
    if (!YEAR.test(f)) fail(`forecast "${f}" is not a year (YYYY)`);
    if (Number(f) <= untilYear) fail(`forecast ${f} is not after until ${until}`);
    lastYear = Number(f);
  }
  const months = (lastYear - fromYear) * 12 + 13 - fromMonth;
  if (months > 1200) fail(`${months} months from ${from} to ${lastYear} exceed 1200`);
  const years = Array.from({ length: lastYear - fromYear + 1 }, (_, i) => fromYear + i);
  const fitYears = untilYear - fromYear + 1;

  // Segments: the case read at each month's last day (month 0 too: `from` is read as its
  // last day, so a history starting in the month of a change starts after it).
  const monthYear = new Int32Array(months);
  for (let t = 0; t < months; t++) monthYear[t] = Math.floor((fromMonth - 1 + t) / 12);
  const snapshots = monthSnapshots(c, monthEnd(fromYear, fromMonth), months);
  const startLabel = `${fromYear}-${String(fromMonth).padStart(2, '0')}`;
  const scenario = {
    id: 'history',
    name: 'History',
    months,
    defaultPolicy: 'engage',
  } as ScenarioSpec;
  const model = compileSegments(c, scenario, months, startLabel, snapshots, fail);
  const notes = [...model.notes];

  // Targets: per segment, the role each dyad's sides hold (M18).
  const known = new Set(c.actors.map((a) => a.id));
  const caseTargets = c.calibration?.targets.map(
    (t): ObservationTarget => ({
      id: calibrationTargetId(t),
      dyad: t.dyad,
      measure: 'deaths_best',
    }),
  );
  let targets: readonly ObservationTarget[] =
    options.targets ?? caseTargets ?? defaultObservationTargets(c);
  // The case's targets, like the default ones, are left out (with a note) in a run that never
  // fights them; targets given here must all be fought.
  const explicit = options.targets !== undefined;
  const seenIds = new Set<string>();
  for (const t of targets) {
    if (seenIds.has(t.id)) fail(`target id "${t.id}" is repeated`);
    seenIds.add(t.id);
    for (const a of t.dyad) if (!known.has(a)) fail(`target "${t.id}" names unknown actor "${a}"`);
    if (t.measure !== 'deaths_best') fail(`target "${t.id}": unknown measure "${t.measure}"`);
  }
  const G = model.groups;
  const S = model.states;
  const roleOf = (target: ObservationTarget, k: number): [number, number, number] => {
    const seg = model.segments[k];
    const [a, b] = target.dyad;
    for (const [side, group] of [
      [a, b],
      [b, a],
    ]) {
      const g = G.indexOf(group);
      if (g < 0 || seg.groupActive[g] === 0) continue;
      if (side === seg.regime) return [1, g, 0];
      // A state fights a group where the case says so (M7; a history's states engage, so
      // targeted strikes play no part).
      const s = S.indexOf(side);
      if (s >= 0 && seg.stateActive[s] === 1 && seg.conflictGS[g * S.length + s] > 0) {
        return [2, g, s];
      }
    }
    return [0, 0, 0];
  };
  const fought = targets.filter((t) =>
    model.segments.some((_, k) => {
      const [kind] = roleOf(t, k);
      return kind !== 0;
    }),
  );
  if (fought.length < targets.length) {
    const idle = targets.filter((t) => !fought.includes(t)).map((t) => t.id);
    if (explicit) {
      fail(
        `target${idle.length > 1 ? 's' : ''} ${idle.map((id) => `"${id}"`).join(', ')}: the model never fights this dyad between ${startLabel} and ${lastYear}; it observes an armed group against the regime or a state of the model`,
      );
    }
    notes.push(
      `targets left out (not fought in the model between ${startLabel} and ${lastYear}): ${idle.join(', ')}`,
    );
    targets = fought;
  }
  const nSeg = model.segments.length;
  const T = targets.length;
  const kind = new Int8Array(nSeg * T);
  const group = new Int32Array(nSeg * T);
  const state = new Int32Array(nSeg * T);
  for (let k = 0; k < nSeg; k++) {
    for (let j = 0; j < T; j++) {
      const [kd, g, s] = roleOf(targets[j], k);
      kind[k * T + j] = kd;
      group[k * T + j] = g;
      state[k * T + j] = s;
    }
  }
  const sizeOf = (id: string) => c.actors.find((a) => a.id === id)?.size?.value;
  const size0 = sizeOf(model.segments[0].regime);
  const unit = Float64Array.from(model.segments, (seg) => {
    const size = sizeOf(seg.regime);
    return size !== undefined && size0 !== undefined && size0 > 0 ? size / size0 : 1;
  });

  // Parameters: the chosen model parameters, then the observation model's.
  const ids = options.parameters ?? MODEL_PARAMETERS.map((p) => p.id);
  const parameters: HistoryParameter[] = [];
  const modelIndex: number[] = [];
  for (const id of ids) {
    let i = -1;
    try {
      i = parameterIndex(id);
    } catch {
      fail(`unknown model parameter "${id}"`);
    }
    if (modelIndex.includes(i)) fail(`parameter "${id}" is repeated`);
    const p = MODEL_PARAMETERS[i];
    parameters.push({ id, lo: p.range[0], hi: p.range[1] });
    modelIndex.push(i);
  }
  for (const p of OBSERVATION_PARAMETERS) {
    parameters.push({ id: p.id, lo: p.range[0], hi: p.range[1] });
    modelIndex.push(-1);
  }

  return {
    caseId: c.id,
    from: startLabel,
    years,
    fitYears,
    months,
    latentSize: model.months * model.groups.length,
    targets,
    parameters,
    scaleIndex: parameters.length - 2,
    dispersionIndex: parameters.length - 1,
    segments: model.segments.map((seg) => ({
      start: seg.date.slice(0, 7),
      month: seg.month,
      regime: seg.regime,
    })),
    notes,
    model,
    plan: { targets: T, years: years.length, kind, group, state, unit, monthYear },
    modelIndex: Int32Array.from(modelIndex),
    full: new Float64Array(MODEL_PARAMETERS.length),
    scratch: new Float64Array(scratchLength(model)),
  };
}

/**
 * Runs a history once: the expected counts μ (M19), target-major (`out[t * years.length + y]`).
 * `params` holds the values of `h.parameters` in order; model parameters not in it keep their
 * defaults. Writes into `out` when given (nothing is allocated per run) and returns it. The same
 * inputs give the same bytes. `normals`, when given, are the run's shocks
 * (`h.latentSize` standard normals, month-major, groups within a month: `runModel`) in
 * place of the seed's draws.
 * @throws {EntenteError} `invalid-argument` for a vector of the wrong length, a model parameter
 *   outside the model's limits or an observation parameter that is not finite, a non-integer
 *   seed, an `out` of the wrong length, or `normals` of the wrong length
 * @example const mu = simulateHistory(h, params, runSeed(1, world), buffer)
 */
export function simulateHistory(
  h: HistoryModel,
  params: Float64Array,
  seed: number,
  out?: Float64Array,
  normals?: Float64Array | null,
): Float64Array {
  const n = h.parameters.length;
  if (!(params instanceof Float64Array) || params.length !== n) {
    throw new EntenteError(
      'invalid-argument',
      `simulateHistory: params must be a Float64Array of ${n} values (the history's parameters, in order)`,
    );
  }
  const size = h.targets.length * h.years.length;
  const result = out ?? new Float64Array(size);
  if (!(result instanceof Float64Array) || result.length !== size) {
    throw new EntenteError(
      'invalid-argument',
      `simulateHistory: out must be a Float64Array of ${size} values (targets × years)`,
    );
  }
  const logScale = params[h.scaleIndex];
  if (!Number.isFinite(logScale) || !Number.isFinite(params[h.dispersionIndex])) {
    throw new EntenteError(
      'invalid-argument',
      'simulateHistory: observation-scale and observation-dispersion must be finite',
    );
  }
  const full = h.full;
  full.set(h.model.base);
  for (let i = 0; i < n; i++) {
    const j = h.modelIndex[i];
    if (j >= 0) full[j] = params[i];
  }
  result.fill(0);
  runModel(
    h.model,
    full,
    seed,
    null,
    null,
    null,
    'simulateHistory',
    h.plan,
    10 ** logScale,
    result,
    h.scratch,
    normals ?? null,
  );
  return result;
}

/**
 * The negative binomial's dispersion k of a parameter vector: 10^(its `observation-dispersion`).
 * @example observationDispersion(h, params) // e.g. 3.16 for 0.5
 */
export function observationDispersion(h: HistoryModel, params: Float64Array): number {
  return 10 ** params[h.dispersionIndex];
}

/**
 * The default parameter vector of a history: each calibrated parameter at its default.
 * @example simulateHistory(h, historyDefaults(h), 1)
 */
export function historyDefaults(h: HistoryModel): Float64Array {
  return Float64Array.from(h.parameters, (p, i) => {
    const j = h.modelIndex[i];
    if (j >= 0) return h.model.base[j];
    return (OBSERVATION_PARAMETERS.find((o) => o.id === p.id) ?? { default: 0 }).default;
  });
}
