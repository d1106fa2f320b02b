import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCase } from '@entente/core';
import { runExploration } from '@entente/runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisAvailable, startRedis, type TestRedis } from '../../runner/test/redis-harness.js';
import { workerCommand } from '../src/commands/worker.js';
import type { Io } from '../src/io.js';

const ROOT = resolve(import.meta.dirname, '../../..');

describe.skipIf(!redisAvailable('CLI worker tests'))('entente worker', { tags: ['redis'] }, () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('workerCommand consumes the batches of an exploration and stops cleanly on its signal', async () => {
    let stderr = '';
    const io: Io = {
      stdout: () => {},
      stderr: (t) => {
        stderr += t;
      },
      cwd: process.cwd(),
    };
    const controller = new AbortController();
    const running = workerCommand(io, {
      queue: redis.url,
      concurrency: 2,
      signal: controller.signal,
    });
    const r = loadCase(readFileSync(join(ROOT, 'cases/afghanistan-2023.yaml'), 'utf8'));
    if (!r.ok) throw new Error('built-in case invalid');
    const options = { runs: 120, seed: 4 };
    const queued = await runExploration(r.case, options, { queue: redis.url, batchSize: 30 });
    const local = await runExploration(r.case, options, { workers: 1 });
    expect(JSON.stringify(queued.summary)).toBe(JSON.stringify(local.summary));
    controller.abort();
    expect(await running).toBe(0);
    expect(stderr).toContain('consuming batches');
    expect(stderr.match(/batch \S+ done/g)?.length).toBeGreaterThanOrEqual(4);
    expect(stderr).toContain('stopping');
  }, 60_000);

  it('workerCommand refuses a URL that is not redis:// with exit 1', async () => {
    let stderr = '';
    const io: Io = {
      stdout: () => {},
      stderr: (t) => {
        stderr += t;
      },
      cwd: process.cwd(),
    };
    expect(await workerCommand(io, { queue: 'localhost:6379' })).toBe(1);
    expect(stderr).toContain('is not a redis:// URL');
  });
});
