/**
 * `entente events series [case] [--actor x | --dyad a,b] [--by month|year] [--dataset d]`: the
 * event series of case actors and dyads, built from the event store through the case's `events`
 * mapping (docs/events.md, "Series").
 */
import {
  type Case,
  compileEventMapping,
  datasetOfFormat,
  EntenteError,
  EVENT_DATASETS,
  EVENT_FORMATS,
  type EventDataset,
  type EventResolution,
  type EventSeries,
  type EventSeriesKey,
  EventsSeriesCommandSchema,
  eventSeries,
  isCaseDate,
  mapGroup,
} from '@entente/core';
import { openEventStore } from '@entente/events';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { example, list } from '../flag-parsers.js';
import type { Io } from '../io.js';
import { loadCaseFile } from '../load-case.js';
import { table } from '../table.js';
import { eventDbFor, eventsCommandGroup, mustExist, withEngineOption } from './events-group.js';

/** Options of the series command. */
export interface EventsSeriesOptions {
  readonly db?: string;
  readonly actor?: string;
  readonly dyad?: string[];
  readonly by?: EventResolution;
  readonly dataset?: EventDataset;
  readonly from?: string;
  readonly until?: string;
  readonly json?: boolean;
  readonly csv?: boolean;
}

function checkActor(c: Case, id: string): void {
  if (!c.actors.some((a) => a.id === id)) {
    throw new EntenteError('not-found', `events series: the case has no actor "${id}"`);
  }
}

