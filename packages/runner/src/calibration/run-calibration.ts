/**
 * Runs a calibration of a case's history model (core's `calibrate`) on `workers` threads: the
 * calling thread and `workers − 1` piscina worker threads. A history run takes about 0.03 ms, so
 * the work is cut fine and kept moving: ABC-SMC hands each Metropolis–Hastings round's proposals
 * over in chunks as it draws them (`chunkRows`), every batch is cut into chunks of rows that join
 * one queue, the pool threads take chunks from its front as soon as it fills and the calling
 * thread takes the rest from its back once it has drawn all its proposals; the rows are
 * reassembled in order, so the result has the same bytes for any worker count. A pool thread of
 * its own for the caller's share would only wait for it, and each thread costs its start-up.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CalibrateOptions,
  type Calibration,
  type Case,
  type CountSimulator,
  calibrate,
  concatRows,
  EntenteError,
  type HistoryLike,
  type HistorySpan,
  historyCounts,
} from '@entente/core';
import { Piscina } from 'piscina';
import {
  type CalibrationQueueControl,
  runCalibrationOnQueue,
} from '../queue/calibration-on-queue.js';
import type { CalibrationTask, CalibrationWorkerData } from './calibration-worker.js';
import { historySetup, loadHistoryApi, withHistoryMeans } from './history-api.js';

/** What to calibrate. */
export interface RunCalibrationInput {
  readonly case: Case;
  readonly span: HistorySpan;
  /** Observed counts for the compiled history's targets × years (NaN where missing). */
  readonly observed: (h: HistoryLike) => Float64Array;
  readonly options: CalibrateOptions;
  /** @default 1 */
  readonly workers?: number;
  /** `redis://HOST:PORT`: simulate on the BullMQ queue instead (`entente worker`s; not with workers). */
  readonly queue?: string;
  /** Chunking, timeout and the queued notice of the queue branch. */
  readonly queueControl?: CalibrationQueueControl;
}

/** A calibration with the history it ran on. */
export interface RunCalibrationResult {
  readonly history: HistoryLike;
  readonly calibration: Calibration;
}

/**
 * Rows per chunk at least (a history run takes ≈ 0.03 ms, a chunk's round trip to a thread
 * ≈ 0.05 ms): also ABC-SMC's proposals per simulator call, since its rounds often hold only a few
 * hundred proposals inside the prior box and must still split between the threads.
 */
const MIN_CHUNK_ROWS = 32;
/** Rows per chunk at most, so a thread still starting up holds back little of a large batch. */
const MAX_CHUNK_ROWS = 1024;

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

/** Simulations from which `calibrate` uses every core by default (docs/benchmarks.md). */
export const PARALLEL_CALIBRATION_RUNS = 50_000;

/**
 * The default worker count of a calibration with a budget of `runs` simulations: 1 below
 * {@link PARALLEL_CALIBRATION_RUNS} — a smaller calibration ends in about a second, and ABC-SMC's
 * rounds are then too small to share (20,000 at the defaults: 0.64× on 2 cores) — and every core
 * from there (100,000: rejection 1.52×, ABC-SMC 1.17× on 2 cores; docs/benchmarks.md).
 */
export function defaultCalibrationWorkers(runs: number): number {
  return runs >= PARALLEL_CALIBRATION_RUNS ? availableParallelism() : 1;
}

/**
 * Compiles the history, reads the observed counts for it and calibrates.
 * @throws {EntenteError} `out-of-range` for workers below 1; `invalid-argument` for workers with a
 *   queue; the queue's errors (calibration-on-queue.ts); the core's errors
 */
