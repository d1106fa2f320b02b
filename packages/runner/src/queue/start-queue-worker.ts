/**
 * The consuming side of a distributed exploration: a BullMQ worker that takes batches from the
 * shared queue (and calibration chunks: calibration-on-queue.ts) and runs them on local worker threads (so its event loop stays free to renew job
 * locks), writing each result into the exploration's results hash. Run it on any machine that
 * reaches the Redis server; a batch whose worker dies is retried elsewhere after `lockDuration`.
 */
import { hostname } from 'node:os';
import { type Job, Worker } from 'bullmq';
import { createBatchPool } from '../batch-pool.js';
import { encodeBatch, encodeTyped } from './batch-codec.js';
import {
  CALIBRATION_JOB,
  calibrationKey,
  createCalibrationJobProcessor,
} from './calibration-on-queue.js';
import { type BatchJobContext, processBatchJob } from './process-batch-job.js';
import {
  connectRedis,
  KEY_TTL_SECONDS,
  planKey,
  QUEUE_NAME,
  QUEUE_PREFIX,
  redisClient,
  resultsKey,
} from './queue-keys.js';

/** Options of a queue worker. */
export interface QueueWorkerOptions {
  /** Batches run at once (one worker thread each). @default 1 */
  readonly concurrency?: number;
  /** Milliseconds a job lock lasts without renewal; a dead worker's batch is retried after it. @default 30000 */
  readonly lockDuration?: number;
  /** Milliseconds between checks for stalled jobs. @default 30000 */
  readonly stalledInterval?: number;
  /** Times a batch may stall (its worker died) before it fails. @default 3 */
  readonly maxStalledCount?: number;
  /** Name of this worker in the queue (shown as the jobs' processedBy). @default host:pid */
  readonly name?: string;
  /** Called after each batch and on errors, for logging. */
  readonly onEvent?: (event: {
    type: 'completed' | 'failed' | 'error';
    batch?: string;
    message?: string;
  }) => void;
}

/** A running queue worker. */
export interface QueueWorker {
  readonly name: string;
  /** Stops taking batches, waits for the running ones, and disconnects. */
  close(): Promise<void>;
}

/**
 * Starts consuming batches from the queue at `url`.
 * @throws {EntenteError} `invalid-argument` on a URL that is not redis://
 */
export async function startQueueWorker(
  url: string,
  options: QueueWorkerOptions = {},
): Promise<QueueWorker> {
  const concurrency = options.concurrency ?? 1;
  const name = options.name ?? `${hostname()}:${process.pid}`;
  const client = await connectRedis(url);
  client.on('error', (error) => options.onEvent?.({ type: 'error', message: error.message }));
  const pool = createBatchPool(concurrency, { threadsOnly: true });
  const plans = new Map<string, string>();
  const context: BatchJobContext = {
    async plan(exploration) {
      let json = plans.get(exploration);
      if (json === undefined) {
        const stored = await client.get(planKey(exploration));
        if (stored === null) return null;
        json = stored;
        plans.set(exploration, json);
        if (plans.size > 4) plans.delete(plans.keys().next().value as string);
      }
      return json;
    },
    run: (json, planId, start, end) => pool.run(json, planId, start, end),
    async store(exploration, index, batch) {
      if ((await client.exists(planKey(exploration))) === 1) {
        await client
          .multi()
          .hset(resultsKey(exploration), String(index), encodeBatch(batch))
          .expire(resultsKey(exploration), KEY_TTL_SECONDS)
          .exec();
      }
    },
  };
  // Calibration chunks (calibration-on-queue.ts) run on this thread: a chunk is at most a few
  // thousand history runs of ≈ 0.03 ms, far inside the job lock.
  const calibrationJob = createCalibrationJobProcessor({
    setup: (calibration) => client.get(calibrationKey(calibration)),
    async store(calibration, index, counts) {
      if ((await client.exists(calibrationKey(calibration))) === 1) {
        await client
          .multi()
          .hset(resultsKey(calibration), String(index), encodeTyped(counts))
          .expire(resultsKey(calibration), KEY_TTL_SECONDS)
          .exec();
      }
    },
  });
  // The job's data is validated in processBatchJob (or the calibration processor): whatever the
  // queue holds, only this job fails.
  const process_ = (job: Job<unknown>) =>
    job.name === CALIBRATION_JOB ? calibrationJob(job) : processBatchJob(job, context);
  const workerConnection = redisClient(url);
  const worker = new Worker<unknown>(QUEUE_NAME, process_, {
    connection: workerConnection,
    prefix: QUEUE_PREFIX,
    concurrency,
    name,
    lockDuration: options.lockDuration ?? 30_000,
    stalledInterval: options.stalledInterval ?? 30_000,
    maxStalledCount: options.maxStalledCount ?? 3,
  });
  worker.on('completed', (job) => options.onEvent?.({ type: 'completed', batch: job.id }));
  worker.on('failed', (job, error) =>
    options.onEvent?.({ type: 'failed', batch: job?.id, message: error.message }),
  );
  worker.on('error', (error) => options.onEvent?.({ type: 'error', message: error.message }));
  await worker.waitUntilReady();
  return {
    name,
    async close() {
      await worker.close();
      await pool.close();
      workerConnection.disconnect();
      client.disconnect();
    },
  };
}
