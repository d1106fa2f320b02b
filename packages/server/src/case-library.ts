/**
 * The cases the server offers: the built-in case plus the case files of the folder (or the single
 * file) named at start. Each gets an id — the case's own id when it is valid and unique, else
 * its file name — and clients address cases by that id only: the library maps ids to texts it
 * read itself, so no path from a request ever reaches the file system.
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Case, type CaseIssue, type LoadCaseResult, loadCase } from '@entente/core';

/** The built-in case (`cases/afghanistan-2023.yaml` of the repository). */
export const BUILTIN_CASE = fileURLToPath(
  new URL('../../../cases/afghanistan-2023.yaml', import.meta.url),
);

/** Case files larger than this are listed as invalid instead of read. */
export const MAX_CASE_FILE_BYTES = 64 * 1024 * 1024;

/** At most this many files of a folder are offered. */
export const MAX_CASE_FILES = 1000;

/** One case the server offers. */
export interface LibraryCase {
  readonly id: string;
  readonly title: string;
  readonly origin: 'builtin' | 'folder';
  readonly text: string;
  readonly result: LoadCaseResult;
}

/** The case of a library entry or of a posted text, loaded. */
export interface LoadedCase {
  readonly case: Case | null;
  readonly issues: readonly CaseIssue[];
}

const CASE_FILE = /\.(ya?ml|json)$/i;

function formatOf(file: string): 'json' | 'yaml' | 'auto' {
  return /\.json$/i.test(file) ? 'json' : /\.ya?ml$/i.test(file) ? 'yaml' : 'auto';
}

function slug(file: string): string {
  const s = basename(file, extname(file))
    .replace(/[^A-Za-z0-9_.:-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '');
  return s === '' ? 'case' : s.slice(0, 100);
}

async function caseFiles(target: string): Promise<string[]> {
  const info = await stat(target);
  if (info.isFile()) return [target];
  if (!info.isDirectory()) return [];
  const entries = await readdir(target, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && CASE_FILE.test(e.name) && !e.name.startsWith('.'))
    .map((e) => join(target, e.name))
    .sort()
    .slice(0, MAX_CASE_FILES);
}

/** The cases offered by a server: read once by {@link scanCases}, then looked up by id. */
export class CaseLibrary {
  private readonly byId = new Map<string, LibraryCase>();

  /** Every case, the built-in one first. */
  list(): readonly LibraryCase[] {
    return [...this.byId.values()];
  }

  /** The case with this id, or undefined (the id is only ever a map key). */
  get(id: string): LibraryCase | undefined {
    return this.byId.get(id);
  }

  /** Removes every case. */
  clear(): void {
    this.byId.clear();
  }

  /** Adds a case under its own id, or a unique id derived from `file` when it has none. */
  add(origin: LibraryCase['origin'], file: string, text: string): LibraryCase {
    const result = loadCase(text, { format: formatOf(file) });
    const own = result.ok ? result.case.id : undefined;
    let id = own && !this.byId.has(own) ? own : slug(file);
    for (let n = 2; this.byId.has(id); n++) id = `${slug(file)}-${n}`;
    const title = result.ok ? result.case.title : basename(file);
    const entry: LibraryCase = { id, title, origin, text, result };
    this.byId.set(id, entry);
    return entry;
  }
}

/**
 * Reads the built-in case and the case files of `target` (a folder, non-recursively, or one
 * file) into `into` (emptied first; a new library by default). Unreadable or oversized files are skipped with a warning.
 * @throws {Error} when `target` does not exist
 */
export async function scanCases(
  target: string | undefined,
  warn: (message: string) => void = () => {},
  into: CaseLibrary = new CaseLibrary(),
): Promise<CaseLibrary> {
  const library = into;
  library.clear();
  library.add('builtin', BUILTIN_CASE, await readFile(BUILTIN_CASE, 'utf8'));
  if (target === undefined) return library;
  const builtin = await realpath(BUILTIN_CASE);
  for (const file of await caseFiles(resolve(target))) {
    try {
      if ((await realpath(file)) === builtin) continue;
      const info = await stat(file);
      if (info.size > MAX_CASE_FILE_BYTES) {
        warn(`${file}: ${info.size} bytes, over the limit of ${MAX_CASE_FILE_BYTES}; skipped`);
        continue;
      }
      library.add('folder', file, await readFile(file, 'utf8'));
    } catch (error) {
      warn(`${file}: ${(error as Error).message}; skipped`);
    }
  }
  return library;
}
