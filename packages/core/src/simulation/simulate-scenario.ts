/**
 * One run of one scenario of a case under one seed, as JSON: the rule `entente simulate` and
 * `POST /api/simulate` both apply (scenario default, parameter overrides checked against the
 * model's plausible ranges, seed default), so the two print the same result for the same inputs.
 */
import type { Case } from '../case/schema.js';
import type { ModelSummary, SimulationResult } from '../contract/simulate.js';
import { EntenteError } from '../errors.js';
import { MODEL_PARAMETERS } from '../model/parameters.js';
import { type CompiledModel, compileModel } from './compile.js';
import { outcomeNames, simulateOutcomes } from './outcomes.js';
import { simulate } from './simulate.js';

/** Options of {@link simulateScenario}. */
export interface SimulateScenarioOptions {
  /** Scenario id. @default 'status-quo' when the case has it, else the case's first scenario */
  readonly scenario?: string | undefined;
  /** Seed of the random shocks (32-bit unsigned). @default 1 */
  readonly seed?: number | undefined;
  /** Months to simulate, 1..1200. @default the scenario's */
  readonly months?: number | undefined;
  /** Parameter overrides (id → value), each within its plausible range. */
  readonly parameters?: Readonly<Record<string, number>> | undefined;
}

/** The scenario run when none is named: 'status-quo' when the case has it, else its first. */
export function defaultScenario(c: Case): string | undefined {
  const ids = (c.scenarios ?? []).map((s) => s.id);
  return ids.includes('status-quo') ? 'status-quo' : ids[0];
}

/** What a compiled scenario reads from its case: dates, actors by role, each state's policy. */
export function modelSummary(model: CompiledModel): ModelSummary {
  return {
    start: model.start,
    months: model.months,
    regime: model.regime,
    groups: [...model.groups],
    states: [...model.states],
    opposition: model.opposition,
    policies: Object.fromEntries(model.states.map((id, i) => [id, model.policies[i]])),
    notes: [...model.notes],
  };
}

/** Rows of a (months+1) × width row-major matrix, as arrays. */
function rows(values: Float64Array, width: number, count: number): number[][] {
  return Array.from({ length: count }, (_, m) =>
    Array.from(values.subarray(m * width, (m + 1) * width)),
  );
}

/**
 * Runs one scenario of `c` and returns its model, parameters, monthly trajectories and outcomes.
 * @throws {EntenteError} `not-found` when the case has no scenarios; `invalid-argument` for an
 *   unknown parameter id (and, from compileModel, an unknown scenario); `out-of-range` for a
 *   parameter value outside its plausible range or a seed outside 0..2³²−1
 * @example simulateScenario(c, { scenario: 'status-quo', seed: 7 }).outcomes['harm.total']
 */
export function simulateScenario(c: Case, options: SimulateScenarioOptions = {}): SimulationResult {
  const scenario = options.scenario ?? defaultScenario(c);
  if (scenario === undefined) {
    throw new EntenteError(
      'not-found',
      `simulate: case "${c.id}" has no scenarios; add one under \`scenarios\``,
    );
  }
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new EntenteError(
      'out-of-range',
      `simulate: seed ${seed} is not a whole number 0..4294967295`,
    );
  }
  const overrides = Object.entries(options.parameters ?? {});
  const index = new Map(MODEL_PARAMETERS.map((p, i) => [p.id, i]));
  for (const [id, value] of overrides) {
    const i = index.get(id);
    if (i === undefined) {
      throw new EntenteError(
        'invalid-argument',
        `simulate: unknown parameter "${id}"; known: ${MODEL_PARAMETERS.map((p) => p.id).join(', ')}`,
      );
    }
    const [lo, hi] = MODEL_PARAMETERS[i].range;
    if (!(value >= lo && value <= hi)) {
      throw new EntenteError(
        'out-of-range',
        `simulate: parameter "${id}" = ${value} is outside its range [${lo}, ${hi}]`,
      );
    }
  }
  const model = compileModel(
    c,
    scenario,
    options.months === undefined ? {} : { months: options.months },
  );
  const params = Float64Array.from(model.base);
  for (const [id, value] of overrides) params[index.get(id) as number] = value;
  const t = simulate(model, params, seed);
  const names = outcomeNames(model);
  const values = simulateOutcomes(model, params, seed);
  const count = t.months + 1;
  return {
    case: c.id,
    scenario,
    seed,
    model: modelSummary(model),
    parameters: Object.fromEntries(MODEL_PARAMETERS.map((p, i) => [p.id, params[i]])),
    trajectory: {
      months: t.months,
      groups: [...t.groups],
      states: [...t.states],
      strength: rows(t.strength, t.groups.length, count),
      insecurity: rows(t.insecurity, t.states.length, count),
      engagement: rows(t.engagement, t.states.length, count),
      capacity: Array.from(t.capacity.subarray(0, count)),
      effort: Array.from(t.effort.subarray(0, count)),
      harm: Array.from(t.harm.subarray(0, count)),
      opposition: Array.from(t.opposition.subarray(0, count)),
      vacuum: Array.from(t.vacuum.subarray(0, count)),
    },
    outcomes: Object.fromEntries(names.map((n, i) => [n, values[i]])),
  };
}
