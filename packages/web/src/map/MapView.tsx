/**
 * The map: the signed projection of the case at the chosen date, drawn by Cytoscape with an fCoSE
 * layout. Nodes keep their positions across dates and layer toggles (only a changed actor set is
 * laid out again), so the analyst's mental map survives the timeline.
 */

import type {
  AnalyzeResponse as AnalysisBundle,
  Case,
  DrawnTieJson as ProjectedTie,
} from '@entente/core/contract';
import type { Core, ElementDefinition, EventObject, LayoutOptions } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { exposeHook } from '../hook.js';
import { projectedActorIds } from '../projection.js';
import { loadCytoscape } from './cytoscape-setup.js';
import { edgeWidth, mapStylesheet, nodeDiameter } from './encoding.js';
import { withSeededRandom } from './seeded-random.js';

/** The id of the map edge of a tie (endpoints in the projection's order). */
export function tieId(t: { source: string; target: string }): string {
  return `${t.source}--${t.target}`;
}

/** Props of {@link MapView}. */
export interface MapViewProps {
  /** The case, or null while it loads. */
  caseData: Case | null;
  /** The analysis to draw, or null while it loads (the core is created meanwhile). */
  analysis: AnalysisBundle | null;
  /** Groups of actor ids to halo (coalitions or a landscape configuration), or null. */
  groups: string[][] | null;
  /** Actor to focus on (its neighbourhood stays, the rest fades), or null. */
  focus: string | null;
  /** Actors (and the ties among them) to highlight, e.g. an unbalanced triad, or null. */
  highlight: string[] | null;
  /** Id of the selected tie, or null. */
  selectedTie: string | null;
  onSelectTie(tie: ProjectedTie | null): void;
  onSelectActor(id: string | null): void;
  onReady(cy: Core): void;
  /** Called after the map shows a new analysis. */
  onDrawn(): void;
}

function elementsOf(c: Case, a: AnalysisBundle, groups: string[][] | null): ElementDefinition[] {
  const actors = new Map(c.actors.map((x) => [x.id, x]));
  const groupOf = new Map<string, number>();
  groups?.forEach((g, i) => {
    for (const id of g) groupOf.set(id, i);
  });
  const max = Math.max(0, ...a.projection.ties.map((t) => Math.abs(t.weight)));
  const nodes: ElementDefinition[] = projectedActorIds(a).map((id) => {
    const actor = actors.get(id);
    return {
      group: 'nodes',
      data: {
        id,
        label: actor?.name ?? id,
        kind: actor?.kind ?? 'other',
        size: nodeDiameter(actor),
        group: groupOf.get(id) ?? -1,
      },
    };
  });
  const edges: ElementDefinition[] = a.projection.ties.map((t) => ({
    group: 'edges',
    data: {
      id: tieId(t),
      source: t.source,
      target: t.target,
      sign: t.sign,
      weight: t.weight,
      width: edgeWidth(t.weight, max),
    },
    classes: t.sign > 0 ? 'positive' : 'negative',
  }));
  return [...nodes, ...edges];
}

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

/** The Cytoscape map of the current analysis. */
export function MapView(props: MapViewProps) {
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
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new analysis replaces the elements the classes sit on
  useEffect(() => {
    const cy = core;
    if (!cy) return;
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

  return (
    <div
      ref={container}
      className="map-canvas"
      role="img"
      aria-label="Map of the actors and their signed ties; use the tie and focus lists for keyboard access"
      data-testid="map"
    />
  );
}
