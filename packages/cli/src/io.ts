/**
 * File-system edges of the CLI: reading input and writing output atomically (temp file, then
 * rename), so that an interrupted or failed export never leaves a half-written file.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the CLI writes: injectable so tests need no process. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Directory relative paths are resolved from. */
  readonly cwd: string;
}

/**
 * The standard streams and working directory of this process. A reader that closes standard
 * output early (`entente … | head`) ends the process quietly with exit code 0, as Unix tools do,
 * instead of an unhandled EPIPE.
 */
export function processIo(): Io {
  if (process.stdout.listenerCount('error') === 0) {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  };
}

/** The built-in case, used wherever a case argument is optional. */
export const BUILTIN_CASE = fileURLToPath(
  new URL('../../../cases/afghanistan-2023.yaml', import.meta.url),
);

/** Refuse inputs beyond this size before reading them (the core also bounds text length). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** An input problem that is not a case issue (missing file, too large). Exit code 1. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Reads a text file, refusing what is missing, not a file, or too large. */
export async function readInput(io: Io, path: string): Promise<{ file: string; text: string }> {
  const full = resolve(io.cwd, path);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(full);
  } catch {
    throw new InputError(path, `cannot read "${path}": no such file`);
  }
  if (!info.isFile()) throw new InputError(path, `cannot read "${path}": not a file`);
  if (info.size > MAX_INPUT_BYTES) {
    throw new InputError(path, `"${path}" is ${info.size} bytes; the limit is ${MAX_INPUT_BYTES}`);
  }
  return { file: path, text: await readFile(full, 'utf8') };
}

/**
 * Writes `content` to `path` atomically: to a temporary file in the same directory, then a
 * rename over the target. On failure the temporary file is removed and the target is untouched.
 */
export async function writeFileAtomic(io: Io, path: string, content: string): Promise<string> {
  const full = resolve(io.cwd, path);
  const temp = join(dirname(full), `.${basename(full)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, full);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return full;
}
