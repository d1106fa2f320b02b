/**
 * The activity chart's data (issue 11, "Workbench"): an event series of one actor or dyad turned
 * into one row per period (events; deaths with their low–high band when the dataset has one), the
 * marks of its two panels — deaths above, events below, each with a rule at the timeline's date —
 * the x-domain that holds both the series and that date, the source line under the chart and the
 * words a screen reader hears. Pure: the figure (ActivityChart.tsx) only hands these marks to
 * Observable Plot.
 */
import { parseCaseDate } from '@entente/core/dates';
import type {
  Case,
  EventResolution,
  EventSeries,
  EventSeriesKey,
  EventSeriesResponse,
} from '../api/types.js';

/** One period of the chart; a measure the dataset does not have is null, never 0. */
export interface ActivityRow {
  /** `YYYY` or `YYYY-MM`, as the series has it. */
  period: string;
  /** First day of the period, 00:00 UTC. */
  date: Date;
  events: number | null;
  /** Deaths: UCDP's best estimate, ACLED's fatalities. */
  deaths: number | null;
  /** UCDP's low and high estimates (the band around `deaths`). */
  low: number | null;
  high: number | null;
}

/** The rows of a series and what they hold. */
export interface ActivityData {
  rows: ActivityRow[];
  /** The measure `deaths` is read from (`deaths_best`, `fatalities`), or null when none is. */
  deathsMeasure: string | null;
  /** True when some row has both a low and a high estimate. */
  band: boolean;
  by: EventResolution;
}

/** The deaths measure of each dataset family, with its label. */
const DEATHS: Record<string, { measure: string; label: string }> = {
  ucdp: { measure: 'deaths_best', label: 'deaths (best estimate)' },
  acled: { measure: 'fatalities', label: 'fatalities' },
};

const DAY_MS = 86_400_000;

