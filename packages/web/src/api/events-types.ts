/**
 * The workbench's names for the event-data routes' bodies (`POST /api/events/series`,
 * `POST /api/events/observed`, issue 11).
 *
 * TODO(issue 11): once `core/src/contract/events.ts` is merged, delete this file and alias the
 * contract's types in `./types.ts`: `EventsSeriesRequest as EventSeriesRequest`,
 * `EventsSeriesResponse as EventSeriesResponse`, `ObservedVerdictJson as ObservedVerdict`,
 * `EventsObservedResponse as ObservedResponse`, `EventSeriesJson as EventSeries`. Until then the
 * shapes below copy that contract's (its zod schemas `EventsSeriesRequestSchema`,
 * `EventsSeriesResponseSchema`, `ObservedVerdictSchema`, `EventsObservedResponseSchema`), so that
 * `./types.ts` keeps holding aliases only.
 */
import type {
  EventSeries as CoreEventSeries,
  EventDataset,
  EventResolution,
  EventSeriesKey,
} from '@entente/core';

export type { EventDataset, EventResolution, EventSeriesKey };

/** The first and last period a dataset covers. */
export interface EventCoverage {
  from: string;
  until: string;
}

/** An event series on the wire: core's, with the dataset's coverage when known. */
export type EventSeries = CoreEventSeries & { readonly coverage?: EventCoverage | null };

/** Body of `POST /api/events/series`. */
export interface EventSeriesRequest {
  caseId: string;
  key: EventSeriesKey;
  by: EventResolution;
  dataset?: EventDataset;
}

/** Answer of `POST /api/events/series`: `available` is false when the server has no event data. */
export interface EventSeriesResponse {
  available: boolean;
  series: EventSeries[];
}

/** How an observed hypothesis fares on the event data: `no-data` is neither holds nor fails. */
export type ObservedStatus = 'holds' | 'fails' | 'no-data';

/** One window of an observed verdict: bounds, aggregate value, periods and covered periods. */
export interface ObservedWindow {
  start: string;
  end: string;
  /** The aggregate over the window; null when a period of it is not covered. */
  value: number | null;
  periods: number;
  covered: number;
}

/** The minimum effect of a hypothesis (the case's `minEffect`). */
export type MinEffect =
  | { absolute: number; rationale: string }
  | { relative: number; rationale: string };

/** One observed hypothesis evaluated on the case's event series. */
export interface ObservedVerdict {
  /** Id of the hypothesis in the case. */
  id: string;
  statement: string;
  /** Id of the claim it tests, or null. */
  claim: string | null;
  /** `author`, `analyst` or an actor id. */
  claimant: string;
  paragraph: number | null;
  sentence: number | null;
  /** The series in words: `isk`, `isk + ttp`, `republic–isk`. */
  series: string;
  dataset: EventDataset;
  measure: string;
  normalised: boolean;
  by: EventResolution;
  aggregate: 'mean' | 'sum' | 'max';
  op: '>' | '>=' | '<' | '<=';
  minEffect: MinEffect | null;
  /** `relative`: effect = (to − from) / |from|; `absolute`: to − from. */
  scale: 'absolute' | 'relative';
  status: ObservedStatus;
  /** The effect; null when no-data. */
  effect: number | null;
  from: ObservedWindow;
  to: ObservedWindow;
  coverage: EventCoverage | null;
  versions: string[];
  /** Why the verdict is `no-data`; null otherwise. */
  reason: string | null;
  caveats: string[];
}

/** Answer of `POST /api/events/observed`. */
export interface ObservedResponse {
  available: boolean;
  verdicts: ObservedVerdict[];
}
