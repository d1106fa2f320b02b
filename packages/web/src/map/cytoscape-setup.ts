/**
 * Cytoscape with the extensions the map uses (fCoSE layout, SVG export), loaded on demand: its
 * own chunk, fetched and evaluated while the first API requests are in flight.
 *
 * Cytoscape prepends a `<style id="__________cytoscape_stylesheet">` element to the page the first
 * time it renders; the server's Content-Security-Policy may forbid inline styles, so a placeholder
 * with that id is added first (Cytoscape then skips its own) and the one rule it carried lives in
 * `styles.css`.
 */
import type cytoscape from 'cytoscape';

type Cytoscape = typeof cytoscape;

let loading: Promise<Cytoscape> | null = null;

async function load(): Promise<Cytoscape> {
  const [core, fcose, svg] = await Promise.all([
    import('cytoscape'),
    import('cytoscape-fcose'),
    import('cytoscape-svg'),
  ]);
  const cy = core.default;
  cy.use(fcose.default);
  cy.use(svg.default);
  const id = '__________cytoscape_stylesheet';
  if (!document.getElementById(id)) {
    const placeholder = document.createElement('meta');
    placeholder.id = id;
    placeholder.name = 'cytoscape-stylesheet-placeholder';
    document.head.prepend(placeholder);
  }
  return cy;
}

/** Cytoscape, with fCoSE and cytoscape-svg registered (loaded once). */
export function loadCytoscape(): Promise<Cytoscape> {
  loading ??= load();
  return loading;
}

/** The SVG export function cytoscape-svg adds to a core. */
export function cySvg(
  cy: cytoscape.Core,
  options: { full?: boolean; scale?: number; bg?: string },
): string {
  return (cy as unknown as { svg(o: typeof options): string }).svg(options);
}
