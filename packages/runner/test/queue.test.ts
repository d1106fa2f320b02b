import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAME, QUEUE_PREFIX, runExploration, startQueueWorker } from '../src/index.js';
import { builtinCase, ROOT } from './helpers.js';
import { redisAvailable, startRedis, type TestRedis } from './redis-harness.js';

const c = builtinCase();
const BIN = join(ROOT, 'packages/cli/bin/entente.js');
const CLI_MAIN = join(ROOT, 'packages/cli/dist/main.js');
const WORKER_COMMAND = join(ROOT, 'packages/cli/dist/commands/worker.js');
const IO = join(ROOT, 'packages/cli/dist/io.js');

/**
 * `entente worker --queue URL` as a child process (the built CLI). Until the command is
 * registered in main.ts, the same command function is started through its built module.
 */
function spawnWorker(url: string): { child: ChildProcess; ready: Promise<void> } {
  const flags = ['--queue', url, '--lock-duration', '1000', '--stalled-interval', '300'];
  const registered = readFileSync(CLI_MAIN, 'utf8').includes('registerWorkerCommand');
  const args = registered
    ? [BIN, 'worker', ...flags]
    : [
        '--input-type=module',
        '-e',
        `const { Command } = await import('commander');
         const { registerWorkerCommand } = await import(${JSON.stringify(WORKER_COMMAND)});
         const { processIo } = await import(${JSON.stringify(IO)});
         const program = new Command('entente').exitOverride();
         registerWorkerCommand(program, processIo(), (code) => { process.exitCode = code; });
         await program.parseAsync(['worker', ...${JSON.stringify(flags)}], { from: 'user' });`,
      ];
  const child = spawn(process.execPath, args, {
    cwd: join(ROOT, 'packages/cli'),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (d) => {
      stderr += d.toString();
      if (stderr.includes('consuming batches')) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`worker exited (${code}) before it was ready: ${stderr}`)),
    );
  });
  return { child, ready };
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

const describeRedis = describe.skipIf(!redisAvailable('runner queue tests'));
describeRedis('runExploration on a BullMQ queue', { tags: ['redis'] }, () => {
  let redis: TestRedis;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await redis?.stop();
  });

  it('runExploration with --queue survives a worker killed mid-run: every world once, same bytes as in-process', async () => {
    const options = { runs: 1200, seed: 21 };
    const local = await runExploration(c, options, { workers: 1 });
    const a = spawnWorker(redis.url);
    const b = spawnWorker(redis.url);
    children.push(a.child, b.child);
    await Promise.all([a.ready, b.ready]);
    const queue = new Queue(QUEUE_NAME, { connection: { url: redis.url }, prefix: QUEUE_PREFIX });
    let exploration = '';
    const done: number[] = [];
    const running = runExploration(c, options, {
      queue: redis.url,
      batchSize: 60,
      onQueued: (info) => {
        exploration = info.exploration;
      },
      onProgress: (p) => done.push(p.done),
    });
    // Kill worker A with SIGKILL while it holds a batch of this exploration.
    const victim = `:${a.child.pid}`;
    let killed = false;
    for (let i = 0; i < 2000 && !killed; i++) {
      const active = await queue.getActive();
      if (
        active.some((job) => job.processedBy?.endsWith(victim) && job.id?.startsWith(exploration))
      ) {
        a.child.kill('SIGKILL');
        killed = true;
      } else {
        await new Promise((r) => setTimeout(r, 5));
      }
    }
    expect(killed).toBe(true);
    const result = await running;
    expect(await exited(a.child)).toBe(null);
    expect(result.summary.complete).toBe(true);
    expect(Array.from(result.runs.worlds)).toEqual(Array.from({ length: 1200 }, (_, i) => i));
    expect(done[done.length - 1]).toBe(1200);
    expect(JSON.stringify(result.summary)).toBe(JSON.stringify(local.summary));
    // The exploration's plan, results and jobs are gone from Redis.
    const client = new Redis(redis.url);
    expect(await client.keys(`${QUEUE_PREFIX}:*${exploration}*`)).toEqual([]);
    client.disconnect();
    await queue.close();
    b.child.kill('SIGTERM');
    expect(await exited(b.child)).toBe(0);
  }, 60_000);

  it('runExploration on a queue stops on abort, keeps finished batches and takes back the queued ones', async () => {
    const worker = await startQueueWorker(redis.url, { concurrency: 1 });
    const controller = new AbortController();
    let exploration = '';
    const result = await runExploration(
      c,
      { runs: 600, seed: 2 },
      {
        queue: redis.url,
        batchSize: 30,
        signal: controller.signal,
        onQueued: (info) => {
          exploration = info.exploration;
        },
        onProgress: (p) => {
          if (p.done >= 60) controller.abort();
        },
      },
    );
    await worker.close();
    expect(result.summary.complete).toBe(false);
    expect(result.summary.completedWorlds).toBeGreaterThanOrEqual(60);
    expect(result.summary.completedWorlds).toBeLessThan(600);
    const queue = new Queue(QUEUE_NAME, { connection: { url: redis.url }, prefix: QUEUE_PREFIX });
    const waiting = await queue.getWaiting();
    expect(waiting.filter((j) => j.id?.startsWith(exploration))).toEqual([]);
    await queue.close();
  }, 60_000);

  it('runExploration rejects a URL that is not redis://', async () => {
    await expect(runExploration(c, { runs: 5 }, { queue: 'http://127.0.0.1:1' })).rejects.toThrow(
      /not a redis:\/\/ URL/,
    );
  });
});
