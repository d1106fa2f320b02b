/**
 * The worker-thread side of calibration (piscina): simulates one chunk of parameter vectors of a
 * history. The case (as JSON text) and the history span arrive once, as the thread's `workerData`,
 * and the thread compiles the history while it starts — in parallel with the calling thread's own
 * compile — so a task carries only its rows.
 */
import { workerData } from 'node:worker_threads';
import type { Case, HistoryApi, HistoryLike, HistorySpan, historyCounts } from '@entente/core';

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

/**
 * The history model and `historyCounts` from their own modules of the built core: the thread then
 * loads the model only, not the whole core (case parsing, interop, analyses), which takes about a
 * quarter of the CPU (≈ 80 ms against ≈ 300 ms). Falls back to the package entry if the layout
 * differs.
 */
async function loadHistory(): Promise<{ api: HistoryApi; counts: typeof historyCounts }> {
  try {
    const entry = import.meta.resolve('@entente/core');
    const at = (file: string) => import(new URL(`./calibration/${file}`, entry).href);
    const [history, observation, counts] = await Promise.all([
      at('history.js'),
      at('observation.js'),
      at('history-counts.js'),
    ]);
    const api = {
      compileHistory: history.compileHistory,
      simulateHistory: history.simulateHistory,
      observationDispersion: history.observationDispersion,
      sampleObservation: observation.sampleObservation,
    };
    if (
      Object.values(api).every((f) => typeof f === 'function') &&
      typeof counts.historyCounts === 'function'
    )
      return { api: api as HistoryApi, counts: counts.historyCounts };
  } catch {}
  const core = await import('@entente/core');
  const api = {
    compileHistory: core.compileHistory,
    simulateHistory: core.simulateHistory,
    observationDispersion: core.observationDispersion,
    sampleObservation: core.sampleObservation,
  };
  return { api: api as HistoryApi, counts: core.historyCounts };
}

const { api, counts } = await loadHistory();
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
  return counts(api, h, task.thetas, task.seeds, task.years);
}
