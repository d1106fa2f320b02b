import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EntenteError } from '@entente/core';
import { type EventStore, openEventStore } from '@entente/events';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test-support/shared-data.js';
import { gdeltRow } from './gdelt-row.js';

const ANNUAL = 'data/events/ucdp-afpak-annual-1989-2021.csv';
const GED = 'data/events/ucdp-ged-sample.csv';
const JUANR = 'data/events/ucdp-ged211-afpak-precise-1989-2020.csv';
const GDELT = 'data/events/gdelt-v2-events-sample.tsv';

/** Records of a CSV text (quoted fields may hold commas and newlines), header excluded. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field.replace(/\r$/, ''));
      records.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) records.push([...row, field]);
  return records.slice(1);
}

let dir: string;
let store: EventStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'entente-events-'));
  store = await openEventStore(join(dir, 'db', 'events.duckdb'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function totalRows(): Promise<number> {
  const volumes = await store.volumes({ by: 'year' });
  return volumes.reduce((a, v) => a + v.events, 0);
}

describeShared([ANNUAL, GED, JUANR, GDELT], 'ingest of the shared UCDP and GDELT files', () => {
  it.each([
    ['ucdp-dyadic', ANNUAL],
    ['ucdp-ged', GED],
    ['ucdp-ged', JUANR],
  ] as const)('%s %s: every record stored once, re-ingest stores nothing', async (format, rel) => {
    const file = sharedPath(rel);
    const records = csvRecords(readFileSync(file, 'utf8'));
    const ids = new Set(records.map((r) => r[rel === GED ? 0 : 1]));
    expect(ids.size).toBe(records.length);
    const first = await store.ingest([file], { format });
    expect(first.malformed).toEqual([]);
    expect(first.rows).toBe(records.length);
    expect(first.inserted).toBe(records.length);
    expect(await totalRows()).toBe(records.length);
    const again = await store.ingest([file], { format });
    expect(again.inserted).toBe(0);
    expect(again.duplicates).toBe(records.length);
    expect(await totalRows()).toBe(records.length);
  });

  it('GDELT 2.0 sample: 100 rows, plain, gzip and zip alike', async () => {
    const file = sharedPath(GDELT);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n').filter((l) => l !== '');
    expect(lines.every((l) => l.split('\t').length === 61)).toBe(true);
    const r = await store.ingest([file], { format: 'gdelt', version: '2.0' });
    expect(r.inserted).toBe(lines.length);
    const gz = join(dir, 'sample.tsv.gz');
    writeFileSync(gz, gzipSync(text));
    expect((await store.ingest([gz], { format: 'gdelt' })).duplicates).toBe(lines.length);
    const zip = join(dir, 'sample.zip');
    writeFileSync(zip, zipSync({ '20150218230000.export.CSV': new TextEncoder().encode(text) }));
    const z = await store.ingest([zip], { format: 'gdelt' });
    expect(z.rows).toBe(lines.length);
    expect(z.duplicates).toBe(lines.length);
    // QuadClass counts, checked against the file by hand-rolled parsing.
    const quad = [0, 0, 0, 0];
    for (const l of lines) quad[Number(l.split('\t')[29]) - 1]++;
    const groups = await store.groups({ by: 'year', breakpoints: [] });
    const sums = [1, 2, 3, 4].map((q) =>
      groups.reduce((a, g) => a + (g.measures[`quad${q}`] ?? 0), 0),
    );
    expect(sums).toEqual(quad);
  });

  it('UCDP annual groups: Government of Afghanistan – IS deaths as published', async () => {
    await store.ingest([sharedPath(ANNUAL)], { format: 'ucdp-dyadic' });
    const groups = await store.groups({ by: 'year', breakpoints: ['2021-08-15'] });
    const best = (year: string) =>
      groups
        .filter(
          (g) => g.sideA === 'Government of Afghanistan' && g.sideB === 'IS' && g.period === year,
        )
        .map((g) => [g.measures.deaths_best, g.segment, g.spanning]);
    expect(best('2015')).toEqual([[679, 0, 0]]);
    expect(best('2018')).toEqual([[2842, 0, 0]]);
    // The 2021 row covers the whole year: it starts before the takeover and spans it.
    expect(best('2021')).toEqual([[264, 0, 1]]);
    const gv = groups.find((g) => g.sideA === 'Government of Afghanistan' && g.sideB === 'IS');
    expect(gv?.version).toBe('24.1');
  });

  it('actor volumes list every name by rows', async () => {
    await store.ingest([sharedPath(ANNUAL)], { format: 'ucdp-dyadic' });
    const volumes = await store.actorVolumes();
    const gov = volumes.find((v) => v.name === 'Government of Afghanistan');
    const records = csvRecords(readFileSync(sharedPath(ANNUAL), 'utf8'));
    const expected = records.filter(
      (r) => r[7] === 'Government of Afghanistan' || r[8] === 'Government of Afghanistan',
    ).length;
    expect(gov?.rows).toBe(expected);
    expect(gov?.countries).toContain('Afghanistan');
  });
});

describe('malformed input is located and nothing of the file is stored', () => {
  it('a short row and a bad QuadClass: refused whole, then stored without them on request', async () => {
    const file = join(dir, 'bad.tsv');
    const rows = [
      gdeltRow(1, '20210101', 'AFGINSTAL', 'USA', '1'),
      gdeltRow(2, '20210102', 'AFGINSTAL', 'PAK', '4'),
      gdeltRow(3, '20210103', 'USA', 'PAK', '1').split('\t').slice(0, 40).join('\t'),
      gdeltRow(4, '20210104', 'USA', 'QAT', '7'),
      gdeltRow(5, '20210105', 'CHN', 'AFGINSTAL', '2'),
    ];
    writeFileSync(file, `${rows.join('\n')}\n`);
    const error = await store.ingest([file], { format: 'gdelt' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntenteError);
    expect((error as EntenteError).code).toBe('invalid-csv');
    expect((error as EntenteError).message).toMatch(/^events ingest: .*bad\.tsv:3: /);
    expect((error as EntenteError).message).toMatch(/2 malformed rows/);
    expect(await totalRows()).toBe(0);
    const r = await store.ingest([file], { format: 'gdelt', allowMalformed: true });
    expect(r.inserted).toBe(3);
    expect(r.malformed.map((m) => m.line)).toEqual([3, 4]);
    expect(r.malformed[1]?.message).toMatch(/QuadClass/);
    expect(await totalRows()).toBe(3);
  });

  it('a bad date in a quoted multi-line CSV is located at its file line', async () => {
    const file = join(dir, 'acled.csv');
    writeFileSync(
      file,
      [
        'event_id_cnty,event_date,event_type,actor1,actor2,country,fatalities,notes',
        'AFG1,2022-03-01,Battles,Taliban,NRF,Afghanistan,4,"two\nlines"',
        'AFG2,2022-13-01,Battles,Taliban,NRF,Afghanistan,2,x',
      ].join('\n'),
    );
    const error = (await store.ingest([file], { format: 'acled' }).catch((e) => e)) as Error;
    expect(error.message).toMatch(/acled\.csv:4: /);
    expect(await totalRows()).toBe(0);
  });

  it('a file without the format’s columns is refused at line 1', async () => {
    const file = join(dir, 'x.csv');
    writeFileSync(file, 'a,b,c\n1,2,3\n');
    const error = (await store
      .ingest([file], { format: 'ucdp-ged' })
      .catch((e) => e)) as EntenteError;
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toMatch(/x\.csv:1: not a ucdp-ged file/);
  });

  it('ACLED: events and fatalities by type, one row per event id', async () => {
    const file = join(dir, 'acled-ok.csv');
    writeFileSync(
      file,
      [
        'event_id_cnty,event_date,year,event_type,sub_event_type,actor1,actor2,country,fatalities',
        'AFG10,2022-03-01,2022,Battles,Armed clash,Taliban,NRF,Afghanistan,4',
        'AFG11,2022-03-09,2022,Explosions/Remote violence,Suicide bomb,Islamic State (Afghanistan),Civilians (Afghanistan),Afghanistan,7',
        'AFG12,2022-04-02,2022,Battles,Armed clash,Taliban,NRF,Afghanistan,1',
        'AFG12,2022-04-02,2022,Battles,Armed clash,Taliban,NRF,Afghanistan,1',
      ].join('\n'),
    );
    const r = await store.ingest([file], { format: 'acled', version: '2024-01' });
    expect([r.rows, r.inserted, r.duplicates]).toEqual([4, 3, 1]);
    const groups = await store.groups({ by: 'month', breakpoints: [] });
    const march = groups.find((g) => g.sideA === 'Taliban' && g.period === '2022-03');
    expect(march?.measures).toEqual({
      events: 1,
      fatalities: 4,
      'events:Battles': 1,
      'fatalities:Battles': 4,
    });
    expect(march?.version).toBe('2024-01');
  });
});

describe('openEventStore and cancellation', () => {
  it('a spec naming an engine entente has not (postgres://) is refused with unsupported-format', async () => {
    const error = (await openEventStore('postgres://127.0.0.1:5432').catch(
      (e) => e,
    )) as EntenteError;
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toMatch(/^events: postgres:\/\/127\.0\.0\.1:5432: unknown engine/);
  });

  it('an aborted signal stores nothing and says cancelled', async () => {
    const file = join(dir, 'one.tsv');
    writeFileSync(file, `${gdeltRow(1, '20210101', 'USA', 'PAK', '1')}\n`);
    const controller = new AbortController();
    controller.abort();
    const error = (await store
      .ingest([file], { format: 'gdelt', signal: controller.signal })
      .catch((e) => e)) as EntenteError;
    expect(error.code).toBe('cancelled');
    expect(await totalRows()).toBe(0);
  });
});
