/**
 * Runs a range of worlds of a plan: for each world, every scenario with the world's parameter
 * values and seed (the same for all scenarios, so comparisons are paired). Keeps only summaries:
 * the outcome vector of each (world, scenario) and, for band worlds, the monthly band series.
 * With case draws, each world runs the scenarios compiled from its case draw.
 */
import { EntenteError } from '../errors.js';
import {
  BAND_SERIES,
  type CompiledModel,
  compileModel,
  outcomeNames,
  simulateOutcomes,
  simulateSeries,
} from '../simulation/index.js';
import { caseDrawOfWorld, planCaseDraw } from './case-draw-of-world.js';
import {
  type ExplorationDesign,
  explorationDesign,
  isBandWorld,
  worldSeed,
} from './exploration-design.js';
import type { ExplorationPlan } from './plan-exploration.js';

/** The result of worlds [start, end) of a plan. Plain data with typed arrays (transferable). */
export interface BatchResult {
  readonly planId: string;
  readonly start: number;
  readonly end: number;
  /** Per world, per scenario in plan order, its outcome vector: (end−start) × Σ outcomes. */
  readonly outcomes: Float64Array;
  /** Per band world in the range, per scenario, (months+1) × BAND_SERIES, month-major. */
  readonly series: Float32Array;
}

/** A plan made ready to run: compiled models, design and outcome layout. */
export interface PreparedPlan {
  readonly plan: ExplorationPlan;
  readonly design: ExplorationDesign;
  readonly models: readonly CompiledModel[];
  /** Outcome names per scenario. */
  readonly outcomes: readonly (readonly string[])[];
  /** Offset of each scenario's outcomes within a world's row; last entry = row width. */
  readonly outcomeOffsets: Int32Array;
  /** Offset of each scenario's series within a band world's block; last entry = block size. */
  readonly seriesOffsets: Int32Array;
  /** Per scenario, per plan parameter: whether the world's value applies (not fixed). */
  readonly applies: readonly Uint8Array[];
  /**
   * Compiled models of the case draws used lately (plans with `draws` > 0), filled on demand by
   * {@link worldModels}: the cache belongs to whoever holds this prepared plan. It keeps at most
   * {@link DRAW_CACHE} draws (worlds of one draw are contiguous, so batches rarely go back).
   */
  readonly drawModels: Map<number, readonly CompiledModel[]>;
}

/**
 * Compiles the scenarios of `plan` and rebuilds its design. Nothing is cached in the module: a
 * caller that runs many batches of one plan (a worker thread, the runner) prepares once and passes
 * the result to {@link runBatch}; the prepared plan then also keeps the models of the case draws
 * its batches touched.
 */
export function preparePlan(plan: ExplorationPlan): PreparedPlan {
  const months = plan.options.months;
  const models = plan.scenarios.map((s) =>
    compileModel(plan.case, s.id, months === null ? {} : { months }),
  );
  const outcomes = models.map((m) => outcomeNames(m));
  const outcomeOffsets = new Int32Array(models.length + 1);
  const seriesOffsets = new Int32Array(models.length + 1);
  for (let s = 0; s < models.length; s++) {
    outcomeOffsets[s + 1] = outcomeOffsets[s] + outcomes[s].length;
    seriesOffsets[s + 1] = seriesOffsets[s] + (models[s].months + 1) * BAND_SERIES.length;
  }
  const applies = plan.scenarios.map(
    (s) => new Uint8Array(plan.parameters.map((p) => (s.fixed.includes(p.id) ? 0 : 1))),
  );
  return {
    plan,
    design: explorationDesign(plan),
    models,
    outcomes,
    outcomeOffsets,
    seriesOffsets,
    applies,
    drawModels: new Map(),
  };
}

/** Most case draws a prepared plan keeps compiled; it starts afresh beyond (bounded memory). */
export const DRAW_CACHE = 64;

/**
 * The compiled scenarios world `w` runs: those of the case as written, or of its case draw
 * (compiled on first use and kept in `prepared.drawModels`).
 * @throws EntenteError('internal') if a draw's outcome layout differed from the case's
 */
