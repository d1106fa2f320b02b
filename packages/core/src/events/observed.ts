/**
 * Observed hypotheses (`kind: observed`, docs/events.md "Observed claims"): a claim tested on
 * event data instead of simulated worlds. The measure of a series (one actor, several actors
 * summed, or a dyad) is reduced over two windows of periods — mean per period (default), sum, or
 * max — and the effect of the later window against the earlier is judged with the model
 * hypotheses' minimum effect ({@link effectHolds}). A window is decided only when the series'
 * dataset covers every period of it: a period absent from a series counts as 0 only inside the
 * dataset's coverage, and a window that is not covered gives the verdict `no-data`, never a
 * silent 0.
 */

import type { HypothesisOp } from '../case/hypotheses.js';
import {
  effectHolds,
  type MinEffect,
  type ObservedAggregate,
  type ObservedHypothesis,
} from '../case/hypotheses.js';
import { periodOrdinal, periodResolution, periodsBetween } from './observed-coverage.js';
import type {
  EventCoverage,
  EventDataset,
  EventResolution,
  EventSeries,
  EventSeriesKey,
} from './types.js';

/** The verdict of an observed hypothesis. */
export const OBSERVED_STATUSES = Object.freeze(['holds', 'fails', 'no-data'] as const);

/** `holds`, `fails`, or `no-data` (a window the data do not cover, or no data at all). */
export type ObservedStatus = (typeof OBSERVED_STATUSES)[number];

/** One window of a verdict: its bounds, its value, and how many of its periods the data cover. */
export interface ObservedWindow {
  readonly start: string;
  readonly end: string;
  /** The aggregate over the window; null when a period of it is not covered. */
  readonly value: number | null;
  /** How many periods the window holds. */
  readonly periods: number;
  /** Periods of the window the data cover (a point, or inside the coverage). */
  readonly covered: number;
}

/** The verdict of one observed hypothesis on the data at hand. */
export interface ObservedVerdict {
  readonly id: string;
  readonly statement: string;
  readonly claim: string | null;
  /** `author` (default), `analyst` or an actor id. */
  readonly claimant: string;
  readonly paragraph: number | null;
  readonly sentence: number | null;
  /** The series in words: `isk`, `isk + ttp`, `republic–isk`. */
  readonly series: string;
  readonly dataset: EventDataset;
  readonly measure: string;
  readonly normalised: boolean;
  readonly by: EventResolution;
  readonly aggregate: ObservedAggregate;
  readonly op: HypothesisOp;
  readonly minEffect: MinEffect | null;
  /** `relative` when `minEffect` is relative: effect = (to − from) / |from|; else to − from. */
  readonly scale: 'absolute' | 'relative';
  readonly status: ObservedStatus;
  /** The effect; null when no-data or not finite (a relative effect on a from-window of 0). */
  readonly effect: number | null;
  readonly from: ObservedWindow;
  readonly to: ObservedWindow;
  /** Coverage of the data read (the intersection over summed series); null when unknown. */
  readonly coverage: EventCoverage | null;
  /** Dataset versions of the series read. */
  readonly versions: readonly string[];
  /** Why the verdict is `no-data`; null otherwise. */
  readonly reason: string | null;
  /** What a reader must know: the series' caveats and the evaluation's own. */
  readonly caveats: readonly string[];
}

/** A series an observed hypothesis needs, for an adapter to fetch. */
export interface ObservedSeriesRequest {
  readonly key: EventSeriesKey;
  readonly dataset: EventDataset;
  readonly by: EventResolution;
}

/** The series keys of `h`: one per actor (summed later), or its actor or dyad. */
function keysOf(h: ObservedHypothesis): EventSeriesKey[] {
  const s = h.series;
  if (s.dyad !== undefined) return [{ dyad: [s.dyad[0], s.dyad[1]] }];
  if (s.actors !== undefined) return s.actors.map((actor) => ({ actor }));
  if (s.actor !== undefined) return [{ actor: s.actor }];
  return [];
}

/**
 * The series observed hypothesis `h` reads, in order: its dyad, its actor, or each of its actors
 * (to be summed), at the resolution of its windows.
 * @example observedSeriesRequests(h) // [{ key: { actor: 'isk' }, dataset: 'ucdp', by: 'year' }]
 */
