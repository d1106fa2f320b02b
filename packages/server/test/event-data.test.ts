// openEventData with a stand-in engine and mapping (the real ones are @entente/events and core's
// compileEventMapping): a series without a coverage gets its formats' coverage from the volumes,
// a dataset without rows gives null, and the built-in case's observed verdicts come out decided
// or no-data as the coverage says.

import { readFileSync } from 'node:fs';
import { type EventGroup, type EventSeries, type EventVolume, loadCase } from '@entente/core';
import { BUILTIN_CASE, openEventData } from '@entente/server';
import { describe, expect, it } from 'vitest';

const loaded = loadCase(readFileSync(BUILTIN_CASE, 'utf8'));
if (!loaded.ok) throw new Error('built-in case invalid');
const c = loaded.case;

// UCDP yearly volumes 1989–2021, and IS-K's yearly deaths 2015–2020 (hand-summed, see
// core/test/events/builtin-observed.test.ts).
const volumes: EventVolume[] = Array.from({ length: 33 }, (_, i) => ({
  format: 'ucdp-dyadic',
  period: String(1989 + i),
  events: 10,
}));
const isk: Record<string, number> = {
  2015: 971,
  2016: 2390,
  2017: 3218,
  2018: 3470,
  2019: 1155,
  2020: 316,
};

const deps = {
  openEventStore: async () => ({
    groups: async (): Promise<EventGroup[]> => [],
    volumes: async (q: { by: string }) =>
      q.by === 'year' ? volumes : volumes.map((v) => ({ ...v, period: `${v.period}-06` })),
    close: () => {},
  }),
  compileEventMapping: () => ({ breakpoints: [] }),
  eventSeries: (
    _m: unknown,
    _g: readonly EventGroup[],
    _v: readonly EventVolume[],
    o: { key: EventSeries['key']; by: 'year' | 'month'; dataset: 'ucdp' | 'gdelt' | 'acled' },
  ): EventSeries => ({
    key: o.key,
    dataset: o.dataset,
    formats: ['ucdp-dyadic'],
    versions: ['24.1'],
    by: o.by,
    points:
      'actor' in o.key && o.key.actor === 'isk' && o.by === 'year'
        ? Object.entries(isk).map(([period, v]) => ({ period, measures: { deaths_best: v } }))
        : [],
    query: 'stand-in',
    sources: [],
    caveats: [],
  }),
};

describe('openEventData', () => {
  it('fills a missing coverage from the volumes, at the series resolution', async () => {
    const d = await openEventData('fake.duckdb', deps);
    if (d === null) throw new Error('not opened');
    const y = await d.series(c, { key: { actor: 'isk' }, by: 'year', dataset: 'ucdp' });
    expect(y?.coverage).toEqual({ from: '1989', until: '2021' });
    const m = await d.series(c, { key: { actor: 'isk' }, by: 'month', dataset: 'ucdp' });
    expect(m?.coverage).toEqual({ from: '1989-06', until: '2021-06' });
    expect(await d.series(c, { key: { actor: 'isk' }, by: 'year', dataset: 'gdelt' })).toBeNull();
    await d.close();
  });

  it("gives the built-in case's observed verdicts", async () => {
    const d = await openEventData('fake.duckdb', deps);
    if (d === null) throw new Error('not opened');
    const v = await d.observed(c);
    expect(v.map((x) => [x.id, x.status])).toEqual([
      ['groups-grew-observed', 'no-data'],
      ['ttp-trouble-this-year-observed', 'no-data'],
      ['isk-weak-at-first-observed', 'holds'],
    ]);
    expect(v[2].effect).toBeCloseTo((2109.8 - 971) / 971, 9);
  });

  it('is null for a database file that does not exist', async () => {
    expect(await openEventData('/nonexistent/entente/events.duckdb')).toBeNull();
  });
});
