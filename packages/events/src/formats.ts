/**
 * How each event format is read: its columns (from the file's header or, for GDELT, fixed), the
 * types an engine reads them as, and the SQL that turns one raw row into the layout's columns
 * (`layout.ts`). Engines splice these expressions into their own scan; the expressions use only
 * functions DuckDB and ClickHouse share or are given per engine (docs/events.md, "Formats").
 */
import type { EventFormat } from '@entente/core';

/** The raw type a column is read as (an engine maps it to its own type). */
export type RawType = 'text' | 'date' | 'int' | 'float';

/** One column as the file holds it. */
export interface RawColumn {
  readonly name: string;
  readonly type: RawType;
}

/** How a format's file is laid out. */
export interface FormatSpec {
  readonly format: EventFormat;
  readonly delimiter: ',' | '\t';
  /** Whether the first line names the columns. */
  readonly header: boolean;
  /** Whether fields may be quoted with `"` (GDELT's are never quoted). */
  readonly quoted: boolean;
  /** The date format of `date` columns (strftime), when not ISO `YYYY-MM-DD`. */
  readonly dateFormat?: string;
  /** For headerless formats, the columns in order. */
  readonly fixedColumns?: readonly RawColumn[];
  /** Types of known columns (by name); every other column is text. */
  readonly types: Readonly<Record<string, RawType>>;
  /** Columns a file must have: each entry lists acceptable spellings (the first found is used). */
  readonly required: readonly (readonly string[])[];
}

const UCDP_TYPES: Record<string, RawType> = {
  id: 'text',
  year: 'int',
  date_start: 'date',
  date_end: 'date',
  type_of_violence: 'text',
  side_a: 'text',
  side_b: 'text',
  best: 'int',
  low: 'int',
  high: 'int',
  bd_best: 'int',
  bd_low: 'int',
  bd_high: 'int',
  deaths_civilians: 'int',
  country: 'text',
  location: 'text',
  source_version: 'text',
};

/**
 * GDELT 2.0's 61 event columns, in the order of the codebook (GDELT-Event_Codebook-V2.0). Only
 * the ones entente stores are typed; the rest are read as text and dropped.
 */
export const GDELT_COLUMNS: readonly string[] = Object.freeze([
  'GlobalEventID',
  'Day',
  'MonthYear',
  'Year',
  'FractionDate',
  ...actorColumns('Actor1'),
  ...actorColumns('Actor2'),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...geoColumns('Actor1Geo'),
  ...geoColumns('Actor2Geo'),
  ...geoColumns('ActionGeo'),
  'DATEADDED',
  'SOURCEURL',
]);

function actorColumns(p: string): string[] {
  return [
    'Code',
    'Name',
    'CountryCode',
    'KnownGroupCode',
    'EthnicCode',
    'Religion1Code',
    'Religion2Code',
    'Type1Code',
    'Type2Code',
    'Type3Code',
  ].map((s) => p + s);
}

function geoColumns(p: string): string[] {
  return [
    'Type',
    'FullName',
    'CountryCode',
    'ADM1Code',
    'ADM2Code',
    'Lat',
    'Long',
    'FeatureID',
  ].map((s) => `${p}_${s}`);
}

const GDELT_TYPES: Record<string, RawType> = {
  GlobalEventID: 'text',
  Day: 'date',
  QuadClass: 'int',
  GoldsteinScale: 'float',
  NumMentions: 'int',
  AvgTone: 'float',
};

/** The read specification of each format. */
export const FORMAT_SPECS: Readonly<Record<EventFormat, FormatSpec>> = Object.freeze({
  'ucdp-ged': {
    format: 'ucdp-ged',
    delimiter: ',',
    header: true,
    quoted: true,
    types: UCDP_TYPES,
    required: [['id'], ['date_start'], ['side_a'], ['side_b'], ['best'], ['country']],
  },
  'ucdp-dyadic': {
    format: 'ucdp-dyadic',
    delimiter: ',',
    header: true,
    quoted: true,
    types: UCDP_TYPES,
    required: [['year'], ['side_a'], ['side_b'], ['best', 'bd_best'], ['country', 'location']],
  },
  gdelt: {
    format: 'gdelt',
    delimiter: '\t',
    header: false,
    quoted: false,
    dateFormat: '%Y%m%d',
    fixedColumns: GDELT_COLUMNS.map((name) => ({ name, type: GDELT_TYPES[name] ?? 'text' })),
    types: GDELT_TYPES,
    required: [],
  },
  acled: {
    format: 'acled',
    delimiter: ',',
    header: true,
    quoted: true,
    types: {
      event_id_cnty: 'text',
      event_date: 'date',
      event_type: 'text',
      actor1: 'text',
      actor2: 'text',
      country: 'text',
      fatalities: 'int',
    },
    required: [['event_date'], ['event_type'], ['actor1'], ['actor2'], ['country'], ['fatalities']],
  },
});

