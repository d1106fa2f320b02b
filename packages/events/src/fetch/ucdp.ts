/**
 * `entente events fetch ucdp`: UCDP Georeferenced Event Dataset events of a date range, through
 * UCDP's download API (ucdp.uu.se/apidocs: `api/gedevents/<version>?pagesize=&page=&StartDate=
 * &EndDate=`, JSON pages `{TotalCount, TotalPages, Result}`; Sundberg & Melander 2013,
 * "Introducing the UCDP Georeferenced Event Dataset", J. Peace Research 50(4)). The API's field
 * names are the columns of UCDP's own GED CSV, so each year of the range is written as one CSV
 * file (`ucdp-ged-<version>-<first>_<last>.csv`) that `entente events ingest --format ucdp-ged`
 * reads. UCDP gives no checksum; a year's file is written only when the rows received equal the
 * API's `TotalCount`, atomically, and an existing year file is skipped.
 */
import { randomBytes } from 'node:crypto';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EntenteError } from '@entente/core';
import { type DownloadResult, type Fetcher, fetchBounded } from './download.js';
import { type FetchReport, summarise } from './gdelt.js';
import { dayRange, splitByYear } from './range.js';

/** UCDP's API host; `--base-url` replaces it. */
export const UCDP_BASE_URL = 'https://ucdpapi.pcr.uu.se';

/** The GED version fetched by default (UCDP's yearly release). */
export const UCDP_DEFAULT_VERSION = '24.1';

/** Events per API page (the API's maximum). */
export const UCDP_PAGE_SIZE = 1000;

/** Options of {@link fetchUcdp}. */
export interface FetchUcdpOptions {
  readonly from: string;
  readonly to: string;
  readonly out: string;
  /** GED release, e.g. "24.1". @default {@link UCDP_DEFAULT_VERSION} */
  readonly version?: string;
  /** @default {@link UCDP_BASE_URL} */
  readonly baseUrl?: string;
  /** Sent as the `x-ucdp-access-token` header when given (UCDP hands out tokens on request). */
  readonly token?: string;
  /** Largest API page accepted, in bytes. @default 67108864 (64 MiB) */
  readonly maxBytes?: number;
  /** Most pages one fetch reads. @default 2000 */
  readonly maxPages?: number;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly fetch?: Fetcher;
  readonly onFile?: (result: DownloadResult, index: number, total: number) => void;
}

interface UcdpPage {
  readonly TotalCount: number;
  readonly TotalPages: number;
  readonly Result: readonly Record<string, unknown>[];
}

function isPage(value: unknown): value is UcdpPage {
  const v = value as Partial<UcdpPage> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.TotalCount === 'number' &&
    typeof v.TotalPages === 'number' &&
    Array.isArray(v.Result)
  );
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** API records as CSV text: the first record's field names as the header, in its order. */
export function recordsToCsv(records: readonly Record<string, unknown>[]): string {
  const first = records[0];
  if (!first) return '';
  const columns = Object.keys(first);
  const lines = [columns.join(',')];
  for (const r of records) lines.push(columns.map((c) => csvField(r[c])).join(','));
  return `${lines.join('\n')}\n`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Downloads the GED events of [from, to] year by year into `out` as CSV files.
 * @throws EntenteError `invalid-argument` on a bad range, version or a malformed API answer, or
 *   when the rows received differ from the API's count; as {@link fetchBounded}.
 */
export async function fetchUcdp(options: FetchUcdpOptions): Promise<FetchReport> {
  const op = 'events fetch ucdp';
  const version = options.version ?? UCDP_DEFAULT_VERSION;
  if (!/^\d{1,2}\.\d{1,2}$/.test(version)) {
    throw new EntenteError(
      'invalid-argument',
      `${op}: --version ${JSON.stringify(version)} is not a UCDP release like 24.1`,
    );
  }
  const [first, last] = dayRange(op, options.from, options.to);
  const base = (options.baseUrl ?? UCDP_BASE_URL).replace(/\/+$/, '');
  const maxPages = options.maxPages ?? 2000;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers['x-ucdp-access-token'] = options.token;
  await mkdir(options.out, { recursive: true });
  const years = splitByYear(first, last);
  const files: DownloadResult[] = [];
  let pages = 0;
  for (const [i, [a, b]] of years.entries()) {
    const dest = join(options.out, `ucdp-ged-${version}-${a}_${b}.csv`);
    if (await exists(dest)) {
      const result = { path: dest, bytes: 0, skipped: true };
      files.push(result);
      options.onFile?.(result, i, years.length);
      continue;
    }
    const records: Record<string, unknown>[] = [];
    let total = 0;
    for (let page = 0; ; page++) {
      if (++pages > maxPages) {
        throw new EntenteError(
          'resource-limit',
          `${op}: more than ${maxPages} API pages (narrow the range or raise --max-pages)`,
        );
      }
      const url = `${base}/api/gedevents/${version}?pagesize=${UCDP_PAGE_SIZE}&page=${page}&StartDate=${a}&EndDate=${b}`;
      const body = await fetchBounded(url, {
        maxBytes: options.maxBytes ?? 64 * 2 ** 20,
        headers,
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        throw new EntenteError('invalid-argument', `${op}: ${url}: the answer is not JSON`);
      }
      if (!isPage(parsed)) {
        throw new EntenteError(
          'invalid-argument',
          `${op}: ${url}: the answer lacks TotalCount, TotalPages or Result`,
        );
      }
      total = parsed.TotalCount;
      records.push(...parsed.Result);
      if (page + 1 >= parsed.TotalPages || parsed.Result.length === 0) break;
    }
    if (records.length !== total) {
      throw new EntenteError(
        'invalid-argument',
        `${op}: ${a}..${b}: received ${records.length} events, the API counts ${total}`,
      );
    }
    // A year without events gets no file (and is asked again on the next fetch).
    if (records.length === 0) continue;
    const text = recordsToCsv(records);
    const temp = join(options.out, `.${randomBytes(6).toString('hex')}.part`);
    try {
      await writeFile(temp, text, { flag: 'wx' });
      await rename(temp, dest);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    const result = { path: dest, bytes: Buffer.byteLength(text), skipped: false };
    files.push(result);
    options.onFile?.(result, i, years.length);
  }
  return summarise(files);
}
