/**
 * Observed yearly battle deaths per target dyad of a case, taken from the event store's groups
 * through the case's `events` mapping: for each target, the series `entente events series --dyad
 * a,b --by year` prints (`events/series.ts`), its `deaths_best` per year. The engines
 * (`@entente/events`, DuckDB or ClickHouse) read the store; this module only receives their
 * groups and volumes, so the core stays pure.
 *
 * - A year the dataset covers (it has rows of any actor that year) without a row of the target
 *   counts 0: UCDP records a dyad-year only from 25 battle deaths, so "no row" means fewer.
 * - A year the dataset does not cover (e.g. 2022 in a file that ends in 2021) is missing (NaN):
 *   the calibration skips it and the forecast is not scored there.
 * - A yearly row whose dates span a date where the mapping of its sides changes (UCDP's 2021
 *   "Government of Afghanistan" rows cross 2021-08-15) counts whole for the actors its start date
 *   maps to, as the series do; the series' caveat is passed on.
 */
import { EntenteError } from '../errors.js';
import type { CompiledEventMapping, EventMapping } from '../events/mapping.js';
import { compileEventMapping } from '../events/mapping.js';
import { eventSeries } from '../events/series.js';
import type { EventDataset, EventGroup, EventVolume } from '../events/types.js';

/** A dyad to count: two actor ids of the case, named by a target id. */
export interface ObservedDyad {
  readonly id?: string;
  readonly dyad: readonly [string, string];
}

/** Observed counts with what the reader should know of them. */
export interface ObservedCounts {
  /** Counts per target and year, target-major (`values[t · years.length + y]`), NaN where missing. */
  readonly values: Float64Array;
  /** The series' caveats, each once, prefixed with the targets it concerns. */
  readonly caveats: readonly string[];
  /** The series' query per target, for provenance. */
  readonly queries: readonly string[];
}

/** Options of {@link observedCounts}. */
export interface ObservedCountsOptions {
  /** @default 'ucdp' */
  readonly dataset?: EventDataset;
  /** The measure counted. @default 'deaths_best' */
  readonly measure?: string;
}

/**
 * The observed yearly counts of `targets` in `years` from yearly groups and volumes of an event
 * store (see the file's description).
 * @throws {EntenteError} `not-found` when the groups and volumes hold no row of the dataset
 */
export function observedCounts(
  mapping: EventMapping | CompiledEventMapping,
  groups: readonly EventGroup[],
  volumes: readonly EventVolume[],
  targets: readonly ObservedDyad[],
  years: readonly number[],
  options: ObservedCountsOptions = {},
): ObservedCounts {
  const dataset = options.dataset ?? 'ucdp';
  const measure = options.measure ?? 'deaths_best';
  const compiled = 'breakpoints' in mapping ? mapping : compileEventMapping(mapping);
  if (volumes.length === 0 && groups.length === 0)
    throw new EntenteError(
      'not-found',
      `calibrate observed: the event store holds no ${dataset} rows`,
    );
  const values = new Float64Array(targets.length * years.length).fill(Number.NaN);
  const caveatTargets = new Map<string, string[]>();
  const queries: string[] = [];
  targets.forEach((target, t) => {
    const series = eventSeries(compiled, groups, volumes, {
      key: { dyad: target.dyad },
      by: 'year',
      dataset,
    });
    const label = target.id ?? `${target.dyad[0]}--${target.dyad[1]}`;
    queries.push(series.query);
    for (const c of series.caveats) caveatTargets.set(c, [...(caveatTargets.get(c) ?? []), label]);
    const byYear = new Map(series.points.map((p) => [Number(p.period), p.measures]));
    years.forEach((year, y) => {
      const m = byYear.get(year);
      if (m !== undefined) values[t * years.length + y] = m[measure] ?? 0;
    });
  });
  const caveats = [...caveatTargets].map(([c, labels]) => `${labels.join(', ')}: ${c}`);
  return { values, caveats, queries };
}
