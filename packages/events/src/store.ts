/**
 * The event store: where ingested event rows live and how they are aggregated. One interface,
 * two engines — embedded DuckDB (a file path, the default) and a ClickHouse cluster
 * (`clickhouse://HOST:8123`). Both store the layout of `layout.ts` and answer the same queries.
 */
import type {
  EventFormat,
  EventGroup,
  EventGroupQuery,
  EventResolution,
  EventVolume,
} from '@entente/core';

/** A malformed row of an input file, located. */
export interface MalformedRow {
  readonly file: string;
  /** 1-based line in the (uncompressed) file; 0 when the engine cannot tell. */
  readonly line: number;
  readonly message: string;
}

/** What ingesting one file did. */
export interface IngestFileReport {
  readonly file: string;
  readonly format: EventFormat;
  /** Bytes of the input file as given (compressed size for .gz/.zip). */
  readonly bytes: number;
  /** Data rows read (well-formed). */
  readonly rows: number;
  /** Rows newly stored. */
  readonly inserted: number;
  /** Rows whose (format, event_id) was already stored (or repeated within the file): skipped. */
  readonly duplicates: number;
  /** Malformed rows: with `allowMalformed` they are skipped, otherwise the file is refused. */
  readonly malformed: number;
}

/** What an ingest did, file by file. */
export interface IngestReport {
  readonly files: readonly IngestFileReport[];
  readonly rows: number;
  readonly inserted: number;
  readonly duplicates: number;
  /** Every malformed row found (all files), located. */
  readonly malformed: readonly MalformedRow[];
}

/** Progress of an ingest: bytes of input done out of the total. */
export interface IngestProgress {
  readonly file: string;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

/** Options of {@link EventStore.ingest}. */
export interface IngestOptions {
  readonly format: EventFormat;
  /** Dataset version when the rows do not carry one (GDELT, ACLED), e.g. "2.0". */
  readonly version?: string;
  /**
   * Keep a file's well-formed rows when some are malformed (they are still reported). Without
   * it (the default) a file with any malformed row is refused whole: nothing of it is stored.
   */
  readonly allowMalformed?: boolean;
  readonly onProgress?: (progress: IngestProgress) => void;
  readonly signal?: AbortSignal;
}

/** Options of {@link EventStore.volumes}. */
export interface EventVolumeQuery {
  readonly formats?: readonly EventFormat[];
  readonly by: EventResolution;
  readonly from?: string;
  readonly until?: string;
}

/** Rows per dataset actor name, for `entente events actors`. */
export interface ActorVolume {
  readonly format: EventFormat;
  /** The actor as the dataset writes it (side A or B). */
  readonly name: string;
  /** Rows where the actor is side A or side B. */
  readonly rows: number;
  /** The countries of those rows, sorted. */
  readonly countries: readonly string[];
}

/** An event store (DuckDB file or ClickHouse cluster). */
export interface EventStore {
  /** Reads files of one format into the store: one transaction per file; idempotent. */
  ingest(files: readonly string[], options: IngestOptions): Promise<IngestReport>;
  /** Aggregates rows into groups keyed by dataset actors, country, period and segment. */
  groups(query: EventGroupQuery): Promise<EventGroup[]>;
  /** Rows per format and period (the whole dataset's volume, to normalise by). */
  volumes(query: EventVolumeQuery): Promise<EventVolume[]>;
  /** Rows per dataset actor name, largest first. */
  actorVolumes(formats?: readonly EventFormat[]): Promise<ActorVolume[]>;
  close(): Promise<void>;
}