export function worldModels(prepared: PreparedPlan, w: number): readonly CompiledModel[] {
  const { plan } = prepared;
  const d = caseDrawOfWorld(plan, w);
  if (d < 0) return prepared.models;
  const hit = prepared.drawModels.get(d);
  if (hit) return hit;
  const drawn = planCaseDraw(plan, d);
  const months = plan.options.months;
  const models = plan.scenarios.map((s, i) => {
    const m = compileModel(drawn, s.id, months === null ? {} : { months });
    const base = prepared.models[i];
    if (
      m.months !== base.months ||
      m.base.length !== base.base.length ||
      m.groups.join() !== base.groups.join() ||
      m.states.join() !== base.states.join()
    )
      throw new EntenteError(
        'internal',
        `runBatch: case draw ${d} changed the layout of scenario "${s.id}"`,
      );
    return m;
  });
  if (prepared.drawModels.size >= DRAW_CACHE) prepared.drawModels.clear();
  prepared.drawModels.set(d, models);
  return models;
}

/**
 * Runs worlds [start, end) of `plan`; the result does not depend on which worker runs it. Pass
 * `prepared` (from {@link preparePlan} of the same plan) to skip compiling per batch.
 * @throws EntenteError('invalid-argument') when the range is outside the plan, or `prepared`
 *   belongs to another plan
 */
export function runBatch(
  plan: ExplorationPlan,
  start: number,
  end: number,
  prepared: PreparedPlan = preparePlan(plan),
): BatchResult {
  if (
    !(
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      0 <= start &&
      start <= end &&
      end <= plan.worlds
    )
  )
    throw new EntenteError(
      'invalid-argument',
      `runBatch: range [${start}, ${end}) is outside the plan's ${plan.worlds} worlds`,
    );
  if (prepared.plan.id !== plan.id)
    throw new EntenteError(
      'invalid-argument',
      `runBatch: the prepared plan ${prepared.plan.id} is not plan ${plan.id}`,
    );
  const { design, models, outcomeOffsets, seriesOffsets, applies } = prepared;
  const k = design.k;
  const width = outcomeOffsets[models.length];
  const block = seriesOffsets[models.length];
  let bandCount = 0;
  for (let w = start; w < end; w++) if (isBandWorld(plan, w)) bandCount++;
  const outcomes = new Float64Array((end - start) * width);
  const series = new Float32Array(bandCount * block);
  const params = models.map((m) => new Float64Array(m.base.length));
  const { parameters } = plan;
  let band = 0;
  for (let w = start; w < end; w++) {
    const seed = worldSeed(plan, w);
    const isBand = isBandWorld(plan, w);
    const drawn = worldModels(prepared, w);
    for (let s = 0; s < models.length; s++) {
      const model = drawn[s];
      const p = params[s];
      p.set(model.base);
      const apply = applies[s];
      for (let i = 0; i < k; i++) {
        if (apply[i] === 0) continue;
        p[parameters[i].index] = worldValue(prepared, w, i);
      }
      const row = (w - start) * width + outcomeOffsets[s];
      simulateOutcomes(
        model,
        p,
        seed,
        outcomes.subarray(row, row + outcomeOffsets[s + 1] - outcomeOffsets[s]),
      );
      if (isBand) {
        const at = band * block + seriesOffsets[s];
        simulateSeries(
          model,
          p,
          seed,
          series.subarray(at, at + seriesOffsets[s + 1] - seriesOffsets[s]),
        );
      }
    }
    if (isBand) band++;
  }
  return { planId: plan.id, start, end, outcomes, series };
}

/** The value of parameter i (plan order) in world w: its posterior value, or scaled to its range. */
export function worldValue(prepared: PreparedPlan, w: number, i: number): number {
  const { lo, hi } = prepared.plan.parameters[i];
  const { unit, values, k } = prepared.design;
  if (values !== null) {
    const v = values[w * k + i];
    if (!Number.isNaN(v)) return v; // a posterior particle's value (NaN: the unit coordinate applies)
  }
  return lo + unit[w * k + i] * (hi - lo);
}
