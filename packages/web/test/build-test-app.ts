/**
 * Builds the workbench with its test hook (`window.__entente`, src/hook.ts) into a folder: the
 * browser tests drive this build (`vite build --mode test`), never the production `dist/`, which
 * carries no hook. The build is the production one otherwise: NODE_ENV is `production` while it
 * runs (vitest sets it to `test`, which would select React's development runtime).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const CONFIG = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

/** Builds the test bundle of the workbench into `outDir` (emptied first). */
export async function buildTestApp(outDir: string): Promise<void> {
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: CONFIG,
      mode: 'test',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env;
  }
}
