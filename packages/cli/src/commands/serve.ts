/**
 * `entente serve [case|folder]`: the workbench and its HTTP API (@entente/server) on 127.0.0.1
 * by default. Prints the URL, serves until SIGINT or SIGTERM, then closes cleanly (running
 * explorations are cancelled).
 */
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EntenteError } from '@entente/core';
import { createServer } from '@entente/server';
import { type Command, InvalidArgumentError } from 'commander';
import type { Io } from '../io.js';

/** Options of the serve command. */
export interface ServeCommandOptions {
  /** @default 8787 */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Open the workbench in the default browser. */
  readonly open?: boolean;
  /** @default 16 */
  readonly maxJobs?: number;
  /** @default 1 */
  readonly jobConcurrency?: number;
  /** Worker threads per exploration. */
  readonly workers?: number;
  /** Folder of the built workbench. @default packages/web/dist */
  readonly webRoot?: string;
  /** Events database the /api/events/* routes read. @default none */
  readonly events?: string;
  /** A calibration (`calibrate --out DIR`, or a `calibrate --json` file) for /api/calibration. @default none */
  readonly calibration?: string;
}

/** How a caller (a test) controls the command instead of process signals. */
export interface ServeControl {
  /** Stops the server when aborted (besides SIGINT and SIGTERM). */
  readonly signal?: AbortSignal;
  /** Called with the URL once the server listens. */
  readonly onListening?: (url: string) => void;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd as string, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {}
}

/**
 * Serves until SIGINT, SIGTERM or `control.signal`; returns the exit code (0, or 1 when the case
 * path is missing or the port cannot be bound).
 * @throws {EntenteError} when `--calibration` is missing or not a calibration (nothing is served)
 */
export async function serveCommand(
  io: Io,
  path: string | undefined,
  options: ServeCommandOptions,
  control: ServeControl = {},
): Promise<number> {
  let cases: string | undefined;
  if (path !== undefined) {
    cases = resolve(io.cwd, path);
    try {
      await stat(cases);
    } catch {
      io.stderr(`${path}: no such file or folder\n`);
      return 1;
    }
  }
  const host = options.host ?? '127.0.0.1';
  const app = createServer({
    cases,
    host,
    port: options.port ?? 8787,
    maxJobs: options.maxJobs,
    jobConcurrency: options.jobConcurrency,
    workers: options.workers,
    webRoot: options.webRoot,
    events:
      options.events === undefined || options.events.includes('://')
        ? options.events
        : resolve(io.cwd, options.events),
    calibration:
      options.calibration === undefined ? undefined : resolve(io.cwd, options.calibration),
  });
  try {
    await app.listen({ port: options.port ?? 8787, host });
  } catch (error) {
    await app.close();
    // A bad --calibration (read as the server becomes ready) is the user's input, not the port.
    if (error instanceof EntenteError) throw error;
    io.stderr(
      `entente serve: cannot listen on ${host}:${options.port ?? 8787}: ${(error as Error).message}\n`,
    );
    return 1;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  const offered = app.entente.library.list();
  io.stdout(`entente workbench: ${url}\n`);
  io.stdout(`cases: ${offered.map((c) => c.id).join(', ')}\n`);
  if (!LOOPBACK.has(host)) {
    io.stderr(
      `warning: listening on ${host}; the API has no authentication — anyone who can reach this address can use it\n`,
    );
  }
  io.stderr('press Ctrl-C to stop\n');
  control.onListening?.(url);
  if (options.open) openBrowser(url);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      control.signal?.removeEventListener('abort', stop);
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (control.signal?.aborted) stop();
    else control.signal?.addEventListener('abort', stop, { once: true });
  });
  await app.close();
  io.stderr('entente serve: stopped\n');
  return 0;
}

const positiveInt = (what: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a whole number ≥ 1 (${what})`);
  return n;
};

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('expected a port 0..65535 (0 = any free port)');
  return n;
}

/** Registers `entente serve` on `program`; `setCode` receives its exit code. */
export function registerServeCommand(
  program: Command,
  io: Io,
  setCode: (code: number) => void,
): void {
  program
    .command('serve')
    .description(
      'Serve the workbench and its HTTP API (127.0.0.1 by default) on the built-in case and\n' +
        'the case files of a folder; prints the URL and runs until Ctrl-C.',
    )
    .argument('[case]', 'a case file or a folder of case files, offered besides the built-in case')
    .option('--port <n>', 'port to listen on (0 = any free port)', parsePort, 8787)
    .option('--host <host>', 'interface to bind; 127.0.0.1 keeps it on this machine', '127.0.0.1')
    .option('--open', 'open the workbench in the default browser')
    .option('--max-jobs <n>', 'explorations queued or running at once', positiveInt('jobs'), 16)
    .option('--job-concurrency <n>', 'explorations running at once', positiveInt('jobs'), 1)
    .option('--workers <n>', 'worker threads per exploration', positiveInt('threads'))
    .option('--events <db>', 'events database for /api/events/* (entente events ingest)')
    .option(
      '--calibration <dir>',
      'a calibration for the Calibration tab (/api/calibration): the folder of `entente calibrate --out DIR` or its --json file',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ entente serve\n  $ entente serve cases/ --port 8080 --open\n  $ entente serve my-case.yaml --port 0\n  $ entente serve --calibration runs/calibration\n',
    )
    .action(async (path: string | undefined, opts: ServeCommandOptions) => {
      setCode(await serveCommand(io, path, opts));
    });
}
