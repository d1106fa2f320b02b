/**
 * The shapes event data takes between the event engines (`@entente/events`: DuckDB, ClickHouse)
 * and the core (docs/events.md). An engine reads dataset files and aggregates their rows into
 * {@link EventGroup}s keyed by the dataset's own actor names or codes; the core maps those keys to
 * a case's actors (the case's `events` section) and sums them into {@link EventSeries}. The core
 * never reads a file or a database.
 */

/** The event datasets entente reads. */
export const EVENT_FORMATS = Object.freeze(['ucdp-ged', 'ucdp-dyadic', 'gdelt', 'acled'] as const);

/** One event dataset format. */
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** The datasets a mapping rule can name: UCDP's two formats share actor names. */
export const EVENT_DATASETS = Object.freeze(['ucdp', 'gdelt', 'acled'] as const);

/** A dataset family, as the case's `events` mapping names it. */
export type EventDataset = (typeof EVENT_DATASETS)[number];

/** The dataset family of a format: `ucdp-ged` and `ucdp-dyadic` are both `ucdp`. */
export function datasetOfFormat(format: EventFormat): EventDataset {
  return format.startsWith('ucdp') ? 'ucdp' : (format as EventDataset);
}

/** Time resolution of a series. */
export type EventResolution = 'month' | 'year';

/**
 * The measures a group or series point carries, by dataset family. Every measure is a sum over
 * the group's rows except where noted; absent measures are absent, never 0.
 * - UCDP: `events` (rows), `deaths_best`, `deaths_low`, `deaths_high`, `deaths_civilians`.
 * - GDELT: `events`, `quad1`..`quad4` (counts by QuadClass), `goldstein_sum`, `tone_sum`,
 *   `mentions` (NumMentions sum).
 * - ACLED: `events`, `fatalities`, and `events:<event_type>` / `fatalities:<event_type>`.
 */
export type EventMeasures = Readonly<Record<string, number>>;

/**
 * One aggregate an engine returns: the rows of one dataset that share both actor keys, the
 * country, the period and the mapping segment.
 */
export interface EventGroup {
  /** Format of the rows (and so the meaning of the keys and measures). */
  readonly format: EventFormat;
  /** Dataset version as recorded in the rows or given at ingest (e.g. UCDP "24.1"); '' if none. */
  readonly version: string;
  /** Side A / Actor1 as the dataset writes it (UCDP name, GDELT CAMEO code, ACLED actor1). */
  readonly sideA: string;
  /** Side B / Actor2 ('' when the row has none, e.g. a one-sided UCDP actor's victims). */
  readonly sideB: string;
  /** The country the rows are located in, as the dataset writes it ('' when unknown). */
  readonly country: string;
  /** Period: `YYYY` (by year) or `YYYY-MM` (by month). */
  readonly period: string;
  /**
   * Index of the mapping segment the rows' dates fall in: with the mapping's sorted breakpoint
   * dates b₀ < b₁ < … (from {@link EventGroupQuery.breakpoints}), segment k holds dates d with
   * b_{k−1} ≤ d < b_k. A row whose date range spans a breakpoint takes the segment of its start
   * and is counted in `spanning`.
   */
  readonly segment: number;
  /** Rows whose own date range crosses a breakpoint (yearly UCDP rows in a year of change). */
  readonly spanning: number;
  readonly measures: EventMeasures;
}

/** What a core query asks an engine to aggregate. */
export interface EventGroupQuery {
  readonly formats?: readonly EventFormat[];
  readonly by: EventResolution;
  /** Inclusive bounds on the rows' start date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly from?: string;
  readonly until?: string;
  /** Sorted breakpoint dates `YYYY-MM-DD` of the mapping (see {@link EventGroup.segment}). */
  readonly breakpoints: readonly string[];
}

/** The total volume of a dataset per period, to normalise by (GDELT's volume drifts). */
export interface EventVolume {
  readonly format: EventFormat;
  readonly period: string;
  readonly events: number;
}

/** One point of a series: a period and its measures. */
export interface EventSeriesPoint {
  readonly period: string;
  readonly measures: EventMeasures;
  /** Measures divided by the period's total dataset volume (GDELT), when the series has them. */
  readonly normalised?: EventMeasures;
}

/** Whose series: one case actor, or an unordered pair of case actors. */
export type EventSeriesKey =
  | { readonly actor: string }
  | { readonly dyad: readonly [string, string] };

/** A series of one actor or dyad from one dataset family, with its provenance. */
export interface EventSeries {
  readonly key: EventSeriesKey;
  readonly dataset: EventDataset;
  readonly formats: readonly EventFormat[];
  readonly versions: readonly string[];
  readonly by: EventResolution;
  readonly points: readonly EventSeriesPoint[];
  /** The query in words, for evidence: dataset, mapping rules used, resolution, bounds. */
  readonly query: string;
  /** The dataset keys (sideA/sideB/country) that fed the series, with their row counts. */
  readonly sources: readonly {
    readonly sideA: string;
    readonly sideB: string;
    readonly rows: number;
  }[];
  /** What a reader must know: rows spanning a mapping breakpoint, partial years, volume drift. */
  readonly caveats: readonly string[];
  /**
   * The periods the series' dataset covers, first and last included, at the series' resolution
   * (e.g. `{from: '1989', until: '2021'}`): inside it a period without a point had no events (0);
   * outside it nothing is known. null or absent: unknown, so no period counts as 0. Engines
   * derive it from the dataset's volumes ({@link coverageOfVolumes}).
   */
  readonly coverage?: EventCoverage | null;
}

/** The first and last period a dataset covers, both included (`YYYY` or `YYYY-MM`). */
export interface EventCoverage {
  readonly from: string;
  readonly until: string;
}
