/**
 * The normalised table layout every event engine stores (DuckDB here, ClickHouse in
 * `clickhouse/`), and the semantics of the group query over it, in one place so both engines
 * answer alike (docs/events.md, "Storage").
 *
 * One wide table `events`: one row per dataset row, whatever the format; columns a format lacks
 * are NULL. Types are plain (text, date, 64-bit integer, double) so that any SQL engine mirrors
 * them. The idempotence key is (`format`, `event_id`): UCDP's `id`, GDELT's GlobalEventID,
 * ACLED's `event_id_cnty`, or a content hash of the row where the dataset has none.
 */
import type { EventDataset, EventResolution } from '@entente/core';

/** The plain column types of the layout. */
export type EventColumnType = 'text' | 'date' | 'int' | 'float';

/** One column of the `events` table. */
export interface EventColumn {
  readonly name: string;
  readonly type: EventColumnType;
  /** Whether every row has a value. */
  readonly required: boolean;
  readonly description: string;
}

/** The name of the events table. */
export const EVENTS_TABLE = 'events';

/**
 * The name of the table that records each ingested file, one row per file and ingest: `id` (the
 * `ingest` of its rows), `ingested_at`, `file`, `format`, `version`, `bytes`, `rows`, `inserted`,
 * `duplicates`, `malformed`, and in the DuckDB engine `fingerprint` (of a file read whole, so
 * that ingesting it again reads nothing; NULL when it had malformed rows).
 */
export const INGESTS_TABLE = 'ingests';

/**
 * The ClickHouse engine's record of files read whole (no malformed rows): `fingerprint`
 * ({@link fileFingerprint}), `format`, `rows` and `ingest_id`, so that ingesting one again reads
 * nothing, as the DuckDB engine's `ingests.fingerprint` does. (A table of its own rather than a
 * column of `ingests`: ClickHouse 18.16 cannot add a column only if it is missing.)
 */
export const FINGERPRINTS_TABLE = 'ingest_fingerprints';

/** The columns of the `events` table, in order. */
export const EVENT_COLUMNS: readonly EventColumn[] = Object.freeze([
  col('format', 'text', true, "the format's name: ucdp-ged, ucdp-dyadic, gdelt or acled"),
  col('version', 'text', true, "dataset version from the rows or given at ingest; '' if none"),
  col('event_id', 'text', true, "the dataset's event id, or 'h:' + a content hash"),
  col('source_file', 'text', true, 'the file the row came from, as given to ingest'),
  col('ingest', 'int', true, 'the id of the ingest that stored the row (`ingests.id`)'),
  col('date_start', 'date', true, 'first day the row covers'),
  col('date_end', 'date', true, 'last day the row covers (= date_start for one-day events)'),
  col('side_a', 'text', true, "UCDP side_a, GDELT Actor1Code, ACLED actor1 ('' when empty)"),
  col('side_b', 'text', true, "UCDP side_b, GDELT Actor2Code, ACLED actor2 ('' when empty)"),
  col(
    'country',
    'text',
    true,
    "UCDP country, GDELT ActionGeo_CountryCode (FIPS), ACLED country ('' when empty)",
  ),
  col('deaths_best', 'int', false, 'UCDP best estimate of deaths'),
  col('deaths_low', 'int', false, 'UCDP low estimate'),
  col('deaths_high', 'int', false, 'UCDP high estimate'),
  col('deaths_civilians', 'int', false, 'UCDP civilian deaths'),
  col('quad_class', 'int', false, 'GDELT QuadClass 1–4'),
  col('goldstein', 'float', false, 'GDELT GoldsteinScale −10..10'),
  col('tone', 'float', false, 'GDELT AvgTone'),
  col('mentions', 'int', false, 'GDELT NumMentions'),
  col('event_type', 'text', false, 'ACLED event_type; GDELT EventRootCode; UCDP type_of_violence'),
  col('fatalities', 'int', false, 'ACLED fatalities'),
]);

function col(
  name: string,
  type: EventColumnType,
  required: boolean,
  description: string,
): EventColumn {
  return Object.freeze({ name, type, required, description });
}

/** The columns of the idempotence key: a row whose key is already stored is a duplicate. */
export const EVENT_KEY: readonly string[] = Object.freeze(['format', 'event_id']);

/**
 * The segment of a date among sorted breakpoints b₀ < b₁ < …: the number of breakpoints on or
 * before it, so segment k holds b_{k−1} ≤ d < b_k (the reference semantics both engines follow).
 * Dates are `YYYY-MM-DD` text, which sorts as the dates do.
 */
export function segmentOf(date: string, breakpoints: readonly string[]): number {
  let k = 0;
  for (const b of breakpoints) if (b <= date) k++;
  return k;
}

/**
 * Whether a row's date range crosses a breakpoint: some b with start < b ≤ end. Such a row is
 * counted in its start's segment and reported in `spanning`.
 */
export function spansBreakpoint(
  start: string,
  end: string,
  breakpoints: readonly string[],
): boolean {
  return breakpoints.some((b) => start < b && b <= end);
}

