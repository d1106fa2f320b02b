/**
 * The built-in case's observed hypotheses on the shared UCDP yearly file, with IS-K's and the
 * TTP's series built here by hand (not by the case's `events` mapping, which the engine applies):
 * IS rows count for IS-K when every country they list is Afghanistan or Pakistan (global IS
 * totals are left out), per the data's README. The data end in 2021, so the ¶8 claims about
 * 2021-08–2023 must come out no-data, with the reason; ¶3's IS-K claim is decided.
 */
import { readFileSync } from 'node:fs';
import { type EventSeries, type ObservedHypothesis, observedVerdict } from '@entente/core';
import { expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../../test-support/shared-data.js';
import { builtinCase } from '../simulation/helpers.js';

const FILE = 'data/events/ucdp-afpak-annual-1989-2021.csv';
const AFPAK = new Set(['Afghanistan', 'Pakistan']);

/** The fields of one CSV line (RFC 4180 quoting; this file has no line breaks inside fields). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

describeShared([FILE], 'built-in observed hypotheses on UCDP yearly data', () => {
  const [header, ...lines] = readFileSync(sharedPath(FILE), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '')
    .map(csvFields);
  const rows = lines.map((f) => Object.fromEntries(header.map((h, i) => [h, f[i] ?? ''])));
  const inAfPak = (r: Record<string, string>) =>
    r.country.split(',').every((c) => AFPAK.has(c.trim()));
  const yearly = (
    key: EventSeries['key'],
    keep: (r: Record<string, string>) => boolean,
    by: 'year' | 'month' = 'year',
  ): EventSeries => {
    const sums = new Map<string, number>();
    if (by === 'year')
      for (const r of rows.filter(keep)) sums.set(r.year, (sums.get(r.year) ?? 0) + Number(r.best));
    return {
      key,
      dataset: 'ucdp',
      formats: ['ucdp-dyadic'],
      versions: ['23.1', '24.1'],
      by,
      points: [...sums].map(([period, v]) => ({ period, measures: { deaths_best: v } })),
      query: 'hand-built in the test',
      sources: [],
      caveats: [],
      coverage:
        by === 'year' ? { from: '1989', until: '2021' } : { from: '1989-01', until: '2021-12' },
    };
  };
  const hasSide = (r: Record<string, string>, side: string) =>
    r.side_a === side || r.side_b === side;
  const isk = yearly({ actor: 'isk' }, (r) => hasSide(r, 'IS') && inAfPak(r));
  const c = builtinCase();
  const observed = (id: string) => {
    const h = (c.hypotheses ?? []).find((x) => x.id === id);
    if (h?.kind !== 'observed') throw new Error(`no observed hypothesis ${id}`);
    return h as ObservedHypothesis;
  };

  it('IS-K in 2015 against 2016–2020 (¶3.1): holds, effect by hand', () => {
    const v = observedVerdict(observed('isk-weak-at-first-observed'), [isk]);
    // 2015: 679 + 292 = 971; 2016–2020: 2390, 3218, 3470, 1155, 316 → mean 2109.8
    expect(v.from.value).toBe(971);
    expect(v.to.value).toBeCloseTo(2109.8, 9);
    expect(v.effect).toBeCloseTo((2109.8 - 971) / 971, 9);
    expect(v.status).toBe('holds');
  });

  it('the groups after the takeover (¶8.2) and the TTP in 2023 (¶8.3): no-data, with the reason', () => {
    const monthly = (actor: string) => yearly({ actor }, () => false, 'month');
    const grew = observedVerdict(observed('groups-grew-observed'), [
      monthly('isk'),
      monthly('ttp'),
    ]);
    expect(grew.status).toBe('no-data');
    expect(grew.effect).toBeNull();
    expect(grew.reason).toContain('to 2021-08–2023-07: 2022-01 is outside the ucdp data');
    expect(grew.to.covered).toBe(5);
    const pakTtp = yearly(
      { dyad: ['pakistan', 'ttp'] },
      (r) => r.dyad_name === 'Government of Pakistan - TTP',
    );
    const ttp = observedVerdict(observed('ttp-trouble-this-year-observed'), [pakTtp]);
    expect(ttp.status).toBe('no-data');
    // 2007–2022 is not covered either (2022), so neither window is decided.
    expect(ttp.from.covered).toBe(15);
    expect(ttp.reason).toContain('2022 is outside the ucdp data (1989–2021)');
  });
});
