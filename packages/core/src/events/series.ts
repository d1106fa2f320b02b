/**
 * Event series: an engine's dataset-keyed groups, mapped through the case's `events` section and
 * summed per period into the series of one case actor or one pair of case actors
 * (docs/events.md, "Series").
 *
 * - An actor's series sums every group one of whose sides maps to the actor (a group with the
 *   actor on both sides counts once).
 * - A dyad's series sums the groups whose two sides map to the two actors, in either order.
 * - Every period the dataset covers — it has rows of any actor in the store — is a point; a
 *   covered period without rows of the key has measures 0. Periods without any rows (a gap in
 *   what was ingested) are no points: nothing is known of them.
 * - GDELT points carry `normalised` measures: each divided by the period's total rows of the
 *   dataset, since GDELT's volume grows with its sources (Leetaru and Schrodt 2013, "GDELT: Global
 *   Data on Events, Location and Tone").
 */
import { EntenteError } from '../errors.js';
import {
  type CompiledEventMapping,
  compileEventMapping,
  type EventMapping,
  mapGroup,
  mapKey,
} from './mapping.js';
import {
  datasetOfFormat,
  type EventDataset,
  type EventFormat,
  type EventGroup,
  type EventResolution,
  type EventSeries,
  type EventSeriesKey,
  type EventSeriesPoint,
  type EventVolume,
} from './types.js';

/** What series to build. */
export interface EventSeriesOptions {
  readonly key: EventSeriesKey;
  readonly by: EventResolution;
  readonly dataset: EventDataset;
}

function describeKey(key: EventSeriesKey): string {
  return 'actor' in key ? `actor ${key.actor}` : `dyad ${key.dyad[0]}–${key.dyad[1]}`;
}

/**
 * Sums mapped groups into the series of one actor or dyad.
 * @throws {EntenteError} `invalid-argument` when a dyad names one actor twice, or the groups are
 *   not of the asked resolution.
 */
