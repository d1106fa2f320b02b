/**
 * `entente events compare` (docs/events.md, "Comparing with the case"): per dyad, does the case's
 * analyst-coded relation agree with the event data in **sign** and in **trend**?
 *
 * For each period the dyad's series covers (a period inside the data's coverage without a point
 * had no events):
 * - the **analyst's sign** is the sign of Σ sign × expected weight over the case's relations
 *   between the two actors in force during the period (docs/case-format.md: weight × evidence
 *   share × confidence); 0 when none is;
 * - the **data's sign** is {@link periodSign}: −1 or +1 where the data read hostility or
 *   cooperation, 0 otherwise.
 * A period **agrees** when both signs are non-zero and equal, and **disagrees** when the data read
 * a sign and the analyst codes the opposite one or none. The data's 0 never disagrees: UCDP and
 * ACLED record only fatal violence, so no fighting is not evidence of cooperation. The dyad's sign
 * verdict is `disagree` if any period disagrees, `agree` if some agree, else `undecided`.
 *
 * **Trend**, over the periods from the first to the last one in which either side reads a sign:
 * the data's intensity (deaths, or GDELT's balance) in the later half against the earlier half,
 * and the analyst's net weight at the last period against the first. A direction is `toward
 * conflict`, `toward cooperation` or `flat` (the data: a change below a quarter of the larger
 * half; the analyst: no change). The trends agree when the directions are equal; `undecided`
 * when fewer than two periods have data.
 */
import { activeAt } from '../case/dates.js';
import { effectiveRelations } from '../case/effective.js';
import type { Case } from '../case/schema.js';
import { periodAt, periodOrdinal } from './observed-coverage.js';
import { type EventRelationRules, periodSign } from './relations.js';
import type { EventDataset, EventSeries } from './types.js';

/** A direction of change of a dyad's relation. */
export type EventTrend = 'toward-conflict' | 'toward-cooperation' | 'flat';

/** An agreement verdict. */
export type EventAgreement = 'agree' | 'disagree' | 'undecided';

/** The comparison of one dyad. */
export interface DyadComparison {
  readonly dyad: readonly [string, string];
  readonly dataset: EventDataset;
  /** First and last period compared; null when the data cover no period. */
  readonly from: string | null;
  readonly until: string | null;
  /** Periods in which the analyst's and the data's signs agree / disagree. */
  readonly agreePeriods: number;
  readonly disagreePeriods: number;
  /** Indices in `case.relations` of the analyst's relations between the two. */
  readonly relations: readonly number[];
  readonly sign: EventAgreement;
  readonly analystTrend: EventTrend | null;
  readonly dataTrend: EventTrend | null;
  readonly trend: EventAgreement;
  /** One sentence per disagreement. */
  readonly disagreements: readonly string[];
}

/** The result of {@link compareEvents}. */
export interface EventsComparison {
  readonly dyads: readonly DyadComparison[];
  /** Counts of dyads by sign and by trend verdict. */
  readonly sign: Readonly<Record<EventAgreement, number>>;
  readonly trend: Readonly<Record<EventAgreement, number>>;
  /** The dyads' disagreements, each prefixed with the dyad. */
  readonly disagreements: readonly string[];
}

/**
 * The data's move in words. UCDP and ACLED record only fatal violence, so fewer deaths read as
 * less violence, not as cooperation (the enum value stays `toward-cooperation`: the direction
 * on the relation's scale).
 */
function dataMoves(dataset: EventDataset, trend: EventTrend): string {
  if (dataset === 'gdelt') return `moves ${trend}`;
  return trend === 'toward-conflict'
    ? 'records more violence (toward-conflict)'
    : 'records less violence (toward-cooperation)';
}

const FLAT = 0.25;

function intensity(dataset: EventDataset, m: Readonly<Record<string, number>>): number {
  if (dataset === 'ucdp') return m.deaths_best ?? 0;
  if (dataset === 'acled') return m.fatalities ?? 0;
  const coop = (m.quad1 ?? 0) + (m.quad2 ?? 0);
  const conflict = (m.quad3 ?? 0) + (m.quad4 ?? 0);
  // Conflict intensity: the share of conflict events (0..1).
  return coop + conflict === 0 ? 0 : conflict / (coop + conflict);
}

/**
 * Compares the relations of case `c` with the dyad series `series` (one per dyad and dataset;
 * actor series are ignored) under `rules` (see the module comment).
 * @example compareEvents(c, [republicIsk]).dyads[0].sign // 'agree'
 */
