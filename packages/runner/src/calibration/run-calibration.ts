/**
 * Runs a calibration of a case's history model (core's `calibrate`) with its simulations on a
 * piscina worker-thread pool, or in the calling thread for one worker. Each batch the method asks
 * for is split into contiguous chunks of rows, run in parallel and reassembled in row order, so
 * the result has the same bytes for any worker count.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CalibrateOptions,
  type Calibration,
  type Case,
  type CountSimulator,
  calibrate,
  EntenteError,
  type HistoryLike,
  type HistorySpan,
  historyCounts,
  historyMeans,
} from '@entente/core';
import { Piscina } from 'piscina';
import type { CalibrationTask } from './calibration-worker.js';
import { loadHistoryApi } from './history-api.js';

/** What to calibrate. */
export interface RunCalibrationInput {
  readonly case: Case;
  readonly span: HistorySpan;
  /** Observed counts for the compiled history's targets × years (NaN where missing). */
  readonly observed: (h: HistoryLike) => Float64Array;
  readonly options: CalibrateOptions;
  /** @default 1 */
  readonly workers?: number;
}

/** A calibration with the history it ran on. */
export interface RunCalibrationResult {
  readonly history: HistoryLike;
  readonly calibration: Calibration;
}

function calibrationWorkerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const file =
    basename(dirname(here)) === 'src'
      ? join(here, '../../dist/calibration/calibration-worker.js')
      : join(here, 'calibration-worker.js');
  if (!existsSync(file))
    throw new EntenteError(
      'not-found',
      `calibrate: the worker file ${file} is missing; run \`npx tsc -b\` first`,
    );
  return file;
}

/**
 * Compiles the history, reads the observed counts for it and calibrates.
 * @throws {EntenteError} `out-of-range` for workers below 1; the core's errors
 */
export async function runCalibration(input: RunCalibrationInput): Promise<RunCalibrationResult> {
  const workers = input.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1)
    throw new EntenteError(
      'out-of-range',
      `calibrate: workers must be a whole number ≥ 1, got ${workers}`,
    );
  const api = await loadHistoryApi();
  const h = api.compileHistory(input.case, input.span);
  const setup = {
    parameters: h.parameters,
    targets: h.targets,
    years: h.years,
    fitYears: h.fitYears,
    observed: input.observed(h),
  };
  // likelihood-smc's expected counts run in the calling thread for any worker count (only the
  // count simulations use the pool); the rows come back in order, so the bytes are the same.
  const options: CalibrateOptions = {
    ...input.options,
    means:
      input.options.means ??
      ((thetas, seeds, span, normals) => historyMeans(api, h, thetas, seeds, span, normals)),
    latentSize: input.options.latentSize ?? h.latentSize ?? 0,
  };
  if (workers === 1) {
    const simulate: CountSimulator = async (thetas, seeds, years) => {
      await new Promise((resolve) => setImmediate(resolve));
      return historyCounts(api, h, thetas, seeds, years);
    };
    return { history: h, calibration: await calibrate(setup, simulate, options) };
  }
  const pool = new Piscina<CalibrationTask, Float64Array>({
    filename: calibrationWorkerFile(),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
  });
  const key = `${input.case.id}:${JSON.stringify(input.span)}`;
  const d = h.parameters.length;
  const caseJson = JSON.stringify(input.case);
  const simulate: CountSimulator = async (thetas, seeds, years) => {
    const n = seeds.length;
    // One task per worker: the history runs take milliseconds, so fewer, larger tasks keep the
    // pool's per-task cost small.
    const rows = Math.max(1, Math.ceil(n / workers));
    const parts: Promise<Float64Array>[] = [];
    for (let start = 0; start < n; start += rows) {
      const end = Math.min(n, start + rows);
      parts.push(
        pool.run({
          key,
          caseJson,
          span: input.span,
          thetas: thetas.slice(start * d, end * d),
          seeds: seeds.slice(start, end),
          years,
        }),
      );
    }
    const results = await Promise.all(parts);
    const out = new Float64Array(results.reduce((s, r) => s + r.length, 0));
    let at = 0;
    for (const r of results) {
      out.set(r, at);
      at += r.length;
    }
    return out;
  };
  try {
    return { history: h, calibration: await calibrate(setup, simulate, options) };
  } finally {
    await pool.destroy();
  }
}
