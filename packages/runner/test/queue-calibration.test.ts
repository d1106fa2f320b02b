import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCalibrationJobProcessor,
  encodeTyped,
  QUEUE_NAME,
  QUEUE_PREFIX,
  runCalibration,
  startQueueWorker,
} from '../src/index.js';
import { builtinCase, ROOT } from './helpers.js';
import { findRedisServer, redisAvailable, startRedis, type TestRedis } from './redis-harness.js';

/** Observed counts made up for the test: 100 deaths in every target-year (a shape, not data). */
const flat = (h: { targets: readonly unknown[]; years: readonly number[] }) =>
  new Float64Array(h.targets.length * h.years.length).fill(100);

const c = builtinCase();
const span = { from: '2015', until: '2020', forecast: '2021' };

describe('calibration jobs (no Redis)', () => {
  const processor = () =>
    createCalibrationJobProcessor({
      setup: async (id) => (id === 'known' ? JSON.stringify({ case: c, span }) : null),
      store: async () => {},
    });
  it('a malformed calibration job fails for good with invalid-argument, naming the field', async () => {
    const run = processor();
    await expect(run({ id: 'x.0', data: { calibration: 'known' } })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/calibration job x\.0: .*index/),
    });
    const seeds = encodeTyped(new Uint32Array([1, 2]));
    const thetas = encodeTyped(new Float64Array(3)); // 3 numbers for 2 seeds of d = 2
    await expect(
      run({
        id: 'x.1',
        data: { calibration: 'known', index: 0, years: 'fit', d: 2, thetas, seeds },
      }),
    ).rejects.toMatchObject({ code: 'invalid-argument', message: /3 numbers for 2 seeds/ });
  });
  it('a job whose calibration is gone fails with not-found; rows of the wrong width with invalid-argument', async () => {
    const run = processor();
    const data = {
      index: 0,
      years: 'fit',
      d: 1,
      thetas: encodeTyped(new Float64Array([0.5])),
      seeds: encodeTyped(new Uint32Array([7])),
    };
    await expect(run({ id: 'y.0', data: { ...data, calibration: 'gone' } })).rejects.toMatchObject({
      code: 'not-found',
      message: /is gone/,
    });
    await expect(run({ id: 'y.1', data: { ...data, calibration: 'known' } })).rejects.toMatchObject(
      { code: 'invalid-argument', message: /rows of 1 parameters/ },
    );
  });
});

