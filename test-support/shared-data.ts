/**
 * Tests on files the project does not carry: the published datasets in `../shared/data` and the
 * essay in `../shared/seed` (see their README; never copied into the project).
 *
 * A clone of the project alone must pass `npm test`, so a test whose file is missing is skipped
 * with a printed notice — but under `CI=true` a missing file is a failure, since CI checks out
 * `../shared` and a silent skip there would hide a broken path. Set `ENTENTE_SHARED` to use another
 * folder in place of `../shared` (an empty folder shows what a bare clone does).
 *
 * The test bodies are registered only when their files exist: nothing here, nor in a skipped
 * suite, reads a missing file while vitest collects the tests.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it, type TestFunction } from 'vitest';

/** The project's root (this file sits in `test-support/`). */
const ROOT = resolve(import.meta.dirname, '..');

/** The shared folder: `ENTENTE_SHARED` if set, else `../shared` next to the project. */
export const SHARED_ROOT = resolve(ROOT, process.env.ENTENTE_SHARED ?? '../shared');

/** Whether missing shared files fail the run (`CI` set to anything but `false` or `0`). */
const STRICT = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI);

/** The absolute path of `relative` (e.g. `data/signed/highland-tribes.csv`) in the shared folder. */
export function sharedPath(relative: string): string {
  return resolve(SHARED_ROOT, relative);
}

/** The files of `relatives` that are missing, as absolute paths. */
function missing(relatives: readonly string[]): string[] {
  return relatives.map(sharedPath).filter((p) => !existsSync(p));
}

const noticed = new Set<string>();

/** Prints the skip notice once per missing set of files. */
function notice(name: string, absent: readonly string[]): void {
  const key = absent.join('\n');
  if (noticed.has(key)) return;
  noticed.add(key);
  console.warn(
    `\n*** SKIPPED "${name}": missing ${absent.join(', ')} ***\n` +
      '*** Check out ../shared next to the project (or set ENTENTE_SHARED) to run it. ***\n',
  );
}

/** The error a missing file raises under CI. */
function failure(name: string, absent: readonly string[]): Error {
  return new Error(
    `${name}: missing ${absent.join(', ')} (CI is set, so shared-data tests may not skip)`,
  );
}

/**
 * `describe(name, body)` when every shared file in `relatives` exists. Otherwise `body` is never
 * called: the suite is one skipped test with a printed notice, or one failing test under CI.
 */
export function describeShared(
  relatives: string | readonly string[],
  name: string,
  body: () => void,
): void {
  const absent = missing(typeof relatives === 'string' ? [relatives] : relatives);
  if (absent.length === 0) {
    describe(name, body);
    return;
  }
  if (STRICT) {
    describe(name, () => {
      it('has its shared data files', () => {
        throw failure(name, absent);
      });
    });
    return;
  }
  notice(name, absent);
  describe.skip(name, () => {
    it(`needs ${absent.join(', ')}`, () => {});
  });
}

/**
 * `it(name, fn, timeout)` when every shared file in `relatives` exists; otherwise a skipped test
 * with a printed notice, or a failing one under CI.
 */
export function itShared(
  relatives: string | readonly string[],
  name: string,
  fn: TestFunction,
  timeout?: number,
): void {
  const absent = missing(typeof relatives === 'string' ? [relatives] : relatives);
  if (absent.length === 0) {
    it(name, fn, timeout);
    return;
  }
  if (STRICT) {
    it(name, () => {
      throw failure(name, absent);
    });
    return;
  }
  notice(name, absent);
  it.skip(name, fn);
}
