/**
 * Compiles (case, scenario) into the typed arrays the engine reads: roles by actor kind, tie
 * weights from the case's relations at the scenario's start date, policies per state, the
 * parameter vector and the uncertain set (docs/model.md, "Inputs from the case"). Everything the
 * month loop needs is precomputed here, so `simulate` allocates nothing per month. A compiled
 * model is immutable: the engine's working space belongs to each run, so one model can serve any
 * number of runs, in any order.
 */
import { caseAt } from '../case/case-at.js';
import { parseCaseDate } from '../case/dates.js';
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
  const fail = (message: string): never => {
    throw new EntenteError(
      'invalid-argument',
      `compileModel: scenario "${scenarioId}": ${message}`,
    );
  };
  if (!scenario) {
    const ids = scenarios.map((s) => s.id);
    const hint = didYouMean(scenarioId, ids);
    throw new EntenteError(
      'invalid-argument',
      `compileModel: case "${c.id}" has no scenario "${scenarioId}"${hint ? `; did you mean "${hint}"?` : ''}; scenarios: ${ids.length > 0 ? ids.join(', ') : '(none)'}`,
    );
  }
  const months = options.months ?? scenario.months ?? DEFAULT_MONTHS;
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS) {
    fail(`months ${months} is not a whole number in 1..${MAX_MONTHS}`);
  }
  const start = scenario.start ?? latestCaseDate(c) ?? '';
  const snap = start === '' ? c : caseAt(c, start);
  const notes: string[] = [];

  const regimes = snap.actors.filter((a) => a.kind === 'regime');
  if (regimes.length !== 1) {
    fail(
      regimes.length === 0
        ? `no actor of kind "regime" is active at ${start || 'any date'}; the model needs exactly one`
        : `${regimes.length} actors of kind "regime" are active at ${start}: ${regimes.map((a) => a.id).join(', ')}; the model needs exactly one`,
    );
  }
  const regime = regimes[0];
  const R = regime.id;
  const rels = effectiveRelations(snap);
  const groupActors = snap.actors.filter((a) => a.kind === 'armed-group');
  const groupIds = new Set(groupActors.map((a) => a.id));
  const inModel = (a: Actor) =>
    rels.some(
      (r) =>
        (r.relation.from === a.id && r.relation.to === R) ||
        (r.relation.to === a.id && r.relation.from === R) ||
        (r.relation.type === 'threat' && r.relation.to === a.id && groupIds.has(r.relation.from)),
    );
  const stateActors = snap.actors.filter((a) => a.kind === 'state' && inModel(a));
  for (const a of snap.actors) {
    if (a.kind === 'state' && !inModel(a)) {
      notes.push(`state "${a.id}" is left out: no tie with the regime and no group threatens it`);
    }
  }
  const oppositions = snap.actors.filter((a) => a.kind === 'opposition');
  if (oppositions.length > 1) {
    notes.push(
      `${oppositions.length} opposition actors; the model uses the first, "${oppositions[0].id}"`,
    );
  }
  const opposition = oppositions[0] ?? null;
  const population = snap.actors.find((a) => a.kind === 'population');
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
    const gf = gIndex.get(from);
    const gt = gIndex.get(to);
    const sf = sIndex.get(from);
    const st = sIndex.get(to);
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
    notes.push(
      `${what} "${a.id}" has no size${regimeSize === undefined ? ' (or the regime has none)' : ''}; its initial strength is assumed ${FALLBACK_STRENGTH} of the regime's`,
    );
    return FALLBACK_STRENGTH;
  };
  const xRef = Float64Array.from(groupActors, (a) => relative(a, 'armed group'));
  const x0 = Float64Array.from(xRef);
  for (const [id, factor] of Object.entries(scenario.strengthFactor ?? {})) {
    const g = gIndex.get(id);
    if (g === undefined) {
      const known = c.actors.find((a) => a.id === id);
      fail(
        known
          ? `strengthFactor names "${id}", which is not an armed group active at ${start}`
          : `strengthFactor names unknown actor "${id}"`,
      );
    } else x0[g] = xRef[g] * factor;
  }
  const capability = Float64Array.from(stateActors, (a) => {
    const v = a.size?.value;
    if (v !== undefined && regimeSize !== undefined && v + regimeSize > 0) {
      return v / (v + regimeSize);
    }
    notes.push(`state "${a.id}" has no size; its capability is assumed ${FALLBACK_CAPABILITY}`);
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
    caseId: c.id,
    scenarioId,
    start,
    months,
    regime: R,
    groups: groupActors.map((a) => a.id),
    states: stateActors.map((a) => a.id),
    opposition: opposition ? opposition.id : null,
    policies,
    base,
    uncertain,
    fixed,
    notes,
    x0,
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
    policyCode: Uint8Array.from(policies, (p) => POLICY_CODE[p]),
    oppositionConflict,
    opposition0,
    layout: outcomeLayout(G, S),
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
