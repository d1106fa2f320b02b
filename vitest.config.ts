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
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