export async function runCalibration(input: RunCalibrationInput): Promise<RunCalibrationResult> {
  if (input.queue !== undefined) return runCalibrationOnQueue({ ...input, queue: input.queue });
  const workers = input.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1)
    throw new EntenteError(
      'out-of-range',
      `calibrate: workers must be a whole number ≥ 1, got ${workers}`,
    );
  // The threads start (and compile the history from their workerData) while this thread compiles.
  const pool =
    workers === 1
      ? null
      : new Piscina<CalibrationTask, Float64Array>({
          filename: calibrationWorkerFile(),
          minThreads: workers - 1,
          maxThreads: workers - 1,
          // Two chunks posted to each thread: it starts the next while this thread is busy with
          // one of its own and cannot hand it more.
          concurrentTasksPerWorker: 2,
          idleTimeout: 60_000,
          workerData: {
            caseJson: JSON.stringify(input.case),
            span: input.span,
          } satisfies CalibrationWorkerData,
        });
  try {
    const api = await loadHistoryApi();
    const h = api.compileHistory(input.case, input.span);
    const setup = historySetup(h, input.observed(h));
    const withMeans = withHistoryMeans(api, h, input.options);
    if (pool === null) {
      const simulate: CountSimulator = async (thetas, seeds, years) => {
        await new Promise((resolve) => setImmediate(resolve));
        return historyCounts(api, h, thetas, seeds, years);
      };
      return { history: h, calibration: await calibrate(setup, simulate, withMeans) };
    }
    const simulate = sharedSimulator(
      workers,
      h.parameters.length,
      (chunk) => pool.run(chunk), // copied, not transferred: see calibration-worker.ts
      (chunk) => historyCounts(api, h, chunk.thetas, chunk.seeds, chunk.years),
    );
    const options = { chunkRows: MIN_CHUNK_ROWS, ...withMeans };
    return { history: h, calibration: await calibrate(setup, simulate, options) };
  } finally {
    // Also when the case or the data fail here: the threads must not keep the process alive.
    await pool?.destroy();
  }
}

/** A chunk of rows waiting for a thread, with its promise's settlers. */
interface PendingChunk {
  readonly task: CalibrationTask;
  readonly resolve: (counts: Float64Array) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * A simulator over `workers` threads: the calling thread (`here`) and `workers − 1` pool threads
 * (`there`). Every call is cut into chunks that join one queue; each pool thread keeps two chunks
 * in hand (one running, one waiting, so it never waits for this thread to hand it more), and this
 * thread takes the others from the back of the queue whenever its event loop is free — after the
 * caller has drawn the rest of its proposals. Rows come back in call order.
 */
function sharedSimulator(
  workers: number,
  d: number,
  there: (task: CalibrationTask) => Promise<Float64Array>,
  here: (task: CalibrationTask) => Float64Array,
): CountSimulator {
  const queue: PendingChunk[] = [];
  const capacity = 2 * (workers - 1);
  let inFlight = 0;
  let draining = false;
  const pump = () => {
    while (inFlight < capacity && queue.length > 0) {
      const chunk = queue.shift() as PendingChunk;
      inFlight++;
      there(chunk.task)
        .then(chunk.resolve, chunk.reject)
        .finally(() => {
          inFlight--;
          pump();
        });
    }
  };
  const drain = () => {
    const chunk = queue.pop();
    if (chunk === undefined) {
      draining = false;
      return;
    }
    try {
      chunk.resolve(here(chunk.task));
    } catch (error) {
      chunk.reject(error);
    }
    setImmediate(drain); // results and new chunks come in between two of this thread's chunks
  };
  return async (thetas, seeds, years) => {
    const n = seeds.length;
    // About 16 chunks per thread, within the bounds.
    const rows = Math.min(MAX_CHUNK_ROWS, Math.max(MIN_CHUNK_ROWS, Math.ceil(n / (16 * workers))));
    const parts: Promise<Float64Array>[] = [];
    for (let start = 0; start < n; start += rows) {
      const end = Math.min(n, start + rows);
      const task = {
        thetas: thetas.slice(start * d, end * d),
        seeds: seeds.slice(start, end),
        years,
      };
      parts.push(new Promise((resolve, reject) => queue.push({ task, resolve, reject })));
    }
    pump();
    if (!draining && queue.length > 0) {
      draining = true;
      setImmediate(drain);
    }
    return concatRows(await Promise.all(parts));
  };
}
