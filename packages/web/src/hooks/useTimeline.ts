/**
 * The timeline's date: the stops are every date the case mentions (`caseDates`); the date shown
 * is the one the analyst chose while it is still a stop of the same case, else the latest stop.
 * Derived, not synchronised: a new case or applied text needs no effect to move the date.
 */
import { useMemo, useState } from 'react';
import type { Case } from '../api/types.js';
import { caseDates, shownDate } from '../timeline.js';

/** What {@link useTimeline} returns. */
export interface TimelineState {
  /** The stops, in calendar order. */
  dates: string[];
  /** The date shown, or null when the case mentions no date. */
  at: string | null;
  /** Index of `at` in `dates` (the slider's value). */
  atIndex: number;
  setAt(at: string | null): void;
}

/**
 * The date chosen on the timeline of `caseData`; the choice is forgotten when `caseKey` (the
 * chosen case) changes.
 */
export function useTimeline(caseData: Case | null, caseKey: string | null): TimelineState {
  const dates = useMemo(() => (caseData ? caseDates(caseData) : []), [caseData]);
  const [chosen, setChosen] = useState<{ key: string | null; at: string | null } | null>(null);
  const at = shownDate(dates, chosen && chosen.key === caseKey ? chosen.at : null);
  return {
    dates,
    at,
    atIndex: at ? Math.max(0, dates.indexOf(at)) : dates.length - 1,
    setAt: (next) => setChosen({ key: caseKey, at: next }),
  };
}
