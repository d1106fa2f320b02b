/**
 * The embedded engine: an {@link EventStore} in one DuckDB file. Files are read by DuckDB's
 * `read_csv` with explicit column types (the reader rejects rows of the wrong shape or type and
 * records their lines in its rejects table), normalised into the layout of `layout.ts` in a
 * temporary stage, checked row by row, and inserted in one transaction per file, skipping keys
 * already stored — so re-ingesting a file stores nothing new.
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
import { prepareInput, readFirstLine, recordLines, splitHeader } from '../input-file.js';
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
    const input = await prepareInput(file);
    const conn = this.connection;
    try {
      let columns: { name: string; type: RawType }[];
      if (spec.header) {
        const names = splitHeader(await readFirstLine(input.path, input.gzip), spec.delimiter);
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
      const norm = normaliseSql(format, present, options.version ?? '', (e) => `md5(${e})`);
      const struct = `{${columns.map((c) => `${textLiteral(c.name)}: '${SQL_TYPE[c.type]}'`).join(', ')}}`;
      const readerWith = (rejects: string) =>
        `read_csv(${textLiteral(input.path)}, delim = ${textLiteral(spec.delimiter)}, header = ${spec.header}, ${
          spec.quoted ? `quote = '"', escape = '"'` : `quote = '', escape = ''`
        }, columns = ${struct}, nullstr = ['', 'NA'], ${
          spec.dateFormat ? `dateformat = ${textLiteral(spec.dateFormat)}, ` : ''
        }compression = '${input.gzip ? 'gzip' : 'none'}', store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${rejects}_scans', parallel = true)`;
      const normalised = (ingest: number) =>
        [
          `${textLiteral(format)} AS format`,
          `${norm.version} AS version`,
          `${norm.event_id} AS event_id`,
          `${textLiteral(file)} AS source_file`,
          `${ingest} AS ingest`,
          ...EVENT_COLUMNS.slice(5).map((c) => `${norm[c.name]} AS ${c.name}`),
        ].join(',\n  ');

      await conn.run('DROP TABLE IF EXISTS entente_rejects');
      await conn.run('DROP TABLE IF EXISTS entente_rejects_scans');
      await conn.run('DROP TABLE IF EXISTS entente_rejects2');
      await conn.run('DROP TABLE IF EXISTS entente_rejects2_scans');
      await conn.run('BEGIN TRANSACTION');
      let committed = false;
      try {
        const id = Number(
          (await this.rows(`SELECT COALESCE(max(id), 0) + 1 AS n FROM ${INGESTS_TABLE}`))[0]?.n,
        );
        const mine = `ingest = ${id}`;
        // One pass: every row the reader accepts goes in; the checks, the malformed rows and the
        // duplicates are then settled on this ingest's rows inside the transaction.
        const all = await this.withProgress(
          `INSERT INTO ${EVENTS_TABLE} SELECT ${normalised(id)} FROM ${readerWith('entente_rejects')}`,
          progress,
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
        // The slow path, only when some rows fail the checks: read again in file order to learn
        // their record numbers (numbering every row on the fast path would cost a serial scan).
        let problems: Record<string, unknown>[] = [];
        if (problemCount > 0) {
          await conn.run('SET preserve_insertion_order = true');
          problems = await this.rows(
            `SELECT rn AS source_record, problem FROM (SELECT row_number() OVER () AS rn, ${ROW_PROBLEM_SQL} AS problem FROM (SELECT ${normalised(id)} FROM ${readerWith('entente_rejects2')})) WHERE problem IS NOT NULL ORDER BY rn LIMIT ${MALFORMED_LISTED}`,
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
        const lines = await recordLines(
          input.path,
          input.gzip,
          located.map((l) => l.record),
          spec.header,
          spec.quoted,
        );
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
        // Keys stored by an earlier ingest, then keys repeated within this file (first kept).
        const old = await conn.run(
          `DELETE FROM ${EVENTS_TABLE} WHERE ${mine} AND event_id IN (SELECT event_id FROM ${EVENTS_TABLE} WHERE format = ${textLiteral(format)} AND ingest <> ${id})`,
        );
        const ids = (
          await this.rows(
            `SELECT count(*) AS n, count(DISTINCT event_id) AS d FROM ${EVENTS_TABLE} WHERE ${mine}`,
          )
        )[0] as { n: number; d: number };
        let repeated = 0;
        if (Number(ids.d) < Number(ids.n)) {
          repeated = (
            await conn.run(
              `DELETE FROM ${EVENTS_TABLE} WHERE ${mine} AND rowid NOT IN (SELECT min(rowid) FROM ${EVENTS_TABLE} WHERE ${mine} GROUP BY event_id)`,
            )
          ).rowsChanged;
        }
        const duplicates = old.rowsChanged + repeated;
        const report: IngestFileReport = {
          file,
          format,
          bytes,
          rows,
          inserted: rows - duplicates,
          duplicates,
          malformed: malformedCount,
        };
        await conn.run(
          `INSERT INTO ${INGESTS_TABLE} VALUES (${id}, now(), ${textLiteral(file)}, ${textLiteral(format)}, ${textLiteral(
            options.version ?? '',
          )}, ${bytes}, ${rows}, ${report.inserted}, ${report.duplicates}, ${malformedCount})`,
        );
        await conn.run('COMMIT');
        committed = true;
        return { report, malformed };
      } finally {
        if (!committed) await conn.run('ROLLBACK').catch(() => {});
      }
    } catch (error) {
      if (error instanceof EntenteError) throw error;
      const message = (error as Error).message.split('\n')[0] ?? '';
      if (options.signal?.aborted) throw cancelled([]);
      throw new EntenteError('invalid-csv', `events ingest: ${file}: ${message}`);
    } finally {
      await input.cleanup();
    }
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
      out.push(
        ...groupsFromRows(
          rows,
          Object.keys(measures).map((name) => [name, name] as const),
          byType,
        ),
      );
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
