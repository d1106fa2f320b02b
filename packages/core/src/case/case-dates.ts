/**
 * The dates a case mentions, in calendar order: the stops of a timeline over the case (the
 * workbench's slider, the server's warm-up of the analyses the workbench will ask for).
 */
import { parseCaseDate } from './dates.js';
import type { Case } from './schema.js';

/** How many parts a partial date has: 1 (YYYY), 2 (YYYY-MM) or 3 (YYYY-MM-DD). */
const precision = (d: string) => d.split('-').length;

/**
 * Orders partial dates by the first day they cover, the coarser first on the same day
 * (`2021` < `2021-01` < `2021-01-01` < `2021-02`); texts that are not case dates sort after the
 * dates, by code point.
 * @example ['2021-08', '2021', '2020-12-31'].sort(compareCaseDates) // ['2020-12-31', '2021', '2021-08']
 */
export function compareCaseDates(a: string, b: string): number {
  const da = parseCaseDate(a);
  const db = parseCaseDate(b);
  if (!da || !db) return da ? -1 : db ? 1 : a < b ? -1 : a > b ? 1 : 0;
  return da.start - db.start || precision(a) - precision(b);
}

/**
 * The distinct dates a case mentions — period starts and ends, relation and actor `since` and
 * `until` — in the order of {@link compareCaseDates}; empty when the case has no dates.
 */
export function caseDates(c: Case): string[] {
  const seen = new Set<string>();
  const add = (d: string | undefined) => {
    if (d !== undefined && parseCaseDate(d)) seen.add(d);
  };
  for (const p of c.periods ?? []) {
    add(p.start);
    add(p.end);
  }
  for (const r of c.relations) {
    add(r.since);
    add(r.until);
  }
  for (const a of c.actors) {
    add(a.since);
    add(a.until);
  }
  return [...seen].sort(compareCaseDates);
}