/** A SQL date literal writer: DuckDB `DATE '2021-08-15'`, ClickHouse `toDate('2021-08-15')`. */
export type DateLiteral = (isoDate: string) => string;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a breakpoint list is sorted `YYYY-MM-DD` text (it is spliced into SQL). */
export function checkBreakpoints(breakpoints: readonly string[]): void {
  breakpoints.forEach((b, i) => {
    if (!ISO_DAY.test(b)) throw new TypeError(`breakpoint ${JSON.stringify(b)} is not YYYY-MM-DD`);
    const prev = breakpoints[i - 1];
    if (prev !== undefined && prev >= b) throw new TypeError('breakpoints must be strictly sorted');
  });
}

/** Portable SQL for {@link segmentOf} on `date_start`: a sum of 0/1 terms (0 with none). */
export function segmentSql(breakpoints: readonly string[], date: DateLiteral): string {
  checkBreakpoints(breakpoints);
  if (breakpoints.length === 0) return '0';
  return breakpoints
    .map((b) => `(CASE WHEN date_start >= ${date(b)} THEN 1 ELSE 0 END)`)
    .join(' + ');
}

/** Portable SQL for {@link spansBreakpoint}: 1 when the row spans a breakpoint, else 0. */
export function spanningSql(breakpoints: readonly string[], date: DateLiteral): string {
  checkBreakpoints(breakpoints);
  if (breakpoints.length === 0) return '0';
  const terms = breakpoints.map((b) => `(date_start < ${date(b)} AND date_end >= ${date(b)})`);
  return `(CASE WHEN ${terms.join(' OR ')} THEN 1 ELSE 0 END)`;
}

/**
 * The period of a row: `YYYY` or `YYYY-MM` of `date_start`, as the engine writes it from the
 * year and month numbers (portable: both engines have `year()` and `month()`).
 */
export function periodOf(isoDate: string, by: EventResolution): string {
  return by === 'year' ? isoDate.slice(0, 4) : isoDate.slice(0, 7);
}

/**
 * The measures of a group, as SQL aggregates over the group's rows, by dataset family. A SUM
 * over only NULLs is NULL and the measure is then absent (never 0). ACLED's per-type measures
 * (`events:<type>`, `fatalities:<type>`) come from grouping by `event_type` as well
 * ({@link GROUP_BY_EVENT_TYPE}) and are folded by the engine.
 */
export const MEASURE_SQL: Readonly<Record<EventDataset, Readonly<Record<string, string>>>> =
  Object.freeze({
    ucdp: Object.freeze({
      events: 'COUNT(*)',
      deaths_best: 'SUM(deaths_best)',
      deaths_low: 'SUM(deaths_low)',
      deaths_high: 'SUM(deaths_high)',
      deaths_civilians: 'SUM(deaths_civilians)',
    }),
    gdelt: Object.freeze({
      events: 'COUNT(*)',
      quad1: 'SUM(CASE WHEN quad_class = 1 THEN 1 ELSE 0 END)',
      quad2: 'SUM(CASE WHEN quad_class = 2 THEN 1 ELSE 0 END)',
      quad3: 'SUM(CASE WHEN quad_class = 3 THEN 1 ELSE 0 END)',
      quad4: 'SUM(CASE WHEN quad_class = 4 THEN 1 ELSE 0 END)',
      goldstein_sum: 'SUM(goldstein)',
      tone_sum: 'SUM(tone)',
      mentions: 'SUM(mentions)',
    }),
    acled: Object.freeze({ events: 'COUNT(*)', fatalities: 'SUM(fatalities)' }),
  });

/** Datasets whose groups are also split by `event_type` (then folded into per-type measures). */
export const GROUP_BY_EVENT_TYPE: readonly EventDataset[] = Object.freeze(['acled']);

/**
 * The group query, in words (both engines implement exactly this): over the rows of the asked
 * formats whose `date_start` lies within [from, until] (partial dates widened: `from` to its
 * first day, `until` to its last), group by (format, version, side_a, side_b, country, period of
 * date_start, segment of date_start) — and event_type for ACLED — and return {@link MEASURE_SQL}'s
 * measures, with `spanning` the number of rows of the group that span a breakpoint. Groups are
 * returned sorted by format, version, side_a, side_b, country, period, segment.
 */
export const GROUP_QUERY_SEMANTICS = 'see JSDoc of GROUP_QUERY_SEMANTICS';

/** Widens a partial date bound: `from` to its first day, `until` to its last. */
export function widenBound(date: string, side: 'from' | 'until'): string {
  if (/^\d{4}$/.test(date)) return side === 'from' ? `${date}-01-01` : `${date}-12-31`;
  if (/^\d{4}-\d{2}$/.test(date)) {
    if (side === 'from') return `${date}-01`;
    const [y, m] = date.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${date}-${String(last).padStart(2, '0')}`;
  }
  if (ISO_DAY.test(date)) return date;
  throw new TypeError(`date ${JSON.stringify(date)} is not YYYY, YYYY-MM or YYYY-MM-DD`);
}
