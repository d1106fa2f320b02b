/**
 * A chart drawn by Observable Plot, which is loaded on first use (its own chunk, off the map's
 * critical path). Plot puts a `<style>` element in each figure; it is removed before the figure
 * enters the page (the server's CSP may forbid inline styles) and its rules live in styles.css.
 */
import { useEffect, useRef, useState } from 'react';

type PlotModule = typeof import('@observablehq/plot');

let plotPromise: Promise<PlotModule> | null = null;

/** Observable Plot, imported once. */
export function loadPlot(): Promise<PlotModule> {
  plotPromise ??= import('@observablehq/plot');
  return plotPromise;
}

/** Removes Plot's inline `<style>` elements from a figure and tags it for styles.css. */
export function stripInlineStyles(node: Element): Element {
  for (const s of node.querySelectorAll('style')) s.remove();
  node.classList.add('plot-figure');
  return node;
}

/** Props of {@link PlotFigure}. */
export interface PlotFigureProps {
  /** Draws the figure with the Plot module. */
  render(plot: PlotModule): Element;
  /** Accessible name of the chart. */
  label: string;
  testId?: string;
}

/** A Plot chart, re-drawn when `render` changes. */
export function PlotFigure({ render, label, testId }: PlotFigureProps) {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadPlot()
      .then((plot) => {
        if (!live || !host.current) return;
        const node = stripInlineStyles(render(plot));
        host.current.replaceChildren(node);
        setError(null);
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [render]);
  return (
    <figure className="chart" aria-label={label} data-testid={testId}>
      <div ref={host} />
      {error && <p className="error">Chart failed: {error}</p>}
    </figure>
  );
}
