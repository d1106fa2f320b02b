// @entente/events public API. Listed by hand.

export {
  type ClickHouseStoreOptions,
  openClickHouseEventStore,
} from './clickhouse/clickhouse-store.js';
export {
  type ClickHouseTarget,
  DEFAULT_CLICKHOUSE_CLUSTER,
  isClickHouseUrl,
  parseClickHouseUrl,
} from './clickhouse/url.js';
export { openDuckDbEventStore } from './duckdb/duckdb-store.js';
export {
  DEFAULT_DOWNLOAD_TIMEOUT_MS,
  type DownloadOptions,
  type DownloadResult,
  downloadFile,
  type Fetcher,
  fetchBounded,
  md5OfFile,
} from './fetch/download.js';
export {
  type FetchGdeltOptions,
  type FetchReport,
  fetchGdelt,
  GDELT_BASE_URL,
  type GdeltListedFile,
  listGdeltExports,
  parseMasterLine,
} from './fetch/gdelt.js';
export { dayRange, splitByYear } from './fetch/range.js';
export {
  type FetchUcdpOptions,
  fetchUcdp,
  recordsToCsv,
  UCDP_BASE_URL,
  UCDP_DEFAULT_VERSION,
  UCDP_PAGE_SIZE,
} from './fetch/ucdp.js';
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
  FINGERPRINT_EDGE_BYTES,
  fileFingerprint,
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
