/**
 * The map's Cytoscape core and what keeps it in step with the props: created once Cytoscape has
 * loaded (wired to the latest props, so handlers never go stale), redrawn for each new analysis —
 * elements updated in place, an fCoSE layout only when the actor set changed, so nodes keep their
 * positions across dates and layer toggles — and restyled (focus, highlight, selected tie)
 * without a layout.
 */
import type { Core, EventObject, LayoutOptions } from 'cytoscape';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { exposeHook } from '../hook.js';
import { loadCytoscape } from '../map/cytoscape-setup.js';
import { elementsOf } from '../map/elements.js';
import { mapStylesheet } from '../map/encoding.js';
import type { MapViewProps } from '../map/MapView.js';
import { withSeededRandom } from '../map/seeded-random.js';
import { tieId } from '../map/tie-id.js';

/** Creates the Cytoscape core of the map, wired to the latest props. */
function createCore(
  cytoscape: Awaited<ReturnType<typeof loadCytoscape>>,
  container: HTMLElement | null,
  latest: { readonly current: MapViewProps },
): Core {
  const cy = cytoscape({
    container,
    style: mapStylesheet(),
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 4,
    boxSelectionEnabled: false,
  });
  cy.on('tap', 'edge', (e: EventObject) => {
    const id = e.target.id();
    const tie = latest.current.analysis?.projection.ties.find((t) => tieId(t) === id) ?? null;
    latest.current.onSelectTie(tie);
  });
  cy.on('tap', 'node', (e: EventObject) => latest.current.onSelectActor(e.target.id()));
  cy.on('tap', (e: EventObject) => {
    if (e.target === cy) latest.current.onSelectTie(null);
  });
  exposeHook({
    cy,
    selectTie: (a: string, b: string) => {
      const ties = latest.current.analysis?.projection.ties ?? [];
      const tie = ties.find(
        (t) => (t.source === a && t.target === b) || (t.source === b && t.target === a),
      );
      if (!tie) return false;
      latest.current.onSelectTie(tie);
      return true;
    },
  });
  latest.current.onReady(cy);
  return cy;
}

/** The map of `props`: returns the element to mount Cytoscape in. */
export function useCytoscapeMap(props: MapViewProps): RefObject<HTMLDivElement | null> {
  const container = useRef<HTMLDivElement>(null);
  const [core, setCore] = useState<Core | null>(null);
  const latest = useRef(props);
  latest.current = props;

  // Create the core once Cytoscape has loaded.
  useEffect(() => {
    let live = true;
    let created: Core | null = null;
    loadCytoscape().then((cytoscape) => {
      if (!live) return;
      created = createCore(cytoscape, container.current, latest);
      setCore(created);
    });
    return () => {
      live = false;
      created?.destroy();
    };
  }, []);

  // Draw each new analysis: update in place, lay out again only when the actor set changed.
  const { caseData, analysis, groups } = props;
  useEffect(() => {
    const cy = core;
    if (!cy || !caseData || !analysis) return;
    performance.mark('entente:draw-start');
    const next = elementsOf(caseData, analysis, groups);
    const nextIds = new Set(next.map((e) => e.data.id as string));
    const before = new Set(cy.nodes().map((n) => n.id()));
    let changedNodes = false;
    cy.batch(() => {
      cy.elements()
        .filter((e) => !nextIds.has(e.id()))
        .forEach((e) => {
          if (e.isNode()) changedNodes = true;
          e.remove();
        });
      for (const def of next) {
        const id = def.data.id as string;
        const existing = cy.getElementById(id);
        if (existing.nonempty()) {
          existing.data(def.data);
          if (def.classes) existing.classes(def.classes as string);
        } else {
          if (def.group === 'nodes') changedNodes = true;
          cy.add(def);
        }
      }
    });
    const fresh = before.size === 0;
    if (changedNodes && cy.nodes().length > 0) {
      const layout = cy.layout({
        name: 'fcose',
        quality: 'default',
        randomize: fresh,
        animate: false,
        fit: true,
        padding: 40,
        nodeRepulsion: 9000,
        idealEdgeLength: 110,
        nodeSeparation: 90,
        // A dozen to a few hundred actors converge well before fCoSE's default 2500 iterations.
        numIter: 1000,
      } as unknown as LayoutOptions);
      performance.mark('entente:layout-start');
      withSeededRandom(1, () => layout.run());
      performance.mark('entente:layout-end');
    }
    latest.current.onDrawn();
  }, [core, caseData, analysis, groups]);

  // Focus, highlight and selection: classes only, no relayout.
  const { focus, highlight, selectedTie } = props;
  // Runs again for each new analysis too: it replaces the elements the classes sit on.
  useEffect(() => {
    const cy = core;
    if (!cy || !analysis) return;
    cy.batch(() => {
      cy.elements().removeClass('faded highlighted');
      if (highlight && highlight.length > 0) {
        const keep = new Set(highlight);
        const nodes = cy.nodes().filter((n) => keep.has(n.id()));
        const edges = nodes.edgesWith(nodes);
        nodes.addClass('highlighted');
        edges.addClass('highlighted');
        cy.elements().difference(nodes.union(edges)).addClass('faded');
      } else if (focus) {
        const node = cy.getElementById(focus);
        if (node.nonempty()) {
          const hood = node.closedNeighborhood();
          cy.elements().difference(hood).addClass('faded');
        }
      }
      cy.edges(':selected').unselect();
      if (selectedTie) cy.getElementById(selectedTie).select();
    });
  }, [core, focus, highlight, selectedTie, analysis]);
  return container;
}
