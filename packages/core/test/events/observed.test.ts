/**
 * Observed hypotheses: verdicts on hand-built series with hand-computed effects, `no-data` where
 * the data do not cover a window (never a silent 0), summed actors, relative effects, and the
 * case format's located checks.
 */
import {
  coverageOfVolumes,
  type EventSeries,
  loadCase,
  type ObservedHypothesis,
  observedSeriesRequests,
  observedVerdict,
  observedVerdicts,
  periodsBetween,
} from '@entente/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const series = (
  actor: string,
  points: Record<string, number>,
  coverage: { from: string; until: string } | null,
  by: 'year' | 'month' = 'year',
): EventSeries => ({
  key: { actor },
  dataset: 'ucdp',
  formats: ['ucdp-dyadic'],
  versions: ['24.1'],
  by,
  points: Object.entries(points).map(([period, v]) => ({
    period,
    measures: { deaths_best: v, events: 1 },
  })),
  query: `ucdp ${actor} by ${by}`,
  sources: [],
  caveats: [],
  coverage,
});

const hyp = (over: Partial<ObservedHypothesis> = {}): ObservedHypothesis => ({
  kind: 'observed',
  id: 'h',
  statement: 'It grew.',
  series: { actor: 'isk', dataset: 'ucdp', measure: 'deaths_best' },
  from: { start: '2015', end: '2015' },
  to: { start: '2016', end: '2018' },
  op: '>',
  ...over,
});

// UCDP yearly battle deaths (best) of the dyads involving IS in Afghanistan and Pakistan,
// summed by hand from ../shared/data/events/ucdp-afpak-annual-1989-2021.csv (README: 679 in 2015
// for Government of Afghanistan – IS): 2015 679 + 292; 2016 2141 + 68 + 181; 2017 2795 + 80 +
// 343; 2018 2842 + 51 + 577.
const isk = series(
  'isk',
  { 2015: 971, 2016: 2390, 2017: 3218, 2018: 3470 },
  {
    from: '1989',
    until: '2021',
  },
);

