/**
 * The workbench's names for the event-data routes' bodies (`POST /api/events/series`,
 * `POST /api/events/observed`, issue 11).
 *
 * TODO(issue 11): alias the contract's types once `core/src/contract/events.ts` exists (its zod
 * schemas for the two routes' requests and responses) and move these names into `./types.ts`;
 * until then they are declared here, after the routes' description in the issue, so that
 * `./types.ts` keeps holding aliases only.
 */
import type { EventDataset, EventResolution, EventSeries, EventSeriesKey } from '@entente/core';

export type { EventDataset, EventResolution, EventSeries, EventSeriesKey };

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

/** One observed hypothesis evaluated on the case's event series. */
export interface ObservedVerdict {
  /** Id of the hypothesis in the case. */
  hypothesis: string;
  statement: string;
  /** Id of the claim it tests, when the server says. */
  claim?: string;
  claimant?: string;
  /** Paragraph of the source that makes the claim. */
  paragraph?: number;
  sentence?: number;
  status: ObservedStatus;
  /** The effect measured on the series, or null without data. */
  effect: number | null;
  /** The minimum meaningful effect it is held against (a number, or the case's `minEffect`). */
  minEffect: number | { absolute: number } | { relative: number } | null;
  /** The window compared: `from` → `to` (partial ISO dates). */
  from: string;
  to: string;
  dataset: string;
  measure: string;
  /** Coverage and coding caveats of the series behind the verdict. */
  caveats: string[];
}

/** Answer of `POST /api/events/observed`. */
export interface ObservedResponse {
  available: boolean;
  verdicts: ObservedVerdict[];
}