export function observedSeriesRequests(h: ObservedHypothesis): ObservedSeriesRequest[] {
  const by = periodResolution(h.from.start);
  return keysOf(h).map((key) => ({ key, dataset: h.series.dataset, by }));
}

/** The series of `h` in words. */
export function observedSeriesLabel(h: ObservedHypothesis): string {
  const s = h.series;
  if (s.dyad !== undefined) return `${s.dyad[0]}–${s.dyad[1]}`;
  if (s.actors !== undefined) return s.actors.join(' + ');
  return s.actor ?? '';
}

type Cell = { readonly value: number } | { readonly missing: string };

/** The value of period `p` in one series: a point, 0 inside the coverage, or why it is missing. */
function cell(
  s: EventSeries,
  index: ReadonlyMap<string, EventSeries['points'][number]>,
  p: string,
  measure: string,
  normalised: boolean,
): Cell {
  const point = index.get(p);
  if (point !== undefined) {
    const m = normalised ? point.normalised : point.measures;
    const v = m?.[measure];
    if (v === undefined)
      return {
        missing: `${normalised ? 'normalised ' : ''}measure "${measure}" is absent from the ${s.dataset} series at ${p}`,
      };
    return { value: v };
  }
  const c = s.coverage;
  if (
    c != null &&
    periodOrdinal(c.from) <= periodOrdinal(p) &&
    periodOrdinal(p) <= periodOrdinal(c.until)
  )
    return { value: 0 };
  return {
    missing:
      c == null
        ? `the ${s.dataset} series does not say which periods its dataset covers`
        : `${p} is outside the ${s.dataset} data (${c.from}–${c.until})`,
  };
}

function reduce(values: readonly number[], how: ObservedAggregate): number {
  if (how === 'max') return Math.max(...values);
  const sum = values.reduce((a, b) => a + b, 0);
  return how === 'sum' ? sum : sum / values.length;
}

function intersect(cs: readonly (EventCoverage | null | undefined)[]): EventCoverage | null {
  let from: string | null = null;
  let until: string | null = null;
  for (const c of cs) {
    if (c == null) return null;
    if (from === null || periodOrdinal(c.from) > periodOrdinal(from)) from = c.from;
    if (until === null || periodOrdinal(c.until) < periodOrdinal(until)) until = c.until;
  }
  return from === null || until === null || periodOrdinal(until) < periodOrdinal(from)
    ? null
    : { from, until };
}

/**
 * The verdict of observed hypothesis `h` on `series`, the series of
 * {@link observedSeriesRequests}`(h)` in the same order (null where the store has no such
 * data). With A = the aggregate over window `from` and B over window `to`, the effect is B − A,
 * or (B − A) / |A| with a relative `minEffect` (±∞ when A = 0 and B ≠ 0, reported as null), and
 * the hypothesis holds when the effect lies beyond the minimum effect in the direction of `op`
 * ({@link effectHolds}). `no-data` when a series is missing, a measure is absent, or a period of
 * either window lies outside the data's coverage.
 * @example observedVerdict(h, [iskSeries]).status // 'holds'
 */
