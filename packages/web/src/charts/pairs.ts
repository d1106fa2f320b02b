/**
 * The pairwise scatter matrix of a calibration's posterior particles, drawn with Observable Plot:
 * one small figure per panel of the lower triangle (pairCells), points sized and shaded by weight,
 * both axes on the prior ranges, the weighted marginal histogram on the diagonal. Each panel is
 * its own SVG in a CSS grid (`.pairs`), tagged `data-cell="x|y"`.
 */
import {
  type Calibration,
  HISTOGRAM_BINS,
  pairCells,
  pairPoints,
  panelSize,
  weightedHistogram,
} from './calibration.js';
import { type PlotModule, stripInlineStyles } from './plot-module.js';

/** Room for the left column's y-axis (ticks and the rotated label) and the bottom row's x-axis. */
const AXIS_LEFT = 44;
const AXIS_BOTTOM = 28;

/** Draws the scatter matrix of parameters `ids` of `c`, about `width` pixels wide. */
export function drawPairs(
  plot: PlotModule,
  c: Calibration,
  ids: readonly string[],
  width: number,
): Element {
  const n = ids.length;
  const size = panelSize(n, width);
  const range = new Map(c.parameters.map((p) => [p.id, [p.lo, p.hi] as [number, number]]));
  const box = document.createElement('div');
  box.className = 'pairs';
  // The left column and the bottom row are wider by their axes, so every plot area is size².
  box.style.gridTemplateColumns = `${size + AXIS_LEFT}px repeat(${n - 1}, ${size}px)`;
  const ticks = size < 120 ? 2 : 3;
  for (const cell of pairCells(ids)) {
    const xDomain = range.get(cell.x) ?? [0, 1];
    const yDomain = range.get(cell.y) ?? [0, 1];
    const bottom = cell.row === n - 1;
    const left = cell.col === 0;
    const common = {
      width: size + (left ? AXIS_LEFT : 0),
      height: size + (bottom ? AXIS_BOTTOM : 0),
      marginLeft: (left ? AXIS_LEFT : 0) + 4,
      marginBottom: (bottom ? AXIS_BOTTOM : 0) + 4,
      marginTop: 4,
      marginRight: 4,
      style: { fontSize: '9px' },
    };
    const x = {
      domain: xDomain,
      ticks,
      label: bottom ? cell.x : null,
      labelAnchor: 'center' as const,
      labelArrow: 'none' as const,
      axis: bottom ? ('bottom' as const) : null,
    };
    let svg: Element;
    if (cell.diagonal) {
      const col = c.parameters.findIndex((p) => p.id === cell.x);
      const bins = weightedHistogram(
        c.particles.map((r) => r[col] as number),
        c.weights,
        xDomain[0],
        xDomain[1],
        HISTOGRAM_BINS,
      );
      svg = plot.plot({
        ...common,
        x,
        // The share of weight needs no axis: the bars' heights compare within the panel.
        y: { axis: null },
        marks: [
          plot.rectY(bins, { x1: 'x1', x2: 'x2', y: 'share', fill: 'steelblue', fillOpacity: 0.6 }),
          plot.ruleY([0]),
        ],
      });
    } else {
      svg = plot.plot({
        ...common,
        x,
        y: {
          domain: yDomain,
          ticks,
          axis: left ? ('left' as const) : null,
          label: left ? cell.y : null,
          labelAnchor: 'center' as const,
          labelArrow: 'none' as const,
        },
        r: { type: 'identity' },
        opacity: { type: 'identity' },
        marks: [
          plot.frame({ stroke: '#ccc' }),
          plot.dot(pairPoints(c, cell.x, cell.y), {
            x: 'x',
            y: 'y',
            r: 'r',
            fill: 'steelblue',
            fillOpacity: 'opacity',
            ariaDescription: 'particles',
          }),
        ],
      });
    }
    // Placed explicitly: the lower triangle leaves the grid's upper cells empty.
    (svg as SVGElement).style.gridRow = String(cell.row + 1);
    (svg as SVGElement).style.gridColumn = String(cell.col + 1);
    svg.setAttribute('data-cell', `${cell.x}|${cell.y}`);
    svg.setAttribute(
      'aria-label',
      cell.diagonal
        ? `weighted histogram of ${cell.x} on its prior range`
        : `posterior particles, ${cell.x} across, ${cell.y} up`,
    );
    box.append(stripInlineStyles(svg));
  }
  return box;
}