export function compareEvents(
  c: Case,
  series: readonly EventSeries[],
  rules: EventRelationRules = {},
): EventsComparison {
  const eff = effectiveRelations(c);
  const dyads: DyadComparison[] = [];
  for (const s of series) {
    if (!('dyad' in s.key)) continue;
    const [a, b] = s.key.dyad;
    const between = eff.filter(
      (r) =>
        (r.relation.from === a && r.relation.to === b) ||
        (r.relation.from === b && r.relation.to === a),
    );
    const points = new Map(s.points.map((p) => [p.period, p]));
    const ords = s.points.map((p) => periodOrdinal(p.period));
    const lo = s.coverage ? periodOrdinal(s.coverage.from) : Math.min(...ords);
    const hi = s.coverage ? periodOrdinal(s.coverage.until) : Math.max(...ords);
    const rows: { period: string; analyst: number; data: -1 | 0 | 1; intensity: number }[] = [];
    for (let n = lo; Number.isFinite(lo) && n <= hi; n++) {
      const period = periodAt(n, s.by);
      const p = points.get(period);
      if (p === undefined && s.coverage == null) continue;
      let net = 0;
      for (const r of between) if (activeAt(r.relation, period)) net += r.sign * r.expectedWeight;
      const measures = p?.measures ?? {};
      rows.push({
        period,
        analyst: net,
        data: periodSign(s.dataset, measures, rules),
        intensity: intensity(s.dataset, measures),
      });
    }
    const signed = rows.filter((r) => r.data !== 0 || r.analyst !== 0);
    const span =
      signed.length === 0
        ? []
        : rows.slice(rows.indexOf(signed[0]), rows.indexOf(signed[signed.length - 1]) + 1);
    let agreePeriods = 0;
    let disagreePeriods = 0;
    const disagreements: string[] = [];
    const wrong: string[] = [];
    const missing: string[] = [];
    for (const r of span) {
      if (r.data === 0) continue;
      const analyst = Math.sign(r.analyst);
      if (analyst === r.data) agreePeriods++;
      else {
        disagreePeriods++;
        (analyst === 0 ? missing : wrong).push(r.period);
      }
    }
    const read = (sign: number) => (sign < 0 ? 'hostility' : 'cooperation');
    const dataSign = (periods: string[]) => span.find((r) => r.period === periods[0])?.data ?? 0;
    if (wrong.length > 0)
      disagreements.push(
        `the case codes ${read(-dataSign(wrong))} where ${s.dataset} reads ${read(dataSign(wrong))} in ${wrong.join(', ')}`,
      );
    if (missing.length > 0)
      disagreements.push(
        `the case codes no relation where ${s.dataset} reads ${read(dataSign(missing))} in ${missing.join(', ')}`,
      );
    let dataTrend: EventTrend | null = null;
    let analystTrend: EventTrend | null = null;
    if (span.length >= 2) {
      const half = Math.floor(span.length / 2);
      const mean = (xs: typeof span) => xs.reduce((t, r) => t + r.intensity, 0) / xs.length;
      const early = mean(span.slice(0, half));
      const late = mean(span.slice(span.length - half));
      const scale = Math.max(Math.abs(early), Math.abs(late));
      dataTrend =
        scale === 0 || Math.abs(late - early) < FLAT * scale
          ? 'flat'
          : late > early
            ? 'toward-conflict'
            : 'toward-cooperation';
      const d = span[span.length - 1].analyst - span[0].analyst;
      analystTrend =
        Math.abs(d) < 1e-12 ? 'flat' : d > 0 ? 'toward-cooperation' : 'toward-conflict';
    }
    const trend: EventAgreement =
      dataTrend === null || analystTrend === null
        ? 'undecided'
        : dataTrend === analystTrend
          ? 'agree'
          : 'disagree';
    if (trend === 'disagree')
      disagreements.push(
        `trend ${span[0].period}–${span[span.length - 1].period}: the case ${analystTrend === 'flat' ? 'codes no change' : `moves ${analystTrend}`}, ${s.dataset} ${dataTrend === 'flat' ? 'shows no clear change' : dataMoves(s.dataset, dataTrend as EventTrend)}`,
      );
    dyads.push({
      dyad: [a, b],
      dataset: s.dataset,
      from: span[0]?.period ?? null,
      until: span[span.length - 1]?.period ?? null,
      agreePeriods,
      disagreePeriods,
      relations: between.map((r) => r.index),
      sign: disagreePeriods > 0 ? 'disagree' : agreePeriods > 0 ? 'agree' : 'undecided',
      analystTrend,
      dataTrend,
      trend,
      disagreements,
    });
  }
  const count = (k: 'sign' | 'trend') => ({
    agree: dyads.filter((d) => d[k] === 'agree').length,
    disagree: dyads.filter((d) => d[k] === 'disagree').length,
    undecided: dyads.filter((d) => d[k] === 'undecided').length,
  });
  return {
    dyads,
    sign: count('sign'),
    trend: count('trend'),
    disagreements: dyads.flatMap((d) =>
      d.disagreements.map((t) => `${d.dyad[0]}–${d.dyad[1]}: ${t}`),
    ),
  };
}
