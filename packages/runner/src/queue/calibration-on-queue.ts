/**
 * A calibration's count simulations on the BullMQ queue that `entente worker`s consume (the queue
 * `explore`, beside exploration batches). The submitter stores the case and history span once
 * under `entente:calibration:<id>`; every call of the calibration's {@link CountSimulator} is cut
 * into chunks of rows, one job (`name` `calibration`) each, carrying its rows' parameter vectors
 * (n × d, float64) and seeds (n, uint32) as base64 of their bytes, and the span of years
 * (`fit` | `all`). A worker compiles the history once per stored (case, span) and keeps it, runs
 * the rows with the core's `historyCounts` and writes the counts (float64, base64) into the hash
 * `entente:results:<id>` under the job's index. The submitter reassembles the rows in call order,
 * so the calibration has the same bytes as in-process: each row's counts depend only on its
 * parameters and seed, not on which process ran it.
 *
 * Bounded: a job's message is at most {@link MAX_CALIBRATION_JOB_BYTES} (chunks are cut to fit);
 * Redis unreachable at the start or lost for {@link CONNECT_TIMEOUT_MS} during the run, a job that
 * fails, or no chunk finishing within `timeoutMs` reject with a located {@link EntenteError}; a
 * worker that dies holding a chunk has it retried elsewhere (BullMQ's stalled-job check), and a
 * chunk delivered twice counts once.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  type CalibrationJob,
  type Case,
  type CountSimulator,
  calibrate,
  concatRows,
  ENTENTE_ERROR_CODES,
  EntenteError,
  type EntenteErrorCode,
  type HistoryApi,
  type HistoryLike,
  type HistorySpan,
  historyCounts,
  MAX_CALIBRATION_JOB_BYTES,
  parseCalibrationJobMessage,
} from '@entente/core';
import { Queue, QueueEvents } from 'bullmq';
import { historySetup, loadHistoryApi, withHistoryMeans } from '../calibration/history-api.js';
import type { RunCalibrationInput, RunCalibrationResult } from '../calibration/run-calibration.js';
import { decodeTyped, encodeTyped } from './batch-codec.js';
import { BatchJobFailure } from './process-batch-job.js';
import {
  CONNECT_TIMEOUT_MS,
  connectRedis,
  KEY_TTL_SECONDS,
  QUEUE_NAME,
  QUEUE_PREFIX,
  redisClient,
  resultsKey,
} from './queue-keys.js';
import { resultsPoller } from './results-poller.js';

export type { CalibrationJob };
export { MAX_CALIBRATION_JOB_BYTES };

/** BullMQ job name of a calibration chunk (exploration batches are named `batch`). */
export const CALIBRATION_JOB = 'calibration';
/** Key of a calibration's stored case and span (JSON `{ case, span }`). */
export const calibrationKey = (id: string) => `${QUEUE_PREFIX}:calibration:${id}`;
/** Rows per job at least and at most (a history run takes ≈ 0.03 ms; a job's round trip a few ms). */
const MIN_QUEUE_CHUNK_ROWS = 64;
const MAX_QUEUE_CHUNK_ROWS = 4096;
/** Default milliseconds the submitter waits for the next chunk before giving up. */
export const DEFAULT_QUEUE_TIMEOUT_MS = 600_000;
/** How often results and the connection are checked besides the completion events. */
const POLL_MS = 250;

/** A checked calibration job with its arrays. */
export interface ParsedCalibrationJob {
  readonly calibration: string;
  readonly index: number;
  readonly years: 'fit' | 'all';
  readonly d: number;
  readonly thetas: Float64Array;
  readonly seeds: Uint32Array;
}

/**
 * Checks a calibration job's message against the contract's `CalibrationJobSchema`, then decodes
 * its arrays and checks their lengths.
 * @throws {EntenteError} `invalid-argument` naming the bad fields
 */
