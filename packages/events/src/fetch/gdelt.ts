/**
 * `entente events fetch gdelt`: the GDELT 2.0 event exports of a date range. GDELT publishes one
 * zipped export every 15 minutes and lists them all, with size and MD5, in
 * `gdeltv2/masterfilelist.txt` (lines `SIZE MD5 URL`; Leetaru & Schrodt 2013, "GDELT: Global data
 * on events, location and tone"; gdeltproject.org/data.html). This reads the list as a stream,
 * keeps the `*.export.CSV.zip` files whose 14-digit timestamp falls on a day of the range, and
 * downloads each with its size and MD5 checked; files already present and intact are skipped.
 */
import { join } from 'node:path';
import { EntenteError } from '@entente/core';
import { type DownloadResult, downloadFile, type Fetcher, translateAbort } from './download.js';
import { dayRange } from './range.js';

/** GDELT's own host; `--base-url` replaces it (a mirror, or a test server). */
export const GDELT_BASE_URL = 'http://data.gdeltproject.org';

/** One export file as the masterfilelist lists it. */
export interface GdeltListedFile {
  readonly url: string;
  readonly size: number;
  readonly md5: string;
  /** `YYYYMMDDHHMMSS` of the 15-minute batch. */
  readonly timestamp: string;
  /** The file's own name, e.g. `20150218230000.export.CSV.zip`. */
  readonly name: string;
}

/** Options of {@link fetchGdelt}. */
export interface FetchGdeltOptions {
  /** First day, `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (widened to its first day). */
  readonly from: string;
  /** Last day, inclusive (widened to its last day). */
  readonly to: string;
  /** Folder the files go to (created if absent). */
  readonly out: string;
  /** @default {@link GDELT_BASE_URL} */
  readonly baseUrl?: string;
  /** Largest export file accepted. @default 104857600 (100 MiB; exports are about 0.1–1 MiB) */
  readonly maxBytes?: number;
  /** Largest masterfilelist accepted. @default 2147483648 (2 GiB) */
  readonly maxListBytes?: number;
  /** Most files one fetch downloads (a year is about 35,000). @default 10000 */
  readonly maxFiles?: number;
  /** Time limit of each download. @default 300000 */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly fetch?: Fetcher;
  /** Called after each file (downloaded or skipped). */
  readonly onFile?: (result: DownloadResult, index: number, total: number) => void;
}

/** What {@link fetchGdelt} did. */
export interface FetchReport {
  readonly files: readonly DownloadResult[];
  readonly downloaded: number;
  readonly skipped: number;
  readonly bytes: number;
}

const LINE = /^(\d+)\s+([0-9a-fA-F]{32})\s+(\S+\/((\d{14})\.export\.CSV\.zip))$/;

/** Parses one masterfilelist line; undefined for lines that are not an events export. */
export function parseMasterLine(line: string): GdeltListedFile | undefined {
  const m = LINE.exec(line.trim());
  if (!m) return undefined;
  return {
    size: Number(m[1]),
    md5: (m[2] as string).toLowerCase(),
    url: m[3] as string,
    name: m[4] as string,
    timestamp: m[5] as string,
  };
}

/** The URL of a listed file under `baseUrl`: the listed path, on the base's origin and prefix. */
function relocate(listed: string, baseUrl: string): string {
  const path = new URL(listed).pathname;
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/**
 * Lists the export files of GDELT 2.0 whose batch falls on a day in [from, to], reading the
 * masterfilelist as a stream (it is hundreds of MB).
 * @throws EntenteError `invalid-argument` on a bad range; as {@link downloadFile} on the list.
 */
export async function listGdeltExports(
  options: Pick<
    FetchGdeltOptions,
    'from' | 'to' | 'baseUrl' | 'maxListBytes' | 'timeoutMs' | 'signal' | 'fetch'
  >,
): Promise<GdeltListedFile[]> {
  const [first, last] = dayRange('events fetch gdelt', options.from, options.to);
  const lo = first.replaceAll('-', '');
  const hi = last.replaceAll('-', '');
  const base = options.baseUrl ?? GDELT_BASE_URL;
  const url = `${base.replace(/\/+$/, '')}/gdeltv2/masterfilelist.txt`;
  const op = `events fetch: ${url}`;
  const maxBytes = options.maxListBytes ?? 2 ** 31;
  const timeoutMs = options.timeoutMs ?? 300_000;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const fetcher: Fetcher = options.fetch ?? ((u, init) => fetch(u, init));
  const found: GdeltListedFile[] = [];
  try {
    const response = await fetcher(url, { signal });
    if (!response.ok) {
      throw new EntenteError('not-found', `${op}: HTTP ${response.status} ${response.statusText}`);
    }
    const decoder = new TextDecoder();
    let rest = '';
    let bytes = 0;
    const take = (line: string) => {
      const f = parseMasterLine(line);
      if (!f) return;
      const day = f.timestamp.slice(0, 8);
      if (day >= lo && day <= hi) found.push({ ...f, url: relocate(f.url, base) });
    };
    for await (const chunk of (response.body ?? []) as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) {
        throw new EntenteError('resource-limit', `${op}: the list exceeds ${maxBytes} bytes`);
      }
      rest += decoder.decode(chunk, { stream: true });
      const lines = rest.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) take(line);
    }
    rest += decoder.decode();
    if (rest) take(rest);
  } catch (error) {
    throw translateAbort(error, op, timeout, timeoutMs);
  }
  found.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0));
  return found;
}

/**
 * Downloads GDELT 2.0's 15-minute event exports of a date range into `out`, each checked
 * against the masterfilelist's size and MD5; present intact files are skipped.
 * @throws EntenteError `resource-limit` when the range holds more than `maxFiles` files; as
 *   {@link downloadFile}.
 */
export async function fetchGdelt(options: FetchGdeltOptions): Promise<FetchReport> {
  const listed = await listGdeltExports(options);
  const maxFiles = options.maxFiles ?? 10_000;
  if (listed.length > maxFiles) {
    throw new EntenteError(
      'resource-limit',
      `events fetch gdelt: ${listed.length} export files from ${options.from} to ${options.to}, more than ${maxFiles} (narrow the range or raise --max-files)`,
    );
  }
  const files: DownloadResult[] = [];
  for (const [i, f] of listed.entries()) {
    const result = await downloadFile(f.url, join(options.out, f.name), {
      maxBytes: options.maxBytes ?? 100 * 2 ** 20,
      size: f.size,
      md5: f.md5,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    files.push(result);
    options.onFile?.(result, i, listed.length);
  }
  return summarise(files);
}

/** Totals of a list of downloads. */
export function summarise(files: readonly DownloadResult[]): FetchReport {
  const skipped = files.filter((f) => f.skipped).length;
  return {
    files,
    downloaded: files.length - skipped,
    skipped,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
  };
}