/** Quotes an identifier for SQL (both engines accept double quotes). */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a text literal for SQL. */
export function textLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The SQL expressions that compute the layout's columns from a raw row of a format, given the
 * columns present. `version` is the ingest's version option ('' if none); `hash` wraps a text
 * expression into the engine's content hash (hex). Returned in layout order, without `format` and
 * `source_file`, which the engine adds.
 *
 * With `idOnly` (default false), a format whose file has an id column takes `event_id` from that
 * column alone, NULL where it is empty, instead of falling back to a hash of the row's fields:
 * the row hash needs every column of the file, so a reader that computes it cannot skip the
 * columns the layout does not keep. An engine that uses `idOnly` must check that no `event_id`
 * is NULL and otherwise read the file again without it (the DuckDB engine's fast path does).
 */
export function normaliseSql(
  format: EventFormat,
  present: ReadonlySet<string>,
  version: string,
  hash: (textExpr: string) => string,
  idOnly = false,
): Readonly<Record<string, string>> {
  const c = (name: string) => (present.has(name) ? ident(name) : 'NULL');
  const first = (...names: string[]) => {
    const found = names.find((n) => present.has(n));
    return found === undefined ? 'NULL' : ident(found);
  };
  const text = (e: string) => `COALESCE(CAST(${e} AS VARCHAR), '')`;
  const rowHash = (cols: readonly string[]) =>
    `'h:' || ${hash(`concat_ws(chr(31), ${cols.map((n) => `CAST(${ident(n)} AS VARCHAR)`).join(', ')})`)}`;
  const idOr = (id: string, cols: readonly string[]) =>
    idOnly ? id : `COALESCE(${id}, ${rowHash(cols)})`;
  const ver = textLiteral(version);
  switch (format) {
    case 'ucdp-ged':
    case 'ucdp-dyadic': {
      const cols = [...present];
      const start = present.has('date_start')
        ? ident('date_start')
        : `make_date(CAST(${ident('year')} AS INTEGER), 1, 1)`;
      const end = present.has('date_end')
        ? `COALESCE(${ident('date_end')}, ${present.has('date_start') ? ident('date_start') : `make_date(CAST(${ident('year')} AS INTEGER), 12, 31)`})`
        : present.has('date_start')
          ? ident('date_start')
          : `make_date(CAST(${ident('year')} AS INTEGER), 12, 31)`;
      const id = present.has('id')
        ? idOr(`CAST(${ident('id')} AS VARCHAR)`, cols)
        : present.has('dyad_id')
          ? `CAST(${ident('dyad_id')} AS VARCHAR) || '-' || CAST(${ident('year')} AS VARCHAR)`
          : rowHash(cols);
      return {
        version: present.has('source_version')
          ? `COALESCE(${ident('source_version')}, ${ver})`
          : ver,
        event_id: id,
        date_start: start,
        date_end: end,
        side_a: text(c('side_a')),
        side_b: text(c('side_b')),
        country: text(first('country', 'location')),
        deaths_best: first('best', 'bd_best'),
        deaths_low: first('low', 'bd_low'),
        deaths_high: first('high', 'bd_high'),
        deaths_civilians: c('deaths_civilians'),
        quad_class: 'NULL',
        goldstein: 'NULL',
        tone: 'NULL',
        mentions: 'NULL',
        event_type: `CAST(${c('type_of_violence')} AS VARCHAR)`,
        fatalities: 'NULL',
      };
    }
    case 'gdelt':
      return {
        version: ver,
        event_id: idOr(ident('GlobalEventID'), GDELT_COLUMNS),
        date_start: ident('Day'),
        date_end: ident('Day'),
        side_a: text(ident('Actor1Code')),
        side_b: text(ident('Actor2Code')),
        country: text(ident('ActionGeo_CountryCode')),
        deaths_best: 'NULL',
        deaths_low: 'NULL',
        deaths_high: 'NULL',
        deaths_civilians: 'NULL',
        quad_class: ident('QuadClass'),
        goldstein: ident('GoldsteinScale'),
        tone: ident('AvgTone'),
        mentions: ident('NumMentions'),
        event_type: ident('EventRootCode'),
        fatalities: 'NULL',
      };
    case 'acled':
      return {
        version: ver,
        event_id: present.has('event_id_cnty')
          ? idOr(ident('event_id_cnty'), [...present])
          : rowHash([...present]),
        date_start: ident('event_date'),
        date_end: ident('event_date'),
        side_a: text(ident('actor1')),
        side_b: text(ident('actor2')),
        country: text(ident('country')),
        deaths_best: 'NULL',
        deaths_low: 'NULL',
        deaths_high: 'NULL',
        deaths_civilians: 'NULL',
        quad_class: 'NULL',
        goldstein: 'NULL',
        tone: 'NULL',
        mentions: 'NULL',
        event_type: ident('event_type'),
        fatalities: ident('fatalities'),
      };
  }
}

/**
 * Row checks beyond types, as SQL over the normalised columns: a text naming the first problem,
 * or NULL when the row is well-formed. Types and column counts are checked by the reader.
 */
export const ROW_PROBLEM_SQL = `CASE
  WHEN date_start IS NULL THEN 'no start date'
  WHEN date_end < date_start THEN 'date_end before date_start'
  WHEN format IN ('ucdp-ged', 'ucdp-dyadic') AND deaths_best IS NULL THEN 'no best estimate of deaths'
  WHEN deaths_best < 0 OR deaths_low < 0 OR deaths_high < 0 OR deaths_civilians < 0 THEN 'negative deaths'
  WHEN format = 'gdelt' AND (quad_class IS NULL OR quad_class NOT BETWEEN 1 AND 4) THEN 'QuadClass outside 1-4'
  WHEN goldstein NOT BETWEEN -10 AND 10 THEN 'GoldsteinScale outside -10..10'
  WHEN fatalities < 0 THEN 'negative fatalities'
  ELSE NULL END`;
