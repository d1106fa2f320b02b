/**
 * Runs an exploration: plans it in the core, runs its batches on the local worker pool or on a
 * BullMQ queue, and aggregates — on the same pool when it has several threads: the hypotheses'
 * verdict tasks (deciding parameter, PRIM box) go to the threads while this thread computes the
 * quantiles and bands. The summary does not depend on how the batches or the tasks ran.
 */
import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import {
  aggregate,
  type BatchResult,
  type Case,
  type ExplorationPlan,
  type ExplorationSummary,
  type ExploreOptions,
  type PosteriorSample,
  type PosteriorSummary,
  planExploration,
  type RunTable,
  runTable,
  startAggregation,
  type Verdict,
  type VerdictTask,
} from '@entente/core';
import { type BatchPool, createBatchPool } from './batch-pool.js';
import { runOnQueue } from './queue/run-on-queue.js';
import { type BatchRange, splitBatches } from './split-batches.js';

/** Progress of a running exploration. */
export interface ExplorationProgress {
  /** Worlds finished. */
  readonly done: number;
  /** Worlds in the plan. */
  readonly total: number;
  readonly elapsedMs: number;
}

/** How to run an exploration. */
export interface RunControl {
  /** Local worker threads; 1 runs in the calling thread. @default os.availableParallelism() */
  readonly workers?: number;
  /** `redis://host:port`: run the batches on a BullMQ queue instead (workers elsewhere). */
  readonly queue?: string;
  /** Aborting stops cleanly: the result keeps the finished worlds, marked complete: false. */
  readonly signal?: AbortSignal;
  /** Called after each finished batch. */
  readonly onProgress?: (progress: ExplorationProgress) => void;
  /** Worlds per batch. @default about 8 batches per worker, at most MAX_BATCH_RUNS scenario runs */
  readonly batchSize?: number;
  /** Called once the batches are queued (queue mode), e.g. to tell the user to start workers. */
  readonly onQueued?: (info: { exploration: string; batches: number }) => void;
  /** A pool to run on (kept open afterwards), e.g. a server's, to skip thread start-up. */
  readonly pool?: BatchPool;
}

/** The result of an exploration. */
export interface ExplorationResult {
  readonly plan: ExplorationPlan;
  readonly summary: ExplorationSummary;
  /** The per-run table, built on first access (summaries-only callers never pay for it). */
  readonly runs: RunTable;
}

/** A calibration's posterior to explore beside the prior ranges (`explore --posterior DIR`). */
export interface PosteriorInput {
  readonly sample: PosteriorSample;
  /** Where it came from, as the user gave it (recorded in the summary). */
  readonly source: string;
}

/**
 * Plans and runs an exploration of `c`; with `posterior`, runs the same exploration a second time
 * with its worlds drawn from the posterior and adds the verdicts as the summary's `posterior`
 * block (the run table is the prior's). Never rejects on abort: resolves with what finished.
 * @throws EntenteError('invalid-argument') on bad options (before anything runs)
 */
export async function runExploration(
  c: Case,
  options: ExploreOptions,
  control: RunControl = {},
  posterior?: PosteriorInput,
): Promise<ExplorationResult> {
  const plans = [planExploration(c, options)];
  if (posterior) plans.push(planExploration(c, options, { posterior: posterior.sample }));
  const total = plans.reduce((a, p) => a + p.worlds, 0);
  let offset = 0;
  const controlOf = (pool?: BatchPool): RunControl => ({
    ...control,
    ...(pool ? { pool } : {}),
    onProgress: control.onProgress
      ? (p) => control.onProgress?.({ ...p, done: offset + p.done, total })
      : undefined,
  });
  const runAll = async (pool?: BatchPool): Promise<ExplorationResult> => {
    const results: ExplorationResult[] = [];
    for (const plan of plans) {
      results.push(await runPlan(plan, controlOf(pool)));
      offset += plan.worlds;
    }
    const [prior, post] = results;
    if (!post || !posterior) return prior;
    const summary = {
      ...prior.summary,
      posterior: posteriorSummary(post.summary, posterior),
    };
    return {
      plan: prior.plan,
      summary,
      get runs() {
        return prior.runs;
      },
    };
  };
  if (control.queue || control.pool) return runAll();
  // The threads boot while this thread plans; they run the batches, then share the aggregation.
  const pool = createBatchPool(control.workers ?? availableParallelism());
  try {
    return await runAll(pool);
  } finally {
    await pool.close();
  }
}

/** The `posterior` block of a summary from the summary of the posterior's exploration. */
function posteriorSummary(s: ExplorationSummary, input: PosteriorInput): PosteriorSummary {
  return {
    source: input.source,
    planId: s.planId,
    method: input.sample.method ?? null,
    ess: input.sample.ess ?? null,
    particles: input.sample.particles.length,
    parameters: input.sample.parameters
      .map((p) => p.id)
      .filter((id) => s.parameters.some((q) => q.id === id)),
    ignored: input.sample.parameters
      .map((p) => p.id)
      .filter((id) => !s.parameters.some((q) => q.id === id)),
    worlds: s.worlds,
    completedWorlds: s.completedWorlds,
    complete: s.complete,
    hypotheses: s.hypotheses,
    outcomes: s.outcomes,
    diagnostics: s.diagnostics,
  };
}

