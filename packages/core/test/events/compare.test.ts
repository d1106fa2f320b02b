/**
 * Series as evidence and `events compare`: relations read from hand-built dyad series (UCDP's
 * 25-death threshold, GDELT's QuadClass balance), each with data evidence the case format
 * accepts, and the sign and trend agreement of a small case against them, counted by hand.
 */
import {
  compareEvents,
  type EventSeries,
  eventRelations,
  parseCase,
  periodSign,
  validateCaseData,
} from '@entente/core';
import { describe, expect, it } from 'vitest';

const dyad = (
  a: string,
  b: string,
  dataset: 'ucdp' | 'gdelt',
  points: Record<string, Record<string, number>>,
  coverage: { from: string; until: string } | null,
): EventSeries => ({
  key: { dyad: [a, b] },
  dataset,
  formats: [dataset === 'ucdp' ? 'ucdp-dyadic' : 'gdelt'],
  versions: dataset === 'ucdp' ? ['24.1'] : [],
  by: 'year',
  points: Object.entries(points).map(([period, measures]) => ({ period, measures })),
  query: `${dataset} ${a}–${b} by year`,
  sources: [],
  caveats: [],
  coverage,
});

// UCDP Government of Afghanistan – IS, best estimates 2015–2020 (shared data README and file).
const republicIsk = dyad(
  'republic',
  'isk',
  'ucdp',
  {
    2015: { deaths_best: 679 },
    2016: { deaths_best: 2141 },
    2017: { deaths_best: 2795 },
    2018: { deaths_best: 2842 },
    2019: { deaths_best: 1075 },
    2020: { deaths_best: 316 },
  },
  { from: '1989', until: '2021' },
);

const CASE = parseCase(`format: entente/1
id: t
title: T
sources:
  - { id: s, title: S, author: A, kind: essay, date: 2023 }
  - { id: ucdp, title: UCDP, author: UCDP, kind: dataset, date: 2024 }
actors:
  - { id: republic, name: R, kind: state }
  - { id: isk, name: I, kind: armed-group }
  - { id: taliban, name: T, kind: regime }
relations:
  - { from: republic, to: isk, type: armed-conflict, since: 2015, assumption: true, rationale: r }
  - { from: taliban, to: isk, type: engagement, assumption: true, rationale: r }
`);

describe('series as evidence', () => {
  it('reads a UCDP year with at least 25 deaths as armed conflict, with data evidence', () => {
    const low = dyad(
      'republic',
      'isk',
      'ucdp',
      { 2014: { deaths_best: 24 }, 2015: { deaths_best: 25 } },
      null,
    );
    const rel = eventRelations(low);
    expect(rel.map((r) => [r.period, r.sign])).toEqual([['2015', -1]]);
    const r = rel[0].relation;
    expect(r).toMatchObject({
      from: 'republic',
      to: 'isk',
      type: 'armed-conflict',
      since: '2015',
      until: '2015',
    });
    expect(r.evidence?.[0]).toEqual({
      kind: 'data',
      source: 'ucdp',
      data: {
        dataset: 'ucdp',
        version: '24.1',
        query: 'ucdp republic–isk by year; republic–isk, 2015',
        counts: { deaths_best: 25 },
      },
    });
  });

  it('relations it gives load in a case (the evidence schema accepts them)', () => {
    const relations = eventRelations(republicIsk).map((r) => r.relation);
    const data = JSON.parse(JSON.stringify({ ...CASE, relations }));
    const r = validateCaseData(data);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(relations).toHaveLength(6);
  });

  it('reads GDELT QuadClass balance with a minimum of events', () => {
    // (8 + 2 − 1 − 1) / 12 = 0.67 → +; (1 + 1 − 5 − 5) / 12 = −0.67 → −; 9 events → too few.
    expect(periodSign('gdelt', { quad1: 8, quad2: 2, quad3: 1, quad4: 1 })).toBe(1);
    expect(periodSign('gdelt', { quad1: 1, quad2: 1, quad3: 5, quad4: 5 })).toBe(-1);
    expect(periodSign('gdelt', { quad1: 9 })).toBe(0);
    // (6 − 5) / 11 = 0.09 < 0.2 → 0
    expect(periodSign('gdelt', { quad1: 6, quad3: 5 })).toBe(0);
  });

  it('refuses an actor series', () => {
    expect(() => eventRelations({ ...republicIsk, key: { actor: 'isk' } })).toThrow(/dyad/);
  });
});

describe('events compare', () => {
  it('agrees on sign where the case codes conflict and the data show fighting', () => {
    const r = compareEvents(CASE, [republicIsk]);
    const d = r.dyads[0];
    expect(d.sign).toBe('agree');
    expect(d.agreePeriods).toBe(6);
    expect(d.disagreePeriods).toBe(0);
    expect([d.from, d.until]).toEqual(['2015', '2021']);
    // 2015–2021: early half 2015–2017 mean (679 + 2141 + 2795) / 3 = 1871.7; late half
    // 2019–2021 mean (1075 + 316 + 0) / 3 = 463.7 → toward cooperation (less fighting); the
    // case codes no change → trend disagrees.
    expect(d.dataTrend).toBe('toward-cooperation');
    expect(d.analystTrend).toBe('flat');
    expect(d.trend).toBe('disagree');
    expect(r.disagreements).toEqual([
      'republic–isk: trend 2015–2021: the case codes no change, ucdp records less violence (toward-cooperation)',
    ]);
  });

  it('lists a cooperative coding against fighting, and fighting the case does not code', () => {
    const talibanIsk = dyad(
      'taliban',
      'isk',
      'ucdp',
      { 2015: { deaths_best: 292 }, 2016: { deaths_best: 181 } },
      {
        from: '2015',
        until: '2016',
      },
    );
    const talibanRepublic = dyad(
      'taliban',
      'republic',
      'ucdp',
      { 2016: { deaths_best: 9000 } },
      {
        from: '2015',
        until: '2016',
      },
    );
    const r = compareEvents(CASE, [talibanIsk, talibanRepublic]);
    expect(r.dyads.map((d) => [d.dyad.join('–'), d.sign])).toEqual([
      ['taliban–isk', 'disagree'],
      ['taliban–republic', 'disagree'],
    ]);
    expect(r.disagreements).toContain(
      'taliban–isk: the case codes cooperation where ucdp reads hostility in 2015, 2016',
    );
    expect(r.disagreements).toContain(
      'taliban–republic: the case codes no relation where ucdp reads hostility in 2016',
    );
    expect(r.sign).toEqual({ agree: 0, disagree: 2, undecided: 0 });
  });
});
