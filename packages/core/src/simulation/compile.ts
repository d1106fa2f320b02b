/**
 * Compiles (case, scenario) into the typed arrays the engine reads: roles by actor kind, tie
 * weights from the case's relations at the scenario's start date, policies per state, the
 * parameter vector and the uncertain set (docs/model.md, "Inputs from the case"). Everything the
 * month loop needs is precomputed here, so `simulate` allocates nothing per month. A compiled
 * model is immutable: the engine's working space belongs to each run, so one model can serve any
 * number of runs, in any order.
 */
import { caseAt } from '../case/case-at.js';
import { activeAt, parseCaseDate } from '../case/dates.js';
import { effectiveRelations } from '../case/effective.js';
import { DEFAULT_MONTHS, MAX_MONTHS, type Policy, type ScenarioSpec } from '../case/scenario.js';
import type { Actor, Case } from '../case/schema.js';
import { didYouMean } from '../case/suggest.js';
import { EntenteError } from '../errors.js';
import { type OutcomeLayout, outcomeLayout } from '../model/outcome-layout.js';
import { defaultParameters, MODEL_PARAMETERS, parameterIndex } from '../model/parameters.js';

/** Policy codes in {@link CompiledModel.policyCode}; the engine names them by these constants. */
export const POLICY_CODE = Object.freeze({
  engage: 0,
  conditional: 1,
  sever: 2,
  'targeted-ct': 3,
  'support-opposition': 4,
} as const satisfies Record<Policy, number>);

/** Initial strength (relative to the regime) assumed for a group or opposition without a size. */
export const FALLBACK_STRENGTH = 0.01;
/** Capability share assumed for a state without a size. */
export const FALLBACK_CAPABILITY = 0.5;

/** An uncertain parameter of a compiled scenario. */
export interface UncertainParameter {
  readonly id: string;
  readonly index: number;
  readonly lo: number;
  readonly hi: number;
}

/** A scenario of a case, compiled for the engine. */
export interface CompiledModel {
  readonly caseId: string;
  readonly scenarioId: string;
  /** Date the case was read at ('' when the case has no dates at all). */
  readonly start: string;
  readonly months: number;
  readonly regime: string;
  readonly groups: readonly string[];
  readonly states: readonly string[];
  readonly opposition: string | null;
  /** Policy per state, in `states` order. */
  readonly policies: readonly Policy[];
  /** Full parameter vector: defaults with the scenario's fixed values. */
  readonly base: Float64Array;
  /** Parameters the scenario leaves uncertain, with their ranges. */
  readonly uncertain: readonly UncertainParameter[];
  /** Ids of the parameters the scenario fixes. */
  readonly fixed: readonly string[];
  /** Non-fatal notes: sizes assumed, actors left out. */
  readonly notes: readonly string[];

