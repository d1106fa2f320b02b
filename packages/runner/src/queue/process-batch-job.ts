/**
 * What a queue worker does with one job, apart from BullMQ and Redis so it can be tested without
 * them: validate the message (core's `parseBatchJob`), fetch the plan, run the range, store the
 * result. A job that cannot succeed — a malformed message, a plan that is gone, a range the plan
 * refuses — fails at once with a coded {@link BatchJobFailure} (never retried); the worker itself
 * keeps running. Anything else (a crashed thread) is rethrown for BullMQ to retry.
 */
import {
  type BatchResult,
  ENTENTE_ERROR_CODES,
  EntenteError,
  type EntenteErrorCode,
  parseBatchJob,
} from '@entente/core';
import { UnrecoverableError } from 'bullmq';

/** A job that failed for good, with the code of what happened. */
export class BatchJobFailure extends UnrecoverableError {
  constructor(
    readonly code: EntenteErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** What processing a job needs from its surroundings (Redis and the thread pool in production). */
export interface BatchJobContext {
  /** The stored plan (JSON) of an exploration, or null when it is gone. */
  plan(exploration: string): Promise<string | null>;
  /** Runs worlds [start, end) of a plan. */
  run(planJson: string, planId: string, start: number, end: number): Promise<BatchResult>;
  /** Stores a finished batch under its index. */
  store(exploration: string, index: number, batch: BatchResult): Promise<void>;
}

/**
 * Processes one job: `data` is whatever the queue delivered.
 * @throws {BatchJobFailure} `invalid-argument` on a malformed message, `not-found` when the plan
 *   is gone, the core's code when the plan refuses the range
 */
export async function processBatchJob(
  job: { readonly id?: string | undefined; readonly data: unknown },
  context: BatchJobContext,
): Promise<{ index: number }> {
  const name = `batch job ${job.id ?? '(no id)'}`;
  let data: ReturnType<typeof parseBatchJob>;
  try {
    data = parseBatchJob(job.data);
  } catch (error) {
    if (error instanceof EntenteError) {
      throw new BatchJobFailure(
        error.code,
        `${error.message.replace(/^queue: /, `queue: ${name}: `)}`,
      );
    }
    throw error;
  }
  const { exploration, planId, index, start, end } = data;
  const json = await context.plan(exploration);
  if (json === null) {
    throw new BatchJobFailure(
      'not-found',
      `queue: ${name}: the plan of exploration ${exploration} is gone (finished or cancelled)`,
    );
  }
  let batch: BatchResult;
  try {
    batch = await context.run(json, planId, start, end);
  } catch (error) {
    // The core refusing this range (outside the plan, another plan's id) will refuse it again.
    // (Read the code by duck typing: an error from a worker thread arrives as a copy.)
    const code = (error as { code?: unknown } | null)?.code;
    if (isEntenteCode(code) && code !== 'internal') {
      throw new BatchJobFailure(code, `queue: ${name}: ${(error as Error).message}`);
    }
    throw error;
  }
  await context.store(exploration, index, batch);
  return { index };
}

function isEntenteCode(code: unknown): code is EntenteErrorCode {
  return typeof code === 'string' && (ENTENTE_ERROR_CODES as readonly string[]).includes(code);
}
