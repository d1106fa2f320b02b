/**
 * The workbench's pure helpers, checked against hand-computed values: timeline stops, the
 * tipping chart's energy lines, fan-chart rows, the analyses fetched ahead, scenario edits, list
 * keys, the Claims table, and the report's escaping and self-containment.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadCase } from '@entente/core';
import { describe, expect, it } from 'vitest';
import { AnalysisCache, cacheKey, neighbourKeys } from '../src/analysis-cache.js';
import type {
  AnalysisBundle,
  Band,
  Case,
  ExplorationSummary,
  ScenarioEntry,
  TippingResult,
} from '../src/api/types.js';
import { fanRows, sharedDomain } from '../src/charts/fan.js';
import { energyLines } from '../src/charts/tipping.js';
import {
  claimRows,
  decidedByText,
  failsWhereText,
  type HypothesisVerdict,
  paragraphText,
  verdictText,
} from '../src/claims.js';
import { keyed, uniqueKeys } from '../src/keys.js';
import { elementsOf } from '../src/map/elements.js';
import { picksFor } from '../src/map-picks.js';
import { buildReport, escapeHtml, sanitizeSvg } from '../src/report/buildReport.js';
import {
  applyEdit,
  EMPTY_EDIT,
  editedScenarios,
  isEdited,
  withFixed,
  withPolicy,
} from '../src/scenario-edit.js';
import { caseDates, compareDates, periodsAt, shownDate } from '../src/timeline.js';

const BUILTIN = fileURLToPath(new URL('../../../cases/afghanistan-2023.yaml', import.meta.url));

async function builtin(): Promise<Case> {
  const r = loadCase(await readFile(BUILTIN, 'utf8'));
  if (!r.ok) throw new Error('the built-in case does not load');
  return r.case as Case;
}

/** The smallest analysis the report reads: two actors, one positive tie. */
function minimalAnalysis(): AnalysisBundle {
  return {
    at: '2023',
    projection: {
      actors: ['us', 'taliban'],
      ties: [{ source: 'taliban', target: 'us', sign: 1, weight: 0.5, relations: [0] }],
    },
    balance: {
      actors: 2,
      ties: 1,
      frustration: {
        value: 0,
        exact: true,
        lowerBound: 0,
        method: 'x',
        unique: true,
        partition: [['us', 'taliban'], []],
        perActor: {},
        perActorShare: {},
      },
      triads: {
        counts: {},
        triangles: 0,
        balanced: 0,
        unbalanced: 0,
        ratio: 1,
        weightedRatio: 1,
      },
      unbalancedTriads: [],
      unbalancedTotal: 0,
    },
    landscape: {
      exhaustive: true,
      configurations: 2,
      actorsIncluded: [],
      minima: [],
      actors: {},
      diagnostics: [],
    },
    tipping: [],
    coalitions: { relocation: [], modularity: { modularity: 0, groups: [] } },
    leverage: {
      dependency: { actors: {} },
      threatLeverage: { pairs: [], leverage: {} },
      brokerage: { actors: {} },
    },
  } as unknown as AnalysisBundle;
}

describe('timeline', () => {
  it('compareDates(a, b) orders partial dates by first day, the coarser first', () => {
    const dates = ['2021-08-15', '2015-01', '2021', '2015', '2021-08', '2001-12-22'];
    expect([...dates].sort(compareDates)).toEqual([
      '2001-12-22',
      '2015',
      '2015-01',
      '2021',
      '2021-08',
      '2021-08-15',
    ]);
  });

  it('caseDates(c) lists every date the built-in case mentions, ending at 2023', async () => {
    const dates = caseDates(await builtin());
    expect(dates[dates.length - 1]).toBe('2023');
    expect(dates).toContain('2021-08-15');
    expect(dates).toContain('2015');
    expect(new Set(dates).size).toBe(dates.length);
    for (let i = 1; i < dates.length; i++) {
      expect(compareDates(dates[i - 1] as string, dates[i] as string)).toBeLessThan(0);
    }
  });

  it('shownDate(dates, chosen) keeps a chosen stop, else shows the latest', () => {
    expect(shownDate(['2015', '2021', '2023'], '2021')).toBe('2021');
    expect(shownDate(['2015', '2021', '2023'], '2019')).toBe('2023');
    expect(shownDate(['2015', '2021', '2023'], null)).toBe('2023');
    expect(shownDate([], '2021')).toBeNull();
  });

  it('periodsAt(c, at) names the periods containing a date', async () => {
    const c = await builtin();
    expect(periodsAt(c, '2023')).toEqual([
      'The essay\u2019s present (2022\u20132023)'.replace('\u2019', "'"),
    ]);
    expect(periodsAt(c, '2015-06').length).toBe(2); // the Republic era and IS-K's founding year
  });
});