export function parseCalibrationJob(data: unknown): ParsedCalibrationJob {
  const job = parseCalibrationJobMessage(data);
  const bad = (what: string): never => {
    throw new EntenteError('invalid-argument', `queue: calibration job: ${what}`);
  };
  const thetas = decodeTyped(job.thetas, Float64Array) ?? bad('thetas is not float64s');
  const seeds = decodeTyped(job.seeds, Uint32Array) ?? bad('seeds is not uint32s');
  if (seeds.length === 0 || thetas.length !== seeds.length * job.d)
    bad(`thetas holds ${thetas.length} numbers for ${seeds.length} seeds of ${job.d} parameters`);
  return { ...job, thetas, seeds };
}

/** What a worker needs to process calibration jobs (Redis in production). */
export interface CalibrationJobContext {
  /** The stored `{ case, span }` JSON of a calibration, or null when it is gone. */
  setup(calibration: string): Promise<string | null>;
  /** Stores a chunk's counts under its index. */
  store(calibration: string, index: number, counts: Float64Array): Promise<void>;
}

const isEntenteCode = (code: unknown): code is EntenteErrorCode =>
  typeof code === 'string' && (ENTENTE_ERROR_CODES as readonly string[]).includes(code);

/**
 * A processor of calibration jobs that compiles each stored (case, span) once and keeps the last
 * few compiled histories (keyed by the stored text's hash, so calibrations of the same case and
 * span share one). A job that cannot succeed fails for good with a coded {@link BatchJobFailure}.
 */
export function createCalibrationJobProcessor(
  context: CalibrationJobContext,
): (job: {
  readonly id?: string | undefined;
  readonly data: unknown;
}) => Promise<{ index: number }> {
  const histories = new Map<string, HistoryLike>();
  let api: HistoryApi | undefined;
  return async (job) => {
    const name = `calibration job ${job.id ?? '(no id)'}`;
    const fail = (error: unknown): never => {
      const code = (error as { code?: unknown } | null)?.code;
      if (isEntenteCode(code))
        throw new BatchJobFailure(
          code,
          `queue: ${name}: ${(error as Error).message.replace(/^queue: /, '')}`,
        );
      throw error;
    };
    let data: ParsedCalibrationJob;
    try {
      data = parseCalibrationJob(job.data);
    } catch (error) {
      return fail(error);
    }
    const text = await context.setup(data.calibration);
    if (text === null)
      throw new BatchJobFailure(
        'not-found',
        `queue: ${name}: the case of calibration ${data.calibration} is gone (finished or cancelled)`,
      );
    api ??= await loadHistoryApi();
    const key = createHash('sha256').update(text).digest('hex');
    let h = histories.get(key);
    try {
      if (h === undefined) {
        const stored = JSON.parse(text) as { case: Case; span: HistorySpan };
        h = api.compileHistory(stored.case, stored.span);
        histories.set(key, h);
        if (histories.size > 4) histories.delete(histories.keys().next().value as string);
      }
      if (h.parameters.length !== data.d)
        throw new EntenteError(
          'invalid-argument',
          `rows of ${data.d} parameters for a history of ${h.parameters.length}`,
        );
      const counts = historyCounts(api, h, data.thetas, data.seeds, data.years);
      await context.store(data.calibration, data.index, counts);
    } catch (error) {
      return fail(error);
    }
    return { index: data.index };
  };
}

/** Options of a calibration on the queue. */
export interface CalibrationQueueControl {
  /** Rows per job (else about a sixteenth of each call, 64..4096, cut to fit the message limit). */
  readonly chunkRows?: number;
  /** Milliseconds to wait for the next finished chunk. @default 600000 */
  readonly timeoutMs?: number;
  /** Called once the case is stored and the queue is open, e.g. to tell the user to start workers. */
  readonly onQueued?: (info: { calibration: string }) => void;
}

interface Pending {
  readonly rows: number;
  readonly resolve: (counts: Float64Array) => void;
  readonly reject: (error: unknown) => void;
}

/** An open calibration on the queue: its simulator and the cleanup. */
export interface CalibrationQueue {
  readonly id: string;
  readonly simulate: CountSimulator;
  /** Takes back unfinished jobs, deletes the calibration's keys and disconnects (bounded). */
  close(): Promise<void>;
}

/**
 * Opens a calibration of history `h` (of case `c` over `span`) on the queue at `url`.
 * @throws {EntenteError} `invalid-argument` on a URL that is not redis://, `not-found` when Redis
 *   does not answer
 */
