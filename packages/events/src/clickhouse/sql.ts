/**
 * ClickHouse SQL for the layout of `layout.ts`, written for ClickHouse 18.16 (Debian's package)
 * and later: no query parameters (literals are escaped here), no `ON CLUSTER` without ZooKeeper,
 * `Nullable` for the layout's optional columns, and `Date` for its dates (1970-01-01 to 2105).
 */
import type { EventFormat } from '@entente/core';
import { EVENT_COLUMNS, type EventColumnType, widenBound } from '../layout.js';

/** The per-shard MergeTree table under the Distributed `events` table. */
export const LOCAL_EVENTS_TABLE = 'events_local';

const CH_TYPE: Record<EventColumnType, string> = {
  text: 'String',
  date: 'Date',
  int: 'Int64',
  float: 'Float64',
};

/** A ClickHouse string literal: backslash and quote escaped. */
export function chString(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** A ClickHouse date literal (the layout's {@link DateLiteral} for this engine). */
export function chDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate))
    throw new TypeError(`not a YYYY-MM-DD date: ${isoDate}`);
  return `toDate('${isoDate}')`;
}

/** The column list of the events tables, with ClickHouse types. */
export function columnsDdl(): string {
  return EVENT_COLUMNS.map(
    (c) => `${c.name} ${c.required ? CH_TYPE[c.type] : `Nullable(${CH_TYPE[c.type]})`}`,
  ).join(', ');
}

/**
 * The MergeTree table holding a shard's rows, ordered by the idempotence key so that the
 * "already stored?" lookup reads few granules.
 */
export function mergeTreeDdl(database: string, table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${database}.${table} (${columnsDdl()}) ENGINE = MergeTree ORDER BY (format, event_id)`;
}

/** The Distributed table over every shard's local table, sharded by the idempotence key. */
export function distributedDdl(database: string, cluster: string, table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${database}.${table} AS ${database}.${LOCAL_EVENTS_TABLE} ENGINE = Distributed(${cluster}, ${database}, ${LOCAL_EVENTS_TABLE}, cityHash64(format, event_id))`;
}

/**
 * The staging table a file's normalised rows go to on the entry server before distribution. A
 * float column travels as two integers `<name>_m`, `<name>_e` with value m·2^e: ClickHouse
 * 18.16's text parser rounds some decimals to a neighbouring double (it reads "-3.7037037037037"
 * as -3.7037037037036997), so decimal text would change the sums; integers and powers of two are
 * exact.
 */
export function stageDdl(database: string, table: string): string {
  const cols = EVENT_COLUMNS.map((c) =>
    c.type === 'float'
      ? `${c.name}_m Nullable(Int64), ${c.name}_e Nullable(Int32)`
      : `${c.name} ${c.required ? CH_TYPE[c.type] : `Nullable(${CH_TYPE[c.type]})`}`,
  );
  return `CREATE TABLE ${database}.${table} (${cols.join(', ')}) ENGINE = Log`;
}

/**
 * The layout's columns read back from the staging table (floats rebuilt exactly as m·2^e); the
 * `ingest` column, when the layout has one, takes this ClickHouse ingest's id instead of the
 * temporary DuckDB store's.
 */
export function fromStageColumns(ingestId: number): string {
  return EVENT_COLUMNS.map((c) =>
    c.type === 'float'
      ? `toFloat64(${c.name}_m) * exp2(toFloat64(${c.name}_e)) AS ${c.name}`
      : c.name === 'ingest'
        ? `toInt64(${Math.trunc(ingestId)}) AS ingest`
        : c.name,
  ).join(', ');
}

/** The `ingests` record table (one row per file and ingest), on the entry server. */
export function ingestsDdl(database: string, table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${database}.${table} (id Int64, ingested_at DateTime, file String, format String, version String, bytes Int64, rows Int64, inserted Int64, duplicates Int64, malformed Int64) ENGINE = MergeTree ORDER BY ingested_at`;
}

/** The table of files read whole (layout.ts, FINGERPRINTS_TABLE), on the entry server. */
export function fingerprintsDdl(database: string, table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${database}.${table} (fingerprint String, format String, rows Int64, ingest_id Int64) ENGINE = MergeTree ORDER BY (fingerprint, format)`;
}

/** The period of `date_start`: `YYYY` or `YYYY-MM` (a Date's text is `YYYY-MM-DD`). */
export function periodSql(by: 'month' | 'year'): string {
  return by === 'year' ? 'toString(toYear(date_start))' : 'substring(toString(date_start), 1, 7)';
}

/** The row filter of a query: formats and inclusive bounds on `date_start`. */
export function whereSql(formats: readonly EventFormat[], from?: string, until?: string): string {
  const parts = [`format IN (${formats.map(chString).join(', ') || "''"})`];
  if (from !== undefined) parts.push(`date_start >= ${chDate(widenBound(from, 'from'))}`);
  if (until !== undefined) parts.push(`date_start <= ${chDate(widenBound(until, 'until'))}`);
  return parts.join(' AND ');
}

/**
 * DuckDB SQL that writes a layout row as the staging table's `TabSeparated` fields: text with
 * backslash, tab, line feed and carriage return escaped (ClickHouse's TSV escapes); a finite
 * double x ≠ 0 as m = x / 2^e and e = ⌊log₂|x|⌋ − 53, so that m is an integer below 2^56 (a
 * normal double is M·2^(E−52) with a 53-bit integer M, and dividing by a power of two is exact
 * even when log₂ is off by one); 0 as (0, 0). NULL is written `\N` by the COPY that uses it.
 */
export function duckTsvSelect(table: string): string {
  const esc = (c: string) =>
    `replace(replace(replace(replace(${c}, '\\', '\\\\'), chr(9), '\\t'), chr(10), '\\n'), chr(13), '\\r')`;
  const exp = (c: string) => `(CAST(floor(log2(abs(${c}))) AS INTEGER) - 53)`;
  const cols = EVENT_COLUMNS.map((c) => {
    if (c.type === 'text') return `${esc(c.name)} AS ${c.name}`;
    if (c.type !== 'float') return c.name;
    const x = c.name;
    return `CASE WHEN ${x} = 0 THEN 0 ELSE CAST(${x} / pow(2.0, ${exp(x)}) AS BIGINT) END AS ${x}_m, CASE WHEN ${x} = 0 THEN 0 ELSE ${exp(x)} END AS ${x}_e`;
  });
  return `SELECT ${cols.join(', ')} FROM ${table}`;
}
