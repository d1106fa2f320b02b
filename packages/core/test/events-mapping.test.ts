import {
  compileEventMapping,
  type EventGroup,
  EventMappingSchema,
  eventSeries,
  loadCase,
  mapGroup,
  mappingBreakpoints,
  unmappedActors,
} from '@entente/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const mapping = EventMappingSchema.parse({
  map: [
    { dataset: 'ucdp', name: 'Government of Afghanistan', actor: 'republic', until: '2021-08-14' },
    { dataset: 'ucdp', name: 'Government of Afghanistan', actor: 'taliban', from: '2021-08-15' },
    { dataset: 'ucdp', name: 'Taleban', actor: 'taliban' },
    { dataset: 'ucdp', name: 'IS', actor: 'isk', countries: ['Afghanistan', 'Pakistan'] },
    { dataset: 'ucdp', pattern: 'TTP.*', actor: 'ttp' },
    { dataset: 'ucdp', name: 'TTP - TA', actor: 'other' },
    { dataset: 'gdelt', code: 'AFG', actor: 'republic' },
    { dataset: 'gdelt', code: 'AFGINSTAL', actor: 'taliban' },
  ],
});

function group(over: Partial<EventGroup>): EventGroup {
  return {
    format: 'ucdp-ged',
    version: '23.1',
    sideA: '',
    sideB: '',
    country: 'Afghanistan',
    period: '2021',
    segment: 0,
    spanning: 0,
    measures: { events: 1, deaths_best: 1 },
    ...over,
  };
}

describe('the events mapping', () => {
  const compiled = compileEventMapping(mapping);

  it('breakpoints are each from and the day after each until', () => {
    expect(mappingBreakpoints(mapping)).toEqual(['2021-08-15']);
    expect(
      mappingBreakpoints(
        EventMappingSchema.parse({
          map: [{ dataset: 'ucdp', name: 'x', actor: 'a', from: 2019, until: '2020-02' }],
        }),
      ),
    ).toEqual(['2019-01-01', '2020-03-01']);
  });

  it('Government of Afghanistan is the republic before the takeover, the Taliban after', () => {
    const g = { sideA: 'Government of Afghanistan', sideB: 'Taleban' };
    expect(mapGroup(compiled, group({ ...g, segment: 0 }))).toMatchObject({
      a: 'republic',
      b: 'taliban',
    });
    expect(mapGroup(compiled, group({ ...g, segment: 1 }))).toMatchObject({
      a: 'taliban',
      b: 'taliban',
    });
  });

  it('IS is IS-K only where every country of the row is Afghanistan or Pakistan', () => {
    const at = (country: string) =>
      mapGroup(compiled, group({ sideA: 'IS', sideB: 'Civilians', country })).a;
    expect(at('Afghanistan')).toBe('isk');
    expect(at('Afghanistan, Pakistan')).toBe('isk');
    expect(at('Syria')).toBeUndefined();
    expect(at('Afghanistan, Pakistan, Syria')).toBeUndefined();
  });

  it('an exact name beats a pattern; the longest CAMEO prefix wins', () => {
    expect(mapGroup(compiled, group({ sideA: 'TTP - TA' })).a).toBe('other');
    expect(mapGroup(compiled, group({ sideA: 'TTP-SM' })).a).toBe('ttp');
    const gd = (code: string) => mapGroup(compiled, group({ format: 'gdelt', sideA: code })).a;
    expect(gd('AFGINSTAL')).toBe('taliban');
    expect(gd('AFGGOV')).toBe('republic');
    expect(gd('PAK')).toBeUndefined();
  });

  it('a rule applies exactly on the days it names (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), (segment) => {
        const m = mapGroup(
          compiled,
          group({ sideA: 'Government of Afghanistan', segment: Math.min(segment, 1) }),
        );
        return m.a === (Math.min(segment, 1) === 0 ? 'republic' : 'taliban');
      }),
    );
  });

  it('unmapped actors are those no rule maps on any day or place, largest first', () => {
    const out = unmappedActors(compiled, [
      { format: 'ucdp-ged', name: 'Civilians', rows: 5, countries: ['Afghanistan'] },
      { format: 'ucdp-ged', name: 'IS', rows: 9, countries: ['Syria', 'Afghanistan'] },
      { format: 'ucdp-ged', name: 'BLA', rows: 7, countries: ['Pakistan'] },
    ]);
    expect(out.map((o) => o.name)).toEqual(['BLA', 'Civilians']);
  });
});

