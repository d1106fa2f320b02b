/**
 * Series as evidence (docs/events.md, "Series as evidence"): a dyad's event series turned into
 * dated relations, one per period the data read as hostile or cooperative, each carrying one
 * evidence item of kind `data` (dataset, version, query, counts) so that a case can include them
 * or compare them with its analyst-coded relations ({@link compareEvents}).
 *
 * Rules, per period of a dyad series:
 * - UCDP: `deaths_best` ≥ `minDeaths` (default 25, the yearly threshold UCDP itself uses for an
 *   armed conflict; Gleditsch et al. 2002, "Armed Conflict 1946–2001: A New Dataset") → an
 *   `armed-conflict` relation (−). UCDP records only fatal violence, so a period below the
 *   threshold says nothing about cooperation: no relation.
 * - ACLED: `fatalities` ≥ `minDeaths` → `armed-conflict` (−), same reading.
 * - GDELT: with c = quad1 + quad2 (verbal and material cooperation) and k = quad3 + quad4
 *   (verbal and material conflict), the balance (c − k) / (c + k), when c + k ≥ `minEvents`
 *   (default 10): ≥ `minBalance` (default 0.2) → `engagement` (+);
 *   ≤ −`minBalance` → `hostility` (−); between → no relation. The QuadClass reading follows
 *   GDELT 2.0's event codebook (Leetaru & Schrodt 2013, "GDELT: Global Data on Events,
 *   Location and Tone").
 */
import type { DataEvidence, Relation } from '../case/schema.js';
import { EntenteError } from '../errors.js';
import type { EventSeries, EventSeriesPoint } from './types.js';

/** Thresholds of {@link eventRelations}. */
export interface EventRelationRules {
  /** UCDP and ACLED: deaths in a period at or above which the dyad fought (default 25). */
  readonly minDeaths?: number;
  /** GDELT: fewest cooperation + conflict events in a period to read a balance (default 10). */
  readonly minEvents?: number;
  /** GDELT: |balance| at or above which a period is cooperative or hostile (default 0.2). */
  readonly minBalance?: number;
  /** Id of the case source the evidence cites (default: the dataset family, e.g. `ucdp`). */
  readonly source?: string;
}

/** The defaults of {@link EventRelationRules}. */
export const EVENT_RELATION_DEFAULTS = Object.freeze({
  minDeaths: 25,
  minEvents: 10,
  minBalance: 0.2,
});

/** One period a dyad's data read as a relation. */
export interface EventRelation {
  readonly period: string;
  /** −1 hostile, +1 cooperative. */
  readonly sign: -1 | 1;
  /** The relation, ready to add to a case: dated to the period, with one data evidence item. */
  readonly relation: Relation;
}

/**
 * The sign the data give a period of a dyad series: −1, +1, or 0 (nothing to read: below the
 * thresholds, or a measure the rule needs is absent).
 */
export function periodSign(
  dataset: EventSeries['dataset'],
  measures: EventSeriesPoint['measures'],
  rules: EventRelationRules = {},
): -1 | 0 | 1 {
  const minDeaths = rules.minDeaths ?? EVENT_RELATION_DEFAULTS.minDeaths;
  if (dataset === 'ucdp') return (measures.deaths_best ?? 0) >= minDeaths ? -1 : 0;
  if (dataset === 'acled') return (measures.fatalities ?? 0) >= minDeaths ? -1 : 0;
  const coop = (measures.quad1 ?? 0) + (measures.quad2 ?? 0);
  const conflict = (measures.quad3 ?? 0) + (measures.quad4 ?? 0);
  const n = coop + conflict;
  if (n < (rules.minEvents ?? EVENT_RELATION_DEFAULTS.minEvents) || n === 0) return 0;
  const balance = (coop - conflict) / n;
  const m = rules.minBalance ?? EVENT_RELATION_DEFAULTS.minBalance;
  return balance >= m ? 1 : balance <= -m ? -1 : 0;
}

/**
 * The dated relations a dyad series gives under `rules` (see the module comment), in period
 * order; each has `since` = `until` = its period and one `kind: data` evidence item whose counts
 * are the period's measures.
 * @throws {EntenteError} `invalid-argument` when `series` is an actor's series, not a dyad's
 * @example eventRelations(republicIsk)[0].relation.type // 'armed-conflict'
 */
export function eventRelations(
  series: EventSeries,
  rules: EventRelationRules = {},
): EventRelation[] {
  if (!('dyad' in series.key))
    throw new EntenteError(
      'invalid-argument',
      'eventRelations: relations need a dyad series, not an actor series',
    );
  const [a, b] = series.key.dyad;
  const out: EventRelation[] = [];
  for (const p of series.points) {
    const sign = periodSign(series.dataset, p.measures, rules);
    if (sign === 0) continue;
    const type =
      series.dataset === 'gdelt' ? (sign > 0 ? 'engagement' : 'hostility') : 'armed-conflict';
    const evidence: DataEvidence = {
      kind: 'data',
      source: rules.source ?? series.dataset,
      data: {
        dataset: series.dataset,
        version: series.versions.join(', '),
        query: `${series.query}; ${a}–${b}, ${p.period}`,
        counts: { ...p.measures },
      },
    };
    out.push({
      period: p.period,
      sign,
      relation: { from: a, to: b, type, since: p.period, until: p.period, evidence: [evidence] },
    });
  }
  return out;
}
