/**
 * Cross-reference checks of an observed hypothesis (`kind: observed`, docs/case-format.md 3.9b):
 * its series names case actors, one way only; its windows are in order and at one resolution.
 * Runs on raw case data, like the rest of `semantics.ts`, so it never assumes the schema passed.
 */
import { PERIOD_PATTERN } from './hypotheses.js';
import type { CaseIssueCode } from './issues.js';
import { didYouMean } from './suggest.js';

type Path = (string | number)[];

/** One problem the checks found, ready for `semantics.ts` to push. */
export interface ObservedIssue {
  readonly code: CaseIssueCode;
  readonly path: Path;
  readonly message: string;
  readonly suggestion?: string | undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const periodText = (v: unknown): string | undefined =>
  typeof v === 'number' && Number.isInteger(v) ? String(v) : typeof v === 'string' ? v : undefined;

/** A period's index on its own scale (years, or months since year 0) and its resolution. */
function periodOrdinal(p: string): { readonly by: 'year' | 'month'; readonly n: number } {
  const y = Number(p.slice(0, 4));
  return p.length === 4
    ? { by: 'year', n: y }
    : { by: 'month', n: y * 12 + Number(p.slice(5)) - 1 };
}

/**
 * The issues of observed hypothesis `h` (raw data) at path `at`, given the case's actor ids:
 * `invalid-value` (none or several of actor, actors, dyad; a dyad of one actor; windows at mixed
 * resolutions), `unknown-actor`, `duplicate-id` (an actor summed twice), `invalid-range` (a window
 * that ends before it starts, or `from` not ending before `to` starts).
 * @example observedHypothesisIssues({ kind: 'observed', series: { actor: 'iskk' } }, ['hypotheses', 0], actors)
 */
export function observedHypothesisIssues(
  h: Record<string, unknown>,
  at: Path,
  actors: ReadonlyMap<string, unknown>,
): ObservedIssue[] {
  const out: ObservedIssue[] = [];
  const refActor = (value: unknown, path: Path) => {
    if (typeof value !== 'string' || actors.has(value)) return;
    const suggestion = didYouMean(value, actors.keys());
    out.push({
      code: 'unknown-actor',
      path,
      message: `no actor has id "${value}"${suggestion === undefined ? '' : `; did you mean "${suggestion}"?`}`,
      suggestion,
    });
  };
  const series = h.series;
  if (isRecord(series)) {
    const sp = [...at, 'series'];
    const given = (['actor', 'actors', 'dyad'] as const).filter((k) => series[k] !== undefined);
    if (given.length !== 1) {
      out.push({
        code: 'invalid-value',
        path: sp,
        message:
          given.length === 0
            ? 'a series needs one of actor, actors (summed) or dyad'
            : `a series gives ${given.join(' and ')}; keep exactly one`,
      });
    }
    refActor(series.actor, [...sp, 'actor']);
    if (Array.isArray(series.actors)) {
      const seen = new Set<string>();
      series.actors.forEach((a, i) => {
        refActor(a, [...sp, 'actors', i]);
        if (typeof a === 'string') {
          if (seen.has(a))
            out.push({
              code: 'duplicate-id',
              path: [...sp, 'actors', i],
              message: `actor "${a}" is summed twice`,
            });
          seen.add(a);
        }
      });
    }
    if (Array.isArray(series.dyad)) {
      series.dyad.forEach((a, i) => {
        refActor(a, [...sp, 'dyad', i]);
      });
      if (series.dyad.length === 2 && series.dyad[0] === series.dyad[1])
        out.push({
          code: 'invalid-value',
          path: [...sp, 'dyad'],
          message: `a dyad needs two different actors, not "${String(series.dyad[0])}" twice`,
        });
    }
  }
  const windows: { readonly key: 'from' | 'to'; readonly start: string; readonly end: string }[] =
    [];
  for (const key of ['from', 'to'] as const) {
    const w = h[key];
    if (!isRecord(w)) continue;
    const start = periodText(w.start);
    const end = periodText(w.end);
    if (start === undefined || end === undefined) continue;
    if (!PERIOD_PATTERN.test(start) || !PERIOD_PATTERN.test(end)) continue;
    const s = periodOrdinal(start);
    const e = periodOrdinal(end);
    if (s.by !== e.by) {
      out.push({
        code: 'invalid-value',
        path: [...at, key, 'end'],
        message: `${key}: start ${start} and end ${end} must both be years (YYYY) or both months (YYYY-MM)`,
      });
      continue;
    }
    if (e.n < s.n) {
      out.push({
        code: 'invalid-range',
        path: [...at, key, 'end'],
        message: `${key}: end ${end} is before start ${start}`,
      });
      continue;
    }
    windows.push({ key, start, end });
  }
  if (windows.length === 2) {
    const [f, t] = windows;
    if (periodOrdinal(f.start).by !== periodOrdinal(t.start).by) {
      out.push({
        code: 'invalid-value',
        path: [...at, 'to'],
        message: `from (${f.start}–${f.end}) and to (${t.start}–${t.end}) must be at one resolution: both years or both months`,
      });
    } else if (periodOrdinal(f.end).n >= periodOrdinal(t.start).n) {
      out.push({
        code: 'invalid-range',
        path: [...at, 'to', 'start'],
        message: `to starts at ${t.start}, but from ends at ${f.end}: from must end before to starts`,
      });
    }
  }
  return out;
}
