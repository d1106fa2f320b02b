/**
 * The engine at scale: an {@link EventStore} on a ClickHouse cluster, through
 * `@clickhouse/client` over HTTP. Rows live in a MergeTree table `events_local` on every shard
 * under a Distributed table `events` (sharded by `cityHash64(format, event_id)`, so one key
 * always lands on one shard); both are created if absent. A file is validated exactly as the
 * DuckDB engine validates it — it is first ingested into a temporary DuckDB store, by the same
 * code — and its normalised rows then travel as TabSeparated into a staging table on the entry
 * server, from which one `INSERT … SELECT` (synchronous over the shards) moves the rows whose
 * key is not yet stored. The group, volume and actor queries are the layout's, in ClickHouse SQL.
 *
 * Written for ClickHouse 18.16 (Debian's package): the client's `query_params` are unknown there
 * (code 115, "Unknown setting param_x"), so literals are escaped by `sql.ts`; `JSONEachRow` is
 * the only JSON row format it has.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClickHouseClient, ClickHouseLogLevel, createClient } from '@clickhouse/client';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  datasetOfFormat,
  EntenteError,
  type EventDataset,
  type EventFormat,
  type EventGroup,
  type EventGroupQuery,
  type EventVolume,
} from '@entente/core';
import { groupsFromRows } from '../group-rows.js';
import { fileFingerprint } from '../input-file.js';
import {
  EVENTS_TABLE,
  FINGERPRINTS_TABLE,
  GROUP_BY_EVENT_TYPE,
  INGESTS_TABLE,
  MEASURE_SQL,
  segmentSql,
  spanningSql,
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
import {
  chDate,
  chString,
  distributedDdl,
  duckTsvSelect,
  fingerprintsDdl,
  fromStageColumns,
  ingestsDdl,
  LOCAL_EVENTS_TABLE,
  mergeTreeDdl,
  periodSql,
  stageDdl,
  whereSql,
} from './sql.js';
import { type ClickHouseTarget, parseClickHouseUrl } from './url.js';

/** Time limit of one ClickHouse request (an ingest's INSERT … SELECT is one). */
const REQUEST_TIMEOUT_MS = 3_600_000;

function client(url: string, target: ClickHouseTarget): ClickHouseClient {
  return createClient({
    url,
    username: target.username,
    password: target.password,
    // No `database`: it may not exist yet; every statement names its tables in full.
    request_timeout: REQUEST_TIMEOUT_MS,
    log: { level: ClickHouseLogLevel.OFF },
  });
}

function unreachable(url: string, error: unknown): EntenteError {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new EntenteError('not-found', `events engine: ClickHouse at ${url}: ${message}`);
}

/** How the ClickHouse engine validates a file: it opens a temporary local store at `path`. */
export interface ClickHouseStoreOptions {
  /**
   * Opens an embedded store at a file path — the DuckDB engine (`openDuckDbEventStore`), so that
   * both engines accept and refuse exactly the same rows.
   */
  readonly openLocal: (path: string) => Promise<EventStore>;
}

/**
 * Opens the ClickHouse event store named by a `clickhouse://` URL (see `url.ts`), creating its
 * tables if absent: `events_local` on the entry server and on every server of `shards=`, then
 * the Distributed `events` over the cluster — or, when the server has no cluster of that name
 * and the URL named none, a plain MergeTree `events` on the one server.
 * @throws EntenteError `invalid-argument` on a malformed URL; `not-found` when a server does
 *   not answer, the named cluster is unknown, or a shard lacks the local table and was not listed
 *   in `shards=`.
 */