export function eventSeries(
  mapping: EventMapping | CompiledEventMapping,
  groups: readonly EventGroup[],
  volumes: readonly EventVolume[],
  options: EventSeriesOptions,
): EventSeries {
  const { key, by, dataset } = options;
  const compiled = 'breakpoints' in mapping ? mapping : compileEventMapping(mapping);
  if ('dyad' in key && key.dyad[0] === key.dyad[1]) {
    throw new EntenteError(
      'invalid-argument',
      `events series: a dyad needs two different actors (got ${key.dyad[0]} twice)`,
    );
  }
  const periodLength = by === 'year' ? 4 : 7;
  const points = new Map<string, Record<string, number>>();
  const sources = new Map<string, { sideA: string; sideB: string; rows: number }>();
  const formats = new Set<EventFormat>();
  const versions = new Set<string>();
  const rulesUsed = new Set<number>();
  let spanning = 0;
  const spanningPeriods = new Set<string>();
  for (const g of groups) {
    if (datasetOfFormat(g.format) !== dataset) continue;
    if (g.period.length !== periodLength) {
      throw new EntenteError(
        'invalid-argument',
        `events series: group period "${g.period}" is not by ${by}`,
      );
    }
    const m = mapGroup(compiled, g);
    const hit =
      'actor' in key
        ? m.a === key.actor || m.b === key.actor
        : (m.a === key.dyad[0] && m.b === key.dyad[1]) ||
          (m.a === key.dyad[1] && m.b === key.dyad[0]);
    if (!hit) continue;
    for (const r of m.rules) rulesUsed.add(r);
    formats.add(g.format);
    if (g.version !== '') versions.add(g.version);
    const point = points.get(g.period) ?? {};
    for (const [name, v] of Object.entries(g.measures)) point[name] = (point[name] ?? 0) + v;
    points.set(g.period, point);
    const sk = `${g.sideA}\u0000${g.sideB}`;
    const s = sources.get(sk) ?? { sideA: g.sideA, sideB: g.sideB, rows: 0 };
    s.rows += g.measures.events ?? 0;
    sources.set(sk, s);
    // A spanning row matters only where its sides map otherwise after the breakpoint.
    const after = g.spanning > 0 ? mapGroup(compiled, { ...g, segment: g.segment + 1 }) : m;
    if (g.spanning > 0 && (after.a !== m.a || after.b !== m.b)) {
      spanning += g.spanning;
      spanningPeriods.add(g.period);
    }
  }
  // The periods the dataset covers, to fill the gaps with zeros and to normalise.
  const totals = new Map<string, number>();
  for (const v of volumes) {
    if (datasetOfFormat(v.format) !== dataset || v.period.length !== periodLength) continue;
    totals.set(v.period, (totals.get(v.period) ?? 0) + v.events);
  }
  const measureNames = new Set<string>();
  for (const p of points.values()) for (const n of Object.keys(p)) measureNames.add(n);
  const covered = [...new Set([...totals.keys(), ...points.keys()])].sort();
  const seriesPoints: EventSeriesPoint[] = covered.map((period) => {
    const found = points.get(period);
    const measures: Record<string, number> = {};
    // A period without rows has 0 of everything; a measure absent from rows stays absent.
    for (const n of [...measureNames].sort()) {
      if (found === undefined) measures[n] = 0;
      else if (found[n] !== undefined) measures[n] = found[n];
    }
    if (measureNames.size === 0) measures.events = 0;
    const total = totals.get(period);
    if (dataset !== 'gdelt' || total === undefined || total === 0) {
      return { period, measures };
    }
    const normalised: Record<string, number> = {};
    for (const [n, v] of Object.entries(measures)) normalised[n] = v / total;
    return { period, measures, normalised };
  });
  const caveats: string[] = [];
  if (spanning > 0) {
    caveats.push(
      `${spanning} row(s) span a date where the mapping of their sides changes (periods ${[...spanningPeriods].sort().join(', ')}); each is counted whole with the actor its start date maps to`,
    );
  }
  if (dataset === 'gdelt') {
    caveats.push(
      "GDELT counts news reports, whose volume drifts with GDELT's sources: compare `normalised` (share of the period's rows), not raw counts, across years",
    );
  }
  if (dataset === 'ucdp' && formats.has('ucdp-dyadic')) {
    caveats.push(
      'UCDP yearly rows cover whole years; rows with several countries (multi_country) are the dyad’s total over all of them and count only where a rule’s countries cover them all',
    );
  }
  if (dataset === 'ucdp' && formats.has('ucdp-dyadic') && formats.has('ucdp-ged')) {
    caveats.push(
      'both UCDP GED events and UCDP yearly dyad totals fed this series: the same deaths are counted twice; keep one of them per store',
    );
  }
  if (by === 'month' && formats.has('ucdp-dyadic')) {
    caveats.push(
      'UCDP yearly rows are dated to the first day of their year: by month, each year’s total falls in January; use --by year for them',
    );
  }
  const ruleList = [...rulesUsed].sort((a, b) => a - b);
  return {
    key,
    dataset,
    formats: [...formats].sort(),
    versions: [...versions].sort(),
    by,
    points: seriesPoints,
    query: `${dataset} rows of ${describeKey(key)} by ${by}, through events.map${
      ruleList.length > 0
        ? ` rules ${ruleList.map((i) => `[${i}]`).join(', ')}`
        : ' (no rule matched)'
    }`,
    sources: [...sources.values()].sort(
      (a, b) => b.rows - a.rows || a.sideA.localeCompare(b.sideA) || a.sideB.localeCompare(b.sideB),
    ),
    caveats,
  };
}

/** A dataset actor name with its volume (what an engine's `actorVolumes` returns). */
export interface DatasetActorVolume {
  readonly format: EventFormat;
  readonly name: string;
  readonly rows: number;
  readonly countries: readonly string[];
}

/**
 * The dataset actors no rule maps — on any date, in any of their countries — largest first, so
 * the analyst can map the big ones first.
 */
export function unmappedActors(
  mapping: EventMapping | CompiledEventMapping,
  volumes: readonly DatasetActorVolume[],
): DatasetActorVolume[] {
  const compiled = 'breakpoints' in mapping ? mapping : compileEventMapping(mapping);
  const segments = compiled.breakpoints.length + 1;
  return volumes
    .filter((v) => {
      const dataset = datasetOfFormat(v.format);
      const places = v.countries.length > 0 ? v.countries : [''];
      for (let s = 0; s < segments; s++) {
        for (const c of places) if (mapKey(compiled, dataset, v.name, s, c)) return false;
      }
      return true;
    })
    .sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name));
}
