/**
 * `entente events fetch ucdp|gdelt --from --to [--out DIR]`: downloads the official event files
 * of a date range (UCDP GED through UCDP's API, GDELT 2.0's 15-minute exports through its
 * masterfilelist) for `entente events ingest`. Bounded (size, time), checked (GDELT's MD5, UCDP's
 * count), atomic and resumable: re-running it skips the files already there.
 */
import { resolve } from 'node:path';
import {
  type DownloadResult,
  fetchGdelt,
  fetchUcdp,
  GDELT_BASE_URL,
  UCDP_BASE_URL,
  UCDP_DEFAULT_VERSION,
} from '@entente/events';
import { type Command, InvalidArgumentError } from 'commander';
import { example, wholeNumber } from '../flag-parsers.js';
import type { Io } from '../io.js';

/** The sources `events fetch` reads. */
export const FETCH_SOURCES = Object.freeze(['ucdp', 'gdelt'] as const);

/** Options of the fetch command. */
export interface EventsFetchOptions {
  readonly from: string;
  readonly to: string;
  /** @default "events-data" */
  readonly out?: string;
  readonly baseUrl?: string;
  /** UCDP GED release. @default 24.1 */
  readonly release?: string;
  /** UCDP access token (else `UCDP_ACCESS_TOKEN`). */
  readonly token?: string;
  /** Largest file (GDELT) or API page (UCDP) in MiB. */
  readonly maxMib?: number;
  /** Most GDELT files one fetch downloads. */
  readonly maxFiles?: number;
  /** Seconds before one download is abandoned. @default 300 */
  readonly timeout?: number;
  readonly signal?: AbortSignal;
}

/** Runs `entente events fetch SOURCE`; exit 0 when every file is present afterwards. */
export async function eventsFetchCommand(
  io: Io,
  source: (typeof FETCH_SOURCES)[number],
  options: EventsFetchOptions,
): Promise<number> {
  const out = resolve(io.cwd, options.out ?? 'events-data');
  const onFile = (r: DownloadResult, i: number, n: number) =>
    io.stderr(`[${i + 1}/${n}] ${r.skipped ? 'present' : `${r.bytes} bytes`}  ${r.path}\n`);
  const common = {
    from: options.from,
    to: options.to,
    out,
    onFile,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.maxMib ? { maxBytes: options.maxMib * 2 ** 20 } : {}),
    ...(options.timeout ? { timeoutMs: options.timeout * 1000 } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const token = options.token ?? process.env.UCDP_ACCESS_TOKEN;
  const report =
    source === 'gdelt'
      ? await fetchGdelt({
          ...common,
          ...(options.maxFiles ? { maxFiles: options.maxFiles } : {}),
        })
      : await fetchUcdp({
          ...common,
          ...(options.release ? { version: options.release } : {}),
          ...(token ? { token } : {}),
        });
  io.stdout(
    `${source}: ${report.downloaded} downloaded, ${report.skipped} already present, ${report.bytes} bytes in ${out}\n`,
  );
  return 0;
}

function sourceArg(value: string): (typeof FETCH_SOURCES)[number] {
  if (!(FETCH_SOURCES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of ${FETCH_SOURCES.join(', ')}`);
  return value as (typeof FETCH_SOURCES)[number];
}

/** Registers `entente events fetch` under the `events` command (created if absent). */
export function registerEventsFetchCommand(
  program: Command,
  io: Io,
  setCode: (code: number) => void,
): void {
  const events =
    program.commands.find((c) => c.name() === 'events') ??
    program.command('events').description('Event data: UCDP, GDELT and ACLED (docs/events.md).');
  events
    .command('fetch')
    .description(
      'Download official event files of a date range: UCDP GED (API, one CSV per year) or GDELT 2.0 exports (checked against the masterfilelist MD5). Files already present are skipped.',
    )
    .argument('<source>', `${FETCH_SOURCES.join(' or ')}`, sourceArg)
    .requiredOption('--from <date>', 'first day, YYYY, YYYY-MM or YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, inclusive, YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--out <dir>', 'folder to write to', 'events-data')
    .option(
      '--base-url <url>',
      `the source's host (a mirror): ${GDELT_BASE_URL} for gdelt, ${UCDP_BASE_URL} for ucdp`,
    )
    // Not --version: the program's own --version takes that flag wherever it appears.
    .option('--release <release>', 'UCDP GED release (ucdp)', UCDP_DEFAULT_VERSION)
    .option('--token <token>', 'UCDP API access token (ucdp; else $UCDP_ACCESS_TOKEN)')
    .option('--max-mib <n>', 'largest file or API page, in MiB', wholeNumber(1))
    .option(
      '--max-files <n>',
      'most GDELT files one fetch downloads (default 10000)',
      wholeNumber(1),
    )
    .option(
      '--timeout <seconds>',
      'abandon one download after this long (default 300)',
      wholeNumber(1),
    )
    .addHelpText(
      'after',
      example([
        'entente events fetch ucdp --from 2015 --to 2021 --out data/ucdp',
        'entente events fetch gdelt --from 2021-08-01 --to 2021-08-31 --out data/gdelt',
      ]),
    )
    .action(async (source: (typeof FETCH_SOURCES)[number], opts: EventsFetchOptions) => {
      setCode(await eventsFetchCommand(io, source, opts));
    });
}
