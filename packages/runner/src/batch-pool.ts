/**
 * A pool that runs batches of worlds and, once they are done, the verdict tasks of the
 * aggregation: piscina worker threads over the built `dist/worker.js`, or the calling thread when
 * one worker is asked for. Both give the same bytes.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BatchResult,
  EntenteError,
  type ExplorationPlan,
  hypothesisVerdict,
  type PreparedPlan,
  preparePlan,
  runBatch,
  type Verdict,
  type VerdictTask,
  verdictCache,
} from '@entente/core';
import { Piscina } from 'piscina';
import { type BatchTask, unpackBatch, type VerdictPoolTask } from './worker.js';

/** Runs batches; `close` ends its threads. */
export interface BatchPool {
  readonly threads: number;
  run(
    planJson: string,
    planId: string,
    start: number,
    end: number,
    signal?: AbortSignal,
  ): Promise<BatchResult>;
  /** Runs one hypothesis's verdict task (`hypothesisVerdict`) of the plan given as JSON. */
  verdict(planJson: string, task: VerdictTask): Promise<Verdict>;
  close(): Promise<void>;
}

/**
 * The built worker file. From `dist/` it sits beside this module; when this module runs from its
 * TypeScript source (tests), it is `../dist/worker.js`, which `tsc -b` builds.
 */
export function workerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const file = basename(here) === 'src' ? join(here, '../dist/worker.js') : join(here, 'worker.js');
  if (!existsSync(file))
    throw new EntenteError(
      'not-found',
      `runner: the worker file ${file} is missing; run \`npx tsc -b\` first`,
    );
  return file;
}

/**
 * A pool of `threads` worker threads; 1 runs batches in the calling thread unless `threadsOnly`
 * (a queue worker keeps its event loop free to renew job locks).
 * @throws {EntenteError} `out-of-range` when threads is not a whole number ≥ 1
 */
export function createBatchPool(
  threads: number,
  options: { readonly threadsOnly?: boolean } = {},
): BatchPool {
  if (!Number.isInteger(threads) || threads < 1)
    throw new EntenteError(
      'out-of-range',
      `runner: workers must be a whole number ≥ 1, got ${threads}`,
    );
  if (threads === 1 && !options.threadsOnly) return inProcessPool();
  const piscina = new Piscina<BatchTask | VerdictPoolTask, Float64Array | Verdict>({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    // A small young generation: the threads allocate little besides their results, and a
    // smaller nursery keeps the peak memory of large explorations down (bench/explore.js).
    resourceLimits: { maxYoungGenerationSizeMb: 16 },
  });
  return {
    threads,
    run: async (planJson, planId, start, end, signal) =>
      unpackBatch(
        (await piscina.run(
          { planId, planJson, start, end },
          signal ? { signal } : {},
        )) as Float64Array,
        planId,
        start,
        end,
      ),
    verdict: async (planJson, task) =>
      (await piscina.run({ kind: 'verdict', planId: task.planId, planJson, task })) as Verdict,
    close: () => piscina.destroy(),
  };
}

function inProcessPool(): BatchPool {
  let prepared: PreparedPlan | null = null; // the pool owns the plan cache, not the core
  const cache = verdictCache();
  const prepare = (planJson: string, planId: string): PreparedPlan => {
    if (!prepared || prepared.plan.id !== planId)
      prepared = preparePlan(JSON.parse(planJson) as ExplorationPlan);
    return prepared;
  };
  return {
    threads: 1,
    async run(planJson, planId, start, end, signal) {
      // Yield first so progress, timers and an abort get their turn between batches.
      await new Promise((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
      const p = prepare(planJson, planId);
      return runBatch(p.plan, start, end, p);
    },
    async verdict(planJson, task) {
      return hypothesisVerdict(prepare(planJson, task.planId), task, cache);
    },
    close: async () => {},
  };
}
