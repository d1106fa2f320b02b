/**
 * One run of the model with its whole trajectory (docs/model.md). For many runs use
 * `simulateOutcomes` or `simulateSeries`, which give the same numbers without the trajectory.
 */
import type { CompiledModel } from './compile.js';
import { runModel, type TrajectoryBuffers } from './engine.js';

/** A run's trajectory (the buffers' meanings are documented on {@link TrajectoryBuffers}). */
export interface Trajectory extends TrajectoryBuffers {
  readonly months: number;
  readonly groups: readonly string[];
  readonly states: readonly string[];
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
