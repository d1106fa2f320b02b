/**
 * Writes a run folder: `summary.json` (the exploration summary plus a stamp saying what produced
 * it) and the per-run table, `runs.parquet` through DuckDB or `runs.csv`. Everything goes into a
 * temporary folder beside the target, renamed into place at the end, so an interrupted run leaves
 * no partial folder. An existing target is replaced only if it is itself a run folder.
 */
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  ENTENTE_VERSION,
  EntenteError,
  type ExplorationSummary,
  type RunTable,
  SUMMARY_FORMAT,
} from '@entente/core';

/** Formats of the per-run table. */
export const RUN_TABLE_FORMATS = ['parquet', 'csv'] as const;
/** A format of the per-run table. */
export type RunTableFormat = (typeof RUN_TABLE_FORMATS)[number];

/** What produced the run, stamped into summary.json. */
export interface RunFolderMeta {
  /** The case's source text; its SHA-256 is the case hash. */
  readonly caseText?: string;
  /** The case hash, when the text is not at hand. */
  readonly caseHash?: string;
  /** Where the case came from, as the user named it. */
  readonly caseFile?: string;
  /** Format of the per-run table. @default 'parquet' */
  readonly format?: RunTableFormat;
  /** Wall-clock figures, written apart to timing.json (they differ between identical runs). */
  readonly timing?: Readonly<Record<string, number | string>>;
}

/** The SHA-256 of a case's text, as hex. */
export function caseHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The summary as written to summary.json: the summary with its case hash and stamp. */
export function stampSummary(summary: ExplorationSummary, meta: RunFolderMeta = {}) {
  const hash = meta.caseHash ?? (meta.caseText === undefined ? undefined : caseHash(meta.caseText));
  return {
    ...summary,
    ...(hash === undefined ? {} : { caseHash: hash }),
    stamp: {
      caseId: summary.caseId,
      caseHash: hash ?? null,
      caseFile: meta.caseFile ?? null,
      options: summary.options,
      seed: summary.options.seed,
      entente: ENTENTE_VERSION,
      node: process.version,
    },
  };
}

/** Columns of the per-run table, in order. */
export function runTableColumns(
  runs: RunTable,
): { name: string; type: 'INTEGER' | 'VARCHAR' | 'UINTEGER' | 'BOOLEAN' | 'DOUBLE' }[] {
  const outcomes: string[] = [];
  for (const s of runs.scenarios)
    for (const o of s.outcomes) if (!outcomes.includes(o)) outcomes.push(o);
  return [
    { name: 'world', type: 'INTEGER' },
    { name: 'scenario', type: 'VARCHAR' },
    { name: 'seed', type: 'UINTEGER' },
    { name: 'sample', type: 'BOOLEAN' },
    ...runs.parameters.map((name) => ({ name, type: 'DOUBLE' as const })),
    ...outcomes.map((name) => ({ name, type: 'DOUBLE' as const })),
  ];
}

