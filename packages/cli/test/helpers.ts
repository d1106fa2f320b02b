import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../src/io.js';
import { main } from '../src/main.js';

/** An Io that collects what a command writes, for commands called directly. */
export function captureIo(cwd = process.cwd()): {
  io: Io;
  out: { stdout: string; stderr: string };
} {
  const out = { stdout: '', stderr: '' };
  const io: Io = {
    stdout: (t) => {
      out.stdout += t;
    },
    stderr: (t) => {
      out.stderr += t;
    },
    cwd,
  };
  return { io, out };
}

/** Runs the CLI in-process and captures its output. */
export async function runCli(
  argv: string[],
  cwd = process.cwd(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { io, out } = captureIo(cwd);
  const code = await main(argv, io);
  return { code, stdout: out.stdout, stderr: out.stderr };
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'entente-cli-'));
}