export async function openCalibrationQueue(
  url: string,
  c: Case,
  span: HistorySpan,
  h: HistoryLike,
  control: CalibrationQueueControl = {},
): Promise<CalibrationQueue> {
  const timeoutMs = control.timeoutMs ?? DEFAULT_QUEUE_TIMEOUT_MS;
  const d = h.parameters.length;
  // Base64 of a row's float64s and seed, with room for the rest of the message.
  const maxRows = Math.floor((MAX_CALIBRATION_JOB_BYTES - 1024) / (((8 * d + 4) * 4) / 3 + 1));
  if (maxRows < 1)
    throw new EntenteError(
      'resource-limit',
      `queue: a row of ${d} parameters does not fit a calibration job of ${MAX_CALIBRATION_JOB_BYTES} bytes`,
    );
  const id = `${c.id.replace(/[^\w.-]/g, '_').slice(0, 80)}-${randomBytes(4).toString('hex')}`;
  const client = await connectRedis(url);
  client.on('error', () => {}); // reported through the watchdog and the failing commands
  const eventsConnection = redisClient(url);
  eventsConnection.on('error', () => {});
  const queue = new Queue(QUEUE_NAME, {
    connection: client,
    prefix: QUEUE_PREFIX,
    streams: { events: { maxLen: 1000 } },
  });
  const events = new QueueEvents(QUEUE_NAME, {
    connection: eventsConnection,
    prefix: QUEUE_PREFIX,
  });
  // Connection errors are reported by the watchdog below (BullMQ prints unhandled ones).
  queue.on('error', () => {});
  events.on('error', () => {});
  const pending = new Map<number, Pending>();
  /** Jobs added whose results have not come back (to take back on close). */
  const open = new Set<number>();
  let nextIndex = 0;
  let lastProgress = Date.now();
  let downSince: number | null = null;
  let broken: EntenteError | null = null;
  const jobId = (index: number) => `${id}.${index}`;
  const failAll = (error: EntenteError) => {
    broken ??= error;
    for (const p of pending.values()) p.reject(broken);
    pending.clear();
  };
  const poll = resultsPoller(client, resultsKey(id), {
    more: () => pending.size > 0,
    wants: (index) => pending.has(index),
    take: (index, text) => {
      const p = pending.get(index);
      if (p === undefined) return false;
      pending.delete(index);
      open.delete(index);
      lastProgress = Date.now();
      const counts = decodeTyped(text, Float64Array);
      if (counts === null || counts.length % p.rows !== 0)
        p.reject(new EntenteError('internal', `queue: chunk ${jobId(index)}: malformed counts`));
      else p.resolve(counts);
      return true;
    },
    fail: (error) =>
      failAll(
        new EntenteError(
          'not-found',
          `queue: calibration ${id}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      ),
  });
  const watchdog = setInterval(() => {
    const now = Date.now();
    if (client.status !== 'ready') {
      downSince ??= now;
      if (now - downSince >= CONNECT_TIMEOUT_MS)
        failAll(
          new EntenteError(
            'not-found',
            `queue: calibration ${id}: lost the connection to ${url} for ${CONNECT_TIMEOUT_MS / 1000} s`,
          ),
        );
      return;
    }
    downSince = null;
    if (pending.size === 0) {
      lastProgress = now;
      return;
    }
    if (now - lastProgress >= timeoutMs)
      failAll(
        new EntenteError(
          'not-found',
          `queue: calibration ${id}: no chunk finished within ${timeoutMs / 1000} s; start workers with: entente worker --queue ${url}`,
        ),
      );
    else void poll();
  }, POLL_MS);
  try {
    await events.waitUntilReady();
    await client.set(calibrationKey(id), JSON.stringify({ case: c, span }), 'EX', KEY_TTL_SECONDS);
  } catch (error) {
    clearInterval(watchdog);
    await Promise.race([Promise.all([events.close(), queue.close()]), sleep(1000)]).catch(() => {});
    eventsConnection.disconnect();
    client.disconnect();
    throw new EntenteError(
      'not-found',
      `queue: cannot use ${url}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  events.on('completed', ({ jobId: done }) => {
    if (done.startsWith(`${id}.`)) void poll();
  });
  events.on('failed', ({ jobId: failed, failedReason }) => {
    if (failed.startsWith(`${id}.`))
      failAll(new EntenteError('internal', `queue: chunk ${failed} failed: ${failedReason}`));
  });
  control.onQueued?.({ calibration: id });

  const simulate: CountSimulator = async (thetas, seeds, years) => {
    if (broken) throw broken;
    const n = seeds.length;
    if (n === 0) return new Float64Array(0);
    const rows = Math.min(
      maxRows,
      control.chunkRows ??
        Math.min(MAX_QUEUE_CHUNK_ROWS, Math.max(MIN_QUEUE_CHUNK_ROWS, Math.ceil(n / 16))),
    );
    // The largest message of this call (base64: 4 characters per 3 bytes), checked before any job.
    const bytes = 4 * Math.ceil((rows * d * 8) / 3) + 4 * Math.ceil((rows * 4) / 3) + 1024;
    if (bytes > MAX_CALIBRATION_JOB_BYTES)
      throw new EntenteError(
        'resource-limit',
        `queue: calibration ${id}: a chunk of ${rows} rows takes ${bytes} bytes, above ${MAX_CALIBRATION_JOB_BYTES}`,
      );
    const parts: Promise<Float64Array>[] = [];
    const jobs: { name: string; data: CalibrationJob; opts: object }[] = [];
    for (let start = 0; start < n; start += rows) {
      const end = Math.min(n, start + rows);
      const index = nextIndex++;
      open.add(index);
      const data: CalibrationJob = {
        calibration: id,
        index,
        years,
        d,
        thetas: encodeTyped(thetas.subarray(start * d, end * d)),
        seeds: encodeTyped(seeds.subarray(start, end)),
      };
      jobs.push({
        name: CALIBRATION_JOB,
        data,
        opts: {
          jobId: jobId(index),
          attempts: 1,
          removeOnComplete: true,
          removeOnFail: { age: 3600 },
        },
      });
      parts.push(
        new Promise((resolve, reject) =>
          pending.set(index, { rows: end - start, resolve, reject }),
        ),
      );
    }
    // Take the rejections of parts not awaited yet when an earlier one fails.
    for (const p of parts) p.catch(() => {});
    lastProgress = Date.now();
    try {
      await queue.addBulk(jobs);
    } catch (error) {
      failAll(
        new EntenteError(
          'not-found',
          `queue: calibration ${id}: cannot add jobs: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }
    return concatRows(await Promise.all(parts));
  };

  return {
    id,
    simulate,
    async close() {
      clearInterval(watchdog);
      failAll(new EntenteError('cancelled', `queue: calibration ${id} closed`));
      const cleanup = async () => {
        for (const index of open) await queue.remove(jobId(index)).catch(() => 0);
        await client.del(calibrationKey(id), resultsKey(id)).catch(() => 0);
        await events.close().catch(() => {});
        await queue.close().catch(() => {});
      };
      // With Redis gone the commands would wait for it forever: give them a bounded time.
      if (client.status === 'ready') await Promise.race([cleanup(), sleep(CONNECT_TIMEOUT_MS)]);
      eventsConnection.disconnect();
      client.disconnect();
    },
  };
}

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    t.unref?.();
  });

/**
 * {@link runCalibration}'s queue branch: compiles the history here (for the setup and
 * likelihood-smc's expected counts, as in-process) and simulates the counts on the queue.
 */
export async function runCalibrationOnQueue(
  input: RunCalibrationInput & { readonly queue: string },
): Promise<RunCalibrationResult> {
  if (input.workers !== undefined)
    throw new EntenteError(
      'invalid-argument',
      'calibrate: give workers or a queue, not both (the queue’s workers are `entente worker`s)',
    );
  const api = await loadHistoryApi();
  const h = api.compileHistory(input.case, input.span);
  const setup = historySetup(h, input.observed(h));
  const options = withHistoryMeans(api, h, input.options);
  const q = await openCalibrationQueue(input.queue, input.case, input.span, h, input.queueControl);
  try {
    return { history: h, calibration: await calibrate(setup, q.simulate, options) };
  } finally {
    await q.close();
  }
}
