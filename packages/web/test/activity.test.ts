/**
 * The workbench's event-data helpers (issue 11), checked against hand-computed values: the activity
 * chart's rows, domain, marks, source line, empty states and spoken summary, and the observed
 * verdicts in the Claims table. The series mirror UCDP's published yearly deaths of the Government
 * of Afghanistan – IS dyad (../shared/data/README.md: best 679 in 2015, 2,842 in 2018, 264 in 2021).
 */
import { describe, expect, it } from 'vitest';
import type { Case, EventSeries, ObservedVerdict } from '../src/api/types.js';
import {
  activityDomain,
  activityEmpty,
  activityKey,
  activityPanels,
  activityRows,
  activitySource,
  activitySummary,
  caseMapsEvents,
  keyLabel,
  periodEnd,
  periodStart,
  sameKey,
  seriesOf,
} from '../src/charts/activity.js';
import { claimRows, observedTest } from '../src/claims.js';

const ucdp: EventSeries = {
  key: { actor: 'isk' },
  dataset: 'ucdp',
  formats: ['ucdp-dyadic'],
  versions: ['24.1'],
  by: 'year',
  // Out of order on purpose: the chart sorts by date.
  points: [
    {
      period: '2018',
      measures: { events: 1, deaths_best: 2842, deaths_low: 2700, deaths_high: 3100 },
    },
    {
      period: '2015',
      measures: { events: 1, deaths_best: 679, deaths_low: 600, deaths_high: 700 },
    },
    { period: '2021', measures: { events: 2, deaths_best: 264 } },
  ],
  query: 'actor isk, by year',
  sources: [{ sideA: 'Government of Afghanistan', sideB: 'IS', rows: 3 }],
  caveats: ['2021: Government of Afghanistan is the Taliban regime after 2021-08-15'],
};

const gdelt: EventSeries = {
  ...ucdp,
  dataset: 'gdelt',
  formats: ['gdelt'],
  versions: [''],
  by: 'month',
  points: [
    { period: '2021-09', measures: { events: 12, quad4: 3 } },
    { period: '2021-08', measures: { events: 40, quad4: 20 } },
  ],
  caveats: [],
};

const utc = (s: string) => new Date(`${s}T00:00:00Z`);

