// @entente/events public API. Listed by hand.
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
