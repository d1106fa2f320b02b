/**
 * The stops of the workbench's timeline for a case: every date the case mentions (period starts
 * and ends, relation and actor `since`/`until`) in calendar order — partial dates sort by the day
 * they start on, the coarser first. The same rule as `caseDates` in packages/web/src/timeline.ts,
 * so that the server warms the analyses the workbench will ask for.
 */
import type { Case } from '@entente/core';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Sort key of a partial date: first day, then precision (year before month before day). */
function dateKey(d: string): [number, number] {
  const m = DATE.exec(d) as RegExpExecArray;
  const day = Number(m[1]) * 10_000 + Number(m[2] ?? 1) * 100 + Number(m[3] ?? 1);
  return [day, m[3] ? 2 : m[2] ? 1 : 0];
}

/** The distinct dates a case mentions, in calendar order; empty when the case has no dates. */
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
  return [...seen].sort((a, b) => {
    const ka = dateKey(a);
    const kb = dateKey(b);
    return ka[0] - kb[0] || ka[1] - kb[1];
  });
}
