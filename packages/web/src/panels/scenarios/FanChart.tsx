/**
 * One fan chart: an outcome series of one scenario over the months — the 5–95% and 25–75% bands
 * and the median — on a y domain shared with the charts beside it.
 */
import { useCallback } from 'react';
import type { Band } from '../../api/types.js';
import { fanRows } from '../../charts/fan.js';
import { PlotFigure } from '../../charts/PlotFigure.js';

/** The fan chart of `band` on the y `domain`. */
export function FanChart({
  band,
  domain,
  label,
}: {
  band: Band;
  domain: [number, number];
  label: string;
}) {
  const render = useCallback(
    (Plot: typeof import('@observablehq/plot')) => {
      const rows = fanRows(band);
      return Plot.plot({
        width: 300,
        height: 170,
        marginLeft: 48,
        x: { label: 'month' },
        y: { domain, grid: true, label: null },
        marks: [
          Plot.areaY(rows, { x: 'month', y1: 'lo', y2: 'hi', fill: '#2563eb', fillOpacity: 0.15 }),
          Plot.areaY(rows, { x: 'month', y1: 'q1', y2: 'q3', fill: '#2563eb', fillOpacity: 0.3 }),
          Plot.lineY(rows, { x: 'month', y: 'median', stroke: '#1e3a8a', strokeWidth: 2 }),
        ],
      });
    },
    [band, domain],
  );
  return <PlotFigure render={render} label={label} testId="fan-chart" />;
}
