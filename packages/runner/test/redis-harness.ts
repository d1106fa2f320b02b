/**
 * A Redis server for the distributed-exploration tests: the one CI starts (ENTENTE_TEST_REDIS),
 * else a private `redis-server` on a free loopback port without persistence, stopped afterwards.
 * Without redis-server the tests are skipped loudly — except under CI, where that is a failure.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { delimiter, join } from 'node:path';

/** The redis-server binary on PATH, or null. */
export function findRedisServer(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const file = join(dir, 'redis-server');
    if (dir && existsSync(file)) return file;
  }
  return existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : null;
}

/** Whether the Redis tests can run; throws under CI when they cannot. */
export function redisAvailable(what: string): boolean {
  if (process.env.ENTENTE_TEST_REDIS || findRedisServer()) return true;
  if (process.env.CI) throw new Error(`${what}: redis-server is not on PATH, and CI is set`);
  console.warn(`SKIPPED ${what}: redis-server is not on PATH (apt-get install redis-server)`);
  return false;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let reply = '';
    socket.setTimeout(500);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => {
      reply += d.toString();
      if (reply.includes('\r\n')) {
        socket.destroy();
        resolve(reply.startsWith('+PONG'));
      }
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** A running Redis for tests. */
export interface TestRedis {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts (or reuses CI's) Redis and waits until it answers PING. */
export async function startRedis(): Promise<TestRedis> {
  const shared = process.env.ENTENTE_TEST_REDIS;
  if (shared) return { url: shared, stop: async () => {} };
  const binary = findRedisServer();
  if (!binary) throw new Error('redis-server not found');
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 10_000;
  while (!(await ping(port))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer on port ${port}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
