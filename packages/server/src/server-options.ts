/**
 * Options of {@link createServer}, resolved once with their documented defaults and checked, so
 * that every bound of the server (body size, queue length, worlds per exploration, timeouts) is
 * visible in one place.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { EntenteError } from '@entente/core';

/** The built workbench (`packages/web/dist`), served at `/`. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Options of createServer. */
export interface ServerOptions {
  /** A case file or a folder of case files offered besides the built-in case. @default none */
  readonly cases?: string | undefined;
  /** Port `entente serve` listens on (createServer itself does not listen). @default 8787 */
  readonly port?: number | undefined;
  /** Interface to bind. @default '127.0.0.1' */
  readonly host?: string | undefined;
  /** Explorations queued or running at once; more get 429. @default 16 */
  readonly maxJobs?: number | undefined;
  /** Explorations running at once. @default 1 */
  readonly jobConcurrency?: number | undefined;
  /** Worker threads of one exploration. @default min(4, os.availableParallelism()) */
  readonly workers?: number | undefined;
  /**
   * Explorations of at most this many world-months (worlds × the scenarios' months summed) run
   * on the server's thread between requests, sparing the worker threads' start-up. @default 200000
   */
  readonly inlineWorldMonths?: number | undefined;
  /** Largest request body in bytes; larger bodies get 413. @default 2 MiB */
  readonly bodyLimit?: number | undefined;
  /** Folder of the built workbench. @default packages/web/dist */
  readonly webRoot?: string | undefined;
  /** Where finished explorations are written (`<jobsDir>/<job id>/`); none when unset. @default none */
  readonly jobsDir?: string | undefined;
  /** Most worlds one exploration may run; more get 400. @default 200000 */
  readonly maxWorlds?: number | undefined;
  /** Most months of a simulation or exploration. @default 1200 */
  readonly maxMonths?: number | undefined;
  /** Finished jobs kept for their results, at most. @default 64 */
  readonly maxFinishedJobs?: number | undefined;
  /** How long a finished job is kept, in ms. @default 3600000 (1 hour) */
  readonly jobRetentionMs?: number | undefined;
  /** Socket inactivity timeout, ms (Fastify `connectionTimeout`). @default 60000 */
  readonly connectionTimeout?: number | undefined;
  /** Time to receive a whole request, ms (Fastify `requestTimeout`). @default 30000 */
  readonly requestTimeout?: number | undefined;
  /** Interval of the server-sent events' heartbeat comments, ms. @default 15000 */
  readonly heartbeatMs?: number | undefined;
  /** Time budget of the exact frustration solver per analysis, seconds. @default 10 */
  readonly analysisTimeLimit?: number | undefined;
  /**
   * Analyses of the built-in case computed in the background once the server listens — the ones
   * the workbench asks for first (warm-analyses.ts), at most half the analysis cache; 0 turns
   * the warm-up off. @default 128
   */
  readonly warmAnalyses?: number | undefined;
  /** Log requests (pino, JSON lines on stdout). @default false */
  readonly logger?: boolean | undefined;
  /** Events database (`entente events ingest`) the `/api/events/*` routes read. @default none */
  readonly events?: string | undefined;
  /**
   * A calibration served at `GET /api/calibration`: the folder `entente calibrate --out DIR`
   * writes, or the file of `calibrate --json`; read and checked when the server becomes ready (a
   * bad one fails `ready()`/`listen()`). @default none
   */
  readonly calibration?: string | undefined;
}

/** Server options with every default filled in. */
export type ResolvedServerOptions = Required<{
  readonly [K in Exclude<
    keyof ServerOptions,
    'cases' | 'jobsDir' | 'events' | 'calibration'
  >]: Exclude<ServerOptions[K], undefined>;
}> & {
  readonly cases: string | undefined;
  readonly jobsDir: string | undefined;
  readonly events: string | undefined;
  readonly calibration: string | undefined;
};

function int(name: string, value: number | undefined, fallback: number, min: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min) {
    throw new EntenteError(
      'out-of-range',
      `createServer: ${name} must be a whole number ≥ ${min}; got ${v}`,
    );
  }
  return v;
}

/**
 * Fills in the defaults of server options.
 * @throws {EntenteError} `out-of-range` when a bound is not a whole number in range
 */
export function resolveServerOptions(options: ServerOptions = {}): ResolvedServerOptions {
  const port = int('port', options.port, 8787, 0);
  if (port > 65535)
    throw new EntenteError('out-of-range', `createServer: port must be ≤ 65535; got ${port}`);
  return {
    cases: options.cases,
    port,
    host: options.host ?? '127.0.0.1',
    maxJobs: int('maxJobs', options.maxJobs, 16, 1),
    jobConcurrency: int('jobConcurrency', options.jobConcurrency, 1, 1),
    workers: int('workers', options.workers, Math.min(4, availableParallelism()), 1),
    inlineWorldMonths: int('inlineWorldMonths', options.inlineWorldMonths, 200_000, 0),
    bodyLimit: int('bodyLimit', options.bodyLimit, 2 * 1024 * 1024, 1),
    webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
    jobsDir: options.jobsDir,
    maxWorlds: int('maxWorlds', options.maxWorlds, 200_000, 1),
    maxMonths: int('maxMonths', options.maxMonths, 1200, 1),
    maxFinishedJobs: int('maxFinishedJobs', options.maxFinishedJobs, 64, 0),
    jobRetentionMs: int('jobRetentionMs', options.jobRetentionMs, 3_600_000, 0),
    connectionTimeout: int('connectionTimeout', options.connectionTimeout, 60_000, 0),
    requestTimeout: int('requestTimeout', options.requestTimeout, 30_000, 0),
    heartbeatMs: int('heartbeatMs', options.heartbeatMs, 15_000, 1),
    analysisTimeLimit: int('analysisTimeLimit', options.analysisTimeLimit, 10, 1),
    warmAnalyses: int('warmAnalyses', options.warmAnalyses, 128, 0),
    logger: options.logger ?? false,
    events: options.events,
    calibration: options.calibration,
  };
}
