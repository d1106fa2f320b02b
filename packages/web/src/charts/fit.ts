/**
 * The fit of one calibration target, drawn with Observable Plot: per year, the posterior
 * predictive 5–95 % band as a bar (fitted years blue, forecast years orange, also told apart by
 * the x-axis label), its median as a tick, and the observed count as a black dot. Counts span
 * orders of magnitude, so the y-axis is symmetric-logarithmic (0 stays 0).
 */
import type { FitPanel } from './calibration.js';
import { type PlotModule, stripInlineStyles } from './plot-module.js';

/** Fill of the fitted years' bands and of the forecast years'. */
export const PERIOD_COLOURS = { fitted: '#6baed6', forecast: '#fd8d3c' } as const;

const DECADES = [0, 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/** Draws the fit chart of one target, `width` pixels wide. */
export function drawFit(plot: PlotModule, panel: FitPanel, width: number): Element {
  const years = panel.rows.map((r) => String(r.year));
  const rows = panel.rows.map((r) => ({ ...r, x: String(r.year) }));
  const observed = rows.filter((r) => r.observed !== null);
  const svg = plot.plot({
    width,
    height: 180,
    marginTop: 28,
    marginLeft: 52,
    x: {
      type: 'band',
      domain: years,
      label: null,
      tickFormat: (y: string) => (rows.find((r) => r.x === y)?.period === 'forecast' ? `${y}*` : y),
    },
    // Powers of ten: a symlog scale's own ticks are too sparse to read.
    y: {
      type: 'symlog',
      label: 'deaths per year',
      grid: true,
      ticks: DECADES,
      tickFormat: (d: number) => d.toLocaleString('en-US'),
    },
    color: {
      domain: ['fitted', 'forecast'],
      range: [PERIOD_COLOURS.fitted, PERIOD_COLOURS.forecast],
    },
    marks: [
      plot.barY(rows, {
        x: 'x',
        y1: 'q05',
        y2: 'q95',
        fill: 'period',
        fillOpacity: 0.55,
        inset: 4,
        ariaDescription: 'band',
      }),
      plot.tickY(rows, {
        x: 'x',
        y: 'q50',
        stroke: '#333',
        strokeWidth: 2,
        ariaDescription: 'median',
      }),
      plot.dot(observed, {
        x: 'x',
        y: 'observed',
        fill: 'black',
        r: 3.5,
        ariaDescription: 'observed',
        title: (r: (typeof rows)[number]) => `${r.year}: observed ${r.observed}`,
      }),
    ],
  });
  svg.setAttribute('data-target', panel.target);
  return stripInlineStyles(svg);
}
