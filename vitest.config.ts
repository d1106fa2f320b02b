import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) =>
  fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources, never a stale build. (Worker threads and child
    // processes load the built dist/, which `npm test` builds first through `tsc -b`.)
    alias: [
      {
        find: /^@entente\/core\/dates$/,
        replacement: src('core').replace(/index\.ts$/, 'case/dates-entry.ts'),
      },
      {
        find: /^@entente\/core\/contract$/,
        replacement: src('core').replace(/index\.ts$/, 'contract/browser-entry.ts'),
      },
      { find: /^@entente\/core$/, replacement: src('core') },
      { find: /^@entente\/runner$/, replacement: src('runner') },
      { find: /^@entente\/server$/, replacement: src('server') },
      { find: /^@entente\/events$/, replacement: src('events') },
      { find: /^@entente\/extract$/, replacement: src('extract') },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    // Two test files at a time. Vitest's default on this 2-core machine is one (cores − 1), which
    // leaves a core idle while a file waits on a child process, a worker or chromium.
    maxWorkers: 2,
    // The tiers (README, "Tests"): `npm test` runs every test; `npm run test:quick` leaves out
    // the tagged ones (`--tags-filter='!slow && !browser && !redis && !clickhouse'`), `npm run test:slow` runs
    // only `slow`, `npm run goldens` rewrites the `golden` files (`-u`).
    tags: [
      {
        name: 'slow',
        description: 'minutes, not seconds: the 10,000-mutation and 50 MB robustness tests',
        timeout: 900_000,
      },
      {
        name: 'browser',
        description: 'drives /usr/bin/chromium against the built workbench (npm run build:web)',
        timeout: 120_000,
      },
      {
        name: 'redis',
        description: 'needs redis-server on PATH or ENTENTE_TEST_REDIS (BullMQ queue)',
      },
      {
        name: 'clickhouse',
        description:
          'needs a 2-shard ClickHouse cluster at ENTENTE_TEST_CLICKHOUSE (.ci/run starts one: scripts/clickhouse-cluster.sh)',
        timeout: 300_000,
      },
      {
        name: 'golden',
        description: 'compares output with a stored file; `npm run goldens` rewrites them',
      },
    ],
  },
});