const describeRedis = describe.skipIf(!redisAvailable('runner calibration queue tests'));
describeRedis('runCalibration on a BullMQ queue', { tags: ['redis'] }, () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('ABC-SMC and rejection on the queue give the same bytes as in-process, over two queue workers; keys cleaned up', async () => {
    // Other test files' workers may share this Redis (CI) and take some chunks: same code, same bytes.
    const workers = await Promise.all([
      // Short stalled checks: a worker's check holds off the others' for its interval (BullMQ).
      startQueueWorker(redis.url, { name: 'cal-a', lockDuration: 1000, stalledInterval: 300 }),
      startQueueWorker(redis.url, { name: 'cal-b', lockDuration: 1000, stalledInterval: 300 }),
    ]);
    const ids: string[] = [];
    try {
      for (const options of [
        { particles: 40, runs: 400, seed: 3 },
        { method: 'rejection' as const, particles: 50, runs: 2000, seed: 5 },
      ]) {
        const input = { case: c, span, observed: flat, options };
        const local = await runCalibration({ ...input, workers: 1 });
        const queued = await runCalibration({
          ...input,
          queue: redis.url,
          queueControl: { chunkRows: 50, onQueued: ({ calibration }) => ids.push(calibration) },
        });
        expect(JSON.stringify(queued.calibration)).toBe(JSON.stringify(local.calibration));
        expect(local.calibration.simulations).toBeGreaterThan(40);
      }
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
    expect(ids).toHaveLength(2);
    const client = new Redis(redis.url);
    for (const id of ids) expect(await client.keys(`${QUEUE_PREFIX}:*${id}*`)).toEqual([]);
    client.disconnect();
  }, 120_000);

  // A worker with the default 30 s stalled interval on a shared Redis (CI) can delay the retry by
  // up to 30 s (its stalled check holds off the others'): hence the generous timeout.
  it('a queue worker killed holding a chunk: the chunk is retried by another worker, same bytes', async () => {
    const options = { method: 'rejection' as const, particles: 50, runs: 3000, seed: 8 };
    const input = { case: c, span, observed: flat, options };
    const local = await runCalibration({ ...input, workers: 1 });
    // `entente worker` as a child process (the built CLI), and a survivor in this process.
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'packages/cli/bin/entente.js'),
        'worker',
        '--queue',
        redis.url,
        '--lock-duration',
        '1000',
        '--stalled-interval',
        '300',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr?.on('data', (d) => {
        stderr += d.toString();
        if (stderr.includes('consuming batches')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${stderr}`)));
    });
    const survivor = await startQueueWorker(redis.url, {
      name: 'survivor',
      lockDuration: 1000,
      stalledInterval: 300,
    });
    const queue = new Queue(QUEUE_NAME, { connection: { url: redis.url }, prefix: QUEUE_PREFIX });
    try {
      let id = '';
      const running = runCalibration({
        ...input,
        queue: redis.url,
        queueControl: {
          chunkRows: 10,
          onQueued: ({ calibration }) => {
            id = calibration;
          },
        },
      });
      let killed = false;
      for (let i = 0; i < 4000 && !killed; i++) {
        const active = await queue.getActive();
        if (
          id &&
          active.some((j) => j.processedBy?.endsWith(`:${child.pid}`) && j.id?.startsWith(id))
        ) {
          child.kill('SIGKILL');
          killed = true;
        } else await new Promise((r) => setTimeout(r, 2));
      }
      expect(killed).toBe(true);
      const queued = await running;
      expect(JSON.stringify(queued.calibration)).toBe(JSON.stringify(local.calibration));
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await queue.close();
      await survivor.close();
    }
  }, 120_000);

  // A private Redis without workers (CI's shared one may have other files' workers on it).
  it.skipIf(!findRedisServer())(
    'with no worker, the calibration ends at its timeout with a typed error and leaves no keys',
    async () => {
      const shared = process.env.ENTENTE_TEST_REDIS;
      delete process.env.ENTENTE_TEST_REDIS;
      const own = await startRedis().finally(() => {
        if (shared !== undefined) process.env.ENTENTE_TEST_REDIS = shared;
      });
      try {
        await noWorkerTimesOut(own.url);
      } finally {
        await own.stop();
      }
    },
    30_000,
  );

  it.skipIf(!findRedisServer())(
    'Redis stopped during the run: a typed error naming the queue within seconds, no hang',
    async () => {
      const shared = process.env.ENTENTE_TEST_REDIS;
      delete process.env.ENTENTE_TEST_REDIS;
      const own = await startRedis().finally(() => {
        if (shared !== undefined) process.env.ENTENTE_TEST_REDIS = shared;
      });
      try {
        const run = runCalibration({
          case: c,
          span,
          observed: flat,
          options: { method: 'rejection', particles: 20, runs: 200, seed: 1 },
          queue: own.url,
          queueControl: { onQueued: () => void own.stop() },
        });
        await expect(run).rejects.toMatchObject({
          name: 'EntenteError',
          code: 'not-found',
          message: /lost the connection to redis:\/\/127\.0\.0\.1:\d+ for 5 s/,
        });
      } finally {
        await own.stop();
      }
    },
    30_000,
  );

  it('rejects a URL that is not redis://, a Redis that does not answer, and workers with a queue', async () => {
    const input = {
      case: c,
      span,
      observed: flat,
      options: { particles: 20, runs: 200, seed: 1 },
    };
    await expect(runCalibration({ ...input, queue: 'http://127.0.0.1:1' })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: /not a redis:\/\/ URL/,
    });
    await expect(runCalibration({ ...input, queue: 'redis://127.0.0.1:1' })).rejects.toMatchObject({
      code: 'not-found',
      message: /queue: /,
    });
    await expect(runCalibration({ ...input, queue: redis.url, workers: 2 })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: /not both/,
    });
  }, 30_000);
});

/** A calibration on a queue without workers ends at its timeout, its keys deleted. */
async function noWorkerTimesOut(url: string) {
  let id = '';
  const run = runCalibration({
    case: c,
    span,
    observed: flat,
    options: { method: 'rejection', particles: 20, runs: 200, seed: 1 },
    queue: url,
    queueControl: {
      timeoutMs: 800,
      onQueued: ({ calibration }) => {
        id = calibration;
      },
    },
  });
  await expect(run).rejects.toMatchObject({
    name: 'EntenteError',
    code: 'not-found',
    message: /no chunk finished within 0\.8 s/,
  });
  const client = new Redis(url);
  expect(await client.keys(`${QUEUE_PREFIX}:*${id}*`)).toEqual([]);
  client.disconnect();
}