export async function openClickHouseEventStore(
  spec: string,
  options: ClickHouseStoreOptions,
): Promise<EventStore> {
  const target = parseClickHouseUrl(spec);
  const entry = client(target.url, target);
  try {
    try {
      await entry.command({ query: 'SELECT 1' });
    } catch (error) {
      throw unreachable(target.url, error);
    }
    const db = target.database;
    const clusterRows = await rows(
      entry,
      `SELECT toFloat64(count()) AS n FROM system.clusters WHERE cluster = ${chString(target.cluster)}`,
    );
    const clustered = Number(clusterRows[0]?.n ?? 0) > 0;
    if (!clustered && target.clusterExplicit) {
      throw new EntenteError(
        'not-found',
        `events engine: ClickHouse at ${target.url} has no cluster ${JSON.stringify(target.cluster)} in its remote_servers`,
      );
    }
    if (!clustered) {
      await entry.command({ query: `CREATE DATABASE IF NOT EXISTS ${db}` });
      await entry.command({ query: mergeTreeDdl(db, EVENTS_TABLE) });
    } else {
      for (const url of new Set([target.url, ...target.shards])) {
        const shard = url === target.url ? entry : client(url, target);
        try {
          await shard.command({ query: `CREATE DATABASE IF NOT EXISTS ${db}` });
          await shard.command({ query: mergeTreeDdl(db, LOCAL_EVENTS_TABLE) });
        } catch (error) {
          throw unreachable(url, error);
        } finally {
          if (shard !== entry) await shard.close();
        }
      }
      const shards = Number(
        (
          await rows(
            entry,
            `SELECT toFloat64(count()) AS n FROM system.clusters WHERE cluster = ${chString(target.cluster)}`,
          )
        )[0]?.n ?? 0,
      );
      const have = Number(
        (
          await rows(
            entry,
            `SELECT toFloat64(count()) AS n FROM cluster(${target.cluster}, system.tables) WHERE database = ${chString(db)} AND name = ${chString(LOCAL_EVENTS_TABLE)}`,
          )
        )[0]?.n ?? 0,
      );
      if (have < shards) {
        throw new EntenteError(
          'not-found',
          `events engine: ${shards - have} of the ${shards} shards of cluster ${target.cluster} lack the table ${db}.${LOCAL_EVENTS_TABLE}; list every shard's HTTP endpoint in the URL (?shards=HOST:PORT,HOST:PORT) or run on each: ${mergeTreeDdl(db, LOCAL_EVENTS_TABLE)}`,
        );
      }
      await entry.command({ query: distributedDdl(db, target.cluster, EVENTS_TABLE) });
    }
    await entry.command({ query: ingestsDdl(db, INGESTS_TABLE) });
    await entry.command({ query: fingerprintsDdl(db, FINGERPRINTS_TABLE) });
    return new ClickHouseEventStore(entry, target, options.openLocal);
  } catch (error) {
    await entry.close();
    throw error instanceof EntenteError ? error : unreachable(target.url, error);
  }
}

async function rows(ch: ClickHouseClient, query: string): Promise<Record<string, unknown>[]> {
  const result = await ch.query({ query, format: 'JSONEachRow' });
  return (await result.json()) as Record<string, unknown>[];
}

class ClickHouseEventStore implements EventStore {
  constructor(
    private readonly ch: ClickHouseClient,
    private readonly target: ClickHouseTarget,
    private readonly openLocal: (path: string) => Promise<EventStore>,
  ) {}

  private get db(): string {
    return this.target.database;
  }

  async ingest(files: readonly string[], options: IngestOptions): Promise<IngestReport> {
    const reports: IngestFileReport[] = [];
    const malformed: MalformedRow[] = [];
    for (const file of files) {
      if (options.signal?.aborted) {
        throw new EntenteError(
          'cancelled',
          `events ingest: cancelled${reports.length ? ` (files ingested before it stay stored: ${reports.map((r) => r.file).join(', ')})` : ''}`,
        );
      }
      const r = await this.ingestFile(file, options);
      reports.push(r.report);
      malformed.push(...r.malformed);
    }
    const total = (k: 'rows' | 'inserted' | 'duplicates') => reports.reduce((s, r) => s + r[k], 0);
    return {
      files: reports,
      rows: total('rows'),
      inserted: total('inserted'),
      duplicates: total('duplicates'),
      malformed,
    };
  }

