/**
 * `entente events ingest --format F FILES… [--db PATH]`: reads event files into the event store
 * (docs/events.md, "Ingest"), with a progress bar on a terminal.
 */
import { resolve } from 'node:path';
import { EVENT_FORMATS, type EventFormat, EventsIngestCommandSchema } from '@entente/core';
import { openEventStore } from '@entente/events';
import cliProgress from 'cli-progress';
import { type Command, Option } from 'commander';
import { example } from '../flag-parsers.js';
import type { Io } from '../io.js';
import { eventDbFor, eventsCommandGroup, withEngineOption } from './events-group.js';

/** Options of the ingest command. */
export interface EventsIngestOptions {
  readonly format: EventFormat;
  readonly db?: string;
  readonly case?: string;
  readonly datasetVersion?: string;
  readonly allowMalformed?: boolean;
  readonly json?: boolean;
  /** Show a progress bar (default: when standard error is a terminal and not --json). */
  readonly progress?: boolean;
}

/** How many malformed rows the text output lists (all are counted; --json lists up to 1000). */
const LISTED = 20;

/** Ingests `files`; exit 0, or an EntenteError (exit 1) when a file is refused. */
export async function eventsIngestCommand(
  io: Io,
  files: readonly string[],
  options: EventsIngestOptions,
): Promise<number> {
  const db = eventDbFor(io, options.db, options.case);
  const store = await openEventStore(db);
  const showBar = options.progress ?? (process.stderr.isTTY === true && !options.json);
  let bar: cliProgress.SingleBar | null = null;
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    const report = await store.ingest(
      files.map((f) => resolve(io.cwd, f)),
      {
        format: options.format,
        ...(options.datasetVersion === undefined ? {} : { version: options.datasetVersion }),
        allowMalformed: options.allowMalformed === true,
        signal: controller.signal,
        onProgress: (p) => {
          if (!showBar) return;
          if (bar === null) {
            bar = new cliProgress.SingleBar(
              {
                format: 'ingest [{bar}] {percentage}% · {value}/{total} MB',
                stream: process.stderr,
              },
              cliProgress.Presets.shades_classic,
            );
            bar.start(Math.max(1, Math.round(p.bytesTotal / 1e6)), 0);
          }
          bar.update(Math.round(p.bytesDone / 1e6));
        },
      },
    );
    (bar as cliProgress.SingleBar | null)?.stop();
    if (options.json) {
      const json = EventsIngestCommandSchema.parse({ db, ...report });
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
      return 0;
    }
    for (const f of report.files) {
      io.stdout(
        `${f.file}: ${f.rows} rows, ${f.inserted} new, ${f.duplicates} already stored${f.malformed > 0 ? `, ${f.malformed} malformed (skipped)` : ''}\n`,
      );
    }
    for (const m of report.malformed.slice(0, LISTED)) {
      io.stderr(`${m.file}:${m.line}: ${m.message}\n`);
    }
    if (report.malformed.length > LISTED) {
      io.stderr(`… and ${report.malformed.length - LISTED} more malformed rows listed by --json\n`);
    }
    io.stdout(`stored in ${db}\n`);
    return 0;
  } finally {
    (bar as cliProgress.SingleBar | null)?.stop();
    process.off('SIGINT', onSignal);
    await store.close();
  }
}

/** Registers `entente events ingest`. */
export function registerEventsIngestCommand(
  program: Command,
  io: Io,
  setCode: (code: number) => void,
): void {
  withEngineOption(eventsCommandGroup(program).command('ingest'))
    .description(
      'Read event files (.csv, .tsv, .gz, .zip) into the event store; re-ingesting a file adds nothing.',
    )
    .argument('<files...>', 'files of one format')
    .addOption(
      new Option('--format <format>', 'the files’ format')
        .choices([...EVENT_FORMATS])
        .makeOptionMandatory(),
    )
    .option('--db <path>', 'event store (default: .entente/events.duckdb beside --case, or here)')
    .option('--case <file>', 'the case whose folder holds the default store')
    .option('--dataset-version <v>', 'dataset version when the rows carry none (GDELT, ACLED)')
    .option('--allow-malformed', 'store the well-formed rows of a file that has malformed ones')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      example([
        'entente events ingest --format ucdp-dyadic ../shared/data/events/ucdp-afpak-annual-1989-2021.csv',
        'entente events ingest --format gdelt --dataset-version 2.0 20150218230000.export.CSV.zip',
      ]),
    )
    .action(async (files: string[], opts: EventsIngestOptions) => {
      setCode(await eventsIngestCommand(io, files, opts));
    });
}