describe('energyLines', () => {
  // Two segments: configuration P is most stable on [0, 0.4], Q on [0.4, 1].
  const t: TippingResult = {
    group: 'g',
    convention: 'test',
    method: 'exact',
    parameter: { kind: 'actor-ties', description: 'test', pairs: [], actor: 'g' },
    range: [0, 1],
    segments: [
      { from: 0, to: 0.4, configuration: [['a'], ['b']], energyAtFrom: -1, energyAtTo: -0.6 },
      { from: 0.4, to: 1, configuration: [['a', 'b'], []], energyAtFrom: -0.6, energyAtTo: -1.8 },
    ],
    tippingPoints: [{ value: 0.4, before: [['a'], ['b']], after: [['a', 'b'], []] }],
    sweep: null,
    options: { method: 'exact', maxExact: 25, steps: null, tolerance: 1e-9 },
    diagnostics: [],
    draws: null,
  };

  it('energyLines(t) extends each configuration linearly over the whole range', () => {
    const pts = energyLines(t);
    const p = pts.filter((x) => x.configuration === '{a} vs {b}');
    // slope (−0.6 − −1) / 0.4 = 1: at θ = 1 the energy is −1 + 1 = 0.
    expect(p.map((x) => [x.theta, +x.energy.toFixed(12)])).toEqual([
      [0, -1],
      [0.4, -0.6],
      [1, 0],
    ]);
    const q = pts.filter((x) => x.configuration === '{a, b} vs {∅}');
    // slope −1.2 / 0.6 = −2: at θ = 0 the energy is −0.6 + 0.8 = 0.2.
    expect(q.map((x) => +x.energy.toFixed(12))).toEqual([0.2, -0.6, -1.8]);
    expect(q.map((x) => x.stable)).toEqual([false, true, true]);
  });
});

describe('fanRows', () => {
  const band: Band = {
    scenario: 's',
    series: 'harm',
    probs: [0.05, 0.25, 0.5, 0.75, 0.95],
    worlds: 10,
    values: [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 9],
    ],
  };

  it('fanRows(band) gives one row per month with the five quantiles', () => {
    expect(fanRows(band)).toEqual([
      { month: 0, lo: 0, q1: 1, median: 2, q3: 3, hi: 4 },
      { month: 1, lo: 1, q1: 2, median: 3, q3: 4, hi: 9 },
    ]);
  });

  it('sharedDomain(rows) spans every band so side-by-side charts share an axis', () => {
    const other = fanRows({ ...band, values: band.values.map((r) => r.map((v) => v - 5)) });
    expect(sharedDomain([fanRows(band), other])).toEqual([-5, 9]);
    expect(sharedDomain([])).toEqual([0, 1]);
  });
});

describe('neighbourKeys', () => {
  const all = ['diplomatic', 'economic', 'security', 'hostility', 'control'] as const;

  it('neighbourKeys lists adjacent dates, each layer toggled, then the other dates', () => {
    const keys = neighbourKeys(['a', 'b', 'c', 'd'], 'b', all, all);
    expect(keys.slice(0, 2)).toEqual([
      { at: 'a', layers: all },
      { at: 'c', layers: all },
    ]);
    expect(keys.slice(2, 7).map((k) => k.layers.length)).toEqual([4, 4, 4, 4, 4]);
    expect(keys.slice(7)).toEqual([{ at: 'd', layers: all }]);
  });

  it('neighbourKeys never proposes an analysis without layers', () => {
    const keys = neighbourKeys([], null, ['security'], all);
    expect(keys.every((k) => k.layers.length > 0)).toBe(true);
    expect(keys).toHaveLength(4); // security + each of the other four
  });

  it('AnalysisCache keeps the most recently used entries', () => {
    const cache = new AnalysisCache(2);
    const a = {} as AnalysisBundle;
    cache.set('x', a);
    cache.set('y', a);
    cache.get('x');
    cache.set('z', a);
    expect([cache.has('x'), cache.has('y'), cache.has('z')]).toEqual([true, false, true]);
    expect(cacheKey('id:c', { at: '2023', layers: ['security', 'control'] })).toBe(
      cacheKey('id:c', { at: '2023', layers: ['control', 'security'] }),
    );
  });
});