describe('the case check of the events section', () => {
  const base = `format: entente/1
id: t
title: T
actors:
  - { id: a, name: A, kind: state }
  - { id: b, name: B, kind: state }
`;
  it('reports unknown actors, bad patterns and overlapping dates, located', () => {
    const r = loadCase(`${base}events:
  map:
    - { dataset: ucdp, name: X, actor: zz }
    - { dataset: ucdp, pattern: "(", actor: a }
    - { dataset: ucdp, name: Y, actor: a, until: 2021-08-15 }
    - { dataset: ucdp, name: Y, actor: b, from: 2021-08-15 }
    - { dataset: ucdp, name: Z, code: Z, actor: a }
`);
    expect(r.ok).toBe(false);
    const msgs = r.issues.map((i) => `${i.line}:${i.code}:${i.message}`);
    expect(
      msgs.some((m) => /^9:unknown-actor:events\.map\[0\]\.actor: no actor has id "zz"/.test(m)),
    ).toBe(true);
    expect(
      msgs.some((m) =>
        /^10:invalid-value:events\.map\[1\]\.pattern: not a valid regular expression/.test(m),
      ),
    ).toBe(true);
    expect(
      msgs.some((m) =>
        /^12:invalid-range:events\.map\[3\]: the dates of this rule overlap those of events\.map\[2\]/.test(
          m,
        ),
      ),
    ).toBe(true);
    expect(
      msgs.some((m) =>
        /events\.map\[4\]: a mapping rule names its dataset actor by exactly one/.test(m),
      ),
    ).toBe(true);
  });

  it('accepts adjoining date ranges', () => {
    const r = loadCase(`${base}events:
  map:
    - { dataset: ucdp, name: Y, actor: a, until: 2021-08-14 }
    - { dataset: ucdp, name: Y, actor: b, from: 2021-08-15 }
`);
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
  });
});

describe('event series', () => {
  const groups: EventGroup[] = [
    group({
      sideA: 'Government of Afghanistan',
      sideB: 'IS',
      period: '2015',
      measures: { events: 1, deaths_best: 679 },
    }),
    group({
      sideA: 'IS',
      sideB: 'Taleban',
      period: '2015',
      measures: { events: 1, deaths_best: 292 },
    }),
    group({
      sideA: 'Government of Afghanistan',
      sideB: 'IS',
      period: '2021',
      spanning: 1,
      measures: { events: 1, deaths_best: 264 },
    }),
  ];
  const volumes = ['2015', '2016', '2021'].map((period) => ({
    format: 'ucdp-ged' as const,
    period,
    events: 10,
  }));

  it('a dyad sums its groups in either order and fills covered periods with 0', () => {
    const s = eventSeries(mapping, groups, volumes, {
      key: { dyad: ['isk', 'republic'] },
      by: 'year',
      dataset: 'ucdp',
    });
    expect(s.points).toEqual([
      { period: '2015', measures: { deaths_best: 679, events: 1 } },
      { period: '2016', measures: { deaths_best: 0, events: 0 } },
      { period: '2021', measures: { deaths_best: 264, events: 1 } },
    ]);
    expect(s.caveats[0]).toMatch(/^1 row\(s\) span/);
    expect(s.versions).toEqual(['23.1']);
  });

  it('warns when GED events and yearly dyad totals are summed, and when yearly rows are read by month', () => {
    const mixed = [
      group({ sideA: 'Government of Afghanistan', sideB: 'IS', period: '2015-01' }),
      group({
        format: 'ucdp-dyadic',
        sideA: 'Government of Afghanistan',
        sideB: 'IS',
        period: '2015-01',
      }),
    ];
    const monthly = eventSeries(mapping, mixed, [], {
      key: { actor: 'isk' },
      by: 'month',
      dataset: 'ucdp',
    });
    expect(monthly.caveats.filter((c) => /counted twice/.test(c))).toHaveLength(1);
    expect(
      monthly.caveats.filter((c) => /each year’s total falls in January/.test(c)),
    ).toHaveLength(1);
    const gedOnly = eventSeries(mapping, groups, volumes, {
      key: { actor: 'isk' },
      by: 'year',
      dataset: 'ucdp',
    });
    expect(gedOnly.caveats.some((c) => /counted twice|falls in January/.test(c))).toBe(false);
  });

  it('an actor sums every group it is on', () => {
    const s = eventSeries(mapping, groups, volumes, {
      key: { actor: 'isk' },
      by: 'year',
      dataset: 'ucdp',
    });
    expect(s.points[0]?.measures.deaths_best).toBe(679 + 292);
  });

  it('GDELT points are normalised by the period volume', () => {
    const g = [
      group({
        format: 'gdelt',
        sideA: 'AFGINSTAL',
        sideB: 'AFGGOV',
        period: '2015',
        measures: { events: 4, quad4: 2 },
      }),
    ];
    const s = eventSeries(mapping, g, [{ format: 'gdelt', period: '2015', events: 400 }], {
      key: { dyad: ['taliban', 'republic'] },
      by: 'year',
      dataset: 'gdelt',
    });
    expect(s.points[0]?.normalised).toEqual({ events: 0.01, quad4: 0.005 });
  });
});