export function observedVerdict(
  h: ObservedHypothesis,
  series: readonly (EventSeries | null)[],
): ObservedVerdict {
  const requests = observedSeriesRequests(h);
  const by = requests[0]?.by ?? periodResolution(h.from.start);
  const aggregate = h.aggregate ?? 'mean';
  const normalised = h.series.normalised === true;
  const caveats: string[] = [];
  const reasons: string[] = [];
  const present = series.filter((s): s is EventSeries => s !== null);
  if (series.length !== requests.length || present.length < requests.length) {
    reasons.push(
      `no ${h.series.dataset} data for ${requests
        .filter((_, i) => (series[i] ?? null) === null)
        .map((r) => ('actor' in r.key ? r.key.actor : r.key.dyad.join('–')))
        .join(', ')}`,
    );
  }
  for (const s of present) {
    if (s.by !== by) reasons.push(`a series is by ${s.by}, but the windows are ${by}s`);
    for (const c of s.caveats) if (!caveats.includes(c)) caveats.push(c);
  }
  if (requests.length === 0) reasons.push('the series names no actor or dyad');
  const fatal = reasons.length > 0;
  if (requests.length > 1)
    caveats.push(
      `the ${requests.length} actors' series are summed: an event between two of them counts once for each`,
    );
  const indexes = present.map((s) => new Map(s.points.map((p) => [p.period, p])));
  const windowOf = (w: { start: string; end: string }, name: string): ObservedWindow => {
    const periods = periodsBetween(w.start, w.end);
    const values: number[] = [];
    let covered = 0;
    for (const p of periods) {
      let sum = 0;
      let ok = !fatal;
      for (let i = 0; i < present.length && ok; i++) {
        const c = cell(present[i], indexes[i], p, h.series.measure, normalised);
        if ('missing' in c) {
          ok = false;
          if (!reasons.some((r) => r.startsWith(`${name} `)))
            reasons.push(`${name} ${w.start}–${w.end}: ${c.missing}`);
        } else sum += c.value;
      }
      if (ok) {
        covered++;
        values.push(sum);
      }
    }
    const complete = covered === periods.length && periods.length > 0;
    return {
      start: w.start,
      end: w.end,
      value: complete ? reduce(values, aggregate) : null,
      periods: periods.length,
      covered,
    };
  };
  const from = windowOf(h.from, 'from');
  const to = windowOf(h.to, 'to');
  if (aggregate === 'sum' && from.periods !== to.periods)
    caveats.push(
      `aggregate sum over windows of ${from.periods} and ${to.periods} periods: the longer window weighs more`,
    );
  const relative = h.minEffect !== undefined && 'relative' in h.minEffect;
  let status: ObservedStatus = 'no-data';
  let effect: number | null = null;
  if (from.value !== null && to.value !== null) {
    const diff = to.value - from.value;
    const e = relative
      ? from.value === 0
        ? diff > 0
          ? Number.POSITIVE_INFINITY
          : diff < 0
            ? Number.NEGATIVE_INFINITY
            : Number.NaN
        : diff / Math.abs(from.value)
      : diff;
    if (relative && from.value === 0)
      caveats.push('the from-window is 0: the relative effect is not finite');
    status = effectHolds(h, e) ? 'holds' : 'fails';
    effect = Number.isFinite(e) ? e : null;
  }
  const versions = [...new Set(present.flatMap((s) => s.versions))].sort();
  return {
    id: h.id,
    statement: h.statement,
    claim: h.claim ?? null,
    claimant: h.claimant ?? 'author',
    paragraph: h.paragraph ?? null,
    sentence: h.sentence ?? null,
    series: observedSeriesLabel(h),
    dataset: h.series.dataset,
    measure: h.series.measure,
    normalised,
    by,
    aggregate,
    op: h.op,
    minEffect: h.minEffect ?? null,
    scale: relative ? 'relative' : 'absolute',
    status,
    effect,
    from,
    to,
    coverage: intersect(present.map((s) => s.coverage)),
    versions,
    reason: status === 'no-data' ? reasons.join('; ') || 'no data' : null,
    caveats,
  };
}

/**
 * The verdicts of every observed hypothesis of case `c`, in the case's order, each on the series
 * `seriesOf` returns for its requests (null: no such data). `seriesOf` may answer synchronously
 * or with a promise (an engine's query); requests are made one at a time.
 * @example await observedVerdicts(c, (r) => store.series(r))
 */
export async function observedVerdicts(
  c: { readonly hypotheses?: readonly { readonly kind?: string | undefined }[] | undefined },
  seriesOf: (request: ObservedSeriesRequest) => EventSeries | null | Promise<EventSeries | null>,
): Promise<ObservedVerdict[]> {
  const out: ObservedVerdict[] = [];
  for (const h of c.hypotheses ?? []) {
    if (h.kind !== 'observed') continue;
    const o = h as ObservedHypothesis;
    const series: (EventSeries | null)[] = [];
    for (const r of observedSeriesRequests(o)) series.push(await seriesOf(r));
    out.push(observedVerdict(o, series));
  }
  return out;
}
