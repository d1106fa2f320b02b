/**
 * One run of the model with its whole trajectory (docs/model.md). For many runs use
 * `simulateOutcomes` or `simulateSeries`, which give the same numbers without the trajectory.
 */
import type { CompiledModel } from './compile.js';
import { runModel } from './engine.js';

/** A run's trajectory: row t holds month t (t = 0 … months), row-major by month. */
export interface Trajectory {
  readonly months: number;
  readonly groups: readonly string[];
  readonly states: readonly string[];
  /** x_g(t): group strength relative to the regime's size, (months+1) × groups. */
  readonly strength: Float64Array;
  /** I_s(t): insecurity index of each state, (months+1) × states. */
  readonly insecurity: Float64Array;
  /** e_s(t): each state's engagement with the regime, (months+1) × states. */
  readonly engagement: Float64Array;
  /** C(t): the regime's capacity, months+1. */
  readonly capacity: Float64Array;
  /** Mean over groups of the regime's effort E_g(t), months+1. */
  readonly effort: Float64Array;
  /** E_g(t): the regime's effort against each group, (months+1) × groups. */
  readonly groupEffort: Float64Array;
  /** H(t): civilian-harm proxy, months+1. */
  readonly harm: Float64Array;
  /** O(t): opposition strength, months+1. */
  readonly opposition: Float64Array;
  /** V(t): vacuum, months+1. */
  readonly vacuum: Float64Array;
}

/**
 * Runs `model` with parameter vector `params` (MODEL_PARAMETERS order) and random seed `seed`.
 * The same inputs always give the same bytes.
 * @throws {EntenteError} `invalid-argument` for a vector of the wrong length, a value outside the
 *   model's limits, or a non-integer seed
 * @example const t = simulate(model, model.base, 42); t.strength[t.months * t.groups.length]
 */
export function simulate(model: CompiledModel, params: Float64Array, seed: number): Trajectory {
  const G = model.groups.length;
  const S = model.states.length;
  const rows = model.months + 1;
  const traj: Trajectory = {
    months: model.months,
    groups: model.groups,
    states: model.states,
    strength: new Float64Array(rows * G),
    insecurity: new Float64Array(rows * S),
    engagement: new Float64Array(rows * S),
    capacity: new Float64Array(rows),
    effort: new Float64Array(rows),
    groupEffort: new Float64Array(rows * G),
    harm: new Float64Array(rows),
    opposition: new Float64Array(rows),
    vacuum: new Float64Array(rows),
  };
  runModel(model, params, seed, traj, null, null, 'simulate');
  return traj;
}
