/**
 * One bounded, checked, atomic download: the primitive under `entente events fetch`. The body
 * streams into a temporary file beside the destination while its size is counted against a
 * limit and its MD5 computed; only a complete body of the announced size and checksum is renamed
 * into place, so a destination file is always whole. An existing destination is kept (and
 * verified when a checksum is known), which makes an interrupted fetch resumable by re-running it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { EntenteError } from '@entente/core';

/** What fetches one URL: the global `fetch` by default; tests pass their own. */
export type Fetcher = (
  url: string,
  init: { signal: AbortSignal; headers?: Record<string, string> },
) => Promise<Response>;

/** Options of {@link downloadFile}. */
export interface DownloadOptions {
  /** Refuse bodies larger than this many bytes. */
  readonly maxBytes: number;
  /** Abort when the whole download takes longer than this. @default 300000 (5 minutes) */
  readonly timeoutMs?: number;
  /** Expected size in bytes, when the source announces one (GDELT's masterfilelist). */
  readonly size?: number;
  /** Expected MD5 as hex, when the source gives one (GDELT's masterfilelist). */
  readonly md5?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  readonly fetch?: Fetcher;
}

/** What {@link downloadFile} did. */
export interface DownloadResult {
  readonly path: string;
  readonly bytes: number;
  /** True when the destination already existed (and matched the checksum, if one was given). */
  readonly skipped: boolean;
}

/** Default time limit of one download. */
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 300_000;

/** The MD5 of a file, as lower-case hex. */
export async function md5OfFile(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function existing(path: string): Promise<number | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Downloads `url` to `dest` atomically (temp file in the same folder, then rename), unless `dest`
 * exists: then it is kept if its size and MD5 match what was announced (or nothing was), and
 * replaced otherwise.
 * @throws EntenteError `resource-limit` when the body exceeds `maxBytes`; `not-found` on an HTTP
 *   error status; `invalid-argument` on a size or checksum mismatch; `cancelled` when `signal`
 *   aborts; `resource-limit` on a timeout.
 */
export async function downloadFile(
  url: string,
  dest: string,
  options: DownloadOptions,
): Promise<DownloadResult> {
  const op = `events fetch: ${url}`;
  const have = await existing(dest);
  if (have !== undefined) {
    const sizeOk = options.size === undefined || options.size === have;
    const md5Ok =
      sizeOk &&
      (options.md5 === undefined || (await md5OfFile(dest)) === options.md5.toLowerCase());
    if (sizeOk && md5Ok) return { path: dest, bytes: have, skipped: true };
  }
  if (options.size !== undefined && options.size > options.maxBytes) {
    throw new EntenteError(
      'resource-limit',
      `${op}: announced size ${options.size} bytes exceeds the limit of ${options.maxBytes} (raise --max-bytes)`,
    );
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const fetcher: Fetcher = options.fetch ?? ((u, init) => fetch(u, init));
  await mkdir(dirname(dest), { recursive: true });
  const temp = join(dirname(dest), `.${basename(dest)}.${randomBytes(6).toString('hex')}.part`);
  const hash = createHash('md5');
  let bytes = 0;
  const handle = await open(temp, 'wx');
  try {
    const init: { signal: AbortSignal; headers?: Record<string, string> } = { signal };
    if (options.headers) init.headers = { ...options.headers };
    const response = await fetcher(url, init);
    if (!response.ok) {
      throw new EntenteError('not-found', `${op}: HTTP ${response.status} ${response.statusText}`);
    }
    const announced = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(announced) && announced > options.maxBytes) {
      throw new EntenteError(
        'resource-limit',
        `${op}: Content-Length ${announced} bytes exceeds the limit of ${options.maxBytes} (raise --max-bytes)`,
      );
    }
    if (response.body) {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        if (bytes > options.maxBytes) {
          throw new EntenteError(
            'resource-limit',
            `${op}: body exceeds the limit of ${options.maxBytes} bytes (raise --max-bytes)`,
          );
        }
        hash.update(chunk);
        await handle.write(chunk);
      }
    }
    await handle.sync();
    await handle.close();
    if (options.size !== undefined && bytes !== options.size) {
      throw new EntenteError(
        'invalid-argument',
        `${op}: got ${bytes} bytes, the source announced ${options.size}`,
      );
    }
    const md5 = hash.digest('hex');
    if (options.md5 !== undefined && md5 !== options.md5.toLowerCase()) {
      throw new EntenteError(
        'invalid-argument',
        `${op}: MD5 ${md5} differs from the source's ${options.md5}`,
      );
    }
    await rename(temp, dest);
    return { path: dest, bytes, skipped: false };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw translateAbort(error, op, timeout, timeoutMs);
  }
}

/**
 * Fetches `url` into memory, bounded like {@link downloadFile} (for API pages and lists that are
 * parsed, not stored).
 * @throws EntenteError as {@link downloadFile}.
 */
export async function fetchBounded(
  url: string,
  options: Omit<DownloadOptions, 'size' | 'md5'>,
): Promise<Buffer> {
  const op = `events fetch: ${url}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const fetcher: Fetcher = options.fetch ?? ((u, init) => fetch(u, init));
  try {
    const init: { signal: AbortSignal; headers?: Record<string, string> } = { signal };
    if (options.headers) init.headers = { ...options.headers };
    const response = await fetcher(url, init);
    if (!response.ok) {
      throw new EntenteError('not-found', `${op}: HTTP ${response.status} ${response.statusText}`);
    }
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    if (response.body) {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        if (bytes > options.maxBytes) {
          throw new EntenteError(
            'resource-limit',
            `${op}: body exceeds the limit of ${options.maxBytes} bytes (raise --max-bytes)`,
          );
        }
        chunks.push(chunk);
      }
    }
    return Buffer.concat(chunks);
  } catch (error) {
    throw translateAbort(error, op, timeout, timeoutMs);
  }
}

/** Turns an abort into the coded error it stands for: a timeout or a cancellation. */
export function translateAbort(
  error: unknown,
  op: string,
  timeout: AbortSignal,
  timeoutMs: number,
): unknown {
  if (error instanceof EntenteError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'AbortError' || name === 'TimeoutError') {
    return timeout.aborted
      ? new EntenteError(
          'resource-limit',
          `${op}: no complete answer within ${timeoutMs} ms (raise --timeout)`,
        )
      : new EntenteError('cancelled', `${op}: cancelled`);
  }
  if (error instanceof TypeError && /fetch failed/.test(error.message)) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return new EntenteError('not-found', `${op}: cannot connect${cause ? ` (${cause})` : ''}`);
  }
  return error;
}
