/**
 * `entente events actors [case] [--db PATH] [--format F]`: the dataset actors the case's `events`
 * mapping leaves unmapped, by volume, so the analyst maps the big ones first.
 */
import {
  EVENT_FORMATS,
  type EventFormat,
  EventsActorsCommandSchema,
  unmappedActors,
} from '@entente/core';
import { openEventStore } from '@entente/events';
import { type Command, Option } from 'commander';
import { example, wholeNumber } from '../flag-parsers.js';
import type { Io } from '../io.js';
import { loadCaseFile } from '../load-case.js';
import { table } from '../table.js';
import { eventDbFor, eventsCommandGroup, mustExist, withEngineOption } from './events-group.js';

/** Options of the actors command. */
export interface EventsActorsOptions {
  readonly db?: string;
  readonly format?: EventFormat;
  readonly limit?: number;
  readonly json?: boolean;
}

/** Lists unmapped dataset actors, largest first. */
export async function eventsActorsCommand(
  io: Io,
  path: string | undefined,
  options: EventsActorsOptions,
): Promise<number> {
  const { file, case: c } = await loadCaseFile(io, path);
  const db = eventDbFor(io, options.db, path);
  mustExist('events actors', db);
  const store = await openEventStore(db);
  try {
    const volumes = await store.actorVolumes(
      options.format === undefined ? undefined : [options.format],
    );
    const unmapped = unmappedActors(c.events ?? { map: [] }, volumes);
    if (options.json) {
      const json = EventsActorsCommandSchema.parse({ case: file, db, unmapped });
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
      return 0;
    }
    const shown = unmapped.slice(0, options.limit ?? 30);
    io.stdout(
      `${unmapped.length} dataset actors are not mapped to ${c.id}'s actors (events.map); largest first:\n`,
    );
    io.stdout(
      `${table(
        ['format', 'rows', 'actor', 'countries'],
        shown.map((u) => [u.format, String(u.rows), u.name, clip(u.countries.join('; '), 60)]),
        ['left', 'right', 'left', 'left'],
      )}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Registers `entente events actors`. */
export function registerEventsActorsCommand(
  program: Command,
  io: Io,
  setCode: (code: number) => void,
): void {
  withEngineOption(eventsCommandGroup(program).command('actors'))
    .description('List the dataset actors the case’s events mapping leaves unmapped, by volume.')
    .argument('[case]', 'case file; the built-in case when omitted')
    .option('--db <path>', 'event store (default: .entente/events.duckdb beside the case, or here)')
    .addOption(new Option('--format <format>', 'only this format').choices([...EVENT_FORMATS]))
    .option('--limit <n>', 'rows to list (text output)', wholeNumber(1), 30)
    .option('--json', 'print every unmapped actor as JSON')
    .addHelpText('after', example(['entente events actors --format ucdp-dyadic']))
    .action(async (path: string | undefined, opts: EventsActorsOptions) => {
      setCode(await eventsActorsCommand(io, path, opts));
    });
}
