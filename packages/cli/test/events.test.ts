import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  EventsActorsCommandSchema,
  EventsIngestCommandSchema,
  EventsSeriesCommandSchema,
} from '@entente/core';
import { afterAll, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../test-support/shared-data.js';
import { runCli, tempDir } from './helpers.js';

const ANNUAL_FILE = 'data/events/ucdp-afpak-annual-1989-2021.csv';
const GDELT_FILE = 'data/events/gdelt-v2-events-sample.tsv';

describeShared(ANNUAL_FILE, 'entente events on the UCDP annual file (issue 11, done-when)', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const deathsBest = (series: { points: { period: string; measures: Record<string, number> }[] }) =>
    Object.fromEntries(series.points.map((p) => [p.period, p.measures.deaths_best]));

  it('ingest, then series --actor isk / --actor ttp give the published UCDP deaths', async () => {
    const ingest = await runCli(
      ['events', 'ingest', '--format', 'ucdp-dyadic', sharedPath(ANNUAL_FILE), '--json'],
      dir,
    );
    expect(ingest.code).toBe(0);
    const report = EventsIngestCommandSchema.parse(JSON.parse(ingest.stdout));
    expect(report.db).toBe(join(dir, '.entente', 'events.duckdb'));
    expect(report.inserted).toBe(319);

    const isk = await runCli(['events', 'series', '--actor', 'isk', '--by', 'year', '--json'], dir);
    expect(isk.code).toBe(0);
    // The series JSON names no store, so every engine prints the same bytes for the same rows.
    expect(Object.keys(JSON.parse(isk.stdout))).toEqual(['case', 'dataset', 'by', 'series']);
    const out = EventsSeriesCommandSchema.parse(JSON.parse(isk.stdout));
    const withRepublic = out.series.find((s) => 'dyad' in s.key && s.key.dyad.includes('republic'));
    expect(withRepublic).toBeDefined();
    // Government of Afghanistan – IS, UCDP Battle-Related Deaths (dyadic) 24.1, best estimates.
    const gov = deathsBest(withRepublic as (typeof out.series)[number]);
    expect([gov['2015'], gov['2018'], gov['2021']]).toEqual([679, 2842, 264]);
    expect(withRepublic?.versions).toEqual(['24.1']);

    const ttp = await runCli(['events', 'series', '--actor', 'ttp', '--json'], dir);
    const t = EventsSeriesCommandSchema.parse(JSON.parse(ttp.stdout));
    const withPakistan = t.series.find((s) => 'dyad' in s.key && s.key.dyad.includes('pakistan'));
    // Government of Pakistan – TTP.
    const pak = deathsBest(withPakistan as (typeof t.series)[number]);
    expect([pak['2010'], pak['2018'], pak['2021']]).toEqual([5502, 147, 259]);

    const dyad = await runCli(['events', 'series', '--dyad', 'pakistan,ttp', '--csv'], dir);
    expect(dyad.stdout).toContain('pakistan–ttp,ucdp,2010,1,5502,');
  });

  it('actors lists unmapped names by volume; IS and Taleban are mapped, Government of India is not', async () => {
    const r = await runCli(['events', 'actors', '--json'], dir);
    expect(r.code).toBe(0);
    const out = EventsActorsCommandSchema.parse(JSON.parse(r.stdout));
    const names = out.unmapped.map((u) => u.name);
    expect(names).toContain('Government of India');
    expect(names).not.toContain('IS');
    expect(names).not.toContain('Taleban');
    const rows = out.unmapped.map((u) => u.rows);
    expect(rows).toEqual([...rows].sort((a, b) => b - a));
  });

  it('--engine names the same store as --db, and giving both is a usage error', async () => {
    const db = join(dir, '.entente', 'events.duckdb');
    const viaDb = await runCli(['events', 'series', '--actor', 'ttp', '--db', db, '--json'], dir);
    const viaEngine = await runCli(
      ['events', 'series', '--actor', 'ttp', '--engine', db, '--json'],
      dir,
    );
    expect(viaEngine.code).toBe(0);
    expect(viaEngine.stdout).toBe(viaDb.stdout);
    const both = await runCli(['events', 'series', '--engine', db, '--db', db], dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/give one of --engine and --db/);
  });

  it('a missing store is reported, not created', async () => {
    const empty = tempDir();
    const r = await runCli(['events', 'series'], empty);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/events series: no event store at .*events\.duckdb/);
    rmSync(empty, { recursive: true, force: true });
  });

  it('an unknown actor is refused', async () => {
    const r = await runCli(['events', 'series', '--actor', 'nobody'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/events series: the case has no actor "nobody"/);
  });
});

describeShared(GDELT_FILE, 'entente events on the GDELT sample', () => {
  it('the us series counts the rows with a USA… actor code, normalised by the month volume', async () => {
    const dir = tempDir();
    try {
      const ingest = await runCli(
        ['events', 'ingest', '--format', 'gdelt', sharedPath(GDELT_FILE), '--json'],
        dir,
      );
      expect(ingest.code).toBe(0);
      const rows = readFileSync(sharedPath(GDELT_FILE), 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.split('\t'));
      const month = (r: string[]) => `${r[1]?.slice(0, 4)}-${r[1]?.slice(4, 6)}`;
      const expected = new Map<string, number>();
      const volume = new Map<string, number>();
      for (const r of rows) {
        volume.set(month(r), (volume.get(month(r)) ?? 0) + 1);
        if (r[5]?.startsWith('USA') || r[15]?.startsWith('USA')) {
          expected.set(month(r), (expected.get(month(r)) ?? 0) + 1);
        }
      }
      const r = await runCli(
        ['events', 'series', '--dataset', 'gdelt', '--actor', 'us', '--by', 'month', '--json'],
        dir,
      );
      expect(r.code).toBe(0);
      const us = EventsSeriesCommandSchema.parse(JSON.parse(r.stdout)).series[0];
      const got = new Map(
        us?.points.filter((p) => p.measures.events > 0).map((p) => [p.period, p.measures.events]),
      );
      expect(got).toEqual(expected);
      for (const p of us?.points ?? []) {
        expect(p.normalised?.events).toBeCloseTo(p.measures.events / (volume.get(p.period) ?? 0));
      }
      expect(us?.caveats.some((c) => c.startsWith('GDELT counts news reports'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
