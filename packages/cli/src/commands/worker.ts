/**
 * `entente worker --queue redis://HOST:PORT`: consumes exploration batches (and calibration
 * chunks of `entente calibrate --queue`) from the queue until
 * SIGINT or SIGTERM, on any machine that reaches the Redis server.
 */
import { startQueueWorker } from '@entente/runner';
import type { Command } from 'commander';
import { wholeNumber } from '../flag-parsers.js';
import type { Io } from '../io.js';

/** Options of the worker command. */
export interface WorkerCommandOptions {
  readonly queue: string;
  /** Batches at once, one thread each. @default 1 */
  readonly concurrency?: number;
  /** Milliseconds before a dead worker's batch is retried elsewhere. @default 30000 */
  readonly lockDuration?: number;
  /** Milliseconds between stalled-batch checks. @default 30000 */
  readonly stalledInterval?: number;
  /** Print a line per batch. @default true */
  readonly verbose?: boolean;
  /** Stops the worker like SIGTERM (for tests and embedding). */
  readonly signal?: AbortSignal;
}

/** Runs a queue worker until a signal; exit 0 after a clean stop. */
export async function workerCommand(io: Io, options: WorkerCommandOptions): Promise<number> {
  let worker: Awaited<ReturnType<typeof startQueueWorker>>;
  try {
    worker = await startQueueWorker(options.queue, {
      concurrency: options.concurrency,
      lockDuration: options.lockDuration,
      stalledInterval: options.stalledInterval,
      onEvent: (e) => {
        if (e.type === 'completed' && options.verbose !== false)
          io.stderr(`worker: batch ${e.batch} done\n`);
        else if (e.type !== 'completed')
          io.stderr(`worker: ${e.type}${e.batch ? ` ${e.batch}` : ''}: ${e.message}\n`);
      },
    });
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('queue:')) {
      io.stderr(`entente worker: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  io.stderr(
    `worker ${worker.name}: consuming batches from ${options.queue} (concurrency ${options.concurrency ?? 1}); Ctrl-C stops\n`,
  );
  const force = () => process.exit(130); // a second signal: stop without waiting
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', onProcessSignal);
      process.off('SIGTERM', onProcessSignal);
      options.signal?.removeEventListener('abort', stop);
      resolve();
    };
    const onProcessSignal = () => {
      process.once('SIGINT', force);
      process.once('SIGTERM', force);
      stop();
    };
    process.on('SIGINT', onProcessSignal);
    process.on('SIGTERM', onProcessSignal);
    options.signal?.addEventListener('abort', stop, { once: true });
    if (options.signal?.aborted) stop();
  });
  io.stderr(`worker ${worker.name}: stopping after the running batches…\n`);
  await worker.close();
  process.off('SIGINT', force);
  process.off('SIGTERM', force);
  return 0;
}

/** Registers `entente worker` on `program`. */
export function registerWorkerCommand(
  program: Command,
  io: Io,
  setCode: (code: number) => void,
): void {
  program
    .command('worker')
    .description(
      'Consume exploration batches and calibration chunks from a Redis queue (BullMQ) until Ctrl-C or SIGTERM.',
    )
    .requiredOption('--queue <url>', 'the queue, redis://HOST:PORT')
    .option('--concurrency <k>', 'batches at once, one worker thread each', wholeNumber(1), 1)
    .option(
      '--lock-duration <ms>',
      "how long before a dead worker's batch is retried elsewhere",
      wholeNumber(100),
      30_000,
    )
    .option(
      '--stalled-interval <ms>',
      'how often to check for batches of dead workers',
      wholeNumber(100),
      30_000,
    )
    .option('--quiet', 'no line per batch')
    .addHelpText(
      'after',
      `\nExamples:\n  $ entente worker --queue redis://127.0.0.1:6379\n  $ entente worker --queue redis://10.0.0.5:6379 --concurrency 8\n`,
    )
    .action(async (opts: WorkerCommandOptions & { quiet?: boolean }) => {
      setCode(await workerCommand(io, { ...opts, verbose: !opts.quiet }));
    });
}
