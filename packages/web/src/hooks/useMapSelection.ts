/**
 * What the analyst picked on the map: the grouping haloed, the actor in focus, the actors
 * highlighted (an unbalanced triad) and the selected tie. Picks belong to the case they were made
 * on: grouping and focus are dropped when another case is chosen, the highlight and the tie also
 * when edited text is applied. The selected tie is read from the analysis shown, so it follows the
 * timeline and is absent at a date where the tie does not exist.
 */
import { useCallback, useState } from 'react';
import type { AnalysisBundle, ProjectedTie } from '../api/types.js';
import type { Grouping } from '../grouping.js';
import { tieId } from '../map/tie-id.js';
import { type MapPicks, picksFor } from '../map-picks.js';

/** What {@link useMapSelection} returns. */
export interface MapSelection {
  grouping: Grouping;
  setGrouping(g: Grouping): void;
  focus: string | null;
  /** Focuses on an actor (null: none); clears the highlight. */
  setFocus(id: string | null): void;
  /** Focuses on an actor, or unfocuses it when it already has the focus; clears the highlight. */
  toggleFocus(id: string): void;
  highlight: string[] | null;
  /** Highlights actors (null: none); a highlight replaces the focus. */
  setHighlight(ids: string[] | null): void;
  /** The selected tie as the analysis shown has it, or null. */
  tie: ProjectedTie | null;
  selectTie(t: ProjectedTie | null): void;
}

/** The map's picks for the case `caseKey` read from `sourceKey`, against `analysis`. */
export function useMapSelection(
  analysis: AnalysisBundle | null,
  caseKey: string | null,
  sourceKey: string,
): MapSelection {
  const [stored, setStored] = useState<MapPicks | null>(null);
  const picks = picksFor(stored, caseKey, sourceKey);
  const update = useCallback(
    (change: (p: MapPicks) => Partial<MapPicks>) =>
      setStored((prev) => {
        const base = picksFor(prev, caseKey, sourceKey);
        return { ...base, ...change(base) };
      }),
    [caseKey, sourceKey],
  );
  const tie = picks.tie
    ? (analysis?.projection.ties.find((t) => tieId(t) === picks.tie) ?? null)
    : null;
  return {
    grouping: picks.grouping,
    setGrouping: (grouping) => update(() => ({ grouping })),
    focus: picks.focus,
    setFocus: (focus) => update(() => ({ focus, highlight: null })),
    toggleFocus: (id) => update((p) => ({ focus: p.focus === id ? null : id, highlight: null })),
    highlight: picks.highlight,
    setHighlight: (highlight) => update((p) => ({ highlight, focus: highlight ? null : p.focus })),
    tie,
    selectTie: (t) => update(() => ({ tie: t ? tieId(t) : null })),
  };
}