describe('activity chart', () => {
  it('periodStart / periodEnd give the first day and the day after the last, UTC', () => {
    expect(periodStart('2018')).toEqual(utc('2018-01-01'));
    expect(periodEnd('2018')).toEqual(utc('2019-01-01'));
    expect(periodStart('2021-08')).toEqual(utc('2021-08-01'));
    expect(periodEnd('2024-02')).toEqual(utc('2024-03-01')); // a leap February
    expect(periodStart('2021-08-15')).toEqual(utc('2021-08-15'));
    expect(periodEnd('2021-08-15')).toEqual(utc('2021-08-16'));
    expect(() => periodStart('2021-13')).toThrow(/activity chart: "2021-13" is not a date/);
  });

  it('activityRows(series) sorts the periods and keeps absent measures null, never 0', () => {
    const d = activityRows(ucdp);
    expect(d.rows.map((r) => [r.period, r.events, r.deaths, r.low, r.high])).toEqual([
      ['2015', 1, 679, 600, 700],
      ['2018', 1, 2842, 2700, 3100],
      ['2021', 2, 264, null, null],
    ]);
    expect(d).toMatchObject({ deathsMeasure: 'deaths_best', band: true, by: 'year' });
    // GDELT has no deaths: no deaths measure, no band.
    const g = activityRows(gdelt);
    expect(g.rows.map((r) => [r.period, r.events, r.deaths])).toEqual([
      ['2021-08', 40, null],
      ['2021-09', 12, null],
    ]);
    expect(g).toMatchObject({ deathsMeasure: null, band: false });
  });

  it('activityDomain(data, at) spans the periods and widens to hold the timeline’s date', () => {
    const d = activityRows(ucdp);
    expect(activityDomain(d, null)).toEqual([utc('2015-01-01'), utc('2022-01-01')]);
    // The built-in case's timeline ends in 2023, after the data.
    expect(activityDomain(d, '2023')).toEqual([utc('2015-01-01'), utc('2024-01-01')]);
    expect(activityDomain(d, '2010-06')).toEqual([utc('2010-06-01'), utc('2022-01-01')]);
  });

  it('activityPanels(data, at): deaths (band, line, dots) then events (bars), each with the date marker', () => {
    const panels = activityPanels(activityRows(ucdp), '2021-08-15');
    expect(panels.map((p) => [p.id, p.label, p.marks.map((m) => m.kind)])).toEqual([
      [
        'deaths',
        'deaths (best estimate), low–high band',
        ['areaY', 'lineY', 'dot', 'ruleY', 'ruleX'],
      ],
      ['events', 'events', ['rectY', 'ruleY', 'ruleX']],
    ]);
    const [deaths, events] = panels;
    // The band has only the rows with both estimates; the line every row with a best estimate.
    expect(deaths?.marks[0]?.data.map((r) => (r as { period: string }).period)).toEqual([
      '2015',
      '2018',
    ]);
    expect(deaths?.marks[1]?.data).toHaveLength(3);
    expect(deaths?.marks[4]?.data).toEqual([
      { date: utc('2021-08-15'), label: 'timeline date 2021-08-15' },
    ]);
    expect(events?.marks[0]?.options).toMatchObject({ x: 'date', y: 'events', interval: 'year' });
    expect(deaths?.domain).toEqual([utc('2015-01-01'), utc('2022-01-01')]);
    // No date on the timeline: no marker. GDELT: the events panel alone, monthly bars.
    expect(activityPanels(activityRows(ucdp), null)[0]?.marks.map((m) => m.kind)).toEqual([
      'areaY',
      'lineY',
      'dot',
      'ruleY',
    ]);
    const g = activityPanels(activityRows(gdelt), null);
    expect(g.map((p) => p.id)).toEqual(['events']);
    expect(g[0]?.marks[0]?.options).toMatchObject({ interval: 'month' });
  });

  it('activityKey(focus, tie) is the selected tie’s dyad, else the actor in focus, else null', () => {
    expect(activityKey('isk', { source: 'pakistan', target: 'ttp' })).toEqual({
      dyad: ['pakistan', 'ttp'],
    });
    expect(activityKey('isk', null)).toEqual({ actor: 'isk' });
    expect(activityKey(null, null)).toBeNull();
    const names = new Map([
      ['isk', 'IS-K'],
      ['pakistan', 'Pakistan'],
    ]);
    expect(keyLabel({ actor: 'isk' }, names)).toBe('IS-K');
    expect(keyLabel({ dyad: ['pakistan', 'ttp'] }, names)).toBe('Pakistan — ttp');
  });

  it('seriesOf(series, key) keeps the key’s own series (an actor’s answer also holds its dyads)', () => {
    const dyad: EventSeries = { ...ucdp, key: { dyad: ['taliban', 'isk'] } };
    expect(seriesOf([ucdp, dyad], { actor: 'isk' })).toEqual([ucdp]);
    expect(seriesOf([ucdp, dyad], { dyad: ['isk', 'taliban'] })).toEqual([dyad]);
    expect(seriesOf([dyad], { actor: 'isk' })).toEqual([dyad]); // none is the key's: all
    expect(sameKey({ actor: 'isk' }, { dyad: ['isk', 'x'] })).toBe(false);
    expect(sameKey({ dyad: ['a', 'b'] }, { dyad: ['b', 'a'] })).toBe(true);
    expect(sameKey({ dyad: ['a', 'b'] }, { dyad: ['a', 'c'] })).toBe(false);
    // The empty state counts only the key's own rows.
    expect(
      activityEmpty({ actor: 'isk' }, { available: true, series: [{ ...ucdp, points: [] }, dyad] }),
    ).toBe('No rows for this actor in the event data.');
  });

  it('activitySource(series) names the dataset, format, version and query', () => {
    expect(activitySource(ucdp)).toBe('UCDP (ucdp-dyadic 24.1) — actor isk, by year');
    expect(activitySource(gdelt)).toBe('GDELT (gdelt) — actor isk, by year');
    expect(activitySource({ ...ucdp, coverage: { from: '1989', until: '2021' } })).toBe(
      'UCDP (ucdp-dyadic 24.1) — actor isk, by year; the data cover 1989 to 2021',
    );
  });

  it('activityEmpty(key, answer) says why there is nothing to draw', () => {
    expect(activityEmpty(null, null)).toMatch(/^Select an actor/);
    expect(activityEmpty({ actor: 'isk' }, null)).toBeNull(); // still loading
    expect(activityEmpty({ actor: 'isk' }, { available: false, series: [] })).toMatch(
      /^No event data loaded — run `entente events ingest/,
    );
    expect(
      activityEmpty({ actor: 'isk' }, { available: true, series: [{ ...ucdp, points: [] }] }),
    ).toBe('No rows for this actor in the event data.');
    expect(activityEmpty({ dyad: ['a', 'b'] }, { available: true, series: [] })).toBe(
      'No rows for this dyad in the event data.',
    );
    expect(activityEmpty({ actor: 'isk' }, { available: true, series: [ucdp] })).toBeNull();
    // A case without an `events:` mapping: nothing asked, and the chart says what to add.
    expect(activityEmpty({ actor: 'isk' }, null, false)).toMatch(/add an `events:` section/);
    expect(activityEmpty(null, null, false)).toMatch(/^Select an actor/);
    expect(caseMapsEvents({ actors: [] } as unknown as Case)).toBe(false);
    expect(caseMapsEvents({ actors: [], events: { ucdp: [] } } as unknown as Case)).toBe(true);
    expect(caseMapsEvents(null)).toBe(false);
  });

  it('activitySummary gives screen readers the span, totals and peaks', () => {
    // Deaths 679 + 2842 + 264 = 3785, most in 2018; events 1 + 1 + 2 = 4, most in 2021.
    expect(activitySummary('IS-K', ucdp, activityRows(ucdp))).toBe(
      'UCDP events and deaths of IS-K per year, 2015 to 2021; deaths: 3,785 in all, most in 2018 (2,842); events: 4 in all, most in 2021 (2).',
    );
  });
});

describe('observed verdicts in the Claims table', () => {
  const c = {
    claims: [
      { id: 'grew', statement: 'The groups grew.', evidence: [{ paragraph: 8, sentence: 2 }] },
      { id: 'other', statement: 'Another claim.', evidence: [{ paragraph: 3 }] },
    ],
    hypotheses: [
      {
        id: 'h1',
        claim: 'grew',
        statement: 'Model: groups grow.',
        scenario: 'sq',
        metric: 'm',
        op: '>',
        value: 0,
      },
      // An observed hypothesis the case states (kind observed): never a model test.
      { id: 'o1', kind: 'observed', claim: 'grew', statement: 'Deaths grew.' },
    ],
  } as unknown as Case;

  /** A verdict as the contract gives it: mean deaths per month 100 → 142, relative effect 0.42. */
  const verdict = (v: Partial<ObservedVerdict>): ObservedVerdict => ({
    id: 'o1',
    statement: 'Deaths grew.',
    claim: null,
    claimant: 'author',
    paragraph: null,
    sentence: null,
    series: 'isk + ttp',
    dataset: 'ucdp',
    measure: 'deaths_best',
    normalised: false,
    by: 'month',
    aggregate: 'mean',
    op: '>',
    minEffect: { relative: 0.05, rationale: 'visible growth' },
    scale: 'relative',
    status: 'holds',
    effect: 0.42,
    from: { start: '2019-08', end: '2021-07', value: 100, periods: 24, covered: 24 },
    to: { start: '2021-08', end: '2023-07', value: 142, periods: 24, covered: 24 },
    coverage: { from: '1989-01', until: '2023-12' },
    versions: ['24.1'],
    reason: null,
    caveats: [],
    ...v,
  });

  it('observedTest(v) writes status, effect against min effect, windows, series and caveats; no-data is not fails', () => {
    expect(observedTest(verdict({ caveats: ['2023 partial'] }))).toEqual({
      id: 'o1',
      statement: 'Deaths grew.',
      claimant: 'author',
      status: 'holds',
      verdict: 'holds',
      effect: 'effect 42% against min effect > 5%',
      window: '2019-08–2021-07: mean 100 → 2021-08–2023-07: mean 142',
      source: 'UCDP 24.1 deaths_best of isk + ttp per month',
      caveats: ['the data cover 1989-01 to 2023-12', '2023 partial'],
    });
    const none = observedTest(
      verdict({
        status: 'no-data',
        effect: null,
        reason: 'the data end in 2021',
        to: { start: '2021-08', end: '2023-07', value: null, periods: 24, covered: 5 },
      }),
    );
    expect(none.verdict).toBe('no data');
    expect(none.effect).toBe('no data: the data end in 2021 (min effect > 5%)');
    expect(none.window).toBe(
      '2019-08–2021-07: mean 100 → 2021-08–2023-07: not covered (5 of 24 periods covered)',
    );
    const absolute = verdict({
      scale: 'absolute',
      effect: 42,
      minEffect: { absolute: 10, rationale: 'r' },
    });
    expect(observedTest(absolute).effect).toBe('effect 42 against min effect > 10');
    expect(observedTest(verdict({ status: 'fails', effect: -0.3 })).verdict).toBe('fails');
  });

  it('claimRows puts an observed verdict beside its claim’s model tests, by claim, then by paragraph, else in its own row', () => {
    const rows = claimRows(c, null, [
      verdict({}), // o1 tests claim "grew" in the case
      verdict({ id: 'o2', statement: 'Events grew.', paragraph: 3 }), // ¶3 is claim "other"'s
      verdict({
        id: 'o3',
        statement: 'Loose.',
        paragraph: 12,
        status: 'no-data',
        effect: null,
      }),
    ]);
    expect(
      rows.map((r) => [r.claim, r.tests.map((t) => t.id), r.observed.map((o) => o.id)]),
    ).toEqual([
      ['grew', ['h1'], ['o1']],
      ['other', [], ['o2']],
      [null, [], ['o3']],
    ]);
    expect(rows[2]).toMatchObject({ statement: 'Loose.', paragraph: '¶12' });
    expect(rows[2]?.observed[0]?.verdict).toBe('no data');
  });

  it('claimRows without observed verdicts lists the case’s observed hypotheses as not evaluated, never as model tests', () => {
    const rows = claimRows(c, null);
    expect(
      rows.map((r) => [r.claim, r.tests.map((t) => t.id), r.observed.map((o) => o.id)]),
    ).toEqual([
      ['grew', ['h1'], ['o1']],
      ['other', [], []],
    ]);
    expect(rows[0]?.observed[0]).toMatchObject({
      status: 'not-evaluated',
      verdict: 'not evaluated',
      effect: 'no event data loaded',
    });
  });
});
