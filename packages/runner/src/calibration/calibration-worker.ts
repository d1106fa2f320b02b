/**
 * The worker-thread side of calibration (piscina): simulates one chunk of parameter vectors of a
 * history. The case (as JSON text) and the history span arrive once, as the thread's `workerData`,
 * and the thread compiles the history while it starts — in parallel with the calling thread's own
 * compile — so a task carries only its rows. The counts go back as a transferred buffer.
 */
import { workerData } from 'node:worker_threads';
import type { Case, HistoryApi, HistoryLike, HistorySpan, historyCounts } from '@entente/core';
import { move } from 'piscina';

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
 * loads the model only, not the whole core (case parsing, interop, analyses), which starts it
 * about four times faster (≈ 80 ms of CPU against ≈ 300 ms). Falls back to the package entry if
 * the layout differs.
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

/** Runs one task (the piscina entry point). */
export default function runCalibrationTask(task: CalibrationTask): unknown {
  return move(counts(api, h, task.thetas, task.seeds, task.years));
}