  // Internal arrays (docs/model.md, "Inputs from the case"). g = group, s = state.
  /** @internal x_g(0): initial strength, relative to the regime, times the scenario's factor. */
  readonly x0: Float64Array;
  /** @internal x̂_g: initial strength as the case gives it (no factor). */
  readonly xRef: Float64Array;
  /** @internal X̄ = Σ_g x̂_g (the insecurity and harm unit); 1 when there are no groups. */
  readonly xBar: number;
  /** @internal w_gs, group-major: threat weight of group g on state s. */
  readonly threatGS: Float64Array;
  /** @internal w_gs, state-major (index s·G + g). */
  readonly threatSG: Float64Array;
  /** @internal a_gs, group-major: armed-conflict weight between group g and state s. */
  readonly conflictGS: Float64Array;
  /** @internal h_g: harbouring weight, regime → group. */
  readonly harbour: Float64Array;
  /** @internal d_g: defection weight, regime → group. */
  readonly defect: Float64Array;
  /** @internal c_g: armed-conflict weight, regime – group. */
  readonly conflict: Float64Array;
  /** @internal π_g: threat weight of group g on the population (1 each without a population actor). */
  readonly popThreat: Float64Array;
  /** @internal threat weight of the regime on the population (0 without a population actor). */
  readonly regimePopThreat: number;
  /** @internal ct_s: counter-terrorism cooperation weight, state – regime. */
  readonly ct: Float64Array;
  /** @internal b_s: baseline engagement, max diplomatic tie weight state → regime. */
  readonly engagement0: Float64Array;
  /** @internal aid_s: aid weight, state → regime. */
  readonly aid: Float64Array;
  /** @internal cap_s = size_s / (size_s + size_R). */
  readonly capability: Float64Array;
  /** @internal P̂_s = Σ_g w_gs x̂_g / X̄: the reference threat of state s. */
  readonly threatRef: Float64Array;
  /** @internal Σ_s P̂_s. */
  readonly threatRefTotal: number;
  /** @internal policy code per state (see POLICY_CODE). */
  readonly policyCode: Uint8Array;
  /** @internal c_O: armed-conflict weight, regime – opposition. */
  readonly oppositionConflict: number;
  /** @internal O(0). */
  readonly opposition0: number;
  /** Positions of the outcome families in an outcome vector (outcome-layout.ts). */
  readonly layout: OutcomeLayout;
  /**
   * The month-segments of the run (docs/model.md, "History"): one for a scenario, one per change
   * of the case's actors or relations for a history. The internal arrays above are those of
   * segment 0; the engine switches to segment k at its first month.
   */
  readonly segments: readonly ModelSegment[];
}

/** The roles, ties and sizes of the case over consecutive months of a run (docs/model.md, "History"). */
export interface ModelSegment {
  /** First month of the segment (0 for the first). */
  readonly month: number;
  /** The date the case is read at for it. */
  readonly date: string;
  /** The actor holding the regime role in it. */
  readonly regime: string;
  /** True when the regime role changes hands at this segment's first month (H1). */
  readonly regimeChange: boolean;
  /** size of the previous segment's regime / size of this one's (1 without a regime change, H1). */
  readonly rescale: number;
  /** @internal 1 where the group (the model's `groups` order) is active in the segment. */
  readonly groupActive: Uint8Array;
  /** @internal 1 where the state (the model's `states` order) plays a part in the segment. */
  readonly stateActive: Uint8Array;
  /** @internal 1 when the opposition actor is active in the segment. */
  readonly oppositionActive: number;
  /** @internal see the fields of the same names on {@link CompiledModel}. */
  readonly xRef: Float64Array;
  readonly xBar: number;
  readonly threatGS: Float64Array;
  readonly threatSG: Float64Array;
  readonly conflictGS: Float64Array;
  readonly harbour: Float64Array;
  readonly defect: Float64Array;
  readonly conflict: Float64Array;
  readonly popThreat: Float64Array;
  readonly regimePopThreat: number;
  readonly ct: Float64Array;
  readonly engagement0: Float64Array;
  readonly aid: Float64Array;
  readonly capability: Float64Array;
  readonly threatRef: Float64Array;
  readonly threatRefTotal: number;
  readonly oppositionConflict: number;
  readonly opposition0: number;
}

/** Options of {@link compileModel}. */
export interface CompileOptions {
  /** Months to simulate, 1..1200. @default the scenario's `months`, else 120 */
  readonly months?: number;
}

const DIPLOMATIC = new Set([
  'engagement',
  'hosting',
  'lobbying',
  'mediation',
  'recognition',
  'diplomatic-support',
]);

/**
 * The latest date any relation or period of `c` mentions, or undefined when none does.
 * @example latestCaseDate(builtin) // '2023'
 */
