/**
 * The map: the signed projection of the case at the chosen date, drawn by Cytoscape with an fCoSE
 * layout. Nodes keep their positions across dates and layer toggles (only a changed actor set is
 * laid out again), so the analyst's mental map survives the timeline. The core and its updates
 * live in hooks/useCytoscapeMap.ts; this component renders its container.
 */
import type { Core } from 'cytoscape';
import type { AnalysisBundle, Case, ProjectedTie } from '../api/types.js';
import { useCytoscapeMap } from '../hooks/useCytoscapeMap.js';

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

/** The Cytoscape map of the current analysis. */
export function MapView(props: MapViewProps) {
  const container = useCytoscapeMap(props);
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
