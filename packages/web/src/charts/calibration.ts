/**
 * The Calibration tab's data (issue 12, item 3), shaped from `entente calibrate`'s output with no
 * computing of its own beyond display: the header facts, the parameter table (informed
 * parameters first, the "uninformed" flag exactly as the calibration reports it), the cells of
 * the pairwise scatter matrix and their points sized and shaded by weight, the weighted marginal
 * histograms of its diagonal, and the fit per target and year (observed against the posterior
 * predictive 5–95 % band, fitted and forecast years told apart). docs/calibration.md says what
 * each number means.
 */
import type { CalibrateCommandJson } from '@entente/core/contract';

/** A calibration as the workbench reads it (`entente calibrate --json`, or its `--out` folder). */
export type Calibration = CalibrateCommandJson;
/** One parameter's posterior row. */
export type ParameterRow = Calibration['posterior'][number];

/** Most parameters the scatter matrix draws at once (8 → 36 panels). */
export const MAX_PAIR_PARAMETERS = 8;
/** Bins of each marginal histogram. */
export const HISTOGRAM_BINS = 20;

/** A number as the CLI's report writes it: whole from 100 up, else three significant digits. */
export function formatValue(x: number | null): string {
  if (x === null) return '—';
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3);
}

/** One fact of the header: a label and its value in words. */
export interface HeaderFact {
  label: string;
  value: string;
}

/**
 * The header: method, particles, ESS, tolerance, simulations, fitted years, seed, data source;
 * for history matching the non-implausible points, the cut-off and the share of the prior left
 * after each wave instead of ESS and tolerance.
 */
export function calibrationHeader(c: Calibration): HeaderFact[] {
  const years = c.observed.years;
  const span = years.length === 0 ? '—' : `${years[0]}–${years[years.length - 1]}`;
  const hm = c.nonImplausible;
  const steps = c.generations.length;
  const method: HeaderFact[] = hm
    ? [
        { label: 'non-implausible points', value: String(c.particles.length) },
        {
          label: 'cut-off',
          value: `${hm.cutoff}${hm.rank === 2 ? ' (second-largest I)' : ''}, discrepancy ${hm.discrepancy}, ${hm.replicates} replicates`,
        },
        {
          label: 'share of the prior',
          value: hm.waves.map((w) => w.volumeFraction.toPrecision(2)).join(' → ') || '—',
        },
        {
          label: 'simulations',
          value: `${c.simulations} in ${steps} wave${steps === 1 ? '' : 's'}`,
        },
      ]
    : [
        { label: 'particles', value: String(c.particles.length) },
        { label: 'ESS', value: c.ess.toFixed(0) },
        c.method === 'likelihood-smc'
          ? {
              label: 'temperature β',
              value: `${c.epsilon.toPrecision(3)} (1: the exact likelihood)`,
            }
          : { label: 'tolerance', value: toleranceText(c) },
        {
          label: 'simulations',
          value: `${c.simulations} in ${steps} generation${steps === 1 ? '' : 's'}`,
        },
      ];
  return [
    { label: 'case', value: c.caseId },
    { label: 'method', value: c.method },
    ...method,
    { label: 'fitted years', value: `${span} (${years.length})` },
    {
      label: 'forecast to',
      value: c.forecastUntil ?? 'none',
    },
    { label: 'seed', value: String(c.seed) },
    { label: 'data', value: c.observedFile ?? 'not recorded (calibrated before entente wrote it)' },
  ];
}

/**
 * ABC's final tolerance, with the target fixed before the data when the run had one: whether it
 * was reached, and whether the ABC was noisy (the CLI's summary line says the same).
 */
function toleranceText(c: Calibration): string {
  const reached = c.epsilon.toPrecision(3);
  if (c.tolerance == null) return reached;
  const kind = c.noisy ? 'noisy ABC at target' : 'target';
  const verdict = c.targetReached === false ? 'NOT reached' : 'reached';
  return `${reached} (${kind} ${c.tolerance}, ${verdict})`;
}

/** The caveats the calibration carries, one sentence each (none for calibrations written before them). */
export function calibrationWarnings(c: Calibration): readonly string[] {
  return c.warnings ?? [];
}

/** The posterior rows, informed parameters first, each group in the calibration's order. */
export function parameterRows(c: Calibration): ParameterRow[] {
  return [...c.posterior.filter((p) => !p.uninformed), ...c.posterior.filter((p) => p.uninformed)];
}

/** The parameters the scatter matrix shows by default: the informed ones (at most the cap). */
export function defaultPairIds(c: Calibration): string[] {
  return c.posterior
    .filter((p) => !p.uninformed)
    .slice(0, MAX_PAIR_PARAMETERS)
    .map((p) => p.id);
}

/** Side of one panel's plot area in pixels, for `n` parameters in about `width` pixels (90 to 180). */
export function panelSize(n: number, width: number): number {
  return Math.max(90, Math.min(180, Math.floor(width / Math.max(1, n))));
}

/** One panel of the scatter matrix: parameter `x` across, `y` up; the diagonal is `x`'s histogram. */
export interface PairCell {
  row: number;
  col: number;
  x: string;
  y: string;
  diagonal: boolean;
}

/**
 * The panels of the scatter matrix of `ids`: its lower triangle with the diagonal, row by row —
 * n(n + 1)/2 panels (each pair once; the upper triangle would mirror it).
 * @example pairCells(['a', 'b']) // (a,a) diagonal, (a,b), (b,b) diagonal
 */
