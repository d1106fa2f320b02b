/**
 * The DuckDB engine's three ingest paths (docs/events.md, "How a file is read"): the strict fast
 * path, the careful path it falls back to when a row is bad or has no id, and the no-op for a
 * file read whole before. Expected counts come from brute force over the generated rows.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntenteError } from '@entente/core';
import { type EventStore, fileFingerprint, openEventStore } from '@entente/events';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gdeltRow } from './gdelt-row.js';

let dir: string;
let store: EventStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-events-paths-'));
  store = await openEventStore(join(dir, 'events.duckdb'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `n` well-formed rows with ids 1..n, spread over 2015–2024 and the four QuadClasses. */
function gdeltRows(n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    gdeltRow(
      String(i + 1),
      `${2015 + (i % 10)}0${1 + (i % 9)}15`,
      i % 3 === 0 ? 'AFGINSTAL' : 'USA',
      i % 2 === 0 ? 'PAK' : 'QAT',
      String(1 + (i % 4)),
      `https://example.org/${i}`,
    ),
  );
}

async function totalRows(): Promise<number> {
  const volumes = await store.volumes({ by: 'year' });
  return volumes.reduce((a, v) => a + v.events, 0);
}

async function quadCounts(): Promise<number[]> {
  const groups = await store.groups({ by: 'year', breakpoints: [] });
  return [1, 2, 3, 4].map((q) => groups.reduce((a, g) => a + (g.measures[`quad${q}`] ?? 0), 0));
}

describe('ingest falls back to the careful path when a row is bad', () => {
  const field = (i: number, value: string) => (row: string) => {
    const f = row.split('\t');
    f[i] = value;
    return f.join('\t');
  };
  it.each([
    ['a short row', (row: string) => row.split('\t').slice(0, 40).join('\t'), /./],
    ['a date that is none', field(1, '2021x315'), /./],
    ['a QuadClass of 9', field(29, '9'), /QuadClass outside 1-4/],
  ] as const)(
    '%s on line 4,321 of 5,000: refused whole at that line, stored without it on request',
    async (_name, spoil, message) => {
      const rows = gdeltRows(5000);
      rows[4320] = spoil(rows[4320] as string);
      const file = join(dir, 'deep.tsv');
      writeFileSync(file, `${rows.join('\n')}\n`);
      const error = (await store
        .ingest([file], { format: 'gdelt' })
        .catch((e) => e)) as EntenteError;
      expect(error).toBeInstanceOf(EntenteError);
      expect(error.code).toBe('invalid-csv');
      expect(error.message).toMatch(/deep\.tsv:4321: /);
      expect(error.message).toMatch(/\(1 malformed row in this file; nothing of it was stored/);
      expect(error.message).toMatch(message);
      expect(await totalRows()).toBe(0);
      const r = await store.ingest([file], { format: 'gdelt', allowMalformed: true });
      expect([r.rows, r.inserted, r.duplicates]).toEqual([4999, 4999, 0]);
      expect(r.malformed.map((m) => m.line)).toEqual([4321]);
      expect(await totalRows()).toBe(4999);
      // A file with malformed rows is read again each time: refused again without the option.
      const again = (await store.ingest([file], { format: 'gdelt' }).catch((e) => e)) as Error;
      expect(again.message).toMatch(/deep\.tsv:4321: /);
      expect(await totalRows()).toBe(4999);
    },
  );

  it('a bad row past DuckDB’s first read buffers is located too', { tags: ['slow'] }, async () => {
    const rows = gdeltRows(300_000);
    rows[287_654] = (rows[287_654] as string).split('\t').slice(0, 30).join('\t');
    const file = join(dir, 'big.tsv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    expect(statSync(file).size).toBeGreaterThan(32 * 2 ** 20);
    const error = (await store.ingest([file], { format: 'gdelt' }).catch((e) => e)) as Error;
    expect(error.message).toMatch(/big\.tsv:287655: /);
    expect(await totalRows()).toBe(0);
    const r = await store.ingest([file], { format: 'gdelt', allowMalformed: true });
    expect(r.inserted).toBe(299_999);
  });

  it('groups() returns hundreds of thousands of groups (no spread onto the call stack)', {
    tags: ['slow'],
  }, async () => {
    // 200,000 rows, each its own dyad (actor codes A0…, B0…): 200,000 groups, past the ~120,000
    // arguments a spread into push() takes on Node 20's default stack.
    const n = 200_000;
    const rows = Array.from({ length: n }, (_, i) =>
      gdeltRow(i + 1, '20210615', `A${i}`, `B${i}`, '1'),
    );
    const file = join(dir, 'many-dyads.tsv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    await store.ingest([file], { format: 'gdelt' });
    const groups = await store.groups({ by: 'month', breakpoints: [] });
    expect(groups.length).toBe(n);
    expect(new Set(groups.map((g) => `${g.sideA}|${g.sideB}`)).size).toBe(n);
    expect(groups.reduce((a, g) => a + (g.measures.quad1 ?? 0), 0)).toBe(n);
  });

  it('fast and careful paths store the same rows: random ids, repeats and rows without an id', async () => {
    const row = fc.record({
      id: fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 12 }).map(String)),
      year: fc.integer({ min: 2015, max: 2024 }),
      quad: fc.integer({ min: 1, max: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 25 }),
        fc.array(row, { minLength: 1, maxLength: 25 }),
        async (first, second) => {
          let serial = 0;
          const text = (rs: typeof first) =>
            rs
              .map((r) =>
                gdeltRow(r.id, `${r.year}0601`, 'USA', 'PAK', String(r.quad), `u${serial++}`),
              )
              .join('\n');
          // Brute force: the first row of each key is stored; a row without an id is its own key.
          const seen = new Map<string, number>();
          let own = 0;
          const expected = [first, second].map((rs) => {
            let inserted = 0;
            for (const r of rs) {
              const key = r.id === '' ? `row ${own++}` : r.id;
              if (!seen.has(key)) {
                seen.set(key, r.quad);
                inserted++;
              }
            }
            return inserted;
          });
          const quads = [1, 2, 3, 4].map((q) => [...seen.values()].filter((v) => v === q).length);
          for (const careful of [false, true]) {
            const sub = mkdtempSync(join(dir, 'run-'));
            const s = await openEventStore(join(sub, 'events.duckdb'));
            try {
              const inserted: number[] = [];
              for (const [k, rs] of [first, second].entries()) {
                const file = join(sub, `f${k}.tsv`);
                // A short row at the end sends the file to the careful path.
                writeFileSync(file, `${text(rs)}\n${careful ? 'short\trow\n' : ''}`);
                const r = await s.ingest([file], { format: 'gdelt', allowMalformed: careful });
                expect(r.rows).toBe(rs.length);
                expect(r.malformed.length).toBe(careful ? 1 : 0);
                inserted.push(r.inserted);
              }
              expect(inserted).toEqual(expected);
              const groups = await s.groups({ by: 'year', breakpoints: [] });
              const got = [1, 2, 3, 4].map((q) =>
                groups.reduce((a, g) => a + (g.measures[`quad${q}`] ?? 0), 0),
              );
              expect(got).toEqual(quads);
            } finally {
              await s.close();
              rmSync(sub, { recursive: true, force: true });
            }
          }
        },
      ),
      { numRuns: 12, seed: 11 },
    );
  });
});

