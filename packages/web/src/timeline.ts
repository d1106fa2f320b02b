/**
 * The timeline's stops: every date the case mentions (period starts and ends, relation and actor
 * `since`/`until`), in calendar order. Partial dates (`2015`, `2015-01`, `2015-01-31`) sort by the
 * day they start on, the coarser first.
 */

import type { Case } from '@entente/core/contract';
import { caseDates, compareCaseDates, parseCaseDate } from '@entente/core/dates';

/** Compares two partial dates by first day, then precision (core's `compareCaseDates`). */
export const compareDates = compareCaseDates;
export { caseDates };

/** The periods of the case that contain a date (by their labels), for the timeline's caption. */
export function periodsAt(c: Case, at: string): string[] {
  const day = parseCaseDate(at)?.start;
  if (day === undefined) return [];
  return (c.periods ?? [])
    .filter((p) => {
      const s = parseCaseDate(p.start);
      const e = p.end === undefined ? undefined : parseCaseDate(p.end);
      return (
        s !== undefined &&
        s.start <= day &&
        (p.end === undefined || (e !== undefined && e.end >= day))
      );
    })
    .map((p) => p.label);
}

/**
 * The date the timeline shows: `chosen` while it is still one of `dates`, else the latest date
 * (null when there is none).
 */
export function shownDate(dates: readonly string[], chosen: string | null): string | null {
  if (chosen !== null && dates.includes(chosen)) return chosen;
  return dates.length > 0 ? (dates[dates.length - 1] ?? null) : null;
}
