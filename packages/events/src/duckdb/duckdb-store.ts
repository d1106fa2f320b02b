/**
 * The embedded engine: an {@link EventStore} in one DuckDB file. Each file is ingested in one
 * transaction, by the first of three paths that applies (docs/events.md, "How a file is read"):
 *
 * 1. the same file as an earlier ingest of the format read whole (same {@link fileFingerprint}):
 *    nothing is read, every row is a duplicate;
 * 2. the fast path: DuckDB's `read_csv` with explicit column types, strict (a row of the wrong
 *    shape or type fails the statement), normalised into the layout of `layout.ts` straight into
 *    the events table; one aggregate over the rows just inserted checks them, and the keys
 *    already stored or repeated are deleted;
 * 3. when the fast path fails or finds a bad row, it is rolled back and the careful path reads
 *    the file again with the reader's rejects table on, checks, counts and locates every
 *    malformed row, and refuses the file (or, asked to, stores the others).
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import {
  datasetOfFormat,
  EntenteError,
  type EventDataset,
  type EventFormat,
  type EventGroup,
  type EventGroupQuery,
  type EventVolume,
} from '@entente/core';
import {
  FORMAT_SPECS,
  ident,
  normaliseSql,
  type RawType,
  ROW_PROBLEM_SQL,
  textLiteral,
} from '../formats.js';
import { groupsFromRows } from '../group-rows.js';
import {
  fileFingerprint,
  type PreparedInput,
  prepareInput,
  readFirstLine,
  recordLines,
  splitHeader,
} from '../input-file.js';
import {
  EVENT_COLUMNS,
  EVENTS_TABLE,
  GROUP_BY_EVENT_TYPE,
  INGESTS_TABLE,
  MEASURE_SQL,
  segmentSql,
  spanningSql,
  widenBound,
} from '../layout.js';
import type {
  ActorVolume,
  EventStore,
  EventVolumeQuery,
  IngestFileReport,
  IngestOptions,
  IngestReport,
  MalformedRow,
} from '../store.js';

const SQL_TYPE: Record<RawType, string> = {
  text: 'VARCHAR',
  date: 'DATE',
  int: 'BIGINT',
  float: 'DOUBLE',
};

const duckDate = (d: string) => `DATE '${d}'`;

/** How many malformed rows an error message and a report list at most (all are counted). */
const MALFORMED_LISTED = 1000;

/** The columns of a row of the ingests table, in the order `record` writes them. */
const INGEST_RECORD_COLUMNS =
  'id, ingested_at, file, format, version, bytes, rows, inserted, duplicates, malformed, fingerprint';

/** A file to ingest, as the ingests table records it. */
interface KnownFile {
  readonly file: string;
  readonly bytes: number;
  readonly options: IngestOptions;
  /** {@link fileFingerprint} of the file as given (the archive for a `.zip`). */
  fingerprint: string;
}

/** What the read paths of one file share: the reader, the normalising select and the file. */
interface ReadPlan extends KnownFile {
  readonly progress: (fraction: number) => void;
  /** DuckDB's `read_csv` of the file; with a rejects table name it keeps the rows it rejects. */
  reader(rejects: string | undefined): string;
  /** The select list that turns a raw row into the layout's columns for ingest `id`. */
  normalised(ingest: number, idOnly: boolean): string;
  /** The file lines where data records start. */
  recordLines(records: readonly number[]): Promise<Map<number, number>>;
}

/** What ingesting one file returns. */
interface IngestResult {
  readonly report: IngestFileReport;
  readonly malformed: MalformedRow[];
}

