/**
 * The worker-thread side of the batch pool (piscina): runs one batch of worlds of a plan, or the
 * verdict task of one hypothesis (deciding parameter, PRIM box) when the batches are done. The
 * plan arrives as JSON text with every task and is parsed and prepared (compiled scenarios,
 * design) once per plan id per thread; the thread, not the core, keeps that cache. The result goes back as one
 * buffer, copied (see {@link runTask} for why not transferred): see {@link packBatch}.
 */
import type {
  BatchResult,
  ExplorationPlan,
  hypothesisVerdict as HypothesisVerdict,
  PreparedPlan,
  preparePlan as PreparePlan,
  runBatch as RunBatch,
  Verdict,
  VerdictCache,
  verdictCache as VerdictCacheOf,
  VerdictTask,
} from '@entente/core';

/**
 * `runBatch`, imported from its own module of the built core: a thread then loads the model and
 * the methods only, not the whole core (case parsing, interop, analyses), which starts it about
 * twice as fast. Falls back to the package entry if the layout differs.
 */
async function loadRunBatch(): Promise<{
  runBatch: typeof RunBatch;
  preparePlan: typeof PreparePlan;
}> {
  try {
    const entry = import.meta.resolve('@entente/core');
    const module = await import(new URL('./experiment/run-batch.js', entry).href);
    if (typeof module.runBatch === 'function' && typeof module.preparePlan === 'function')
      return module as { runBatch: typeof RunBatch; preparePlan: typeof PreparePlan };
  } catch {}
  return import('@entente/core');
}

const { runBatch, preparePlan } = await loadRunBatch();

/** `hypothesisVerdict` from its own module of the built core, loaded on the first verdict task. */
async function loadVerdict(): Promise<{
  hypothesisVerdict: typeof HypothesisVerdict;
  verdictCache: typeof VerdictCacheOf;
}> {
  try {
    const entry = import.meta.resolve('@entente/core');
    const module = await import(new URL('./experiment/hypothesis-verdict.js', entry).href);
    if (typeof module.hypothesisVerdict === 'function' && typeof module.verdictCache === 'function')
      return module as {
        hypothesisVerdict: typeof HypothesisVerdict;
        verdictCache: typeof VerdictCacheOf;
      };
  } catch {}
  return import('@entente/core');
}

/** A task of the pool: worlds [start, end) of the plan given as JSON. */
export interface BatchTask {
  readonly kind?: 'batch';
  readonly planId: string;
  readonly planJson: string;
  readonly start: number;
  readonly end: number;
}

/** A task of the pool: one hypothesis's verdict over the finished worlds of the plan. */
export interface VerdictPoolTask {
  readonly kind: 'verdict';
  readonly planId: string;
  readonly planJson: string;
  readonly task: VerdictTask;
}

/**
 * Packs a batch's outcomes and series into one Float64Array: [outcomes length, series length,
 * outcomes…, series as float32 pairs…]; into `reuse` when it has exactly that length.
 */
export function packBatch(batch: BatchResult, reuse?: Float64Array | null): Float64Array {
  const o = batch.outcomes.length;
  const s = batch.series.length;
  const length = 2 + o + Math.ceil(s / 2);
  const packed = reuse?.length === length ? reuse : new Float64Array(length);
  packed[0] = o;
  packed[1] = s;
  packed.set(batch.outcomes, 2);
  new Float32Array(packed.buffer, (2 + o) * 8, s).set(batch.series);
  return packed;
}

/** Unpacks {@link packBatch} (views on the same buffer, no copy). */
export function unpackBatch(
  packed: Float64Array,
  planId: string,
  start: number,
  end: number,
): BatchResult {
  const o = packed[0];
  const s = packed[1];
  return {
    planId,
    start,
    end,
    outcomes: new Float64Array(packed.buffer, packed.byteOffset + 16, o),
    series: new Float32Array(packed.buffer, packed.byteOffset + (2 + o) * 8, s),
  };
}

/** The last batch's packed result, reused for the next batch of the same size. */
let packed: Float64Array | null = null;
/** This thread's prepared plan: the core keeps no cache, so the thread owns it. */
let cached: PreparedPlan | null = null;
/** This thread's verdict functions and cache (sorted parameter columns of the sampled worlds). */
let verdicts: {
  hypothesisVerdict: typeof HypothesisVerdict;
  cache: VerdictCache;
} | null = null;

/** Runs one batch or one verdict task (the piscina entry point). */
export default async function runTask(task: BatchTask | VerdictPoolTask): Promise<unknown> {
  if (!cached || cached.plan.id !== task.planId)
    cached = preparePlan(JSON.parse(task.planJson) as ExplorationPlan);
  if (task.kind === 'verdict') {
    if (verdicts === null) {
      const loaded = await loadVerdict();
      verdicts = { hypothesisVerdict: loaded.hypothesisVerdict, cache: loaded.verdictCache() };
    }
    const result: Verdict = verdicts.hypothesisVerdict(cached, task.task, verdicts.cache);
    return result;
  }
  // Copied back, not transferred (piscina's `move`): transferring detaches the buffer, and after
  // the first detach V8 checks every typed-array access of this thread for detachment (its
  // "array buffer detaching protector"); the model then ran ≈ 20 % slower per world
  // (bench/explore.js, 2026-12-05). A batch's packed result is at most a few megabytes to copy.
  // The copy is made when the result is posted, before the next task: the same buffer serves
  // every batch of that size, so the copies do not pile up in this thread's heap.
  packed = packBatch(runBatch(cached.plan, task.start, task.end, cached), packed);
  return packed;
}
