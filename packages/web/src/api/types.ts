/**
 * The workbench's names for the contract's types: aliases only, no declarations. The one source is
 * `@entente/core/contract` (zod schemas in core; `import type` keeps zod out of the bundle).
 */
export type {
  AnalyzeResponse as AnalysisBundle,
  BandJson as Band,
  Case,
  CaseDocument,
  CaseListEntry,
  ClientScenario as ScenarioEntry,
  ConfigurationJson as Configuration,
  DrawnTieJson as ProjectedTie,
  EventSeriesJson as EventSeries,
  EventsObservedResponse as ObservedResponse,
  EventsSeriesRequest as EventSeriesRequest,
  EventsSeriesResponse as EventSeriesResponse,
  Evidence,
  ExplorationSummaryJson as ExplorationSummary,
  ExploreOptionsJson as ExploreOptions,
  HypothesisSummaryJson as HypothesisResult,
  Issue as CaseIssue,
  Layer,
  ModelParameterJson as ModelParameter,
  ObservedVerdictJson as ObservedVerdict,
  Relation,
  ScenarioRolesResponse as ScenarioRoles,
  ScenariosResponse as ScenariosResult,
  SimulateResponse as SimulateResult,
  TippingJson as TippingResult,
} from '@entente/core/contract';
export { LAYERS } from '@entente/core/contract';

import type { EventSeriesJson } from '@entente/core/contract';

/** An event dataset family (`ucdp`, `gdelt`, `acled`), as a series names it. */
export type EventDataset = EventSeriesJson['dataset'];
/** A series' resolution (`month` or `year`). */
export type EventResolution = EventSeriesJson['by'];
/** Whose series: an actor, or a dyad. */
export type EventSeriesKey = EventSeriesJson['key'];