/** Runs an existing plan (see {@link runExploration}). */
export async function runPlan(
  plan: ExplorationPlan,
  control: RunControl = {},
): Promise<ExplorationResult> {
  if (control.queue || control.pool)
    return summarize(plan, await runBatches(plan, control), control.pool);
  // A pool of its own, kept open through the aggregation (its verdict tasks run there too).
  const workers = control.workers ?? availableParallelism();
  const pool = createBatchPool(Math.min(workers, Math.max(1, plan.worlds)));
  try {
    return await summarize(plan, await runBatches(plan, { ...control, pool }), pool);
  } finally {
    await pool.close();
  }
}

/**
 * Aggregates the batches: in this thread alone, or with the verdict tasks on `pool`'s threads
 * (same bytes either way).
 */
async function summarize(
  plan: ExplorationPlan,
  batches: readonly BatchResult[],
  pool?: BatchPool,
): Promise<ExplorationResult> {
  let summary: ExplorationSummary;
  if (pool === undefined || pool.threads < 2) {
    summary = aggregate(plan, batches);
  } else {
    const run = startAggregation(plan, batches);
    const json = JSON.stringify(plan);
    // Longest first (the tasks with failures run PRIM, the others only a one-parameter search),
    // so the last task to end is a short one; the verdicts stay in task order.
    const results: Promise<Verdict>[] = new Array(run.tasks.length);
    for (const i of longestFirst(run.tasks)) results[i] = pool.verdict(json, run.tasks[i]);
    const verdicts = Promise.all(results);
    verdicts.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
    // Between steps the event loop hands queued tasks to threads as they free up.
    while (run.step()) await new Promise((resolve) => setImmediate(resolve));
    summary = run.finish(await verdicts);
  }
  let runs: RunTable | undefined;
  return {
    plan,
    summary,
    get runs() {
      runs ??= runTable(plan, batches);
      return runs;
    },
  };
}

/** Indices of verdict tasks, those with failures (a PRIM box to find) first, else in order. */
function longestFirst(tasks: readonly VerdictTask[]): number[] {
  const fails = (t: VerdictTask) => t.holdsIn.some((x) => x === 0);
  const order = tasks.map((_, i) => i);
  return [...order.filter((i) => fails(tasks[i])), ...order.filter((i) => !fails(tasks[i]))];
}

/** Runs the batches of `plan` as `control` says; the finished ones in batch order. */
async function runBatches(plan: ExplorationPlan, control: RunControl): Promise<BatchResult[]> {
  const workers = control.pool?.threads ?? control.workers ?? availableParallelism();
  const ranges = splitBatches(
    plan,
    control.queue ? Math.max(workers, 4) : workers,
    control.batchSize,
  );
  const results = new Map<number, BatchResult>();
  const started = performance.now();
  let done = 0;
  const accept = (range: BatchRange, batch: BatchResult) => {
    if (results.has(range.index)) return; // a retried batch delivered twice counts once
    results.set(range.index, batch);
    done += range.end - range.start;
    control.onProgress?.({ done, total: plan.worlds, elapsedMs: performance.now() - started });
  };
  if (control.queue) {
    await runOnQueue(plan, ranges, control.queue, accept, control);
  } else if (control.pool) {
    await runLocal(plan, ranges, control.pool, accept, control.signal);
  } else {
    const pool = createBatchPool(Math.min(workers, Math.max(1, ranges.length)));
    try {
      await runLocal(plan, ranges, pool, accept, control.signal);
    } finally {
      await pool.close();
    }
  }
  return [...results.keys()].sort((a, b) => a - b).map((i) => results.get(i) as BatchResult);
}

async function runLocal(
  plan: ExplorationPlan,
  ranges: readonly BatchRange[],
  pool: BatchPool,
  accept: (range: BatchRange, batch: BatchResult) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (signal?.aborted) return;
  // One listener per queued task: an internal signal with room for them all, following `signal`.
  const inner = new AbortController();
  setMaxListeners(ranges.length + 16, inner.signal);
  const forward = () => inner.abort();
  signal?.addEventListener('abort', forward, { once: true });
  const json = JSON.stringify(plan);
  try {
    if (pool.threads === 1) {
      for (const range of ranges) {
        if (signal?.aborted) return;
        try {
          accept(range, await pool.run(json, plan.id, range.start, range.end, signal));
        } catch (error) {
          if (signal?.aborted) return;
          throw error;
        }
      }
      return;
    }
    await Promise.all(
      ranges.map((range) =>
        pool.run(json, plan.id, range.start, range.end, inner.signal).then(
          (batch) => {
            if (!signal?.aborted) accept(range, batch);
          },
          (error: unknown) => {
            if (!signal?.aborted) throw error;
          },
        ),
      ),
    );
  } finally {
    signal?.removeEventListener('abort', forward);
  }
}