describe('re-ingesting a file already read whole', () => {
  it('the same file: no rows read, every row a duplicate; the file changed at the same path is read', async () => {
    const rows = gdeltRows(400);
    const file = join(dir, 'day.tsv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    const first = await store.ingest([file], { format: 'gdelt', version: '2.0' });
    expect([first.rows, first.inserted, first.duplicates]).toEqual([400, 400, 0]);
    const quads = await quadCounts();
    const again = await store.ingest([file], { format: 'gdelt', version: '2.0' });
    expect([again.rows, again.inserted, again.duplicates]).toEqual([400, 0, 400]);
    expect(await totalRows()).toBe(400);
    expect(await quadCounts()).toEqual(quads);
    // Same path and size, one id changed in the middle (a new event), new modification time.
    const before = statSync(file);
    const changed = [...rows];
    changed[200] = (changed[200] as string).replace(/^201\t/, '901\t');
    expect(changed[200]).not.toBe(rows[200]);
    writeFileSync(file, `${changed.join('\n')}\n`);
    utimesSync(file, before.atime, new Date(before.mtimeMs + 5000));
    expect(statSync(file).size).toBe(before.size);
    const third = await store.ingest([file], { format: 'gdelt', version: '2.0' });
    expect([third.rows, third.inserted, third.duplicates]).toEqual([400, 1, 399]);
    expect(await totalRows()).toBe(401);
  });

  it('the same file ingested as another format is read, not taken for the earlier ingest', async () => {
    const file = join(dir, 'ucdp.csv');
    writeFileSync(
      file,
      'id,year,date_start,date_end,side_a,side_b,best,country\n7,2015,2015-03-01,2015-03-01,Government of Afghanistan,IS,12,Afghanistan\n',
    );
    expect((await store.ingest([file], { format: 'ucdp-ged' })).inserted).toBe(1);
    expect((await store.ingest([file], { format: 'ucdp-ged' })).inserted).toBe(0);
    const dyadic = await store.ingest([file], { format: 'ucdp-dyadic' });
    expect([dyadic.inserted, dyadic.duplicates]).toEqual([1, 0]);
    expect(await totalRows()).toBe(2);
  });
});

describe('fileFingerprint(path)', () => {
  it('changes with the content at the same size and time, with the time, and with the path', async () => {
    const a = join(dir, 'a.tsv');
    writeFileSync(a, 'x'.repeat(5000));
    const when = new Date('2026-01-02T03:04:05Z');
    utimesSync(a, when, when);
    const fp = await fileFingerprint(a);
    expect(fp).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await fileFingerprint(a)).toBe(fp);
    writeFileSync(a, `${'x'.repeat(2500)}y${'x'.repeat(2499)}`);
    utimesSync(a, when, when);
    const changed = await fileFingerprint(a);
    expect(changed).not.toBe(fp);
    utimesSync(a, when, new Date(when.getTime() + 1000));
    expect(await fileFingerprint(a)).not.toBe(changed);
    const b = join(dir, 'b.tsv');
    writeFileSync(b, readFileSync(a));
    utimesSync(b, when, new Date(when.getTime() + 1000));
    expect(await fileFingerprint(b)).not.toBe(await fileFingerprint(a));
  });
});