/** Prints the asked series as text, CSV or JSON. */
export async function eventsSeriesCommand(
  io: Io,
  path: string | undefined,
  options: EventsSeriesOptions,
): Promise<number> {
  const { file, case: c } = await loadCaseFile(io, path, { quiet: options.json === true });
  if (options.actor !== undefined && options.dyad !== undefined) {
    throw new EntenteError('invalid-argument', 'events series: give --actor or --dyad, not both');
  }
  if (options.dyad !== undefined && options.dyad.length !== 2) {
    throw new EntenteError('invalid-argument', 'events series: --dyad takes two actor ids, a,b');
  }
  for (const id of [options.actor, ...(options.dyad ?? [])]) if (id) checkActor(c, id);
  const by = options.by ?? 'year';
  const dataset = options.dataset ?? 'ucdp';
  const compiled = compileEventMapping(c.events ?? { map: [] });
  const db = eventDbFor(io, options.db, path);
  mustExist('events series', db);
  const store = await openEventStore(db);
  let series: EventSeries[];
  try {
    const formats = EVENT_FORMATS.filter((f) => datasetOfFormat(f) === dataset);
    const bounds = {
      ...(options.from === undefined ? {} : { from: options.from }),
      ...(options.until === undefined ? {} : { until: options.until }),
    };
    const groups = await store.groups({
      formats,
      by,
      breakpoints: compiled.breakpoints,
      ...bounds,
    });
    const volumes = await store.volumes({ formats, by, ...bounds });
    const keys: EventSeriesKey[] = [];
    const dyadKey = (a: string, b: string): EventSeriesKey => ({
      dyad: (a < b ? [a, b] : [b, a]) as [string, string],
    });
    if (options.dyad !== undefined) {
      keys.push({ dyad: [options.dyad[0] as string, options.dyad[1] as string] });
    } else {
      // Every mapped dyad (or, with --actor, the actor's own series and its dyads).
      const pairs = new Set<string>();
      for (const g of groups) {
        const m = mapGroup(compiled, g);
        if (m.a === undefined || m.b === undefined || m.a === m.b) continue;
        if (options.actor !== undefined && m.a !== options.actor && m.b !== options.actor) continue;
        pairs.add(JSON.stringify(dyadKey(m.a, m.b)));
      }
      if (options.actor !== undefined) keys.push({ actor: options.actor });
      for (const p of [...pairs].sort()) keys.push(JSON.parse(p) as EventSeriesKey);
    }
    series = keys.map((key) => eventSeries(compiled, groups, volumes, { key, by, dataset }));
  } finally {
    await store.close();
  }
  if (options.json) {
    const json = EventsSeriesCommandSchema.parse({ case: file, dataset, by, series });
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const measureNames = [
    ...new Set(series.flatMap((s) => s.points.flatMap((p) => Object.keys(p.measures)))),
  ].sort((a, b) => (a === 'events' ? -1 : b === 'events' ? 1 : a.localeCompare(b)));
  const label = (s: EventSeries) =>
    'actor' in s.key ? s.key.actor : `${s.key.dyad[0]}–${s.key.dyad[1]}`;
  if (options.csv) {
    const lines = [['series', 'dataset', 'period', ...measureNames].join(',')];
    for (const s of series) {
      for (const p of s.points) {
        lines.push(
          [label(s), s.dataset, p.period, ...measureNames.map((n) => String(p.measures[n] ?? ''))]
            .map(csvField)
            .join(','),
        );
      }
    }
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  }
  if (series.length === 0) {
    io.stdout(`no ${dataset} rows map to ${c.id}'s actors in ${db}\n`);
    return 0;
  }
  for (const s of series) {
    const shown = s.points.filter((p) => (p.measures.events ?? 0) > 0);
    io.stdout(
      `${label(s)} · ${s.dataset} ${s.formats.join('+')} ${s.versions.join(', ')} · by ${s.by} · ${shown.length} of ${s.points.length} periods with rows\n`,
    );
    io.stdout(
      `${table(
        ['period', ...measureNames],
        shown.map((p) => [p.period, ...measureNames.map((n) => fmt(p.measures[n]))]),
        ['left', ...measureNames.map(() => 'right' as const)],
      )}\n`,
    );
    for (const caveat of s.caveats) io.stdout(`  note: ${caveat}\n`);
    io.stdout('\n');
  }
  io.stdout(`source: ${db}\n`);
  return 0;
}

function fmt(v: number | undefined): string {
  if (v === undefined) return '';
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

function csvField(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

function parseDate(value: string): string {
  if (!isCaseDate(value)) {
    throw new InvalidArgumentError('expected a date YYYY, YYYY-MM or YYYY-MM-DD');
  }
  return value;
}

/** Registers `entente events series`. */
export function registerEventsSeriesCommand(
  program: Command,
  io: Io,
  setCode: (code: number) => void,
): void {
  withEngineOption(eventsCommandGroup(program).command('series'))
    .description(
      'Event series of a case actor or dyad by month or year: UCDP deaths, GDELT QuadClass counts and tone, ACLED events by type.',
    )
    .argument('[case]', 'case file; the built-in case when omitted')
    .option('--db <path>', 'event store (default: .entente/events.duckdb beside the case, or here)')
    .option('--actor <id>', 'the actor’s series, then its series with each actor it has rows with')
    .option('--dyad <a,b>', 'the series of one pair of actors', list)
    .addOption(new Option('--by <unit>', 'period').choices(['month', 'year']).default('year'))
    .addOption(
      new Option('--dataset <d>', 'dataset family').choices([...EVENT_DATASETS]).default('ucdp'),
    )
    .option('--from <date>', 'first date (YYYY, YYYY-MM or YYYY-MM-DD)', parseDate)
    .option('--until <date>', 'last date (inclusive)', parseDate)
    .option('--json', 'print the series as JSON')
    .option('--csv', 'print the series as CSV (series,dataset,period,measures…)')
    .addHelpText(
      'after',
      example([
        'entente events series --actor isk --by year --json',
        'entente events series --dyad pakistan,ttp',
        'entente events series --dataset gdelt --dyad us,taliban --by month --csv',
      ]),
    )
    .action(async (path: string | undefined, opts: EventsSeriesOptions) => {
      setCode(await eventsSeriesCommand(io, path, opts));
    });
}