describe('buildReport', () => {
  it('escapeHtml(s) escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('sanitizeSvg(svg) drops scripts, handlers and external references', () => {
    const svg =
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>x()</script>' +
      '<image href="https://evil.example/x.png" onload="y()"/><use href="#a"/></svg>';
    const out = sanitizeSvg(svg);
    expect(out).not.toMatch(/<script|onload|evil\.example|<\?xml/);
    expect(out).toContain('href="#a"');
  });

  it('buildReport(input) is self-contained and escapes the case', async () => {
    const c = { ...(await builtin()), title: 'Case <b>bold</b>' };
    const analysis = minimalAnalysis();
    const html = buildReport({
      caseData: c,
      analysis,
      mapSvg: '<svg><script>bad()</script><circle r="1"/></svg>',
      exploration: null,
      layers: ['security'],
    });
    expect(html).toContain('<title>Case &lt;b&gt;bold&lt;/b&gt; — entente report</title>');
    expect(html).toContain('<circle r="1"/>');
    expect(html).toContain('Frustration index <strong>0</strong>');
    expect(html).toContain('<td>Taliban</td><td>United States</td><td>+</td>');
    expect(html).not.toMatch(/<script|<link|\s(?:src|href)="(?:https?:)?\/\//i);
  });
});

describe('scenario edits', () => {
  const s: ScenarioEntry = {
    id: 's',
    defaultPolicy: 'engage',
    policies: { qatar: 'engage' },
    parameters: { kappa: 0.4 },
    uncertain: { eta: [0, 1] as [number, number], kappa: [0, 1] as [number, number] },
  };

  it('withPolicy(e, state, policy, base) records a change and drops a return to the base', () => {
    const e = withPolicy(EMPTY_EDIT, 'pakistan', 'sever', 'engage');
    expect(e.policies).toEqual({ pakistan: 'sever' });
    expect(isEdited(e)).toBe(true);
    const back = withPolicy(e, 'pakistan', 'engage', 'engage');
    expect(back.policies).toEqual({});
    expect(isEdited(back)).toBe(false);
    expect(isEdited(undefined)).toBe(false);
  });

  it('withFixed(e, id, value) fixes a parameter and null releases it', () => {
    const e = withFixed(EMPTY_EDIT, 'eta', 0.3);
    expect(e.fixed).toEqual({ eta: 0.3 });
    expect(withFixed(e, 'eta', null).fixed).toEqual({});
    expect(EMPTY_EDIT).toEqual({ policies: {}, fixed: {} });
  });

  it('applyEdit(s, e) merges policies, fixes parameters and takes them out of the uncertain set', () => {
    const e = withFixed(withPolicy(EMPTY_EDIT, 'pakistan', 'sever', 'engage'), 'eta', 0.3);
    expect(applyEdit(s, e)).toEqual({
      id: 's',
      defaultPolicy: 'engage',
      policies: { qatar: 'engage', pakistan: 'sever' },
      parameters: { kappa: 0.4, eta: 0.3 },
      uncertain: { kappa: [0, 1] },
    });
    expect(applyEdit(s, EMPTY_EDIT)).toEqual(s);
  });

  it('editedScenarios(scenarios, edits) lists only the edited ones, in the case order', () => {
    const t = { id: 't' };
    const edits = { t: withFixed(EMPTY_EDIT, 'eta', 1), s: EMPTY_EDIT };
    expect(editedScenarios([s, t], edits)).toEqual([{ id: 't', parameters: { eta: 1 } }]);
  });
});

