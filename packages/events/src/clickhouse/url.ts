/**
 * The ClickHouse engine's address: `clickhouse://[USER[:PASSWORD]@]HOST[:PORT][/DATABASE]
 * [?cluster=NAME&shards=HOST:PORT,HOST:PORT]` (`clickhouses://` for HTTPS). PORT is the entry
 * server's HTTP port (default 8123). `cluster` names a `remote_servers` cluster of the server's
 * configuration (default `entente`); `shards` lists every shard's HTTP endpoint, so that the
 * engine can create its local table on each — ClickHouse without ZooKeeper has no `ON CLUSTER`
 * DDL. Without a cluster of that name the engine stores into one server's table.
 */
import { EntenteError } from '@entente/core';

/** A resolved ClickHouse address. */
export interface ClickHouseTarget {
  /** The entry server's HTTP URL, e.g. `http://127.0.0.1:8123`. */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  readonly database: string;
  /** The `remote_servers` cluster to spread rows over. */
  readonly cluster: string;
  /** Whether `cluster` was given explicitly (then its absence is an error, not single-server mode). */
  readonly clusterExplicit: boolean;
  /** HTTP URLs of every shard (may include the entry); empty when not given. */
  readonly shards: readonly string[];
}

/** The cluster name used when the URL names none. */
export const DEFAULT_CLICKHOUSE_CLUSTER = 'entente';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether an engine spec names ClickHouse. */
export function isClickHouseUrl(spec: string): boolean {
  return /^clickhouses?:\/\//.test(spec);
}

/**
 * Parses a `clickhouse://` engine spec.
 * @throws EntenteError `invalid-argument` on a malformed URL, database or cluster name.
 */
export function parseClickHouseUrl(spec: string): ClickHouseTarget {
  const op = 'events engine';
  let u: URL;
  try {
    u = new URL(spec);
  } catch {
    throw new EntenteError('invalid-argument', `${op}: ${JSON.stringify(spec)} is not a URL`);
  }
  const scheme =
    u.protocol === 'clickhouse:' ? 'http' : u.protocol === 'clickhouses:' ? 'https' : '';
  if (!scheme || !u.hostname) {
    throw new EntenteError(
      'invalid-argument',
      `${op}: ${JSON.stringify(spec)} is not clickhouse://HOST[:PORT][/DATABASE]`,
    );
  }
  const port = u.port || '8123';
  const database = decodeURIComponent(u.pathname.replace(/^\/+|\/+$/g, '')) || 'default';
  const cluster = u.searchParams.get('cluster') ?? DEFAULT_CLICKHOUSE_CLUSTER;
  for (const [what, name] of [
    ['database', database],
    ['cluster', cluster],
  ] as const) {
    if (!NAME.test(name)) {
      throw new EntenteError(
        'invalid-argument',
        `${op}: ${what} ${JSON.stringify(name)} is not a plain name`,
      );
    }
  }
  const shards = (u.searchParams.get('shards') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => {
      if (!/^[^/:\s]+:\d+$/.test(s)) {
        throw new EntenteError(
          'invalid-argument',
          `${op}: shard ${JSON.stringify(s)} is not HOST:PORT`,
        );
      }
      return `${scheme}://${s}`;
    });
  return {
    url: `${scheme}://${u.hostname.includes(':') ? `[${u.hostname}]` : u.hostname}:${port}`,
    username: decodeURIComponent(u.username) || 'default',
    password: decodeURIComponent(u.password),
    database,
    cluster,
    clusterExplicit: u.searchParams.has('cluster'),
    shards,
  };
}
