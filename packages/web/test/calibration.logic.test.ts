/**
 * The Calibration tab's data shaping (charts/calibration.ts) and the browser's reading of
 * calibration files (calibration/read-files.ts), checked against values computed by hand on a
 * small calibration: three parameters, three particles, two targets.
 */
import { describe, expect, it } from 'vitest';
import { readCalibrationFiles } from '../src/calibration/read-files.js';
import {
  type Calibration,
  calibrationHeader,
  calibrationWarnings,
  defaultPairIds,
  type FitPanel,
  fitPanels,
  forecastScoreText,
  formatValue,
  MAX_PAIR_PARAMETERS,
  pairCells,
  pairPoints,
  panelSize,
  parameterRows,
  targetLabel,
  weightedHistogram,
} from '../src/charts/calibration.js';

const post = (id: string, lo: number, hi: number, uninformed: boolean) => ({
  id,
  lo,
  hi,
  mean: (lo + hi) / 2,
  sd: 0.1,
  q05: lo,
  q50: (lo + hi) / 2,
  q95: hi,
  sdRatio: uninformed ? 0.95 : 0.3,
  overlap: 0.5,
  uninformed,
});

const band = (dyad: string, year: number, observed: number | null) => ({
  dyad,
  year,
  q05: 1,
  q50: 10,
  q95: 100,
  observed,
  covered: observed === null ? null : observed <= 100,
  crps: null,
});

const CAL: Calibration = {
  format: 'entente-calibration/1',
  caseId: 'c',
  from: '2015',
  until: '2016',
  forecastUntil: '2017',
  workers: 1,
  observedFile: 'ucdp.csv',
  method: 'abc-smc',
  nonImplausible: null,
  seed: 3,
  parameters: [
    { id: 'a', lo: 0, hi: 1 },
    { id: 'b', lo: 2, hi: 8 },
    { id: 'c', lo: -1, hi: 1 },
  ],
  particles: [
    [0.1, 3, 0],
    [0.2, 4, 0.5],
    [0.3, 5, -0.5],
  ],
  weights: [0.5, 0.25, 0.25],
  ess: 2.666,
  epsilon: 1.2345,
  simulations: 90,
  generations: [
    { epsilon: null, ess: 3, resampled: false, acceptance: null, simulations: 30 },
    { epsilon: 2, ess: 2.7, resampled: false, acceptance: 0.5, simulations: 60 },
  ],
  posterior: [post('a', 0, 1, true), post('b', 2, 8, false), post('c', -1, 1, false)],
  observed: {
    years: [2015, 2016],
    targets: [
      { id: 'y--z', dyad: ['y', 'z'], values: [5, 6] },
      { id: 'x--y', dyad: ['x', 'y'], values: [7, null] },
    ],
  },
  // Out of order on purpose: the panels follow the observed targets, years ascending.
  fit: [
    band('x--y', 2016, null),
    band('x--y', 2015, 7),
    band('y--z', 2015, 5),
    band('y--z', 2016, 6),
  ],
  forecast: [{ ...band('x--y', 2017, 250), crps: 99.5 }, band('y--z', 2017, null)],
  forecastScore: { n: 1, coverage: 0, crps: 99.5 },
};