export function latestCaseDate(c: Case): string | undefined {
  let best: string | undefined;
  let bestStart = -Infinity;
  let bestEnd = -Infinity;
  const consider = (d: string | undefined) => {
    if (d === undefined) return;
    const interval = parseCaseDate(d);
    if (!interval) return;
    if (interval.start > bestStart || (interval.start === bestStart && interval.end > bestEnd)) {
      best = d;
      bestStart = interval.start;
      bestEnd = interval.end;
    }
  };
  for (const r of c.relations) {
    consider(r.since);
    consider(r.until);
  }
  for (const p of c.periods ?? []) {
    consider(p.start);
    consider(p.end);
  }
  return best;
}

/**
 * Compiles scenario `scenarioId` of the validated case `c` for the engine.
 * @throws {EntenteError} `invalid-argument` naming the scenario and the problem: unknown scenario,
 *   no or several active regimes, a policy for an actor that is not a state of the model, an
 *   unknown parameter, a range with lo > hi, months outside 1..1200
 * @example const model = compileModel(c, 'status-quo'); simulate(model, model.base, 1)
 */
export function compileModel(
  c: Case,
  scenarioId: string,
  options: CompileOptions = {},
): CompiledModel {
  const scenarios = (c.scenarios ?? []) as readonly ScenarioSpec[];
  const scenario = scenarios.find((s) => s.id === scenarioId);
  if (!scenario) {
    const ids = scenarios.map((s) => s.id);
    const hint = didYouMean(scenarioId, ids);
    throw new EntenteError(
      'invalid-argument',
      `compileModel: case "${c.id}" has no scenario "${scenarioId}"${hint ? `; did you mean "${hint}"?` : ''}; scenarios: ${ids.length > 0 ? ids.join(', ') : '(none)'}`,
    );
  }
  const months = options.months ?? scenario.months ?? DEFAULT_MONTHS;
  const start = scenario.start ?? latestCaseDate(c) ?? '';
  const fail = (m: string): never => {
    throw new EntenteError('invalid-argument', `compileModel: scenario "${scenarioId}": ${m}`);
  };
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS) {
    fail(`months ${months} is not a whole number in 1..${MAX_MONTHS}`);
  }
  const snapshots =
    start === '' ? [{ month: 0, date: start, snap: c }] : monthSnapshots(c, start, months);
  return compileSegments(c, scenario, months, start, snapshots, fail);
}

/**
 * The segments of a run of `months` months from `start` (a partial date; month 0 is its first
 * month): month 0, and every month whose last day lies inside `start`, read the case at `start`
 * as a scenario always has (`caseAt`); each later month reads it at its last day, and a new
 * segment begins where the actors or relations in force change (docs/model.md, "History").
 * @throws {EntenteError} `invalid-argument` when `start` is not a partial ISO date
 */
export function monthSnapshots(c: Case, start: string, months: number): SegmentSnapshot[] {
  const interval = parseCaseDate(start);
  if (!interval) {
    throw new EntenteError('invalid-argument', `compileModel: start "${start}" is not a date`);
  }
  const key = (at: string) => {
    const actors = c.actors.filter((a) => activeAt(a, at)).map((a) => a.id);
    const ids = new Set(actors);
    const relations = c.relations.flatMap((r, i) =>
      ids.has(r.from) && ids.has(r.to) && activeAt(r, at) ? [i] : [],
    );
    return `${actors.join(',')}|${relations.join(',')}`;
  };
  const snapshots: SegmentSnapshot[] = [{ month: 0, date: start, snap: caseAt(c, start) }];
  let previous = key(start);
  const [y, m] = start.split('-');
  const year0 = Number(y);
  const month0 = m === undefined ? 0 : Number(m) - 1;
  for (let t = 1; t < months; t++) {
    const year = year0 + Math.floor((month0 + t) / 12);
    const month = ((month0 + t) % 12) + 1;
    const day = monthEnd(year, month);
    const end = parseCaseDate(day);
    if (!end || end.start <= interval.end) continue;
    const k = key(day);
    if (k !== previous) {
      snapshots.push({ month: t, date: day, snap: caseAt(c, day) });
      previous = k;
    }
  }
  return snapshots;
}