/** For each scenario, the column (among the outcome columns) of each of its outcomes. */
function outcomeColumns(runs: RunTable): { all: string[]; perScenario: Int32Array[] } {
  const all: string[] = [];
  for (const s of runs.scenarios) for (const o of s.outcomes) if (!all.includes(o)) all.push(o);
  return {
    all,
    perScenario: runs.scenarios.map((s) => Int32Array.from(s.outcomes, (o) => all.indexOf(o))),
  };
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteString = (text: string) => `'${text.replaceAll("'", "''")}'`;

async function writeParquet(file: string, runs: RunTable): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const columns = runTableColumns(runs);
    await connection.run(
      `CREATE TABLE runs (${columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ')})`,
    );
    const appender = await connection.createAppender('runs');
    const k = runs.parameters.length;
    const { all, perScenario } = outcomeColumns(runs);
    const row = new Float64Array(all.length);
    const present = new Uint8Array(all.length);
    for (let i = 0; i < runs.worlds.length; i++) {
      runs.scenarios.forEach((scenario, s) => {
        appender.appendInteger(runs.worlds[i]);
        appender.appendVarchar(scenario.id);
        appender.appendUInteger(runs.seeds[i]);
        appender.appendBoolean(runs.sample[i] === 1);
        for (let j = 0; j < k; j++) appender.appendDouble(runs.values[i * k + j]);
        present.fill(0);
        const cols = perScenario[s];
        const m = cols.length;
        for (let o = 0; o < m; o++) {
          row[cols[o]] = runs.outcomes[s][i * m + o];
          present[cols[o]] = 1;
        }
        for (let c = 0; c < all.length; c++) {
          if (present[c]) appender.appendDouble(row[c]);
          else appender.appendNull();
        }
        appender.endRow();
      });
    }
    appender.closeSync();
    await connection.run(`COPY runs TO ${quoteString(file)} (FORMAT PARQUET, COMPRESSION ZSTD)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const csvField = (text: string) =>
  /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;

async function writeCsv(file: string, runs: RunTable): Promise<void> {
  const out = createWriteStream(file, { flags: 'wx' });
  const done = once(out, 'close');
  const columns = runTableColumns(runs);
  const k = runs.parameters.length;
  const { all, perScenario } = outcomeColumns(runs);
  let chunk = `${columns.map((c) => csvField(c.name)).join(',')}\n`;
  const cells = new Array<string>(all.length);
  for (let i = 0; i < runs.worlds.length; i++) {
    const head = `${runs.worlds[i]},`;
    const tail = `,${runs.seeds[i]},${runs.sample[i] === 1}${k > 0 ? ',' : ''}${Array.from(runs.values.subarray(i * k, i * k + k)).join(',')}`;
    runs.scenarios.forEach((scenario, s) => {
      cells.fill('');
      const cols = perScenario[s];
      const m = cols.length;
      for (let o = 0; o < m; o++) cells[cols[o]] = String(runs.outcomes[s][i * m + o]);
      chunk += `${head}${csvField(scenario.id)}${tail}${all.length > 0 ? ',' : ''}${cells.join(',')}\n`;
    });
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await done;
}

async function isRunFolder(dir: string): Promise<boolean> {
  try {
    const text = await readFile(join(dir, 'summary.json'), 'utf8');
    return (JSON.parse(text) as { format?: string }).format === SUMMARY_FORMAT;
  } catch {
    return false;
  }
}

/**
 * Writes the run folder `dir` atomically (temp folder beside it, then rename).
 * @throws Error when `dir` exists and is not a run folder (it is never overwritten then)
 */
export async function writeRunFolder(
  dir: string,
  result: { readonly summary: ExplorationSummary; readonly runs: RunTable },
  meta: RunFolderMeta = {},
): Promise<{ dir: string; files: string[] }> {
  const target = resolve(dir);
  let exists = false;
  try {
    exists = (await stat(target)) !== undefined;
  } catch {}
  if (exists && !(await isRunFolder(target)))
    throw new EntenteError(
      'invalid-argument',
      `run folder: "${dir}" exists and is not a run folder; choose another --out`,
    );
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const temp = join(parent, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const format = meta.format ?? 'parquet';
  const files = ['summary.json', format === 'csv' ? 'runs.csv' : 'runs.parquet'];
  try {
    await mkdir(temp);
    await writeFile(
      join(temp, 'summary.json'),
      `${JSON.stringify(stampSummary(result.summary, meta), null, 2)}\n`,
      { flag: 'wx' },
    );
    if (format === 'csv') await writeCsv(join(temp, 'runs.csv'), result.runs);
    else await writeParquet(join(temp, 'runs.parquet'), result.runs);
    if (meta.timing) {
      await writeFile(join(temp, 'timing.json'), `${JSON.stringify(meta.timing, null, 2)}\n`);
      files.push('timing.json');
    }
    if (exists) {
      const old = `${temp}.old`;
      await rename(target, old);
      await rename(temp, target);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(temp, target);
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  return { dir: target, files };
}
