/**
 * Names in Redis. One BullMQ queue (`explore`, prefix `entente`) carries the batches of every
 * exploration; each job references its exploration, whose plan is stored once under
 * `entente:plan:<exploration>` and whose results land in the hash `entente:results:<exploration>`
 * (field = batch index). The submitter deletes both keys when done.
 */
import { EntenteError } from '@entente/core';
import { Redis } from 'ioredis';

/** BullMQ key prefix. */
export const QUEUE_PREFIX = 'entente';
/** Name of the queue of batches. */
export const QUEUE_NAME = 'explore';
/** Seconds plans and results live at most if a submitter dies without cleaning up. */
export const KEY_TTL_SECONDS = 24 * 3600;

/** Key of the stored plan of an exploration. */
export const planKey = (exploration: string) => `${QUEUE_PREFIX}:plan:${exploration}`;
/** Key of the hash of finished batches of an exploration. */
export const resultsKey = (exploration: string) => `${QUEUE_PREFIX}:results:${exploration}`;

/**
 * Checks a `redis://host:port[/db]` (or `rediss://`) URL and opens a client for BullMQ.
 * @throws {EntenteError} `invalid-argument` on another scheme
 */
export function redisClient(url: string): Redis {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new EntenteError(
      'invalid-argument',
      `queue: "${url}" is not a URL; expected redis://HOST:PORT`,
    );
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new EntenteError(
      'invalid-argument',
      `queue: "${url}" is not a redis:// URL; expected redis://HOST:PORT`,
    );
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
}

/** How long to wait for Redis to answer the first PING. */
export const CONNECT_TIMEOUT_MS = 5000;

/**
 * Opens a client and waits until the server answers PING.
 * @throws {EntenteError} `not-found` when Redis does not answer within {@link CONNECT_TIMEOUT_MS}
 *   or refuses the connection
 */
export async function connectRedis(url: string): Promise<Redis> {
  const client = redisClient(url);
  // Reported through the PING below (ioredis prints unhandled error events on every retry).
  client.on('error', () => {});
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new EntenteError(
            'not-found',
            `queue: no answer from ${url} within ${CONNECT_TIMEOUT_MS / 1000} s`,
          ),
        ),
      CONNECT_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([client.ping(), timeout]);
    return client;
  } catch (error) {
    client.disconnect();
    if (error instanceof EntenteError) throw error;
    throw new EntenteError(
      'not-found',
      `queue: cannot reach ${url}: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    clearTimeout(timer);
  }
}