  /**
   * One file: validated and normalised by the DuckDB engine into a temporary store, exported as
   * TSV, staged on the entry server, and moved to the shards without the keys already stored.
   */
  private async ingestFile(
    file: string,
    options: IngestOptions,
  ): Promise<{ report: IngestFileReport; malformed: MalformedRow[] }> {
    const format = options.format;
    // A file an earlier ingest of this format read whole, unchanged since: nothing to read.
    const fingerprint = await fileFingerprint(file).catch(() => null);
    if (fingerprint !== null) {
      const same = await this.sameFile(file, format, fingerprint, options);
      if (same !== undefined) return { report: same, malformed: [] };
    }
    const dir = await mkdtemp(join(tmpdir(), 'entente-ch-ingest-'));
    const stage = `entente_stage_${randomBytes(6).toString('hex')}`;
    try {
      const duckPath = join(dir, 'validated.duckdb');
      const local = await this.openLocal(duckPath);
      let validated: IngestReport;
      try {
        validated = await local.ingest([file], options);
      } finally {
        await local.close();
      }
      const tsv = join(dir, 'rows.tsv');
      const instance = await DuckDBInstance.create(duckPath);
      try {
        const conn = await instance.connect();
        await conn.run(
          `COPY (${duckTsvSelect(EVENTS_TABLE)}) TO '${tsv.replaceAll("'", "''")}' (FORMAT csv, DELIMITER '\t', HEADER false, QUOTE '', ESCAPE '', NULLSTR '\\N')`,
        );
        conn.closeSync();
      } finally {
        instance.closeSync();
      }
      const fileReport = validated.files[0] as IngestFileReport;
      await this.ch.command({ query: stageDdl(this.db, stage) });
      await this.ch.insert({
        table: `${this.db}.${stage}`,
        values: createReadStream(tsv),
        format: 'TabSeparated',
        ...(options.signal ? { abort_signal: options.signal } : {}),
      });
      const ingestId = await this.nextIngestId();
      const staged = await this.count(`SELECT toFloat64(count()) AS n FROM ${this.db}.${stage}`);
      const keysOfStage = `format = ${chString(format)} AND event_id GLOBAL IN (SELECT event_id FROM ${this.db}.${stage})`;
      const present = await this.count(
        `SELECT toFloat64(count()) AS n FROM ${this.db}.${EVENTS_TABLE} WHERE ${keysOfStage}`,
      );
      await this.ch.command({
        query: `INSERT INTO ${this.db}.${EVENTS_TABLE} SELECT ${fromStageColumns(ingestId)} FROM ${this.db}.${stage} WHERE event_id NOT IN (SELECT event_id FROM ${this.db}.${EVENTS_TABLE} WHERE ${keysOfStage})`,
        clickhouse_settings: { insert_distributed_sync: 1 },
        ...(options.signal ? { abort_signal: options.signal } : {}),
      });
      const inserted = staged - present;
      const report: IngestFileReport = {
        ...fileReport,
        inserted,
        duplicates: fileReport.rows - inserted,
      };
      await this.recordIngest(ingestId, file, options, report);
      // Only a file read whole is known again by its fingerprint: one with malformed rows is read
      // again, to be refused or listed again.
      if (fingerprint !== null && report.malformed === 0) {
        await this.ch.command({
          query: `INSERT INTO ${this.db}.${FINGERPRINTS_TABLE} VALUES (${chString(fingerprint)}, ${chString(format)}, ${report.rows}, ${ingestId})`,
        });
      }
      return {
        report,
        malformed: validated.malformed.map((m) => ({ ...m })),
      };
    } catch (error) {
      if (error instanceof EntenteError) throw error;
      if (options.signal?.aborted)
        throw new EntenteError('cancelled', `events ingest: ${file}: cancelled`);
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new EntenteError('internal', `events ingest: ${file}: ClickHouse: ${message}`);
    } finally {
      await this.ch
        .command({ query: `DROP TABLE IF EXISTS ${this.db}.${stage}` })
        .catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** The id the next ingest gets: one above the largest recorded. */
  private async nextIngestId(): Promise<number> {
    return (
      (await this.count(`SELECT toFloat64(max(id)) AS n FROM ${this.db}.${INGESTS_TABLE}`)) + 1
    );
  }

  /** The `ingests` row of one file's ingest. */
  private async recordIngest(
    ingestId: number,
    file: string,
    options: IngestOptions,
    report: IngestFileReport,
  ): Promise<void> {
    await this.ch.command({
      query: `INSERT INTO ${this.db}.${INGESTS_TABLE} VALUES (${ingestId}, now(), ${chString(file)}, ${chString(options.format)}, ${chString(options.version ?? '')}, ${report.bytes}, ${report.rows}, ${report.inserted}, ${report.duplicates}, ${report.malformed})`,
    });
  }

  /**
   * A file an earlier ingest of `format` read whole with this fingerprint: its report (every row a
   * duplicate), recorded as an ingest; undefined when none did.
   */
  private async sameFile(
    file: string,
    format: EventFormat,
    fingerprint: string,
    options: IngestOptions,
  ): Promise<IngestFileReport | undefined> {
    const earlier = await rows(
      this.ch,
      `SELECT toFloat64(rows) AS n FROM ${this.db}.${FINGERPRINTS_TABLE} WHERE fingerprint = ${chString(fingerprint)} AND format = ${chString(format)} ORDER BY ingest_id DESC LIMIT 1`,
    );
    if (earlier.length === 0) return undefined;
    const n = Number(earlier[0]?.n);
    const report: IngestFileReport = {
      file,
      format,
      bytes: (await stat(file)).size,
      rows: n,
      inserted: 0,
      duplicates: n,
      malformed: 0,
    };
    const ingestId = await this.nextIngestId();
    await this.recordIngest(ingestId, file, options, report);
    return report;
  }

  private async count(query: string): Promise<number> {
    return Number((await rows(this.ch, query))[0]?.n ?? 0);
  }

  async groups(query: EventGroupQuery): Promise<EventGroup[]> {
    const formats = query.formats ?? (await this.storedFormats());
    const segment = segmentSql(query.breakpoints, chDate);
    const spanning = spanningSql(query.breakpoints, chDate);
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
      const names = Object.keys(measures);
      const sql = `SELECT ${keys.join(', ')}, toFloat64(sum(spanning)) AS spanning, ${names
        .map((name, i) => `toFloat64(${measures[name]}) AS m${i}`)
        .join(', ')}
        FROM (SELECT *, ${periodSql(query.by)} AS period, toFloat64(${segment}) AS segment, ${spanning} AS spanning
              FROM ${this.db}.${EVENTS_TABLE} WHERE ${whereSql(fams, query.from, query.until)})
        GROUP BY ${keys.join(', ')} ORDER BY ${keys.join(', ')}`;
      // A loop, not push(...groups): a spread of millions of groups overflows the call stack.
      const groups = groupsFromRows(
        await rows(this.ch, sql),
        names.map((name, i) => [name, `m${i}`] as const),
        byType,
      );
      for (const group of groups) out.push(group);
    }
    return out;
  }

  async volumes(query: EventVolumeQuery): Promise<EventVolume[]> {
    const formats = query.formats ?? (await this.storedFormats());
    if (formats.length === 0) return [];
    const result = await rows(
      this.ch,
      `SELECT format, ${periodSql(query.by)} AS period, toFloat64(count()) AS events FROM ${this.db}.${EVENTS_TABLE}
       WHERE ${whereSql(formats, query.from, query.until)} GROUP BY format, period ORDER BY format, period`,
    );
    return result.map((r) => ({
      format: String(r.format) as EventFormat,
      period: String(r.period),
      events: Number(r.events),
    }));
  }

  async actorVolumes(formats?: readonly EventFormat[]): Promise<ActorVolume[]> {
    const fs = formats ?? (await this.storedFormats());
    if (fs.length === 0) return [];
    const where = whereSql(fs);
    const t = `${this.db}.${EVENTS_TABLE}`;
    const result = await rows(
      this.ch,
      `SELECT format, name, toFloat64(count()) AS rows, arraySort(groupUniqArray(country)) AS countries FROM (
         SELECT format, side_a AS name, country FROM ${t} WHERE ${where}
         UNION ALL
         SELECT format, side_b AS name, country FROM ${t} WHERE ${where} AND side_b != side_a
       ) WHERE name != '' GROUP BY format, name ORDER BY rows DESC, format, name`,
    );
    return result.map((r) => ({
      format: String(r.format) as EventFormat,
      name: String(r.name),
      rows: Number(r.rows),
      countries: (r.countries as string[]).filter((c) => c !== ''),
    }));
  }

  private async storedFormats(): Promise<EventFormat[]> {
    const result = await rows(
      this.ch,
      `SELECT DISTINCT format FROM ${this.db}.${EVENTS_TABLE} ORDER BY format`,
    );
    return result.map((r) => String(r.format) as EventFormat);
  }

  async close(): Promise<void> {
    await this.ch.close();
  }
}