export function pairCells(ids: readonly string[]): PairCell[] {
  const cells: PairCell[] = [];
  ids.forEach((y, row) => {
    for (let col = 0; col <= row; col++) {
      const x = ids[col] as string;
      cells.push({ row, col, x, y, diagonal: row === col });
    }
  });
  return cells;
}

/** A particle in one panel: its two values, its weight and how it is drawn. */
export interface PairPoint {
  x: number;
  y: number;
  weight: number;
  /** Radius in pixels, 1 + 2·√(w / w_max). */
  r: number;
  /** Opacity, 0.15 + 0.65·w / w_max (at most 0.8, so that piled-up particles show darker). */
  opacity: number;
}

/**
 * The particles of the panel (x, y): the heaviest particle is drawn largest and opaque, a
 * particle of no weight small and faint (it is kept: the posterior is the weighted set).
 * @throws Error when a parameter id is not the calibration's
 */
export function pairPoints(c: Calibration, x: string, y: string): PairPoint[] {
  const column = (id: string) => {
    const i = c.parameters.findIndex((p) => p.id === id);
    if (i < 0) throw new Error(`pairPoints: the calibration has no parameter "${id}"`);
    return i;
  };
  const xi = column(x);
  const yi = column(y);
  const max = Math.max(...c.weights);
  return c.particles.map((row, k) => {
    const w = c.weights[k] ?? 0;
    const share = max > 0 ? w / max : 0;
    return {
      x: row[xi] as number,
      y: row[yi] as number,
      weight: w,
      r: 1 + 2 * Math.sqrt(share),
      opacity: 0.15 + 0.65 * share,
    };
  });
}

/** One bar of a weighted histogram: the bin [x1, x2) and its share of the total weight. */
export interface HistogramBin {
  x1: number;
  x2: number;
  share: number;
}

/**
 * The weighted histogram of `values` over [lo, hi] in `bins` equal bins (the last one closed):
 * each bin's share of the total weight of the values inside the range. Values outside are left
 * out (a posterior particle lies inside its prior range).
 * @throws Error when lo ≥ hi, bins < 1 or the lengths differ
 * @example weightedHistogram([0.1, 0.9], [1, 3], 0, 1, 2) // shares 0.25 and 0.75
 */
export function weightedHistogram(
  values: readonly number[],
  weights: readonly number[],
  lo: number,
  hi: number,
  bins = HISTOGRAM_BINS,
): HistogramBin[] {
  if (!(hi > lo) || !Number.isInteger(bins) || bins < 1 || values.length !== weights.length)
    throw new Error(
      `weightedHistogram: needs lo < hi, whole bins ≥ 1 and a weight per value; got [${lo}, ${hi}], ${bins}, ${values.length}/${weights.length}`,
    );
  const sums = new Array<number>(bins).fill(0);
  let total = 0;
  values.forEach((v, i) => {
    if (!(v >= lo && v <= hi)) return;
    const w = weights[i] as number;
    sums[Math.min(bins - 1, Math.floor(((v - lo) / (hi - lo)) * bins))] += w;
    total += w;
  });
  const width = (hi - lo) / bins;
  return sums.map((s, b) => ({
    x1: lo + b * width,
    x2: b === bins - 1 ? hi : lo + (b + 1) * width,
    share: total > 0 ? s / total : 0,
  }));
}

/** One dyad-year of the fit chart. */
export interface BandRow {
  target: string;
  year: number;
  /** Fitted years are the calibration's; forecast years come after them. */
  period: 'fitted' | 'forecast';
  q05: number;
  q50: number;
  q95: number;
  observed: number | null;
  /** Whether the observed value lies inside the 5–95 % band (null: nothing observed). */
  covered: boolean | null;
  crps: number | null;
}

/** The fit of one target: its years, fitted then forecast. */
export interface FitPanel {
  target: string;
  /** The target's two actors. */
  dyad: readonly [string, string] | null;
  rows: BandRow[];
}

/** A target as a reader says it: its two actors' names ("Pakistan – TTP"), else its id. */
export function targetLabel(panel: FitPanel, names?: ReadonlyMap<string, string>): string {
  if (!panel.dyad) return panel.target;
  const [a, b] = panel.dyad;
  return `${names?.get(a) ?? a} – ${names?.get(b) ?? b}`;
}

/**
 * The fit per target: the calibration's fitted bands and forecast bands of each target, in the
 * order of the observed targets (any other target after them), years ascending.
 */
export function fitPanels(c: Calibration): FitPanel[] {
  const rows: BandRow[] = [
    ...c.fit.map((b) => ({ ...b, period: 'fitted' as const })),
    ...c.forecast.map((b) => ({ ...b, period: 'forecast' as const })),
  ].map(({ dyad, ...b }) => ({ target: dyad, ...b }));
  const order = c.observed.targets.map((t) => t.id);
  for (const r of rows) if (!order.includes(r.target)) order.push(r.target);
  return order
    .map((target) => ({
      target,
      dyad: c.observed.targets.find((t) => t.id === target)?.dyad ?? null,
      rows: rows.filter((r) => r.target === target).sort((a, b) => a.year - b.year),
    }))
    .filter((p) => p.rows.length > 0);
}

/** The forecast's score in words, or null when the calibration has none. */
export function forecastScoreText(c: Calibration): string | null {
  const s = c.forecastScore;
  if (!s) return null;
  return `forecast: ${s.n} observed dyad-year${s.n === 1 ? '' : 's'}, ${(100 * s.coverage).toFixed(0)} % inside the 90 % band, mean CRPS ${s.crps.toPrecision(3)}`;
}