/** The last day of a month, `YYYY-MM-DD`. */
export function monthEnd(year: number, month: number): string {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${days}`;
}

/** One snapshot of the case and the first month it governs. */
export interface SegmentSnapshot {
  readonly month: number;
  readonly date: string;
  readonly snap: Case;
}

/**
 * The actor holding the regime role in a snapshot (docs/model.md, H1): the one actor of kind
 * `regime`, unless exactly one `state` actor with an end date (`until`) is in armed conflict
 * with a regime actor — then that state is the government the regime is fighting to replace, and
 * holds the role while it lasts (the regime is then an insurgency, outside the model). Returns
 * an error message instead when no rule applies.
 */
export function governingActor(snap: Case): Actor | string {
  const regimes = snap.actors.filter((a) => a.kind === 'regime');
  const regimeIds = new Set(regimes.map((a) => a.id));
  const incumbents = snap.actors.filter(
    (a) =>
      a.kind === 'state' &&
      a.until !== undefined &&
      snap.relations.some(
        (r) =>
          r.type === 'armed-conflict' &&
          ((r.from === a.id && regimeIds.has(r.to)) || (r.to === a.id && regimeIds.has(r.from))),
      ),
  );
  if (incumbents.length === 1) return incumbents[0];
  if (regimes.length === 1) return regimes[0];
  return regimes.length === 0 ? 'none' : regimes.map((a) => a.id).join(', ');
}

/**
 * Compiles `scenario` over the given snapshots (the month-segments of a run, first month 0):
 * the model's groups, states and opposition are those of any segment; each segment gets its own
 * ties, sizes and regime (docs/model.md, "History"). `compileModel` passes one snapshot.
 */
export function compileSegments(
  c: Case,
  scenario: ScenarioSpec,
  months: number,
  start: string,
  snapshots: readonly SegmentSnapshot[],
  fail: (message: string) => never,
): CompiledModel {
  const scenarioId = scenario.id;
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS) {
    fail(`months ${months} is not a whole number in 1..${MAX_MONTHS}`);
  }
  const notes: string[] = [];
  const note = (text: string) => {
    if (!notes.includes(text)) notes.push(text);
  };

  // Roles per snapshot: the regime, and the states that play a part.
  const roles = snapshots.map(({ snap, date }) => {
    const governing = governingActor(snap);
    if (typeof governing === 'string') {
      fail(
        governing === 'none'
          ? `no actor of kind "regime" is active at ${date || 'any date'}; the model needs exactly one`
          : `${governing.split(', ').length} actors of kind "regime" are active at ${date}: ${governing}; the model needs exactly one`,
      );
    }
    const regime = governing as Actor;
    const R = regime.id;
    const rels = effectiveRelations(snap);
    const groupIds = new Set(snap.actors.filter((a) => a.kind === 'armed-group').map((a) => a.id));
    const inModel = (a: Actor) =>
      a.id !== R &&
      rels.some(
        (r) =>
          (r.relation.from === a.id && r.relation.to === R) ||
          (r.relation.to === a.id && r.relation.from === R) ||
          (r.relation.type === 'threat' && r.relation.to === a.id && groupIds.has(r.relation.from)),
      );
    const states = new Set<string>();
    for (const a of snap.actors) {
      if (a.kind !== 'state' || a.id === R) continue;
      if (inModel(a)) states.add(a.id);
      else
        note(
          `state "${a.id}" is left out${snapshots.length > 1 ? ` at ${date}` : ''}: no tie with the regime and no group threatens it`,
        );
    }
    return { snap, regime, rels, groupIds, states };
  });
  const inAny = (test: (r: (typeof roles)[number], a: Actor) => boolean) =>
    c.actors.filter((a) => roles.some((r) => test(r, a)));
  const groupActors = inAny((r, a) => r.groupIds.has(a.id));
  const stateActors = inAny((r, a) => r.states.has(a.id));
  const oppositions = inAny(
    (r, a) => a.kind === 'opposition' && r.snap.actors.some((b) => b.id === a.id),
  );
  if (oppositions.length > 1) {
    note(
      `${oppositions.length} opposition actors; the model uses the first, "${oppositions[0].id}"`,
    );
  }
  const opposition = oppositions[0] ?? null;
  const G = groupActors.length;
  const S = stateActors.length;
  const gIndex = new Map(groupActors.map((a, i) => [a.id, i]));
  const sIndex = new Map(stateActors.map((a, i) => [a.id, i]));

  // Policies.
  const allIds = new Set(c.actors.map((a) => a.id));
  const policies: Policy[] = stateActors.map(() => scenario.defaultPolicy ?? 'engage');
  for (const [actor, policy] of Object.entries(scenario.policies ?? {})) {
    const s = sIndex.get(actor);
    if (s !== undefined) {
      policies[s] = policy;
      continue;
    }
    const known = c.actors.find((a) => a.id === actor);
    if (!known) {
      const hint = didYouMean(actor, allIds);
      fail(`policies names unknown actor "${actor}"${hint ? `; did you mean "${hint}"?` : ''}`);
    } else if (known.kind !== 'state') {
      fail(`policies gives a policy to "${actor}", which is a ${known.kind}, not a state`);
    } else {
      fail(
        `policies names state "${actor}", which plays no part in the model at ${start}: it has no tie with the regime and no group threatens it`,
      );
    }
  }
  const policyCode = Uint8Array.from(policies, (p) => POLICY_CODE[p]);

  // Parameters.
  const base = defaultParameters();
  const fixed: string[] = [];
  for (const [id, value] of Object.entries(scenario.parameters ?? {})) {
    const i = indexOrFail(id, fail);
    if (!Number.isFinite(value)) fail(`parameters.${id} is not a finite number`);
    base[i] = value;
    fixed.push(id);
  }
  let uncertain: UncertainParameter[];
  if (scenario.uncertain) {
    uncertain = Object.entries(scenario.uncertain).map(([id, [lo, hi]]) => {
      const index = indexOrFail(id, fail);
      if (!(lo <= hi)) fail(`uncertain.${id}: low ${lo} is above high ${hi}`);
      if (fixed.includes(id)) fail(`parameter "${id}" is both fixed and uncertain`);
      return { id, index, lo, hi };
    });
  } else {
    uncertain = MODEL_PARAMETERS.flatMap((p, index) =>
      fixed.includes(p.id) ? [] : [{ id: p.id, index, lo: p.range[0], hi: p.range[1] }],
    );
  }

  const segments: ModelSegment[] = [];
  for (let k = 0; k < roles.length; k++) {
    const { snap, regime, rels, states } = roles[k];
    const previous = k > 0 ? roles[k - 1].regime : regime;
    const prevSize = previous.size?.value;
    const size = regime.size?.value;
    const change = previous.id !== regime.id;
    segments.push(
      readSegment({
        snap,
        regime,
        rels,
        states,
        groupActors,
        stateActors,
        opposition,
        gIndex,
        sIndex,
        note,
        month: snapshots[k].month,
        date: snapshots[k].date,
        regimeChange: change,
        rescale:
          change && prevSize !== undefined && size !== undefined && size > 0 ? prevSize / size : 1,
      }),
    );
  }
  const first = segments[0];
  const x0 = Float64Array.from(first.xRef);
  for (const [id, factor] of Object.entries(scenario.strengthFactor ?? {})) {
    const g = gIndex.get(id);
    if (g === undefined || first.groupActive[g] === 0) {
      const known = c.actors.find((a) => a.id === id);
      fail(
        known
          ? `strengthFactor names "${id}", which is not an armed group active at ${start}`
          : `strengthFactor names unknown actor "${id}"`,
      );
    } else x0[g] = first.xRef[g] * factor;
  }

  return {
    caseId: c.id,
    scenarioId,
    start,
    months,
    regime: first.regime,
    groups: groupActors.map((a) => a.id),
    states: stateActors.map((a) => a.id),
    opposition: opposition ? opposition.id : null,
    policies,
    base,
    uncertain,
    fixed,
    notes,
    x0,
    xRef: first.xRef,
    xBar: first.xBar,
    threatGS: first.threatGS,
    threatSG: first.threatSG,
    conflictGS: first.conflictGS,
    harbour: first.harbour,
    defect: first.defect,
    conflict: first.conflict,
    popThreat: first.popThreat,
    regimePopThreat: first.regimePopThreat,
    ct: first.ct,
    engagement0: first.engagement0,
    aid: first.aid,
    capability: first.capability,
    threatRef: first.threatRef,
    threatRefTotal: first.threatRefTotal,
    policyCode,
    oppositionConflict: first.oppositionConflict,
    opposition0: first.opposition0,
    layout: outcomeLayout(G, S),
    segments,
  };
}

interface SegmentInput {
  readonly snap: Case;
  readonly regime: Actor;
  readonly rels: ReturnType<typeof effectiveRelations>;
  readonly states: ReadonlySet<string>;
  readonly groupActors: readonly Actor[];
  readonly stateActors: readonly Actor[];
  readonly opposition: Actor | null;
  readonly gIndex: ReadonlyMap<string, number>;
  readonly sIndex: ReadonlyMap<string, number>;
  readonly note: (text: string) => void;
  readonly month: number;
  readonly date: string;
  readonly regimeChange: boolean;
  readonly rescale: number;
}

/** The tie weights and sizes of one snapshot, indexed by the model's groups and states. */
function readSegment(input: SegmentInput): ModelSegment {
  const { snap, regime, rels, groupActors, stateActors, note } = input;
  const R = regime.id;
  const G = groupActors.length;
  const S = stateActors.length;
  const active = new Set(snap.actors.map((a) => a.id));
  const groupActive = Uint8Array.from(groupActors, (a) => (active.has(a.id) ? 1 : 0));
  const stateActive = Uint8Array.from(stateActors, (a) => (input.states.has(a.id) ? 1 : 0));
  const opposition = input.opposition && active.has(input.opposition.id) ? input.opposition : null;
  const population = snap.actors.find((a) => a.kind === 'population');
  const gIndex = (id: string) => {
    const g = input.gIndex.get(id);
    return g !== undefined && groupActive[g] === 1 ? g : undefined;
  };
  const sIndex = (id: string) => {
    const s = input.sIndex.get(id);
    return s !== undefined && stateActive[s] === 1 ? s : undefined;
  };

  // Tie weights (the strongest relation of a type between two actors counts).
  const threatGS = new Float64Array(G * S);
  const conflictGS = new Float64Array(G * S);
  const harbour = new Float64Array(G);
  const defect = new Float64Array(G);
  const conflict = new Float64Array(G);
  const popThreat = new Float64Array(G).fill(population ? 0 : 1);
  const ct = new Float64Array(S);
  const engagement0 = new Float64Array(S);
  const aid = new Float64Array(S);
  let regimePopThreat = 0;
  let oppositionConflict = 0;
  const max = (a: Float64Array, i: number, w: number) => {
    if (w > a[i]) a[i] = w;
  };
  for (const r of rels) {
    const { from, to, type } = r.relation;
    const w = r.weight;
    const gf = gIndex(from);
    const gt = gIndex(to);
    const sf = sIndex(from);
    const st = sIndex(to);
    if (type === 'threat') {
      if (gf !== undefined && st !== undefined) max(threatGS, gf * S + st, w);
      if (gf !== undefined && population && to === population.id) max(popThreat, gf, w);
      if (from === R && population && to === population.id)
        regimePopThreat = Math.max(regimePopThreat, w);
    } else if (type === 'harbouring' && from === R && gt !== undefined) {
      max(harbour, gt, w);
    } else if (type === 'defection' && from === R && gt !== undefined) {
      max(defect, gt, w);
    } else if (type === 'armed-conflict') {
      const g = gf ?? gt;
      const other = gf !== undefined ? to : from;
      if (g !== undefined && other === R) max(conflict, g, w);
      const s = gf !== undefined ? st : sf;
      if (g !== undefined && s !== undefined) max(conflictGS, g * S + s, w);
      if (
        opposition &&
        ((from === R && to === opposition.id) || (to === R && from === opposition.id))
      )
        oppositionConflict = Math.max(oppositionConflict, w);
    } else if (type === 'counter-terrorism-cooperation') {
      const s = sf ?? st;
      const other = sf !== undefined ? to : from;
      if (s !== undefined && other === R) max(ct, s, w);
    } else if (type === 'aid' && sf !== undefined && to === R) {
      max(aid, sf, w);
    } else if (DIPLOMATIC.has(type) && sf !== undefined && to === R) {
      max(engagement0, sf, w);
    }
  }

  // Sizes.
  const regimeSize = regime.size?.value;
  const relative = (a: Actor, what: string): number => {
    const v = a.size?.value;
    if (v !== undefined && regimeSize !== undefined && regimeSize > 0) return v / regimeSize;
    note(
      `${what} "${a.id}" has no size${regimeSize === undefined ? ' (or the regime has none)' : ''}; its initial strength is assumed ${FALLBACK_STRENGTH} of the regime's`,
    );
    return FALLBACK_STRENGTH;
  };
  const xRef = Float64Array.from(groupActors, (a, g) =>
    groupActive[g] === 1 ? relative(a, 'armed group') : 0,
  );
  const capability = Float64Array.from(stateActors, (a, s) => {
    if (stateActive[s] === 0) return 0;
    const v = a.size?.value;
    if (v !== undefined && regimeSize !== undefined && v + regimeSize > 0) {
      return v / (v + regimeSize);
    }
    note(`state "${a.id}" has no size; its capability is assumed ${FALLBACK_CAPABILITY}`);
    return FALLBACK_CAPABILITY;
  });
  let xBar = 0;
  for (let g = 0; g < G; g++) xBar += xRef[g];
  if (!(xBar > 0)) xBar = 1;
  const threatSG = new Float64Array(G * S);
  const threatRef = new Float64Array(S);
  for (let g = 0; g < G; g++) {
    for (let s = 0; s < S; s++) {
      threatSG[s * G + g] = threatGS[g * S + s];
      threatRef[s] += (threatGS[g * S + s] * xRef[g]) / xBar;
    }
  }
  let threatRefTotal = 0;
  for (let s = 0; s < S; s++) threatRefTotal += threatRef[s];
  const opposition0 = opposition ? relative(opposition, 'opposition') : 0;

  return {
    month: input.month,
    date: input.date,
    regime: R,
    regimeChange: input.regimeChange,
    rescale: input.rescale,
    groupActive,
    stateActive,
    oppositionActive: opposition ? 1 : 0,
    xRef,
    xBar,
    threatGS,
    threatSG,
    conflictGS,
    harbour,
    defect,
    conflict,
    popThreat,
    regimePopThreat,
    ct,
    engagement0,
    aid,
    capability,
    threatRef,
    threatRefTotal,
    oppositionConflict,
    opposition0,
  };
}

function indexOrFail(id: string, fail: (message: string) => never): number {
  try {
    return parameterIndex(id);
  } catch {
    const hint = didYouMean(
      id,
      MODEL_PARAMETERS.map((p) => p.id),
    );
    return fail(
      `unknown parameter "${id}"${hint ? `; did you mean "${hint}"?` : ''}; known: ${MODEL_PARAMETERS.map((p) => p.id).join(', ')}`,
    );
  }
}
