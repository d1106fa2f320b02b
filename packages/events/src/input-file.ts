/**
 * Input files for ingest: `.zip` archives are unzipped in Node (fflate, streamed to a temporary
 * file beside the system's temp folder) so that every engine reads plain or gzip text; the first
 * line of a file is read to learn its columns; record numbers are turned into file lines for
 * located messages; and a cheap fingerprint tells a file already ingested from a changed one.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { createGunzip } from 'node:zlib';
import { EntenteError } from '@entente/core';
import { Unzip, UnzipInflate } from 'fflate';

/** A file ready for an engine: its path and a cleanup for temporary copies. */
export interface PreparedInput {
  readonly path: string;
  readonly gzip: boolean;
  cleanup(): Promise<void>;
}

/**
 * Makes an input readable by an engine: `.zip` → its single data member unzipped to a temp file;
 * `.gz` and plain text as they are.
 */
export async function prepareInput(file: string): Promise<PreparedInput> {
  const lower = file.toLowerCase();
  if (!lower.endsWith('.zip')) {
    return { path: file, gzip: lower.endsWith('.gz'), cleanup: async () => {} };
  }
  const dir = await mkdtemp(join(tmpdir(), 'entente-unzip-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const path = await unzipSingle(file, dir);
    return { path, gzip: false, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Streams the one data member of a zip archive (CSV/TSV/TXT) to a file in `dir`. */
async function unzipSingle(file: string, dir: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const members: string[] = [];
    let target: string | undefined;
    let out: ReturnType<typeof createWriteStream> | undefined;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      input.destroy();
      out?.destroy();
      reject(error);
    };
    const unzip = new Unzip((entry) => {
      if (entry.name.endsWith('/')) return;
      members.push(entry.name);
      if (!/\.(csv|tsv|txt)$/i.test(entry.name)) return;
      if (target !== undefined) {
        fail(
          new EntenteError(
            'unsupported-format',
            `events ingest: ${file}: the archive holds more than one data file (${members.join(', ')}); unzip it and name the files`,
          ),
        );
        return;
      }
      target = join(dir, basename(entry.name));
      const stream = createWriteStream(target);
      out = stream;
      entry.ondata = (error, chunk, final) => {
        if (error) return fail(error);
        // After end() a stream emits 'finish', never 'drain': pause only before the last chunk.
        if (final) stream.end(chunk);
        else if (!stream.write(chunk)) {
          input.pause();
          stream.once('drain', () => input.resume());
        }
      };
      entry.start();
    });
    unzip.register(UnzipInflate);
    const input = createReadStream(file);
    input.on('data', (chunk) => {
      try {
        unzip.push(chunk as Buffer);
      } catch (error) {
        fail(
          new EntenteError(
            'unsupported-format',
            `events ingest: ${file}: not a readable zip archive (${(error as Error).message})`,
          ),
        );
      }
    });
    input.on('error', fail);
    input.on('end', () => {
      if (failed) return;
      try {
        unzip.push(new Uint8Array(0), true);
      } catch (error) {
        return fail(error);
      }
      if (target === undefined || out === undefined) {
        fail(
          new EntenteError(
            'unsupported-format',
            `events ingest: ${file}: the archive holds no .csv, .tsv or .txt file (${members.join(', ') || 'empty'})`,
          ),
        );
        return;
      }
      const done = target;
      if (out.writableFinished) resolve(done);
      else out.once('finish', () => resolve(done));
      out.once('error', fail);
    });
  });
}

/** Reads the first line of a (possibly gzip) text file, without its line ending. */
export async function readFirstLine(path: string, gzip: boolean): Promise<string> {
  const raw = createReadStream(path, { highWaterMark: 64 * 1024 });
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  let text = '';
  try {
    for await (const chunk of stream) {
      text += (chunk as Buffer).toString('utf8');
      const nl = text.indexOf('\n');
      if (nl >= 0)
        return text
          .slice(0, nl)
          .replace(/\r$/, '')
          .replace(/^\uFEFF/, '');
      if (text.length > 1_000_000) break;
    }
  } finally {
    raw.destroy();
  }
  return text.replace(/\r$/, '').replace(/^\uFEFF/, '');
}

/** Splits a header line into column names (quotes removed). */
export function splitHeader(line: string, delimiter: string): string[] {
  const names: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      names.push(field.trim());
      field = '';
    } else field += ch;
  }
  names.push(field.trim());
  return names;
}

/**
 * The 1-based file line where each asked data record starts, counting lines as the file has them
 * (quoted fields may span lines). `header` says whether line 1 is a header.
 */
export async function recordLines(
  path: string,
  gzip: boolean,
  records: readonly number[],
  header: boolean,
  quoted: boolean,
): Promise<Map<number, number>> {
  const wanted = new Set(records);
  const result = new Map<number, number>();
  if (wanted.size === 0) return result;
  const max = Math.max(...records);
  const raw = createReadStream(path);
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  let line = 1;
  let record = header ? 0 : 1;
  let inQuotes = false;
  if (!header && wanted.has(1)) result.set(1, 1);
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      for (let i = 0; i < buf.length; i++) {
        const b = buf[i];
        if (quoted && b === 0x22) inQuotes = !inQuotes;
        else if (b === 0x0a) {
          line++;
          if (!inQuotes) {
            record++;
            if (wanted.has(record)) result.set(record, line);
            if (record > max) return result;
          }
        }
      }
    }
  } finally {
    raw.destroy();
  }
  return result;
}

/** How many bytes of each end of a file {@link fileFingerprint} hashes. */
export const FINGERPRINT_EDGE_BYTES = 1 << 20;

/**
 * A fingerprint of a file as it is now, cheap to take on a large file: SHA-256 over its absolute
 * path, size, modification time (ms) and its first and last MiB (`sha256:` + hex). Any change
 * that rewrites the file moves its modification time, and most change its size or ends too; a
 * file copied or touched gets a new fingerprint (and is then read again, which is still
 * idempotent, only slower).
 */
export async function fileFingerprint(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    const size = stat.size;
    const hash = createHash('sha256');
    hash.update(`${resolve(path)}\0${size}\0${Math.trunc(stat.mtimeMs)}\0`);
    const head = Math.min(size, FINGERPRINT_EDGE_BYTES);
    const tailStart = Math.max(head, size - FINGERPRINT_EDGE_BYTES);
    for (const [from, length] of [
      [0, head],
      [tailStart, size - tailStart],
    ] as const) {
      const buf = Buffer.alloc(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(buf, done, length - done, from + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      hash.update(buf.subarray(0, done));
    }
    return `sha256:${hash.digest('hex')}`;
  } finally {
    await handle.close();
  }
}
