/**
 * The worker-thread side of calibration (piscina): simulates one batch of parameter vectors of a
 * history. The case (as JSON text) and the history span arrive with every task; the thread compiles
 * the history once per key and keeps it (the core keeps no cache). The counts go back as a transferred buffer.
 */
import { type Case, type HistoryLike, historyCounts } from '@entente/core';
import { move } from 'piscina';
import { loadHistoryApi } from './history-api.js';

/** A calibration task: rows of `thetas` (n × d) with their seeds. */
export interface CalibrationTask {
  /** Identifies the case and span (the thread recompiles when it changes). */
  readonly key: string;
  /** The case as JSON text: a string crosses to the thread as one copy, parsed only on a new key. */
  readonly caseJson: string;
  readonly span: { readonly from: string; readonly until: string; readonly forecast?: string };
  readonly thetas: Float64Array;
  readonly seeds: Uint32Array;
  readonly years: 'fit' | 'all';
}

const api = await loadHistoryApi();
let cached: { key: string; h: HistoryLike } | null = null;

/** Runs one task (the piscina entry point). */
export default function runCalibrationTask(task: CalibrationTask): unknown {
  if (!cached || cached.key !== task.key)
    cached = { key: task.key, h: api.compileHistory(JSON.parse(task.caseJson) as Case, task.span) };
  return move(historyCounts(api, cached.h, task.thetas, task.seeds, task.years));
}
