/**
 * Which of the analyst's picks on the map survive a change of case or text: grouping and focus
 * last while the case does, the highlight and the selected tie while its text does (applying
 * edited text drops them, as the actors may have changed).
 */
import type { Grouping } from './grouping.js';

/** The map's picks and the case and source they were made on. */
export interface MapPicks {
  readonly caseKey: string | null;
  readonly sourceKey: string;
  readonly grouping: Grouping;
  readonly focus: string | null;
  readonly highlight: string[] | null;
  readonly tie: string | null;
}

/** The picks for `caseKey` and `sourceKey`, keeping those of `prev` that still apply. */
export function picksFor(
  prev: MapPicks | null,
  caseKey: string | null,
  sourceKey: string,
): MapPicks {
  if (prev && prev.caseKey === caseKey && prev.sourceKey === sourceKey) return prev;
  // The text changed (and perhaps the case): highlight and tie go; grouping and focus stay
  // while the case does.
  const sameCase = prev !== null && prev.caseKey === caseKey;
  return {
    caseKey,
    sourceKey,
    grouping: sameCase ? prev.grouping : 'none',
    focus: sameCase ? prev.focus : null,
    highlight: null,
    tie: null,
  };
}
