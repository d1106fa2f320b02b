// @entente/events public API. Listed by hand.

export { openDuckDbEventStore } from './duckdb/duckdb-store.js';
export {
  FORMAT_SPECS,
  type FormatSpec,
  GDELT_COLUMNS,
  ident,
  normaliseSql,
  type RawColumn,
  type RawType,
  ROW_PROBLEM_SQL,
  textLiteral,
} from './formats.js';
export {
  type PreparedInput,
  prepareInput,
  readFirstLine,
  recordLines,
  splitHeader,
} from './input-file.js';
export {
  checkBreakpoints,
  type DateLiteral,
  EVENT_COLUMNS,
  EVENT_KEY,
  EVENTS_TABLE,
  type EventColumn,
  type EventColumnType,
  GROUP_BY_EVENT_TYPE,
  GROUP_QUERY_SEMANTICS,
  INGESTS_TABLE,
  MEASURE_SQL,
  periodOf,
  segmentOf,
  segmentSql,
  spanningSql,
  spansBreakpoint,
  widenBound,
} from './layout.js';
export { defaultEventDbPath, openEventStore } from './open.js';
export type {
  ActorVolume,
  EventStore,
  EventVolumeQuery,
  IngestFileReport,
  IngestOptions,
  IngestProgress,
  IngestReport,
  MalformedRow,
} from './store.js';