describe('observed hypotheses', () => {
  it('compares the mean per period of two windows, absolute by default', () => {
    const v = observedVerdict(hyp(), [isk]);
    // mean 2016–2018 = (2390 + 3218 + 3470) / 3 = 3026; effect = 3026 − 971 = 2055
    expect(v.status).toBe('holds');
    expect(v.from).toEqual({ start: '2015', end: '2015', value: 971, periods: 1, covered: 1 });
    expect(v.to.value).toBe(3026);
    expect(v.effect).toBe(2055);
    expect(v.scale).toBe('absolute');
    expect(v.aggregate).toBe('mean');
    expect(v.coverage).toEqual({ from: '1989', until: '2021' });
    expect(v.versions).toEqual(['24.1']);
    expect(v.reason).toBeNull();
  });

  it('takes a relative minimum effect as a share of the from-window', () => {
    const rel = (r: number) =>
      observedVerdict(hyp({ minEffect: { relative: r, rationale: 'test' } }), [isk]);
    // (3026 − 971) / 971 = 2.1164…
    expect(rel(1).effect).toBeCloseTo(2055 / 971, 12);
    expect(rel(1).status).toBe('holds');
    expect(rel(2.2).status).toBe('fails');
    expect(rel(1).scale).toBe('relative');
  });

  it('sums or takes the maximum of a window when asked', () => {
    const sum = observedVerdict(hyp({ aggregate: 'sum' }), [isk]);
    expect(sum.to.value).toBe(2390 + 3218 + 3470);
    expect(sum.caveats.some((c) => c.includes('longer window'))).toBe(true);
    const max = observedVerdict(hyp({ aggregate: 'max', op: '<' }), [isk]);
    expect(max.to.value).toBe(3470);
    expect(max.status).toBe('fails');
  });

  it('counts a period without a point as 0 inside the coverage', () => {
    const v = observedVerdict(
      hyp({ from: { start: '2012', end: '2013' }, to: { start: '2014', end: '2015' } }),
      [isk],
    );
    expect(v.from).toEqual({ start: '2012', end: '2013', value: 0, periods: 2, covered: 2 });
    expect(v.to.value).toBe(971 / 2);
    expect(v.status).toBe('holds');
  });

  it('is no-data, not 0, when a window leaves the coverage', () => {
    const v = observedVerdict(
      hyp({ from: { start: '2020', end: '2021' }, to: { start: '2022', end: '2023' } }),
      [isk],
    );
    expect(v.status).toBe('no-data');
    expect(v.effect).toBeNull();
    expect(v.to).toEqual({ start: '2022', end: '2023', value: null, periods: 2, covered: 0 });
    expect(v.from.value).toBe(0);
    expect(v.reason).toContain('2022 is outside the ucdp data (1989–2021)');
  });

  it('is no-data when the coverage is unknown or the series is missing', () => {
    const unknown = observedVerdict(hyp(), [{ ...isk, coverage: null }]);
    // 2015..2018 all have points, so both windows are decided even without coverage …
    expect(unknown.status).toBe('holds');
    // … but a gap is not a 0 without it.
    const gap = observedVerdict(hyp({ from: { start: '2014', end: '2015' } }), [
      { ...isk, coverage: null },
    ]);
    expect(gap.status).toBe('no-data');
    expect(gap.from.covered).toBe(1);
    expect(gap.reason).toContain('does not say which periods');
    const none = observedVerdict(hyp(), [null]);
    expect(none.status).toBe('no-data');
    expect(none.reason).toBe('no ucdp data for isk');
  });

  it('is no-data when the measure is absent', () => {
    const v = observedVerdict(
      hyp({ series: { actor: 'isk', dataset: 'ucdp', measure: 'deaths_civilians' } }),
      [isk],
    );
    expect(v.status).toBe('no-data');
    expect(v.reason).toContain('measure "deaths_civilians" is absent');
  });

  it('sums the series of several actors over the intersection of their coverage', () => {
    const ttp = series(
      'ttp',
      { 2015: 2009, 2016: 756, 2017: 548, 2018: 178 },
      {
        from: '1989',
        until: '2019',
      },
    );
    const h = hyp({ series: { actors: ['isk', 'ttp'], dataset: 'ucdp', measure: 'deaths_best' } });
    expect(observedSeriesRequests(h)).toEqual([
      { key: { actor: 'isk' }, dataset: 'ucdp', by: 'year' },
      { key: { actor: 'ttp' }, dataset: 'ucdp', by: 'year' },
    ]);
    const v = observedVerdict(h, [isk, ttp]);
    expect(v.from.value).toBe(971 + 2009);
    expect(v.to.value).toBe((2390 + 756 + 3218 + 548 + 3470 + 178) / 3);
    expect(v.coverage).toEqual({ from: '1989', until: '2019' });
    expect(v.series).toBe('isk + ttp');
    expect(v.caveats.some((c) => c.includes('summed'))).toBe(true);
  });

  it('treats a zero from-window as an infinite relative effect, reported as null', () => {
    const v = observedVerdict(
      hyp({
        from: { start: '2013', end: '2014' },
        minEffect: { relative: 0.5, rationale: 'test' },
      }),
      [isk],
    );
    expect(v.status).toBe('holds');
    expect(v.effect).toBeNull();
  });

  it('evaluates monthly windows on a monthly series', () => {
    const m = series(
      'isk',
      { '2021-09': 10, '2021-10': 20 },
      { from: '2020-01', until: '2021-12' },
      'month',
    );
    const h = hyp({
      from: { start: '2021-06', end: '2021-08' },
      to: { start: '2021-09', end: '2021-11' },
    });
    expect(observedSeriesRequests(h)[0].by).toBe('month');
    const v = observedVerdict(h, [m]);
    expect(v.to.value).toBe(10);
    expect(v.effect).toBe(10);
  });

  it('evaluates the observed hypotheses of a case in order and skips model ones', async () => {
    const asked: string[] = [];
    const verdicts = await observedVerdicts(
      {
        hypotheses: [
          { kind: 'model' },
          hyp({ id: 'a' }),
          hyp({ id: 'b', series: { actor: 'ttp', dataset: 'ucdp', measure: 'deaths_best' } }),
        ],
      },
      async (r) => {
        asked.push('actor' in r.key ? r.key.actor : '');
        return 'actor' in r.key && r.key.actor === 'isk' ? isk : null;
      },
    );
    expect(asked).toEqual(['isk', 'ttp']);
    expect(verdicts.map((v) => [v.id, v.status])).toEqual([
      ['a', 'holds'],
      ['b', 'no-data'],
    ]);
  });

  it('property: a decided verdict agrees with the sign of mean(to) − mean(from)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 6, maxLength: 6 }),
        (values) => {
          const points = Object.fromEntries(values.map((v, i) => [String(2000 + i), v]));
          const s = series('isk', points, { from: '2000', until: '2005' });
          const v = observedVerdict(
            hyp({ from: { start: '2000', end: '2002' }, to: { start: '2003', end: '2005' } }),
            [s],
          );
          const diff =
            (values[3] + values[4] + values[5]) / 3 - (values[0] + values[1] + values[2]) / 3;
          expect(v.status).toBe(diff > 0 ? 'holds' : 'fails');
          expect(v.effect).toBeCloseTo(diff, 9);
        },
      ),
    );
  });
});

