/**
 * `entente events compare [case] [--db PATH] [--dataset ucdp] [--by year] [--json]`: the case's
 * relations held against event data, dyad by dyad (core `compareEvents`: agreement of sign and
 * of trend, disagreements listed; rules in docs/events.md), and the verdicts of its observed
 * hypotheses. Every pair of the case's actors is asked for its dyad series; pairs with neither a
 * relation in the case nor an event in the data are left out.
 */
import {
  type Case,
  compareEvents,
  EntenteError,
  EVENT_DATASETS,
  EVENT_RELATION_DEFAULTS,
  type EventDataset,
  type EventResolution,
  type EventSeries,
  type EventsCompareJson,
} from '@entente/core';
import { type Command, Option } from 'commander';
import { eventsDbLabel, eventsDbPath, openCommandEvents, renderObserved } from '../event-data.js';
import { example, wholeNumber } from '../flag-parsers.js';
import type { Io } from '../io.js';
import { loadCaseFile } from '../load-case.js';
import { table } from '../table.js';
import { withEngineOption } from './events-group.js';

/** Options of `events compare`. */
export interface EventsCompareOptions {
  readonly db?: string;
  readonly dataset?: EventDataset;
  readonly by?: EventResolution;
  readonly minDeaths?: number;
  readonly json?: boolean;
}

/** Most actors whose every pair is compared (n(n−1)/2 series queries). */
const MAX_ACTORS = 200;

/** Runs `events compare`; exit 0, or 1 when there is no events database or no such data. */
export async function eventsCompareCommand(
  io: Io,
  path: string | undefined,
  options: EventsCompareOptions,
): Promise<number> {
  const { case: c } = await loadCaseFile(io, path, { quiet: options.json === true });
  const dataset = options.dataset ?? 'ucdp';
  const by = options.by ?? 'year';
  const source = eventsDbLabel(io, eventsDbPath(io, path, options.db));
  const data = await openCommandEvents(io, path, options.db);
  if (data === null) {
    io.stderr(
      `entente events compare: no events database at ${source}; ingest with \`entente events ingest\` or give --db PATH\n`,
    );
    return 1;
  }
  try {
    const ids = c.actors.map((a) => a.id);
    if (ids.length > MAX_ACTORS)
      throw new EntenteError(
        'resource-limit',
        `events compare: the case has ${ids.length} actors; at most ${MAX_ACTORS} are compared pair by pair`,
      );
    const related = new Set(c.relations.map((r) => [r.from, r.to].sort().join('\u0000')));
    const series: EventSeries[] = [];
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const s = await data.series(c, { key: { dyad: [ids[i], ids[j]] }, by, dataset });
        if (s === null) {
          io.stderr(`entente events compare: the database at ${source} holds no ${dataset} data\n`);
          return 1;
        }
        const hasEvents = s.points.some((p) => Object.values(p.measures).some((v) => v > 0));
        if (hasEvents || related.has([ids[i], ids[j]].sort().join('\u0000'))) series.push(s);
      }
    const rules = {
      ...EVENT_RELATION_DEFAULTS,
      minDeaths: options.minDeaths ?? EVENT_RELATION_DEFAULTS.minDeaths,
    };
    const comparison = compareEvents(c, series, rules);
    const observed = await data.observed(c);
    const json: EventsCompareJson = JSON.parse(
      JSON.stringify({ ...comparison, caseId: c.id, dataset, by, rules, observed }),
    );
    io.stdout(options.json ? `${JSON.stringify(json, null, 2)}\n` : render(c, json, source));
    return 0;
  } finally {
    await data.close();
  }
}

function render(c: Case, r: EventsCompareJson, source: string): string {
  const out = [
    `Events compare of ${c.id} against ${r.dataset} (${source}), by ${r.by}: sign agrees ${r.sign.agree}, disagrees ${r.sign.disagree}, undecided ${r.sign.undecided}; trend agrees ${r.trend.agree}, disagrees ${r.trend.disagree}, undecided ${r.trend.undecided}`,
    '',
    table(
      ['dyad', 'periods', 'relations', 'sign', 'case trend', 'data trend', 'trend'],
      r.dyads.map((d) => [
        d.dyad.join('–'),
        d.from === null ? '–' : `${d.from}–${d.until}`,
        String(d.relations.length),
        `${d.sign} (${d.agreePeriods}/${d.disagreePeriods})`,
        d.analystTrend ?? '–',
        d.dataTrend ?? '–',
        d.trend,
      ]),
      ['left', 'left', 'right', 'left', 'left', 'left', 'left'],
    ),
  ];
  if (r.disagreements.length > 0) {
    out.push('', 'Disagreements');
    for (const d of r.disagreements) out.push(`  ${d}`);
  }
  out.push(...renderObserved(r.observed, source));
  return `${out.join('\n')}\n`;
}

/** Registers `compare` under the `events` command. */
export function registerEventsCompareCommand(
  events: Command,
  io: Io,
  setCode: (code: number) => void,
): void {
  withEngineOption(events.command('compare'))
    .description(
      "Hold the case's relations against event data: per dyad, agreement of sign and trend, disagreements listed; and the observed hypotheses' verdicts.",
    )
    .argument('[case]', 'case file; the built-in case when omitted')
    .option('--db <path>', 'events database (default: .entente/events.duckdb beside the case)')
    .addOption(
      new Option('--dataset <name>', 'dataset family').choices(EVENT_DATASETS).default('ucdp'),
    )
    .addOption(new Option('--by <resolution>', 'period').choices(['year', 'month']).default('year'))
    .option(
      '--min-deaths <n>',
      'deaths in a period that read as fighting (UCDP, ACLED)',
      wholeNumber(1, 1_000_000_000),
    )
    .option('--json', 'print the comparison as JSON (EventsCompareSchema)')
    .addHelpText(
      'after',
      example([
        'entente events compare',
        'entente events compare my-case.yaml --db .entente/events.duckdb --json',
      ]),
    )
    .action(async (path: string | undefined, opts: EventsCompareOptions) => {
      setCode(await eventsCompareCommand(io, path, opts));
    });
}
