/**
 * Reading a run's results hash (`resultsKey`), where `entente worker`s put each finished job's
 * result under its index, for both the exploration and the calibration on the queue. A poll never
 * runs twice at once: a call while one runs (a job's `completed` event, the timer) makes it read
 * the hash once more when it ends.
 */
import type { Redis } from 'ioredis';

/** What a poll does with the hash. */
export interface ResultsPollerHooks {
  /** Whether to read the hash (again); false ends the poll. */
  readonly more: () => boolean;
  /** Whether the result under `index` is still awaited (else its field is only deleted). */
  readonly wants: (index: number) => boolean;
  /** Takes an awaited result; false leaves its field in the hash (the run is over, or it was taken meanwhile). */
  readonly take: (index: number, text: string) => boolean;
  /** After each poll that did not fail. */
  readonly done?: () => void;
  /** A Redis command failed. */
  readonly fail: (error: unknown) => void;
}

/** A poll of the hash `key`: each field read, handed to `take` if awaited, then deleted. */
export function resultsPoller(
  client: Redis,
  key: string,
  hooks: ResultsPollerHooks,
): () => Promise<void> {
  let polling = false;
  let again = false;
  return async () => {
    if (polling) {
      again = true;
      return;
    }
    polling = true;
    try {
      do {
        again = false;
        if (!hooks.more()) break;
        for (const field of await client.hkeys(key)) {
          const index = Number(field);
          if (hooks.wants(index)) {
            const text = await client.hget(key, field);
            if (text === null || !hooks.take(index, text)) continue;
          }
          await client.hdel(key, field);
        }
      } while (again && hooks.more());
      hooks.done?.();
    } catch (error) {
      hooks.fail(error);
    } finally {
      polling = false;
    }
  };
}
