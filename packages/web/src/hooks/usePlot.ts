/**
 * Draws an Observable Plot figure into an element once Plot has loaded, and again whenever the
 * drawing function changes; a failure is kept as a message instead of breaking the page.
 */
import { type RefObject, useEffect, useRef, useState } from 'react';
import { loadPlot, type PlotModule, stripInlineStyles } from '../charts/plot-module.js';

/** What {@link usePlot} returns. */
export interface PlotState {
  /** The element the figure is drawn into. */
  host: RefObject<HTMLDivElement | null>;
  /** Why drawing failed, or null. */
  error: string | null;
}

/** The figure `render` draws with the Plot module. */
export function usePlot(render: (plot: PlotModule) => Element): PlotState {
  const host = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadPlot()
      .then((plot) => {
        if (!live || !host.current) return;
        host.current.replaceChildren(stripInlineStyles(render(plot)));
        setError(null);
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [render]);
  return { host, error };
}
