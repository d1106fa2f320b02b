/**
 * The worker-thread side of calibration (piscina): simulates one chunk of parameter vectors of a
 * history. The case (as JSON text) and the history span arrive once, as the thread's `workerData`,
 * and the thread compiles the history while it starts — in parallel with the calling thread's own
 * compile — so a task carries only its rows.
 */
import { workerData } from 'node:worker_threads';
import { type Case, type HistoryLike, type HistorySpan, historyCounts } from '@entente/core';
import { loadHistoryApi } from './history-api.js';

/** What every calibration thread starts with. */
export interface CalibrationWorkerData {
  /** The case as JSON text (one copy per thread, parsed once). */
  readonly caseJson: string;
  readonly span: HistorySpan;
}

/** A calibration task: rows of `thetas` (n × d) with their seeds. */
export interface CalibrationTask {
  readonly thetas: Float64Array;
  readonly seeds: Uint32Array;
  readonly years: 'fit' | 'all';
}

const api = await loadHistoryApi();
const data = workerData as CalibrationWorkerData;
const h: HistoryLike = api.compileHistory(JSON.parse(data.caseJson) as Case, data.span);

/**
 * Runs one task (the piscina entry point). The counts go back as a copy, not a transferred
 * buffer: transferring detaches the buffer, and the first detach in a thread makes V8 check every
 * later typed-array access of that thread for detachment (its "array buffer detaching protector"),
 * which ran the history ≈ 20 % slower per run (measured, 2026-12-05). A chunk's counts are a few
 * kilobytes; the copy costs microseconds.
 */
export default function runCalibrationTask(task: CalibrationTask): Float64Array {
  return historyCounts(api, h, task.thetas, task.seeds, task.years);
}
