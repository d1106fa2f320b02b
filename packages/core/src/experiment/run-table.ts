/**
 * The per-run table of an exploration: one row per finished (world, scenario) with the world's
 * seed and parameter values and the scenario's outcomes — what `runs.parquet` / `runs.csv` hold.
 */
import { sampleRank, worldSeed } from './exploration-design.js';
import type { ExplorationPlan } from './plan-exploration.js';
import { type BatchResult, preparePlan, worldValue } from './run-batch.js';

/** Finished worlds with their parameters and, per scenario, their outcomes (column-friendly). */
export interface RunTable {
  /** Uncertain parameter ids, in plan order. */
  readonly parameters: readonly string[];
  /** Scenario ids with their outcome names. */
  readonly scenarios: readonly { readonly id: string; readonly outcomes: readonly string[] }[];
  /** Finished world indices, ascending. */
  readonly worlds: Int32Array;
  /** Seed of each finished world. */
  readonly seeds: Uint32Array;
  /** 1 when the world samples the parameter space (all but Saltelli's mixed blocks). */
  readonly sample: Uint8Array;
  /** worlds × parameters, in parameter units. */
  readonly values: Float64Array;
  /** Per scenario: worlds × its outcomes. */
  readonly outcomes: readonly Float64Array[];
}

/** Builds the run table of the finished batches of `plan` (duplicates counted once). */
export function runTable(plan: ExplorationPlan, batches: readonly BatchResult[]): RunTable {
  const prepared = preparePlan(plan);
  const owner = new Int32Array(plan.worlds).fill(-1);
  batches.forEach((b, i) => {
    for (let w = b.start; w < b.end; w++) if (owner[w] < 0) owner[w] = i;
  });
  const list: number[] = [];
  for (let w = 0; w < plan.worlds; w++) if (owner[w] >= 0) list.push(w);
  const worlds = Int32Array.from(list);
  const n = worlds.length;
  const k = plan.parameters.length;
  const seeds = new Uint32Array(n);
  const sample = new Uint8Array(n);
  const values = new Float64Array(n * k);
  const width = prepared.outcomeOffsets[prepared.models.length];
  const outcomes = prepared.outcomes.map((names) => new Float64Array(n * names.length));
  for (let i = 0; i < n; i++) {
    const w = worlds[i];
    seeds[i] = worldSeed(plan, w);
    sample[i] = sampleRank(plan, w) >= 0 ? 1 : 0;
    for (let j = 0; j < k; j++) values[i * k + j] = worldValue(prepared, w, j);
    const batch = batches[owner[w]];
    const row = (w - batch.start) * width;
    prepared.outcomes.forEach((names, s) => {
      const from = row + prepared.outcomeOffsets[s];
      outcomes[s].set(batch.outcomes.subarray(from, from + names.length), i * names.length);
    });
  }
  return {
    parameters: plan.parameters.map((p) => p.id),
    scenarios: plan.scenarios.map((s, i) => ({ id: s.id, outcomes: prepared.outcomes[i] })),
    worlds,
    seeds,
    sample,
    values,
    outcomes,
  };
}