/** Opens (creating if needed) a DuckDB event store at `path`; its folder is created too. */
export async function openDuckDbEventStore(path: string): Promise<EventStore> {
  const full = resolve(path);
  mkdirSync(dirname(full), { recursive: true });
  const instance = await DuckDBInstance.create(full);
  const connection = await instance.connect();
  await connection.run('SET enable_progress_bar = true');
  await connection.run('SET enable_progress_bar_print = false');
  // Rows need no order in the table; without it DuckDB inserts from both threads at once.
  await connection.run('SET preserve_insertion_order = false');
  await connection.run(
    `CREATE TABLE IF NOT EXISTS ${EVENTS_TABLE} (${EVENT_COLUMNS.map(
      // No NOT NULL: a file's rows are checked after they are inserted, in its transaction.
      (c) => `${c.name} ${SQL_TYPE[c.type]}`,
    ).join(', ')})`,
  );
  await connection.run(
    `CREATE TABLE IF NOT EXISTS ${INGESTS_TABLE} (id BIGINT, ingested_at TIMESTAMP, file VARCHAR, format VARCHAR, version VARCHAR, bytes BIGINT, rows BIGINT, inserted BIGINT, duplicates BIGINT, malformed BIGINT)`,
  );
  // Stores made before files were fingerprinted gain the column (NULL for their ingests).
  await connection.run(`ALTER TABLE ${INGESTS_TABLE} ADD COLUMN IF NOT EXISTS fingerprint VARCHAR`);
  return new DuckDbEventStore(instance, connection);
}

class DuckDbEventStore implements EventStore {
  constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  async ingest(files: readonly string[], options: IngestOptions): Promise<IngestReport> {
    const sizes = files.map((f) => {
      try {
        return statSync(f).size;
      } catch {
        throw new EntenteError('not-found', `events ingest: ${f}: no such file`);
      }
    });
    const bytesTotal = sizes.reduce((a, b) => a + b, 0);
    const reports: IngestFileReport[] = [];
    const malformed: MalformedRow[] = [];
    let before = 0;
    for (const [i, file] of files.entries()) {
      if (options.signal?.aborted) throw cancelled(reports);
      const size = sizes[i] as number;
      const r = await this.ingestFile(file, size, options, (fraction) =>
        options.onProgress?.({ file, bytesDone: before + fraction * size, bytesTotal }),
      ).catch((error: unknown) => {
        if (error instanceof EntenteError && reports.length > 0) {
          const done = reports.map((x) => x.file).join(', ');
          throw new EntenteError(
            error.code,
            `${error.message} (files ingested before it stay stored: ${done})`,
          );
        }
        throw error;
      });
      reports.push(r.report);
      malformed.push(...r.malformed);
      before += size;
      options.onProgress?.({ file, bytesDone: before, bytesTotal });
    }
    return {
      files: reports,
      rows: sum(reports.map((r) => r.rows)),
      inserted: sum(reports.map((r) => r.inserted)),
      duplicates: sum(reports.map((r) => r.duplicates)),
      malformed,
    };
  }

