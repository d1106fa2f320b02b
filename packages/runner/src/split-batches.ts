/** Splits a plan's worlds into batches: whole design units (strides), small enough to balance. */
import { EntenteError, type ExplorationPlan } from '@entente/core';

/** A range of worlds [start, end). */
export interface BatchRange {
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

/** Scenario runs per batch at most, by default: a batch takes well under a second. */
export const MAX_BATCH_RUNS = 2000;

/**
 * Batches of about `size` worlds, rounded up to whole strides (Saltelli base rows, Morris
 * trajectories). @default size: about 8 batches per worker, at most MAX_BATCH_RUNS scenario
 * runs per batch (so progress moves and Ctrl-C loses little)
 */
export function splitBatches(plan: ExplorationPlan, workers: number, size?: number): BatchRange[] {
  const cap = Math.max(1, Math.floor(MAX_BATCH_RUNS / plan.scenarios.length));
  const target = size ?? Math.min(cap, Math.ceil(plan.worlds / (workers * 8)));
  if (!Number.isInteger(target) || target < 1)
    throw new EntenteError(
      'out-of-range',
      `runner: batchSize must be a whole number ≥ 1, got ${size}`,
    );
  const step = Math.max(plan.stride, Math.ceil(target / plan.stride) * plan.stride);
  const ranges: BatchRange[] = [];
  for (let start = 0; start < plan.worlds; start += step)
    ranges.push({ index: ranges.length, start, end: Math.min(plan.worlds, start + step) });
  return ranges;
}
