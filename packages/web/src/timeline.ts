/**
 * The timeline's stops: every date the case mentions (period starts and ends, relation and actor
 * `since`/`until`), in calendar order. Partial dates (`2015`, `2015-01`, `2015-01-31`) sort by the
 * day they start on, the coarser first.
 */
import type { Case } from './api/types.js';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Sort key of a partial date: first day, then precision (year before month before day). */
function dateKey(d: string): [number, number] | null {
  const m = DATE.exec(d);
  if (!m) return null;
  const day = Number(m[1]) * 10_000 + Number(m[2] ?? 1) * 100 + Number(m[3] ?? 1);
  return [day, m[3] ? 2 : m[2] ? 1 : 0];
}

/** Compares two partial dates by first day, then precision. */
export function compareDates(a: string, b: string): number {
  const ka = dateKey(a);
  const kb = dateKey(b);
  if (!ka || !kb) return a.localeCompare(b);
  return ka[0] - kb[0] || ka[1] - kb[1];
}

/** The distinct dates a case mentions, sorted; empty when the case has no dates. */
export function caseDates(c: Case): string[] {
  const seen = new Set<string>();
  const add = (d: unknown) => {
    if (d === undefined || d === null) return;
    const s = String(d);
    if (DATE.test(s)) seen.add(s);
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
  return [...seen].sort(compareDates);
}

/** The periods of the case that contain a date (by their labels), for the timeline's caption. */
export function periodsAt(c: Case, at: string): string[] {
  const k = dateKey(at);
  if (!k) return [];
  return (c.periods ?? [])
    .filter((p) => {
      const s = dateKey(String(p.start));
      const e = p.end === undefined ? null : dateKey(String(p.end));
      return s !== null && s[0] <= k[0] && (e === null || endDay(String(p.end)) >= k[0]);
    })
    .map((p) => p.label);
}

/** The last day covered by a partial date, as a sortable number. */
function endDay(d: string): number {
  const m = DATE.exec(d);
  if (!m) return 0;
  return Number(m[1]) * 10_000 + Number(m[2] ?? 12) * 100 + Number(m[3] ?? 31);
}
