/**
 * The issue's done-when on both engines (tag `clickhouse`): `entente events ingest --format
 * ucdp-dyadic` of the UCDP annual file, then `entente events series … --by year --json` through
 * the built-in case's mapping, give the same JSON on DuckDB and on the 2-shard ClickHouse cluster
 * of ENTENTE_TEST_CLICKHOUSE, byte for byte (the series JSON names no store). Skips loudly without
 * the cluster or without the `events series` command.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createClient } from '@clickhouse/client';
import { afterAll, describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test-support/shared-data.js';
import { parseClickHouseUrl } from '../../events/src/index.js';
import { runCli, tempDir } from './helpers.js';

const ANNUAL = 'data/events/ucdp-afpak-annual-1989-2021.csv';
const URL_ENV = process.env.ENTENTE_TEST_CLICKHOUSE;
const hasSeries = (await runCli(['events', 'series', '--help'])).stdout.includes('events series');

if (!URL_ENV || !hasSeries) {
  console.warn(
    `\n*** SKIPPED "events series on both engines": ${URL_ENV ? 'no `events series` command in this build' : 'ENTENTE_TEST_CLICKHOUSE is unset'} ***\n`,
  );
  describe.skip('events series on both engines', () => {
    it('needs a ClickHouse cluster and the events commands', () => {});
  });
} else {
  const database = `entente_cli_${randomBytes(4).toString('hex')}`;
  const target = parseClickHouseUrl(URL_ENV);
  const u = new URL(URL_ENV);
  u.pathname = `/${database}`;
  const ch = u.toString();

  describeShared(ANNUAL, 'events series on both engines', () => {
    afterAll(async () => {
      for (const url of new Set([target.url, ...target.shards])) {
        const c = createClient({ url });
        await c.command({ query: `DROP DATABASE IF EXISTS ${database}` });
        await c.close();
      }
    });

    it('gives the same --json on DuckDB and ClickHouse (IS-K, TTP, a dyad)', {
      tags: ['clickhouse'],
    }, async () => {
      const dir = tempDir();
      const duck = join(dir, 'events.duckdb');
      for (const db of [duck, ch]) {
        const r = await runCli(
          ['events', 'ingest', '--format', 'ucdp-dyadic', sharedPath(ANNUAL), '--db', db],
          dir,
        );
        expect(r.code, r.stderr).toBe(0);
      }
      const queries = [
        ['--actor', 'isk'],
        ['--actor', 'ttp'],
        ['--dyad', 'isk,taliban'],
      ];
      const run = async (db: string) => {
        const out: string[] = [];
        for (const q of queries) {
          const r = await runCli(
            ['events', 'series', ...q, '--by', 'year', '--json', '--db', db],
            dir,
          );
          expect(r.code, r.stderr).toBe(0);
          out.push(r.stdout);
        }
        return out;
      };
      const a = await run(duck);
      expect(await run(ch)).toEqual(a);
      expect(a[0]).toMatch(/679/); // IS-K with the Afghan government, 2015 (the issue's check)
    });
  });
}