describe('calibration view data', () => {
  it('parameterRows puts the informed parameters first, each group in the calibration order', () => {
    expect(parameterRows(CAL).map((p) => p.id)).toEqual(['b', 'c', 'a']);
  });

  it('defaultPairIds is the informed set, capped at MAX_PAIR_PARAMETERS', () => {
    expect(defaultPairIds(CAL)).toEqual(['b', 'c']);
    const many = Array.from({ length: 25 }, (_, i) => post(`p${i}`, 0, 1, false));
    expect(defaultPairIds({ ...CAL, posterior: many })).toHaveLength(MAX_PAIR_PARAMETERS);
    expect(
      defaultPairIds({ ...CAL, posterior: CAL.posterior.map((p) => ({ ...p, uninformed: true })) }),
    ).toEqual([]);
  });

  it('pairCells(ids) is the lower triangle with the diagonal: n(n+1)/2 panels, row by row', () => {
    expect(
      pairCells(['a', 'b', 'c']).map((c) => `${c.x}|${c.y}${c.diagonal ? ' diag' : ''}`),
    ).toEqual(['a|a diag', 'a|b', 'b|b diag', 'a|c', 'b|c', 'c|c diag']);
    expect(pairCells(Array.from({ length: 8 }, (_, i) => `p${i}`))).toHaveLength(36);
    expect(pairCells([])).toEqual([]);
  });

  it('pairPoints sizes and shades each particle by its weight over the largest', () => {
    const pts = pairPoints(CAL, 'b', 'c');
    expect(pts.map((p) => [p.x, p.y, p.weight])).toEqual([
      [3, 0, 0.5],
      [4, 0.5, 0.25],
      [5, -0.5, 0.25],
    ]);
    // Heaviest: r = 1 + 2·√1 = 3, opacity 0.8; half as heavy: r = 1 + 2·√0.5, opacity 0.15 + 0.325.
    expect(pts[0]).toMatchObject({ r: 3, opacity: 0.8 });
    expect(pts[1]?.r).toBeCloseTo(1 + 2 * Math.SQRT1_2, 12);
    expect(pts[1]?.opacity).toBeCloseTo(0.475, 12);
    expect(() => pairPoints(CAL, 'b', 'nope')).toThrow(/no parameter "nope"/);
  });

  it('weightedHistogram(values, weights, lo, hi, bins) gives each bin its share of the weight', () => {
    expect(weightedHistogram([0.1, 0.9], [1, 3], 0, 1, 2)).toEqual([
      { x1: 0, x2: 0.5, share: 0.25 },
      { x1: 0.5, x2: 1, share: 0.75 },
    ]);
    // hi falls in the last bin; a value outside [lo, hi] is left out.
    expect(weightedHistogram([1, 0.2, 5], [1, 1, 7], 0, 1, 4).map((b) => b.share)).toEqual([
      0.5, 0, 0, 0.5,
    ]);
    // The particles of parameter a: 0.1 (w 0.5), 0.2 and 0.3 (0.25 each) over 10 bins of [0, 1].
    const a = weightedHistogram([0.1, 0.2, 0.3], CAL.weights, 0, 1, 10).map((b) => b.share);
    expect(a).toEqual([0, 0.5, 0.25, 0.25, 0, 0, 0, 0, 0, 0]);
    expect(() => weightedHistogram([1], [1], 1, 1)).toThrow(/lo < hi/);
    expect(() => weightedHistogram([1], [], 0, 2)).toThrow(/a weight per value/);
  });

  it('fitPanels groups the bands per target in the observed order, years ascending, forecast marked', () => {
    const panels = fitPanels(CAL);
    expect(panels.map((p) => p.target)).toEqual(['y--z', 'x--y']);
    expect(panels[1]?.dyad).toEqual(['x', 'y']);
    expect(panels[1]?.rows.map((r) => [r.year, r.period, r.observed, r.covered, r.crps])).toEqual([
      [2015, 'fitted', 7, true, null],
      [2016, 'fitted', null, null, null],
      [2017, 'forecast', 250, false, 99.5],
    ]);
    expect(panels[0]?.rows.map((r) => r.period)).toEqual(['fitted', 'fitted', 'forecast']);
  });

  it('targetLabel names a target by its actors, falling back to ids', () => {
    const [yz, xy] = fitPanels(CAL);
    const names = new Map([
      ['x', 'Ex'],
      ['y', 'Why'],
    ]);
    expect(targetLabel(xy as FitPanel, names)).toBe('Ex – Why');
    expect(targetLabel(yz as FitPanel, names)).toBe('Why – z');
    expect(targetLabel(xy as FitPanel)).toBe('x – y');
    expect(targetLabel({ ...(xy as FitPanel), dyad: null })).toBe('x--y');
  });

  it('the header and the forecast score say what the CLI says', () => {
    const facts = Object.fromEntries(calibrationHeader(CAL).map((f) => [f.label, f.value]));
    expect(facts).toMatchObject({
      method: 'abc-smc',
      particles: '3',
      ESS: '3',
      tolerance: '1.23',
      simulations: '90 in 2 generations',
      'fitted years': '2015–2016 (2)',
      'forecast to': '2017',
      seed: '3',
      data: 'ucdp.csv',
    });
    expect(forecastScoreText(CAL)).toBe(
      'forecast: 1 observed dyad-year, 0 % inside the 90 % band, mean CRPS 99.5',
    );
    expect(forecastScoreText({ ...CAL, forecastScore: null })).toBeNull();
    // History matching: the cut-off and the share of the prior left per wave, no ESS/tolerance.
    const wave = (volumeFraction: number) => ({
      points: 100,
      nonImplausible: 10,
      boxFraction: 0.1,
      volumeFraction,
      simulations: 800,
    });
    const hm = Object.fromEntries(
      calibrationHeader({
        ...CAL,
        method: 'history-matching',
        nonImplausible: {
          cutoff: 3,
          discrepancy: 0.2,
          replicates: 8,
          rank: 2,
          waves: [wave(0.5), wave(0.16)],
          rulesOut: [],
        },
      }).map((f) => [f.label, f.value]),
    );
    expect(hm).toMatchObject({
      'non-implausible points': '3',
      'cut-off': '3 (second-largest I), discrepancy 0.2, 8 replicates',
      'share of the prior': '0.50 → 0.16',
      simulations: '90 in 2 waves',
    });
    expect(hm.ESS).toBeUndefined();
    // Likelihood-SMC: epsilon is the final temperature β, not a tolerance.
    const ls = Object.fromEntries(
      calibrationHeader({ ...CAL, method: 'likelihood-smc', epsilon: 1 }).map((f) => [
        f.label,
        f.value,
      ]),
    );
    expect(ls['temperature β']).toBe('1.00 (1: the exact likelihood)');
    // A target tolerance: reached or not, and noisy ABC, as the CLI's summary line says.
    const tol = (extra: Partial<Calibration>) =>
      Object.fromEntries(calibrationHeader({ ...CAL, ...extra }).map((f) => [f.label, f.value]))
        .tolerance;
    expect(tol({ tolerance: 1.5, noisy: false, targetReached: true, epsilon: 1.5 })).toBe(
      '1.50 (target 1.5, reached)',
    );
    expect(tol({ tolerance: 0.9, noisy: true, targetReached: false, epsilon: 4.2 })).toBe(
      '4.20 (noisy ABC at target 0.9, NOT reached)',
    );
    expect(tol({ tolerance: null, targetReached: null })).toBe('1.23');
    expect(calibrationWarnings(CAL)).toEqual([]);
    expect(calibrationWarnings({ ...CAL, warnings: ['a caveat'] })).toEqual(['a caveat']);
    expect(ls.tolerance).toBeUndefined();
    expect(hm.tolerance).toBeUndefined();
    expect([formatValue(2370.2), formatValue(0.0283), formatValue(null)]).toEqual([
      '2370',
      '0.0283',
      '—',
    ]);
  });

  it('panelSize keeps the panels between 90 and 180 pixels', () => {
    expect([panelSize(1, 480), panelSize(3, 480), panelSize(8, 480)]).toEqual([180, 160, 90]);
  });
});

