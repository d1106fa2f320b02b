/**
 * Opens an event store from a spec: a file path is an embedded DuckDB database; a
 * `clickhouse://HOST:PORT` URL is a ClickHouse cluster (docs/events.md, "At scale: ClickHouse").
 */
import { dirname, join } from 'node:path';
import { EntenteError } from '@entente/core';
import { openClickHouseEventStore } from './clickhouse/clickhouse-store.js';
import { isClickHouseUrl } from './clickhouse/url.js';
import { openDuckDbEventStore } from './duckdb/duckdb-store.js';
import type { EventStore } from './store.js';

/** The default database path: `.entente/events.duckdb` beside the case (or in `cwd`). */
export function defaultEventDbPath(casePath?: string, cwd = '.'): string {
  return join(casePath === undefined ? cwd : dirname(casePath), '.entente', 'events.duckdb');
}

/** Opens the store a spec names: a path (DuckDB, created if absent) or `clickhouse://…`. */
export async function openEventStore(spec: string): Promise<EventStore> {
  if (isClickHouseUrl(spec))
    return openClickHouseEventStore(spec, { openLocal: openDuckDbEventStore });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    throw new EntenteError(
      'unsupported-format',
      `events: ${spec}: unknown engine; give a DuckDB file path or clickhouse://HOST:PORT`,
    );
  }
  return openDuckDbEventStore(spec);
}
