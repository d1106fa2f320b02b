import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) =>
  fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources, never a stale build. (Worker threads and child
    // processes load the built dist/, which `npm test` builds first through `tsc -b`.)
    alias: {
      '@entente/core': src('core'),
      '@entente/runner': src('runner'),
      '@entente/server': src('server'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