describe('coverage and periods', () => {
  it('enumerates periods across a year boundary', () => {
    expect(periodsBetween('2019-11', '2020-02')).toEqual([
      '2019-11',
      '2019-12',
      '2020-01',
      '2020-02',
    ]);
    expect(periodsBetween('2019', '2021')).toEqual(['2019', '2020', '2021']);
  });

  it('takes the coverage of a format from its volumes, at either resolution', () => {
    const volumes = [
      { format: 'ucdp-dyadic' as const, period: '1990', events: 3 },
      { format: 'ucdp-dyadic' as const, period: '1989', events: 2 },
      { format: 'ucdp-dyadic' as const, period: '2021', events: 1 },
      { format: 'gdelt' as const, period: '2023', events: 9 },
    ];
    expect(coverageOfVolumes(volumes, ['ucdp-dyadic'], 'year')).toEqual({
      from: '1989',
      until: '2021',
    });
    expect(coverageOfVolumes(volumes, ['ucdp-dyadic'], 'month')).toEqual({
      from: '1989-01',
      until: '2021-12',
    });
    expect(coverageOfVolumes(volumes, ['acled'], 'year')).toBeNull();
    expect(
      coverageOfVolumes([{ format: 'gdelt', period: '2015-02', events: 5 }], ['gdelt'], 'year'),
    ).toEqual({ from: '2015', until: '2015' });
  });
});

const text = (...lines: string[]): string => `${lines.join('\n')}\n`;
const HEAD = [
  'format: entente/1', // 1
  'id: t', // 2
  'title: Test', // 3
  'actors:', // 4
  '  - { id: isk, name: I, kind: armed-group }', // 5
  '  - { id: ttp, name: T, kind: armed-group }', // 6
  'hypotheses:', // 7
];
const where = (t: string) =>
  loadCase(t)
    .issues.filter((i) => i.severity === 'error')
    .map((i) => ({ code: i.code, line: i.line }));

describe('observed hypotheses in the case format', () => {
  it('loads a valid observed hypothesis next to the defaults', () => {
    const r = loadCase(
      text(
        ...HEAD,
        '  - kind: observed', // 8
        '    id: grew',
        '    statement: S.',
        '    series: { actors: [isk, ttp], dataset: ucdp, measure: deaths_best }',
        '    from: { start: 2015, end: 2015 }',
        '    to: { start: 2016, end: 2018 }',
        '    op: ">"',
        '    minEffect: { relative: 0.25, rationale: r }',
      ),
    );
    expect(r.issues).toEqual([]);
    if (!r.ok) throw new Error('not ok');
    const h = r.case.hypotheses?.[0];
    expect(h?.kind).toBe('observed');
    if (h?.kind !== 'observed') throw new Error('not observed');
    expect(h.from).toEqual({ start: '2015', end: '2015' });
  });

  it('locates unknown actors, mixed resolutions, reversed windows and two ways to name a series', () => {
    const t = text(
      ...HEAD,
      '  - kind: observed', // 8
      '    id: a', // 9
      '    statement: S.', // 10
      '    series: { actor: iskk, dataset: ucdp, measure: deaths_best }', // 11
      '    from: { start: 2015, end: 2014 }', // 12
      '    to: { start: 2016-01, end: 2018-12 }', // 13
      '    op: ">"', // 14
      '  - kind: observed', // 15
      '    id: b', // 16
      '    statement: S.', // 17
      '    series: { actor: isk, dyad: [isk, ttp], dataset: ucdp, measure: events }', // 18
      '    from: { start: 2015, end: 2017 }', // 19
      '    to: { start: 2016, end: 2018 }', // 20
      '    op: ">"', // 21
      '  - kind: observed', // 22
      '    id: c', // 23
      '    statement: S.', // 24
      '    series: { actor: isk, dataset: ucdb, measure: events }', // 25
      '    from: { start: 2015, end: 2015 }', // 26
      '    to: { start: 2016, end: 2016 }', // 27
      '    op: ">"', // 28
    );
    expect(where(t)).toEqual(
      expect.arrayContaining([
        { code: 'unknown-actor', line: 11 },
        { code: 'invalid-range', line: 12 },
        { code: 'invalid-value', line: 18 },
        { code: 'invalid-range', line: 20 },
        { code: 'invalid-value', line: 25 },
      ]),
    );
    expect(loadCase(t).issues.find((i) => i.code === 'unknown-actor')?.suggestion).toBe('isk');
  });
});
