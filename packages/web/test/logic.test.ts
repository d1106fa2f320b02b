/**
 * The workbench's pure helpers, checked against hand-computed values: timeline stops, the
 * tipping chart's energy lines, fan-chart rows, the analyses fetched ahead, and the report's
 * escaping and self-containment.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadCase } from '@entente/core';
import type {
  AnalyzeResponse as AnalysisBundle,
  BandJson as Band,
  Case,
  TippingJson as TippingResult,
} from '@entente/core/contract';
import { describe, expect, it } from 'vitest';
import { AnalysisCache, cacheKey, neighbourKeys } from '../src/analysis-cache.js';
import { fanRows, sharedDomain } from '../src/charts/fan.js';
import { energyLines } from '../src/charts/tipping.js';
import { buildReport, escapeHtml, sanitizeSvg } from '../src/report/buildReport.js';
import { caseDates, compareDates, periodsAt } from '../src/timeline.js';

const BUILTIN = fileURLToPath(new URL('../../../cases/afghanistan-2023.yaml', import.meta.url));

async function builtin(): Promise<Case> {
  const r = loadCase(await readFile(BUILTIN, 'utf8'));
  if (!r.ok) throw new Error('the built-in case does not load');
  return r.case as Case;
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
    const analysis = {
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
