/**
 * The submitting side of a distributed exploration: stores the plan once in Redis, puts one BullMQ
 * job per batch on the shared queue, collects results keyed by batch index (a batch retried after
 * its worker died and delivered twice counts once) and cleans up its keys when done or aborted.
 * Batches whose worker dies are retried by BullMQ's stalled-job detection in the other workers.
 */
import { randomBytes } from 'node:crypto';
import { type BatchJob, type BatchResult, EntenteError, type ExplorationPlan } from '@entente/core';
import { Queue, QueueEvents } from 'bullmq';
import type { BatchRange } from '../split-batches.js';
import { decodeBatch } from './batch-codec.js';
import {
  connectRedis,
  KEY_TTL_SECONDS,
  planKey,
  QUEUE_NAME,
  QUEUE_PREFIX,
  redisClient,
  resultsKey,
} from './queue-keys.js';
import { resultsPoller } from './results-poller.js';

/** How often results are polled besides the completion events. */
const POLL_MS = 250;

/** Runs `ranges` of `plan` on the queue at `url`; resolves when all finished or on abort. */
export async function runOnQueue(
  plan: ExplorationPlan,
  ranges: readonly BatchRange[],
  url: string,
  accept: (range: BatchRange, batch: BatchResult) => void,
  control: {
    readonly signal?: AbortSignal;
    readonly onQueued?: (info: { exploration: string; batches: number }) => void;
  } = {},
): Promise<void> {
  const { signal } = control;
  if (signal?.aborted) return;
  const exploration = `${plan.id}-${randomBytes(4).toString('hex')}`;
  const client = await connectRedis(url);
  client.on('error', () => {}); // reported through the failing commands
  const eventsConnection = redisClient(url);
  eventsConnection.on('error', () => {});
  let events: QueueEvents | undefined;
  let queue: Queue | undefined;
  const finished = new Set<number>();
  const jobId = (index: number) => `${exploration}.${index}`;
  try {
    queue = new Queue(QUEUE_NAME, {
      connection: client,
      prefix: QUEUE_PREFIX,
      streams: { events: { maxLen: 1000 } },
    });
    events = new QueueEvents(QUEUE_NAME, { connection: eventsConnection, prefix: QUEUE_PREFIX });
    await events.waitUntilReady();
    await client.set(planKey(exploration), JSON.stringify(plan), 'EX', KEY_TTL_SECONDS);
    await queue.addBulk(
      ranges.map((r) => ({
        name: 'batch',
        data: {
          exploration,
          planId: plan.id,
          index: r.index,
          start: r.start,
          end: r.end,
        } satisfies BatchJob,
        opts: {
          jobId: jobId(r.index),
          attempts: 1,
          removeOnComplete: true,
          removeOnFail: { age: 3600 },
        },
      })),
    );
    control.onQueued?.({ exploration, batches: ranges.length });
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        clearInterval(timer);
        signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve();
      };
      const poll = resultsPoller(client, resultsKey(exploration), {
        more: () => !settled,
        wants: (index) => ranges[index] !== undefined && !finished.has(index),
        take: (index, text) => {
          if (signal?.aborted || settled) return false;
          finished.add(index);
          accept(ranges[index], decodeBatch(text));
          return true;
        },
        done: () => {
          if (finished.size === ranges.length) settle();
        },
        fail: settle,
      });
      const onAbort = () => settle();
      const timer = setInterval(() => void poll(), POLL_MS);
      signal?.addEventListener('abort', onAbort, { once: true });
      events?.on('completed', ({ jobId: id }) => {
        if (id.startsWith(`${exploration}.`)) void poll();
      });
      events?.on('failed', ({ jobId: id, failedReason }) => {
        if (id.startsWith(`${exploration}.`))
          settle(new EntenteError('internal', `queue: batch ${id} failed: ${failedReason}`));
      });
      void poll();
    });
  } finally {
    // Take back what did not run; a batch still running elsewhere finds its plan gone.
    if (queue) {
      for (const r of ranges) {
        if (!finished.has(r.index)) await queue.remove(jobId(r.index)).catch(() => 0);
      }
    }
    await client.del(planKey(exploration), resultsKey(exploration)).catch(() => 0);
    await events?.close().catch(() => {});
    await queue?.close().catch(() => {});
    eventsConnection.disconnect();
    client.disconnect();
  }
}
