/**
 * Observable Plot, loaded on first use (its own chunk, off the map's critical path), and the
 * clean-up of its figures: Plot puts a `<style>` element in each figure, which is removed before
 * the figure enters the page (the server's CSP may forbid inline styles; the rules live in
 * styles.css).
 */

/** The Observable Plot module. */
export type PlotModule = typeof import('@observablehq/plot');

// The one import of Plot per page (a module-level promise: the browser's module cache, not state).
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
