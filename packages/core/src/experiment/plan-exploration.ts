/**
 * The plan of an exploration: everything a worker needs to compute any range of worlds, as plain
 * JSON (it crosses worker threads and Redis). It carries the validated case, the scenario ids, the
 * resolved options, the uncertain parameters with their ranges and the design seed — never the
 * design matrix, which each worker rebuilds deterministically (see {@link explorationDesign}).
 *
 * Paired worlds: world w has one value per uncertain parameter and one random stream, and every
 * scenario runs in every world, so scenario comparisons are paired (common random numbers).
 * A parameter a scenario fixes (its `parameters`) keeps its fixed value in that scenario.
 */
import type { Case } from '../case/schema.js';
import { EntenteError } from '../errors.js';
import { compileModel, MODEL_PARAMETERS, parameterIndex } from '../simulation/index.js';
import {
  type ExploreOptions,
  MAX_WORLDS,
  type ResolvedExploreOptions,
  resolveExploreOptions,
} from './explore-options.js';
import type { PosteriorSample } from './posterior-sample.js';
import { stableHash } from './stable-hash.js';

/** Format tag of a plan. */
export const PLAN_FORMAT = 'entente-plan/1';

/** An uncertain parameter of the plan: its id, index in the parameter vector and explored range. */
export interface PlanParameter {
  readonly id: string;
  readonly index: number;
  readonly lo: number;
  readonly hi: number;
}

/** A scenario of the plan. */
export interface PlanScenario {
  readonly id: string;
  /** Months simulated. */
  readonly months: number;
  /** Parameter ids the scenario fixes; the world's values never override them. */
  readonly fixed: readonly string[];
}

/**
 * The posterior an exploration samples its worlds from (`explore --posterior`): the particle
 * columns of the plan's parameters only (observation-model and unknown parameters dropped).
 */
export interface PlanPosterior {
  /** Plan parameter ids, in the particles' column order. */
  readonly parameters: readonly string[];
  readonly particles: readonly (readonly number[])[];
  readonly weights: readonly number[];
  /** Posterior parameters that are not model parameters, ignored. */
  readonly ignored: readonly string[];
}

/** A JSON-serialisable exploration plan. */
export interface ExplorationPlan {
  readonly format: typeof PLAN_FORMAT;
  /** Content hash of everything below: equal plans have equal ids (workers cache by it). */
  readonly id: string;
  readonly caseId: string;
  readonly case: Case;
  /** Resolved options; `parameters` and `bands` are filled in. */
  readonly options: ResolvedExploreOptions & {
    readonly parameters: readonly string[];
    readonly bands: number;
  };
  readonly scenarios: readonly PlanScenario[];
  readonly parameters: readonly PlanParameter[];
  /** Total worlds (design rows). */
  readonly worlds: number;
  /** Worlds per design unit: 1 (lhs), 2k+2 (one Saltelli base row), k+1 (one Morris trajectory). */
  readonly stride: number;
  /** Worlds that are a sample of the parameter space (hypotheses, quantiles, bands, PRIM). */
  readonly sampleWorlds: number;
  /** Present when the worlds are drawn from a calibration's posterior (lhs only). */
  readonly posterior?: PlanPosterior;
}

interface ScenarioLike {
  readonly id: string;
  readonly parameters?: Readonly<Record<string, number>>;
  readonly uncertain?: Readonly<Record<string, readonly [number, number]>>;
}

/**
 * Plans an exploration of case `c`: checks the options, compiles each scenario once (so a bad
 * scenario fails here, not in a worker) and fixes the uncertain parameters and their ranges.
 * A parameter's range is the hull of the ranges the chosen scenarios give it in `uncertain`, or its
 * plausible range from MODEL_PARAMETERS when none does.
 * @throws EntenteError('invalid-argument') on bad options, an unknown parameter or scenario
 */
export function planExploration(
  c: Case,
  options: ExploreOptions = {},
  extra: { readonly posterior?: PosteriorSample } = {},
): ExplorationPlan {
  const resolved = resolveExploreOptions(c, options);
  const posterior = extra.posterior;
  if (posterior && resolved.sample !== 'lhs')
    throw new EntenteError(
      'invalid-argument',
      `explore: a posterior needs the lhs design, not ${resolved.sample}`,
    );
  const scenarioDefs = (c.scenarios ?? []) as readonly ScenarioLike[];
  const scenarios: PlanScenario[] = [];
  const ranges = new Map<string, [number, number]>();
  for (const id of resolved.scenarios) {
    const model = compileModel(c, id, resolved.months === null ? {} : { months: resolved.months });
    const def = scenarioDefs.find((s) => s.id === id);
    scenarios.push({ id, months: model.months, fixed: Object.keys(def?.parameters ?? {}).sort() });
    for (const u of model.uncertain) {
      const r = ranges.get(u.id);
      ranges.set(u.id, r ? [Math.min(r[0], u.lo), Math.max(r[1], u.hi)] : [u.lo, u.hi]);
    }
  }
  const ids = [...(resolved.parameters ?? ranges.keys())];
  // A calibrated model parameter the scenarios hold fixed is explored under the posterior too.
  const known = new Set(MODEL_PARAMETERS.map((p) => p.id));
  for (const p of posterior?.parameters ?? [])
    if (known.has(p.id) && !ids.includes(p.id)) ids.push(p.id);
  const parameters = ids
    .map((id) => {
      const index = parameterIndex(id);
      const declared = MODEL_PARAMETERS[index];
      const [lo, hi] = ranges.get(id) ?? [declared.range[0], declared.range[1]];
      if (!(lo <= hi))
        throw new EntenteError('invalid-argument', `explore: parameter "${id}" has lo > hi`);
      return { id, index, lo, hi };
    })
    .sort((a, b) => a.index - b.index);
  const k = parameters.length;
  const { sample, runs } = resolved;
  if (sample !== 'lhs' && k === 0)
    throw new EntenteError(
      'invalid-argument',
      `explore: the ${sample} design needs at least one uncertain parameter; none is uncertain`,
    );
  const stride = sample === 'sobol' ? 2 * k + 2 : sample === 'morris' ? k + 1 : 1;
  const worlds = runs * stride;
  if (worlds > MAX_WORLDS)
    throw new EntenteError(
      'invalid-argument',
      `explore: ${worlds} worlds exceed the limit of ${MAX_WORLDS}; lower runs`,
    );
  const sampleWorlds = sample === 'sobol' ? 2 * runs : worlds;
  const bands = Math.min(sampleWorlds, resolved.bands ?? 1000);
  const body = {
    format: PLAN_FORMAT,
    caseId: c.id,
    case: c,
    options: { ...resolved, parameters: parameters.map((p) => p.id), bands },
    scenarios,
    parameters,
    worlds,
    stride,
    sampleWorlds,
    ...(posterior ? { posterior: planPosterior(posterior, known) } : {}),
  } as const;
  return { ...body, id: stableHash(JSON.stringify(body)) };
}

function planPosterior(posterior: PosteriorSample, known: ReadonlySet<string>): PlanPosterior {
  const columns: number[] = [];
  const ignored: string[] = [];
  posterior.parameters.forEach((p, j) => {
    if (known.has(p.id)) columns.push(j);
    else ignored.push(p.id);
  });
  return {
    parameters: columns.map((j) => posterior.parameters[j].id),
    particles: posterior.particles.map((row) => columns.map((j) => row[j])),
    weights: [...posterior.weights],
    ignored,
  };
}