/** Formats a count for people: `2,842`. */
export function formatCount(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * The first day (00:00 UTC) of a period or case date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
 * @throws {Error} when the text is not such a date
 */
export function periodStart(period: string): Date {
  const d = parseCaseDate(period);
  if (!d)
    throw new Error(`activity chart: "${period}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return new Date(d.start * DAY_MS);
}

/**
 * The day after a period or case date ends, 00:00 UTC (`2018` → 2019-01-01).
 * @throws {Error} when the text is not such a date
 */
export function periodEnd(period: string): Date {
  const d = parseCaseDate(period);
  if (!d)
    throw new Error(`activity chart: "${period}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return new Date((d.end + 1) * DAY_MS);
}

/** The rows of `series` in calendar order. */
export function activityRows(series: EventSeries): ActivityData {
  const deaths = DEATHS[series.dataset];
  const measure = (m: Readonly<Record<string, number>>, k: string | undefined) =>
    k !== undefined && typeof m[k] === 'number' && Number.isFinite(m[k]) ? m[k] : null;
  const rows = series.points
    .map((p) => ({
      period: p.period,
      date: periodStart(p.period),
      events: measure(p.measures, 'events'),
      deaths: measure(p.measures, deaths?.measure),
      low: deaths?.measure === 'deaths_best' ? measure(p.measures, 'deaths_low') : null,
      high: deaths?.measure === 'deaths_best' ? measure(p.measures, 'deaths_high') : null,
    }))
    .sort((a, b) => a.date.getTime() - b.date.getTime());
  const hasDeaths = rows.some((r) => r.deaths !== null);
  return {
    rows,
    deathsMeasure: hasDeaths ? (deaths?.measure ?? null) : null,
    band: rows.some((r) => r.low !== null && r.high !== null),
    by: series.by,
  };
}

/**
 * The x-domain: from the first period's start to the last period's end, widened to hold the
 * timeline's date `at` (null: none) so its marker is always drawn.
 */
export function activityDomain(data: ActivityData, at: string | null): [Date, Date] {
  const starts = data.rows.map((r) => r.date.getTime());
  const ends = data.rows.map((r) => periodEnd(r.period).getTime());
  if (at !== null) {
    starts.push(periodStart(at).getTime());
    ends.push(periodEnd(at).getTime());
  }
  if (starts.length === 0) return [new Date(0), new Date(DAY_MS)];
  return [new Date(Math.min(...starts)), new Date(Math.max(...ends))];
}

/** One Observable Plot mark as data: the Plot function's name, its data and its options. */
export interface MarkSpec {
  kind: 'areaY' | 'lineY' | 'dot' | 'rectY' | 'ruleX' | 'ruleY';
  data: readonly unknown[];
  options: Record<string, unknown>;
}

/** One panel of the chart: a y-axis label and its marks over the shared x-domain. */
export interface PanelSpec {
  id: 'deaths' | 'events';
  label: string;
  domain: [Date, Date];
  marks: MarkSpec[];
}

/** The marker at the timeline's date: a rule at its first day, labelled for assistive technology. */
function marker(at: string | null): MarkSpec[] {
  if (at === null) return [];
  return [
    {
      kind: 'ruleX',
      data: [{ date: periodStart(at), label: `timeline date ${at}` }],
      options: {
        x: 'date',
        ariaLabel: 'label',
        stroke: 'currentColor',
        strokeWidth: 2,
        strokeDasharray: '4,3',
      },
    },
  ];
}

/**
 * The panels of the chart: deaths (a line with dots, and the low–high band behind it when the
 * dataset has one) when the series has deaths, then events (one bar per period), each with the
 * timeline's marker. Rows without a measure are left out of that measure's marks.
 */
export function activityPanels(data: ActivityData, at: string | null): PanelSpec[] {
  const domain = activityDomain(data, at);
  const panels: PanelSpec[] = [];
  if (data.deathsMeasure !== null) {
    const deaths = data.rows.filter((r) => r.deaths !== null);
    const band = data.rows.filter((r) => r.low !== null && r.high !== null);
    const label =
      Object.values(DEATHS).find((d) => d.measure === data.deathsMeasure)?.label ?? 'deaths';
    panels.push({
      id: 'deaths',
      label: data.band ? `${label}, low–high band` : label,
      domain,
      marks: [
        ...(band.length > 0
          ? [
              {
                kind: 'areaY' as const,
                data: band,
                options: { x: 'date', y1: 'low', y2: 'high', fill: '#b91c1c', fillOpacity: 0.2 },
              },
            ]
          : []),
        {
          kind: 'lineY',
          data: deaths,
          options: { x: 'date', y: 'deaths', stroke: '#b91c1c', strokeWidth: 1.5 },
        },
        {
          kind: 'dot',
          data: deaths,
          options: { x: 'date', y: 'deaths', fill: '#b91c1c', r: 2.5, tip: true },
        },
        { kind: 'ruleY', data: [0], options: {} },
        ...marker(at),
      ],
    });
  }
  const events = data.rows.filter((r) => r.events !== null);
  if (events.length > 0) {
    panels.push({
      id: 'events',
      label: 'events',
      domain,
      marks: [
        {
          kind: 'rectY',
          data: events,
          options: { x: 'date', y: 'events', interval: data.by, fill: '#1d4ed8', tip: true },
        },
        { kind: 'ruleY', data: [0], options: {} },
        ...marker(at),
      ],
    });
  }
  return panels;
}

/** The series key of the map's picks: the selected tie's dyad, else the actor in focus. */
export function activityKey(
  focus: string | null,
  tie: { source: string; target: string } | null,
): EventSeriesKey | null {
  if (tie) return { dyad: [tie.source, tie.target] };
  if (focus) return { actor: focus };
  return null;
}

/** Whether two series keys name the same actor, or the same unordered pair. */
export function sameKey(a: EventSeriesKey, b: EventSeriesKey): boolean {
  if ('actor' in a) return 'actor' in b && a.actor === b.actor;
  if (!('dyad' in b)) return false;
  const [x, y] = a.dyad;
  const [u, v] = b.dyad;
  return (x === u && y === v) || (x === v && y === u);
}

/**
 * The series of an answer that belong to `key`: an actor's answer may also carry its series with
 * each actor it has rows with (`entente events series --actor`), which are not the actor's own.
 * All of them when none carries the key.
 */
export function seriesOf(series: readonly EventSeries[], key: EventSeriesKey): EventSeries[] {
  const own = series.filter((s) => sameKey(s.key, key));
  return own.length > 0 ? own : [...series];
}

/** A key in words: `IS-K` or `Pakistan — TTP`, with the case's names. */
export function keyLabel(key: EventSeriesKey, names: ReadonlyMap<string, string>): string {
  const name = (id: string) => names.get(id) ?? id;
  return 'actor' in key ? name(key.actor) : `${name(key.dyad[0])} — ${name(key.dyad[1])}`;
}

const DATASET_NAMES: Record<string, string> = { ucdp: 'UCDP', gdelt: 'GDELT', acled: 'ACLED' };

/** The dataset family's name as its publisher writes it. */
export function datasetName(dataset: string): string {
  return DATASET_NAMES[dataset] ?? dataset;
}

/**
 * The source line under the chart: dataset, formats and versions, the query in words, and the
 * dataset's coverage when the server knows it.
 * @example activitySource(s) // 'UCDP (ucdp-dyadic 24.1, 23.1) — actor isk, by year'
 */
export function activitySource(series: EventSeries): string {
  const versions = series.versions.filter((v) => v !== '');
  const what = [series.formats.join(', '), versions.join(', ')].filter(Boolean).join(' ');
  const covered = series.coverage
    ? `; the data cover ${series.coverage.from} to ${series.coverage.until}`
    : '';
  return `${datasetName(series.dataset)}${what ? ` (${what})` : ''} — ${series.query}${covered}`;
}

/**
 * Whether case `c` maps dataset actors to its own (its `events:` section, docs/events.md): without
 * a mapping no series of a case actor exists, so the workbench asks the event routes nothing.
 */
export function caseMapsEvents(c: Case | null): boolean {
  const events = (c as { events?: unknown } | null)?.events;
  return events !== undefined && events !== null;
}

/**
 * Why the chart has nothing to draw, or null when it has: no pick, a case without an `events:`
 * mapping (`mapped` false), no event data on the server, or no rows for the pick.
 */
export function activityEmpty(
  key: EventSeriesKey | null,
  answer: EventSeriesResponse | null,
  mapped = true,
): string | null {
  if (key === null) return 'Select an actor (focus) or a tie on the map to see its event data.';
  if (!mapped) {
    return 'This case maps no event-data actors to its own: add an `events:` section (docs/events.md).';
  }
  if (answer === null) return null;
  if (!answer.available) {
    return 'No event data loaded — run `entente events ingest --format ucdp-dyadic FILE…` beside the case (docs/events.md).';
  }
  const rows = seriesOf(answer.series, key).reduce((n, s) => n + s.points.length, 0);
  if (rows === 0) return `No rows for this ${'actor' in key ? 'actor' : 'dyad'} in the event data.`;
  return null;
}

/**
 * What a screen reader hears of the chart: whose series, the periods covered, and each measure's
 * total and peak; the data table beside the chart gives every value.
 */
export function activitySummary(who: string, series: EventSeries, data: ActivityData): string {
  const first = data.rows[0];
  const last = data.rows[data.rows.length - 1];
  if (!first || !last) return `${who}: no ${datasetName(series.dataset)} rows.`;
  const parts = [
    `${datasetName(series.dataset)} events${data.deathsMeasure ? ' and deaths' : ''} of ${who} per ${data.by}, ${first.period} to ${last.period}`,
  ];
  const describe = (label: string, pick: (r: ActivityRow) => number | null) => {
    let total = 0;
    let peak: ActivityRow | null = null;
    for (const r of data.rows) {
      const v = pick(r);
      if (v === null) continue;
      total += v;
      if (peak === null || v > (pick(peak) ?? 0)) peak = r;
    }
    if (peak === null) return;
    parts.push(
      `${label}: ${formatCount(total)} in all, most in ${peak.period} (${formatCount(pick(peak) ?? 0)})`,
    );
  };
  if (data.deathsMeasure !== null) describe('deaths', (r) => r.deaths);
  describe('events', (r) => r.events);
  return `${parts.join('; ')}.`;
}
