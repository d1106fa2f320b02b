/**
 * A chart drawn by Observable Plot, which is loaded on first use (its own chunk, off the map's
 * critical path). Plot puts a `<style>` element in each figure; it is removed before the figure
 * enters the page (the server's CSP may forbid inline styles) and its rules live in styles.css.
 */
import { usePlot } from '../hooks/usePlot.js';
import type { PlotModule } from './plot-module.js';

/** Props of {@link PlotFigure}. */
export interface PlotFigureProps {
  /** Draws the figure with the Plot module. */
  render(plot: PlotModule): Element;
  /** Accessible name of the chart. */
  label: string;
  testId?: string;
  /** Whether the figure takes keyboard focus (so its accessible name is read on tabbing to it). */
  focusable?: boolean;
}

/** A Plot chart, re-drawn when `render` changes. */
export function PlotFigure({ render, label, testId, focusable }: PlotFigureProps) {
  const { host, error } = usePlot(render);
  return (
    <figure
      className="chart"
      aria-label={label}
      data-testid={testId}
      tabIndex={focusable ? 0 : undefined}
    >
      <div ref={host} />
      {error && <p className="error">Chart failed: {error}</p>}
    </figure>
  );
}