describe('readCalibrationFiles', () => {
  const { fit, forecast, forecastScore, ...posterior } = CAL;
  const files = [
    { name: 'posterior.json', text: JSON.stringify(posterior) },
    { name: 'fit.json', text: JSON.stringify({ fit }) },
    { name: 'forecast.json', text: JSON.stringify({ forecast, forecastScore }) },
  ];

  it('reads `calibrate --json` alone and the three files of --out as the same calibration', () => {
    expect(readCalibrationFiles([{ name: 'run.json', text: JSON.stringify(CAL) }])).toEqual(CAL);
    expect(readCalibrationFiles(files)).toEqual(CAL);
    expect(readCalibrationFiles([...files].reverse())).toEqual(CAL);
  });

  it('names the file and field at fault, and a file that is not JSON', () => {
    expect(() => readCalibrationFiles(files.slice(0, 2))).toThrow(
      /^open calibration: posterior\.json \+ fit\.json: forecast: /,
    );
    const bad = [
      { ...files[0], text: JSON.stringify({ ...posterior, ess: 'high' }) },
      ...files.slice(1),
    ] as typeof files;
    expect(() => readCalibrationFiles(bad)).toThrow(/posterior\.json: ess: /);
    expect(() => readCalibrationFiles([{ name: 'x.json', text: '{' }])).toThrow(
      /x\.json: not JSON/,
    );
    expect(() => readCalibrationFiles([{ name: 'x.json', text: '[1]' }])).toThrow(
      /x\.json: expected a JSON object/,
    );
  });
});