describe('list keys', () => {
  it('uniqueKeys(contents) numbers repeats from the second on', () => {
    expect(uniqueKeys(['a', 'b', 'a', 'a'])).toEqual(['a', 'b', 'a#2', 'a#3']);
    expect(uniqueKeys([])).toEqual([]);
  });

  it('keyed(items, contentOf) pairs each item with its key', () => {
    expect(keyed([{ x: 1 }, { x: 1 }], (i) => String(i.x))).toEqual([
      [{ x: 1 }, '1'],
      [{ x: 1 }, '1#2'],
    ]);
  });
});

describe('claims table', () => {
  /** Two claims (one tested twice, one untested) and a hypothesis of no listed claim. */
  const c = {
    id: 't',
    title: 'T',
    actors: [],
    relations: [],
    claims: [
      {
        id: 'c1',
        statement: 'Engagement fails.',
        kind: 'causal',
        evidence: [
          { source: 'essay', paragraph: 8, sentence: 1, paraphrase: 'p' },
          { source: 'essay', paragraph: 7, paraphrase: 'q' },
          { source: 'essay', paragraph: 8, sentence: 1, paraphrase: 'r' },
        ],
      },
      { id: 'c2', statement: 'Untested.', kind: 'descriptive' },
    ],
    hypotheses: [
      {
        id: 'h1',
        claim: 'c1',
        statement: 'Groups grow.',
        scenario: 'sq',
        metric: 'm',
        op: '>',
        value: 0,
      },
      {
        id: 'h2',
        claim: 'c1',
        statement: 'Worse than severing.',
        scenario: 'sq',
        versus: 'sev',
        metric: 'm',
        op: '>',
      },
      { id: 'h3', statement: 'Free-standing.', scenario: 'sev', metric: 'm', op: '<', value: 1 },
    ],
  } as unknown as Case;

  /** A hypothesis of an exploration summary, as the contract gives it. */
  const hyp = (h: Partial<HypothesisVerdict>): HypothesisVerdict => ({
    id: '',
    claim: null,
    claimant: 'author',
    paragraph: null,
    sentence: null,
    statement: '',
    comparison: 'trend',
    policy: '',
    versus: null,
    metric: 'm',
    op: '>',
    minEffect: null,
    holds: null,
    ci: null,
    n: 400,
    effect: null,
    decidedBy: null,
    contradictedBy: [],
    failBox: null,
    draws: null,
    ...h,
  });
  const hyps: HypothesisVerdict[] = [
    hyp({
      id: 'h1',
      claim: 'c1',
      statement: 'Groups grow.',
      policy: 'sq',
      holds: 0.25,
      ci: [0.2, 0.3125],
      failBox: {
        coverage: 0.9,
        density: 0.95,
        support: 0.7,
        limits: [{ parameter: 'kappa', lo: 0.5, hi: 1 }],
        trajectory: [],
      },
    }),
    hyp({
      id: 'h2',
      claim: 'c1',
      statement: 'Worse than severing.',
      comparison: 'versus',
      policy: 'sq',
      versus: 'sev',
      holds: 1,
      ci: [0.99, 1],
      paragraph: 6,
      sentence: 2,
      effect: { scale: 'absolute', median: 0.1234, q05: -0.02, q95: 0.5, n: 400 },
    }),
    hyp({
      id: 'h3',
      statement: 'Free-standing.',
      policy: 'sev',
      holds: 0.5,
      ci: [0.45, 0.55],
      decidedBy: {
        parameter: 'kappa',
        op: '>',
        value: 0.5,
        density: 0.98,
        coverage: 0.97,
        source: 'box',
      },
    }),
  ];
  const summary = { completedWorlds: 400, hypotheses: hyps } as unknown as ExplorationSummary;

  it('paragraphText(p) writes ¶p or ¶p.s from numbers, objects and text', () => {
    expect(paragraphText(8)).toBe('¶8');
    expect(paragraphText({ paragraph: 8, sentence: 2 })).toBe('¶8.2');
    expect(paragraphText({ paragraph: 8 })).toBe('¶8');
    expect(paragraphText('6.1')).toBe('¶6.1');
    expect(paragraphText('¶6.1')).toBe('¶6.1');
    expect(paragraphText(undefined)).toBe('');
  });

  it('verdictText(h) gives share, interval and effect, or the deciding assumption', () => {
    expect(verdictText(hyps[0] as HypothesisVerdict)).toBe(
      'holds in 25.0% of worlds (95% CI 20.0–31.3%)',
    );
    expect(verdictText(hyps[1] as HypothesisVerdict)).toBe(
      'holds in 100.0% of worlds (95% CI 99.0–100.0%); effect median 0.123 [-0.02–0.5]',
    );
    expect(verdictText(hyps[2] as HypothesisVerdict)).toBe(
      'decided by assumption: kappa > 0.5 (density 98.0%, coverage 97.0%)',
    );
    expect(
      decidedByText({
        parameter: 'eta',
        op: '>',
        value: 0,
        density: 1,
        coverage: 1,
        source: 'endpoint',
      }),
    ).toBe('decided by assumption: eta > 0 (density 100.0%, coverage 100.0%)');
    expect(
      verdictText({
        ...(hyps[1] as HypothesisVerdict),
        effect: { scale: 'relative', median: -0.342, q05: -0.854, q95: 0.0676, n: 400 },
      }),
    ).toBe('holds in 100.0% of worlds (95% CI 99.0–100.0%); effect median -34.2% [-85.4%–6.76%]');
    expect(verdictText({ ...(hyps[0] as HypothesisVerdict), holds: null, ci: null })).toBe(
      'no world finished',
    );
  });

  it('failsWhereText(h) gives the PRIM box, “never fails” at 100%, else null', () => {
    expect(failsWhereText(hyps[0] as HypothesisVerdict)).toBe(
      'kappa ∈ [0.500, 1.00] (coverage 90%, density 95%)',
    );
    expect(failsWhereText(hyps[1] as HypothesisVerdict)).toBe('never fails');
    expect(failsWhereText(hyps[2] as HypothesisVerdict)).toBeNull();
  });

  it('claimRows(c, summary) lists each claim with its paragraphs, tests and verdicts', () => {
    const rows = claimRows(c, summary);
    expect(rows.map((r) => [r.claim, r.paragraph, r.tests.map((t) => t.id)])).toEqual([
      ['c1', '¶8.1, ¶7, ¶6.2', ['h1', 'h2']],
      ['c2', '', []],
      [null, '', ['h3']],
    ]);
    const [h1, h2] = rows[0]?.tests ?? [];
    expect(h1).toMatchObject({
      comparison: 'trend in sq',
      claimant: 'author',
      explored: true,
      decided: false,
      failsWhere: 'kappa ∈ [0.500, 1.00] (coverage 90%, density 95%)',
    });
    expect(h2).toMatchObject({ comparison: 'sq vs sev', claimant: 'author', versus: 'sev' });
    expect(rows[2]?.tests[0]).toMatchObject({ decided: true, scenario: 'sev' });
  });

  it('claimRows(c, null) lists the tests before any exploration, and names what to run', () => {
    const rows = claimRows(c, null);
    expect(rows[0]?.tests.map((t) => [t.verdict, t.explored])).toEqual([
      ['no exploration yet', false],
      ['no exploration yet', false],
    ]);
    const partial = { completedWorlds: 10, hypotheses: [hyps[0]] } as unknown as ExplorationSummary;
    expect(claimRows(c, partial)[0]?.tests[1]?.verdict).toBe('not explored: run sq and sev');
  });

  it('claimRows and the report show the verdict under a posterior beside the prior one', async () => {
    const withPosterior = {
      completedWorlds: 400,
      worlds: 400,
      complete: true,
      parameters: [],
      outcomes: [],
      hypotheses: hyps,
      posterior: {
        source: 'runs/cal',
        method: 'abc-smc',
        ess: 812.5,
        particles: 1000,
        parameters: ['kappa'],
        completedWorlds: 400,
        hypotheses: [{ ...hyps[0], holds: 0.75, ci: [0.7, 0.8] }],
      },
    } as unknown as ExplorationSummary;
    const [h1, h2] = claimRows(c, withPosterior)[0]?.tests ?? [];
    expect(h1?.posteriorVerdict).toBe('holds in 75.0% of worlds (95% CI 70.0–80.0%)');
    expect(h2?.posteriorVerdict).toBeNull();
    expect(claimRows(c, summary)[0]?.tests[0]?.posteriorVerdict).toBeNull();
    const html = buildReport({
      caseData: await builtin(),
      analysis: minimalAnalysis(),
      mapSvg: '',
      exploration: withPosterior,
      layers: ['security'],
    });
    expect(html).toContain('<th>holds (prior)</th><th>holds (posterior)</th>');
    expect(html).toContain(
      'Prior ranges beside the posterior of runs/cal (abc-smc, 1000 particles, ESS 813',
    );
  });

  it('buildReport carries the Claims table', async () => {
    const html = buildReport({
      caseData: {
        ...(await builtin()),
        claims: c.claims,
        hypotheses: (c as { hypotheses: unknown }).hypotheses,
      } as Case,
      analysis: minimalAnalysis(),
      mapSvg: '',
      exploration: null,
      layers: ['security'],
    });
    expect(html).toContain('<h2>Claims</h2>');
    expect(html).toContain('<td>c1: Engagement fails.</td><td>¶8.1, ¶7</td><td>h1</td>');
    expect(html).toContain('<td>no exploration yet</td>');
    expect(html).toContain(
      '<td>c2: Untested.</td><td>—</td><td>no hypothesis tests this claim</td>',
    );
  });
});