  private async ingestFile(
    file: string,
    bytes: number,
    options: IngestOptions,
    progress: (fraction: number) => void,
  ): Promise<{ report: IngestFileReport; malformed: MalformedRow[] }> {
    const { format } = options;
    const spec = FORMAT_SPECS[format];
    const known: KnownFile = { file, bytes, options, fingerprint: '' };
    let input: PreparedInput | undefined;
    try {
      // A file an earlier ingest read whole (same fingerprint, no malformed rows): nothing to
      // read, nor to unzip.
      known.fingerprint = await fileFingerprint(file);
      const same = await this.inTransaction((id) => this.sameFile(known, id));
      if (same !== undefined) return same;
      input = await prepareInput(file);
      const { path, gzip } = input;
      let columns: { name: string; type: RawType }[];
      if (spec.header) {
        const names = splitHeader(await readFirstLine(path, gzip), spec.delimiter);
        const missing = spec.required.filter((alts) => !alts.some((n) => names.includes(n)));
        if (missing.length > 0 || names.length < 2) {
          throw new EntenteError(
            'unsupported-format',
            `events ingest: ${file}:1: not a ${format} file: the header has no column ${missing
              .map((alts) => alts.join(' or '))
              .join(', ')}`,
          );
        }
        columns = names.map((name) => ({ name, type: spec.types[name] ?? 'text' }));
      } else {
        columns = [...(spec.fixedColumns ?? [])];
      }
      const present = new Set(columns.map((c) => c.name));
      const struct = `{${columns.map((c) => `${textLiteral(c.name)}: '${SQL_TYPE[c.type]}'`).join(', ')}}`;
      const plan: ReadPlan = {
        ...known,
        progress,
        reader: (rejects) =>
          `read_csv(${textLiteral(path)}, delim = ${textLiteral(spec.delimiter)}, header = ${spec.header}, ${
            spec.quoted ? `quote = '"', escape = '"'` : `quote = '', escape = ''`
          }, columns = ${struct}, nullstr = ['', 'NA'], ${
            spec.dateFormat ? `dateformat = ${textLiteral(spec.dateFormat)}, ` : ''
          }compression = '${gzip ? 'gzip' : 'none'}', ${
            rejects === undefined
              ? ''
              : `store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${rejects}_scans', `
          }parallel = true)`,
        normalised: (ingest, idOnly) => {
          const norm = normaliseSql(
            format,
            present,
            options.version ?? '',
            (e) => `md5(${e})`,
            idOnly,
          );
          return [
            `${textLiteral(format)} AS format`,
            `${norm.version} AS version`,
            `${norm.event_id} AS event_id`,
            `${textLiteral(file)} AS source_file`,
            `${ingest} AS ingest`,
            ...EVENT_COLUMNS.slice(5).map((c) => `${norm[c.name]} AS ${c.name}`),
          ].join(',\n  ');
        },
        recordLines: (records) => recordLines(path, gzip, records, spec.header, spec.quoted),
      };
      // One strict pass; the careful pass only when that one finds a problem, to locate and
      // count every malformed row.
      const fast = await this.inTransaction((id) => this.fastIngest(plan, id));
      if (fast !== undefined) return fast;
      const careful = await this.inTransaction((id) => this.carefulIngest(plan, id));
      if (careful === undefined) throw new Error('the careful ingest stored nothing');
      return careful;
    } catch (error) {
      if (error instanceof EntenteError) throw error;
      const message = (error as Error).message.split('\n')[0] ?? '';
      if (options.signal?.aborted) throw cancelled([]);
      throw new EntenteError('invalid-csv', `events ingest: ${file}: ${message}`);
    } finally {
      await input?.cleanup();
    }
  }

  /**
   * Runs `body` in a transaction with the next ingest id: committed when it returns a result,
   * rolled back when it returns undefined or throws.
   */
  private async inTransaction<T>(
    body: (id: number) => Promise<T | undefined>,
  ): Promise<T | undefined> {
    const conn = this.connection;
    await conn.run('BEGIN TRANSACTION');
    let committed = false;
    try {
      const id = Number(
        (await this.rows(`SELECT COALESCE(max(id), 0) + 1 AS n FROM ${INGESTS_TABLE}`))[0]?.n,
      );
      const result = await body(id);
      if (result === undefined) return undefined;
      await conn.run('COMMIT');
      committed = true;
      return result;
    } finally {
      if (!committed) await conn.run('ROLLBACK').catch(() => {});
    }
  }

  /** Records the ingest of a file (its row in the ingests table) and returns its report. */
  private async record(
    plan: KnownFile,
    id: number,
    counts: { rows: number; duplicates: number; malformed: number },
  ): Promise<IngestFileReport> {
    const { file, bytes, options } = plan;
    const report: IngestFileReport = {
      file,
      format: options.format,
      bytes,
      rows: counts.rows,
      inserted: counts.rows - counts.duplicates,
      duplicates: counts.duplicates,
      malformed: counts.malformed,
    };
    // Only a file read whole is known again by its fingerprint: one with malformed rows is read
    // again, to be refused or listed again.
    const fingerprint = counts.malformed === 0 ? textLiteral(plan.fingerprint) : 'NULL';
    await this.connection.run(
      `INSERT INTO ${INGESTS_TABLE} (${INGEST_RECORD_COLUMNS}) VALUES (${id}, now(), ${textLiteral(file)}, ${textLiteral(
        options.format,
      )}, ${textLiteral(options.version ?? '')}, ${bytes}, ${report.rows}, ${report.inserted}, ${report.duplicates}, ${report.malformed}, ${fingerprint})`,
    );
    return report;
  }

  /** A file an earlier ingest of this format read whole, unchanged since: every row a duplicate. */
  private async sameFile(plan: KnownFile, id: number): Promise<IngestResult | undefined> {
    const earlier = await this.rows(
      `SELECT rows FROM ${INGESTS_TABLE} WHERE fingerprint = ${textLiteral(plan.fingerprint)} AND format = ${textLiteral(
        plan.options.format,
      )} ORDER BY id DESC LIMIT 1`,
    );
    if (earlier.length === 0) return undefined;
    const rows = Number(earlier[0]?.rows);
    return {
      report: await this.record(plan, id, { rows, duplicates: rows, malformed: 0 }),
      malformed: [],
    };
  }

  /**
   * The fast path: one strict read (no reject tables, the event id from the id column alone)
   * straight into the events table, then one aggregate over the rows just inserted. Returns
   * undefined — the caller rolls back and takes the careful path — when the reader fails on a
   * row or any row fails the checks or lacks an id.
   */
  private async fastIngest(plan: ReadPlan, id: number): Promise<IngestResult | undefined> {
    const format = textLiteral(plan.options.format);
    const mine = `ingest = ${id}`;
    const stored = await this.rows(
      `SELECT count(*) AS n FROM (SELECT 1 FROM ${EVENTS_TABLE} WHERE format = ${format} LIMIT 1)`,
    );
    let all: number;
    try {
      all = await this.withProgress(
        `INSERT INTO ${EVENTS_TABLE} SELECT ${plan.normalised(id, true)} FROM ${plan.reader(undefined)}`,
        plan.progress,
        plan.options.signal,
      );
    } catch {
      if (plan.options.signal?.aborted) throw cancelled([]);
      // A row the strict reader cannot read: the careful path reads the file again and says which.
      return undefined;
    }
    const check = (
      await this.rows(
        `SELECT count(*) FILTER (WHERE (${ROW_PROBLEM_SQL}) IS NOT NULL) AS problems, count(*) FILTER (WHERE event_id IS NULL) AS no_id, count(DISTINCT event_id) AS ids FROM ${EVENTS_TABLE} WHERE ${mine}`,
      )
    )[0] as { problems: unknown; no_id: unknown; ids: unknown };
    if (Number(check.problems) > 0 || Number(check.no_id) > 0) return undefined;
    const duplicates = await this.deleteDuplicates(
      plan.options.format,
      id,
      Number(stored[0]?.n) > 0,
      Number(check.ids) < all,
    );
    return {
      report: await this.record(plan, id, { rows: all, duplicates, malformed: 0 }),
      malformed: [],
    };
  }

  /**
   * Deletes this ingest's rows whose key an earlier ingest stored (when the table may hold any),
   * then, when its keys are not all distinct, every repeat after the first. Returns how many.
   */
  private async deleteDuplicates(
    format: EventFormat,
    id: number,
    earlier: boolean,
    repeats: boolean,
  ): Promise<number> {
    const conn = this.connection;
    const mine = `ingest = ${id}`;
    let deleted = 0;
    if (earlier) {
      deleted += (
        await conn.run(
          `DELETE FROM ${EVENTS_TABLE} WHERE ${mine} AND event_id IN (SELECT event_id FROM ${EVENTS_TABLE} WHERE format = ${textLiteral(format)} AND ingest <> ${id})`,
        )
      ).rowsChanged;
    }
    if (repeats) {
      deleted += (
        await conn.run(
          `DELETE FROM ${EVENTS_TABLE} WHERE ${mine} AND rowid NOT IN (SELECT min(rowid) FROM ${EVENTS_TABLE} WHERE ${mine} GROUP BY event_id)`,
        )
      ).rowsChanged;
    }
    return deleted;
  }

  /**
   * The careful path: the reader keeps the rows of the wrong shape or type in its rejects table
   * and the value checks run on every row, so that every malformed row is counted and located;
   * then the file is refused, or (with `allowMalformed`) stored without them.
   */
  private async carefulIngest(plan: ReadPlan, id: number): Promise<IngestResult> {
    const { file, options } = plan;
    const conn = this.connection;
    const spec = FORMAT_SPECS[options.format];
    const mine = `ingest = ${id}`;
    for (const t of ['entente_rejects', 'entente_rejects2']) {
      await conn.run(`DROP TABLE IF EXISTS ${t}`);
      await conn.run(`DROP TABLE IF EXISTS ${t}_scans`);
    }
    // One pass: every row the reader accepts goes in; the checks, the malformed rows and the
    // duplicates are then settled on this ingest's rows inside the transaction.
    const all = await this.withProgress(
      `INSERT INTO ${EVENTS_TABLE} SELECT ${plan.normalised(id, false)} FROM ${plan.reader('entente_rejects')}`,
      plan.progress,
      options.signal,
    );
    const rejected = await this.rows(
      `SELECT line, first(error_message ORDER BY column_idx) AS error_message FROM entente_rejects GROUP BY line ORDER BY line LIMIT ${MALFORMED_LISTED}`,
    );
    const rejectedCount = Number(
      (await this.rows('SELECT count(DISTINCT line) AS n FROM entente_rejects'))[0]?.n ?? 0,
    );
    const problemCount = Number(
      (
        await this.rows(
          `SELECT count(*) AS n FROM ${EVENTS_TABLE} WHERE ${mine} AND (${ROW_PROBLEM_SQL}) IS NOT NULL`,
        )
      )[0]?.n ?? 0,
    );
    // Read again in file order to learn the record numbers of the rows that fail the checks
    // (numbering every row on the first read would cost a serial scan).
    let problems: Record<string, unknown>[] = [];
    if (problemCount > 0) {
      await conn.run('SET preserve_insertion_order = true');
      problems = await this.rows(
        `SELECT rn AS source_record, problem FROM (SELECT row_number() OVER () AS rn, ${ROW_PROBLEM_SQL} AS problem FROM (SELECT ${plan.normalised(id, false)} FROM ${plan.reader('entente_rejects2')})) WHERE problem IS NOT NULL ORDER BY rn LIMIT ${MALFORMED_LISTED}`,
      );
      await conn.run('SET preserve_insertion_order = false');
    }
    // DuckDB numbers rejected rows by record (the header counts as one); value checks give
    // the data record. Both become file lines, which differ when quoted fields span lines.
    const head = spec.header ? 1 : 0;
    const rejectedRecords = rejected.map((r) => Number(r.line) - head);
    const located = [
      ...rejected.map((r) => ({
        record: Number(r.line) - head,
        message: String(r.error_message).split('\n')[0] as string,
      })),
      ...problems.map((p) => ({
        record: acceptedToRecord(Number(p.source_record), rejectedRecords),
        message: String(p.problem),
      })),
    ];
    const lines = await plan.recordLines(located.map((l) => l.record));
    const malformed: MalformedRow[] = located
      .map((l) => ({ file, line: lines.get(l.record) ?? 0, message: l.message }))
      .sort((a, b) => a.line - b.line);
    const malformedCount = rejectedCount + problemCount;
    if (malformedCount > 0 && options.allowMalformed !== true) {
      const first = malformed[0] as MalformedRow;
      throw Object.assign(
        new EntenteError(
          'invalid-csv',
          `events ingest: ${file}:${first.line}: ${first.message} (${malformedCount} malformed row${
            malformedCount === 1 ? '' : 's'
          } in this file; nothing of it was stored; --allow-malformed stores the others)`,
        ),
        { malformed },
      );
    }
    if (problemCount > 0) {
      await conn.run(
        `DELETE FROM ${EVENTS_TABLE} WHERE ${mine} AND (${ROW_PROBLEM_SQL}) IS NOT NULL`,
      );
    }
    const rows = all - problemCount;
    const ids = (
      await this.rows(`SELECT count(DISTINCT event_id) AS d FROM ${EVENTS_TABLE} WHERE ${mine}`)
    )[0] as { d: unknown };
    const duplicates = await this.deleteDuplicates(options.format, id, true, Number(ids.d) < rows);
    return {
      report: await this.record(plan, id, { rows, duplicates, malformed: malformedCount }),
      malformed,
    };
  }

  /** Runs a long statement, reporting DuckDB's progress (0..1) and honouring cancellation. */
  private async withProgress(
    sql: string,
    progress: (fraction: number) => void,
    signal: AbortSignal | undefined,
  ): Promise<number> {
    const conn = this.connection;
    const onAbort = () => conn.interrupt();
    signal?.addEventListener('abort', onAbort);
    const timer = setInterval(() => {
      const p = conn.progress.percentage;
      if (p > 0) progress(Math.min(1, p / 100));
    }, 200);
    try {
      return (await conn.run(sql)).rowsChanged;
    } finally {
      clearInterval(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private async rows(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
  }

  async groups(query: EventGroupQuery): Promise<EventGroup[]> {
    const formats = query.formats ?? (await this.storedFormats());
    const period =
      query.by === 'year' ? 'CAST(year(date_start) AS VARCHAR)' : "strftime(date_start, '%Y-%m')";
    const segment = segmentSql(query.breakpoints, duckDate);
    const spanning = spanningSql(query.breakpoints, duckDate);
    const families = new Map<EventDataset, EventFormat[]>();
    for (const f of formats) {
      const d = datasetOfFormat(f);
      families.set(d, [...(families.get(d) ?? []), f]);
    }
    const out: EventGroup[] = [];
    for (const [dataset, fams] of families) {
      const measures = MEASURE_SQL[dataset];
      const byType = GROUP_BY_EVENT_TYPE.includes(dataset);
      const keys = ['format', 'version', 'side_a', 'side_b', 'country', 'period', 'segment'];
      if (byType) keys.push('event_type');
      const sql = `SELECT ${keys.join(', ')}, CAST(SUM(spanning) AS DOUBLE) AS spanning, ${Object.entries(
        measures,
      )
        .map(([name, agg]) => `CAST(${agg} AS DOUBLE) AS ${ident(name)}`)
        .join(', ')}
        FROM (SELECT *, ${period} AS period, ${segment} AS segment, ${spanning} AS spanning FROM ${EVENTS_TABLE}
              WHERE ${whereClause(fams, query.from, query.until)})
        GROUP BY ${keys.join(', ')} ORDER BY ${keys.join(', ')}`;
      const rows = await this.rows(sql);
      // A loop, not push(...groups): a spread of millions of groups overflows the call stack.
      const groups = groupsFromRows(
        rows,
        Object.keys(measures).map((name) => [name, name] as const),
        byType,
      );
      for (const group of groups) out.push(group);
    }
    return out;
  }

  async volumes(query: EventVolumeQuery): Promise<EventVolume[]> {
    const formats = query.formats ?? (await this.storedFormats());
    if (formats.length === 0) return [];
    const period =
      query.by === 'year' ? 'CAST(year(date_start) AS VARCHAR)' : "strftime(date_start, '%Y-%m')";
    const rows = await this.rows(
      `SELECT format, ${period} AS period, CAST(count(*) AS DOUBLE) AS events FROM ${EVENTS_TABLE}
       WHERE ${whereClause(formats, query.from, query.until)} GROUP BY ALL ORDER BY format, period`,
    );
    return rows.map((r) => ({
      format: String(r.format) as EventFormat,
      period: String(r.period),
      events: Number(r.events),
    }));
  }

  async actorVolumes(formats?: readonly EventFormat[]): Promise<ActorVolume[]> {
    const fs = formats ?? (await this.storedFormats());
    if (fs.length === 0) return [];
    const where = whereClause(fs);
    const rows = await this.rows(
      `SELECT format, name, CAST(count(*) AS DOUBLE) AS rows, list(DISTINCT country ORDER BY country) AS countries FROM (
         SELECT format, side_a AS name, country FROM ${EVENTS_TABLE} WHERE ${where}
         UNION ALL
         SELECT format, side_b AS name, country FROM ${EVENTS_TABLE} WHERE ${where} AND side_b <> side_a
       ) WHERE name <> '' GROUP BY format, name ORDER BY rows DESC, format, name`,
    );
    return rows.map((r) => ({
      format: String(r.format) as EventFormat,
      name: String(r.name),
      rows: Number(r.rows),
      countries: (r.countries as string[]).filter((c) => c !== ''),
    }));
  }

  private async storedFormats(): Promise<EventFormat[]> {
    const rows = await this.rows(`SELECT DISTINCT format FROM ${EVENTS_TABLE} ORDER BY format`);
    return rows.map((r) => String(r.format) as EventFormat);
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function whereClause(formats: readonly EventFormat[], from?: string, until?: string): string {
  const parts = [`format IN (${formats.map(textLiteral).join(', ') || "''"})`];
  if (from !== undefined) parts.push(`date_start >= ${duckDate(widenBound(from, 'from'))}`);
  if (until !== undefined) parts.push(`date_start <= ${duckDate(widenBound(until, 'until'))}`);
  return parts.join(' AND ');
}

/** The data record number of the k-th accepted record, given the (sorted) rejected records. */
function acceptedToRecord(k: number, rejected: readonly number[]): number {
  let record = k;
  for (const r of rejected) if (r <= record) record++;
  return record;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function cancelled(done: readonly IngestFileReport[]): EntenteError {
  return new EntenteError(
    'cancelled',
    `events ingest: cancelled${done.length > 0 ? ` (files stored before: ${done.map((r) => r.file).join(', ')})` : ''}`,
  );
}
