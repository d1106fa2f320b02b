/** The core's source files, for the tests that read the code itself (purity, errors, imports, state). */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `packages/core/src`. */
export const SRC = resolve(import.meta.dirname, '../src');

/** Every `.ts` file below `dir` (default: the core's sources), depth first. */
export function sources(dir: string = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}
