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
  Evidence,
  ExplorationSummaryJson as ExplorationSummary,
  ExploreOptionsJson as ExploreOptions,
  HypothesisSummaryJson as HypothesisResult,
  Issue as CaseIssue,
  Layer,
  ModelParameterJson as ModelParameter,
  Relation,
  ScenarioRolesResponse as ScenarioRoles,
  ScenariosResponse as ScenariosResult,
  SimulateResponse as SimulateResult,
  TippingJson as TippingResult,
} from '@entente/core/contract';
export { LAYERS } from '@entente/core/contract';