describe('map picks', () => {
  const made = {
    caseKey: 'a',
    sourceKey: 'id:a',
    grouping: 'landscape:0',
    focus: 'qatar',
    highlight: ['x', 'y', 'z'],
    tie: 'x--y',
  };

  it('picksFor(prev, case, source) keeps every pick while case and text stay', () => {
    expect(picksFor(made, 'a', 'id:a')).toBe(made);
  });

  it('applying edited text drops highlight and tie, keeps grouping and focus', () => {
    expect(picksFor(made, 'a', 'session:1')).toEqual({
      ...made,
      sourceKey: 'session:1',
      highlight: null,
      tie: null,
    });
  });

  it('another case drops every pick', () => {
    expect(picksFor(made, 'b', 'id:b')).toEqual({
      caseKey: 'b',
      sourceKey: 'id:b',
      grouping: 'none',
      focus: null,
      highlight: null,
      tie: null,
    });
    expect(picksFor(null, null, 'id:null').grouping).toBe('none');
  });
});

describe('map elements', () => {
  it('elementsOf(c, a, groups) gives one node per actor in force and one edge per tie', () => {
    const c = {
      actors: [
        { id: 'a', name: 'Alpha', kind: 'state', size: { value: 0.1 } },
        { id: 'b', name: 'Beta', kind: 'armed-group' },
      ],
    } as unknown as Case;
    const a = {
      projection: {
        actors: ['a', { id: 'b' }, 'ghost'],
        ties: [
          { source: 'a', target: 'b', sign: -1, weight: -2, relations: [0] },
          { source: 'b', target: 'ghost', sign: 1, weight: 0.5, relations: [1] },
        ],
      },
    } as unknown as AnalysisBundle;
    const els = elementsOf(c, a, [['a'], ['b', 'ghost']]);
    expect(els.map((e) => [e.group, e.data.id, e.data.group])).toEqual([
      ['nodes', 'a', 0],
      ['nodes', 'b', 1],
      ['nodes', 'ghost', 1],
      ['edges', 'a--b', undefined],
      ['edges', 'b--ghost', undefined],
    ]);
    // Labels and kinds from the case; an actor the case lacks keeps its id and kind "other".
    expect(els.slice(0, 3).map((e) => [e.data.label, e.data.kind])).toEqual([
      ['Alpha', 'state'],
      ['Beta', 'armed-group'],
      ['ghost', 'other'],
    ]);
    // Diameter: 22 + 52·(log10(0.1) + 5)/4.4 = 69.27… → 69; no size → 30.
    expect(els.slice(0, 2).map((e) => e.data.size)).toEqual([69, 30]);
    // Width: 1.5 + 6·|w|/max with max = 2: 7.5 for the heaviest, 3 for weight 0.5.
    expect(els.slice(3).map((e) => [e.data.width, e.classes])).toEqual([
      [7.5, 'negative'],
      [3, 'positive'],
    ]);
    expect(elementsOf(c, a, null)[0]?.data.group).toBe(-1);
  });
});
