// @entente/core public API. Listed by hand; test/api.test.ts pins this list.

export {
  type AnalysisOptions,
  type ResolvedAnalysisOptions,
  resolveAnalysisOptions,
  SIZE_RULES,
  type SizeRule,
} from './analysis/analysis-options.js';
export {
  type AnalyzeCaseOptions,
  type AnalyzeTippingOptions,
  analysisProjection,
  analyzeBalance,
  analyzeCase,
  analyzeCoalitions,
  analyzeLandscape,
  analyzeLeverage,
  analyzeThreatTipping,
  analyzeTipping,
  type BalanceAnalysis,
  type CaseAnalysis,
  type CitedRelation,
  type CoalitionsAnalysis,
  citeRelation,
  type LandscapeAnalysis,
  type LeverageAnalysis,
  landscapeInputOfCase,
  THREAT_COOPERATION_TYPES,
  type TippingAnalysis,
  type TippingRequest,
} from './analysis/analyze-case.js';
export {
  DEFAULT_TRIAD_LIMIT,
  TRIAD_PATTERNS,
  type TriadCensus,
  type TriadPattern,
  triadCensus,
  type UnbalancedTriad,
  type UnbalancedTriadList,
  type UnbalancedTriadsOptions,
  unbalancedTriads,
} from './analysis/balance/triads.js';
export {
  type CaseTriad,
  type CaseTriads,
  triadsOfCase,
} from './analysis/balance/triads-of-case.js';
export {
  type CaseDrawsOptions,
  type CompiledDraw,
  caseDraws,
  type DrawCaseOptions,
  drawCase,
  MAX_CASE_DRAWS,
} from './analysis/case-draws.js';
export {
  type MaximizeSignedModularityOptions,
  maximizeSignedModularity,
  type SignedModularityResult,
} from './analysis/coalitions/maximize-signed-modularity.js';
export {
  type RelocationOptions,
  type RelocationResult,
  type ResolvedRelocationOptions,
  relocate,
} from './analysis/coalitions/relocate.js';
export {
  type SignedModularityOptions,
  signedModularity,
} from './analysis/coalitions/signed-modularity.js';
export {
  type SweepRelocationOptions,
  sweepRelocation,
} from './analysis/coalitions/sweep-relocation.js';
export { type FrustrationExactOptions, frustrationExact } from './analysis/frustration/exact.js';
export {
  type FrustrationOptions,
  frustration,
} from './analysis/frustration/frustration.js';
export {
  type FrustrationHeuristicOptions,
  frustrationHeuristic,
} from './analysis/frustration/heuristic.js';
export type {
  ActorFrustration,
  FrustrationDiagnostics,
  FrustrationMethod,
  FrustrationResult,
} from './analysis/frustration/result.js';
export { type AlignmentComparison, compareAlignment } from './analysis/landscape/alignment.js';
export { LANDSCAPE_CONVENTION, landscapeEnergy } from './analysis/landscape/energy.js';
export {
  type LandscapeInput,
  type LandscapeInputFromCase,
  type LandscapeInputOptions,
  landscapeInputFromProjection,
  validateLandscapeInput,
} from './analysis/landscape/input.js';
export {
  type LandscapeMinimum,
  type LandscapeOptions,
  type LandscapeResult,
  landscape,
  type ResolvedLandscapeOptions,
} from './analysis/landscape/landscape.js';
export type { TippingParameter } from './analysis/landscape/parameter.js';
export { actorSizes, THREAT_SALIENCE_TYPES } from './analysis/landscape/sizes.js';
export {
  type TippingOptions,
  type TippingPoint,
  type TippingResult,
  type TippingSegment,
  tippingPoints,
} from './analysis/landscape/tipping.js';
export {
  type ActorBrokerage,
  BROKERAGE_ROLES,
  type BrokerageOptions,
  type BrokerageResult,
  type BrokerageRole,
  brokerage,
} from './analysis/leverage/brokerage.js';
export {
  type ActorDependency,
  type DependencyOptions,
  type DependencyResult,
  dependency,
  type PatronShare,
  type ResolvedDependencyOptions,
} from './analysis/leverage/dependency.js';
export {
  type ControlRule,
  DEFAULT_CONTROL,
  type LeverageChannel,
  type LeverageFigure,
  type ThreatLeverageOptions,
  type ThreatLeverageResult,
  threatLeverage,
} from './analysis/leverage/threat-leverage.js';
export {
  COMBINE_RULES,
  type CombineRule,
  type CompiledProjection,
  compileProjection,
  type ProjectedTie,
  type Projection,
  type ProjectionOptions,
  projectCompiled,
  projectSigned,
  type ResolvedProjectionOptions,
  resolveProjectionOptions,
} from './analysis/project.js';
export { createRng, type Rng, randomInt, shuffle } from './analysis/random.js';
export {
  type SignedEdgeInput,
  type SignedGraph,
  signedGraph,
  withAdjacency,
} from './analysis/signed-graph.js';
export {
  abcDistance,
  countTransform,
  distanceScales,
} from './calibration/abc-distance.js';
export {
  type AbcGeneration,
  type AbcParameter,
  type AbcProblem,
  type AbcResult,
  type BatchSimulator,
  concatRows,
} from './calibration/abc-problem.js';
export { type AbcRejectionOptions, abcRejection } from './calibration/abc-rejection.js';
export {
  type AbcSmcOptions,
  abcSmc,
  checkAbcProblem,
  effectiveSampleSize,
  type ResolvedAbcSmcOptions,
  resolveAbcSmcOptions,
} from './calibration/abc-smc.js';
export {
  CALIBRATION_METHODS,
  type CalibrateOptions,
  type Calibration,
  type CalibrationMethod,
  type CalibrationSetup,
  type CalibrationTarget,
  type CountSimulator,
  calibrate,
  type ForecastScore,
  type MeanSimulator,
  type NonImplausibleSummary,
  PREDICTIVE_STREAM,
  type PredictiveBand,
} from './calibration/calibrate.js';
export {
  type CalibrationSection,
  type CalibrationSectionIssue,
  CalibrationSectionSchema,
  CalibrationTargetSchema,
  calibrationSectionIssues,
  calibrationTargetId,
} from './calibration/case-targets.js';
export {
  compileHistory,
  defaultObservationTargets,
  type HistoryModel,
  type HistoryOptions,
  type HistoryParameter,
  type HistorySegment,
  historyDefaults,
  type ObservationMeasure,
  type ObservationTarget,
  observationDispersion,
  simulateHistory,
} from './calibration/history.js';
export {
  type HistoryApi,
  type HistoryLike,
  type HistorySpan,
  historyCounts,
  historyMeans,
} from './calibration/history-counts.js';
export {
  HISTORY_MATCHING_DEFAULTS,
  type HistoryMatchingOptions,
  type HistoryMatchingResult,
  type HistoryMatchingWave,
  historyMatching,
  implausibility,
} from './calibration/history-matching.js';
export {
  countLogLikelihood,
  type LikelihoodProblem,
  type LikelihoodSmcOptions,
  type LikelihoodSmcResult,
  likelihoodSmc,
  type MeanBatchSimulator,
} from './calibration/likelihood-smc.js';
export { logGamma, observationLogPmf, sampleObservation } from './calibration/observation.js';
export {
  type ObservedCounts,
  type ObservedCountsOptions,
  type ObservedDyad,
  observedCounts,
} from './calibration/observed.js';
export {
  type ParameterPosterior,
  posteriorSummary,
  UNINFORMED_SD_RATIO,
  weightedQuantiles,
} from './calibration/posterior-summary.js';
export { crps } from './calibration/predictive-score.js';
export {
  coverageBand,
  pooledCoverage,
  posteriorRank,
  rankUniformity,
  reuseLastBatch,
  type SbcOptions,
  type SbcParameter,
  type SbcReplication,
  type SbcResult,
  simulationBasedCalibration,
} from './calibration/sbc.js';
export { addClientScenarios } from './case/add-client-scenarios.js';
export { type CaseAtInterval, caseAt, caseAtInterval, type ExportOptions } from './case/case-at.js';
export { caseDates, compareCaseDates } from './case/case-dates.js';
export {
  activeAt,
  type DateInterval,
  dateBounds,
  isCaseDate,
  overlaps,
  parseCaseDate,
} from './case/dates.js';
export {
  type EffectiveRelation,
  effectiveRelations,
  evidenceKey,
  evidenceShares,
} from './case/effective.js';
export {
  type AnyHypothesis,
  CaseHypothesisSchema,
  isModelHypothesis,
  isObservedHypothesis,
  OBSERVED_AGGREGATES,
  type ObservedAggregate,
  type ObservedHypothesis,
  ObservedHypothesisSchema,
} from './case/hypotheses.js';
export {
  type CaseIssue,
  type CaseIssueCode,
  formatIssue,
  formatPath,
  hasErrors,
  type Severity,
} from './case/issues.js';
export {
  DEFAULT_MAX_LENGTH,
  type LoadCaseOptions,
  type LoadCaseResult,
  loadCase,
  parseCase,
  validateCaseData,
} from './case/load.js';
export {
  ACTOR_KINDS,
  type Actor,
  type ActorKind,
  ActorSchema,
  type Alignment,
  type AnalysisSettings,
  CASE_FORMAT,
  type Case,
  type CaseInput,
  CaseSchema,
  type Claim,
  caseJsonSchema,
  type DataEvidence,
  DataEvidenceSchema,
  EVIDENCE_KINDS,
  type Evidence,
  type Mechanism,
  type Period,
  RELIABILITY,
  type Relation,
  type RelationTypeInput,
  type Scenario,
  type Size,
  SOURCE_KINDS,
  type Source,
  type TextEvidence,
  TextEvidenceSchema,
} from './case/schema.js';
export { didYouMean } from './case/suggest.js';
export {
  BUILTIN_VOCABULARY,
  LAYERS,
  type Layer,
  type RelationTypeDef,
  resolveVocabulary,
  type Sign,
  type Vocabulary,
} from './case/vocabulary.js';
export * from './contract/index.js';
export { ENTENTE_ERROR_CODES, EntenteError, type EntenteErrorCode } from './errors.js';
export {
  compareEvents,
  type DyadComparison,
  type EventAgreement,
  type EventsComparison,
  type EventTrend,
} from './events/compare.js';
export {
  type CompiledEventMapping,
  compileEventMapping,
  type EventMapping,
  type EventMappingIssue,
  type EventMappingRule,
  EventMappingRuleSchema,
  EventMappingSchema,
  eventMappingIssues,
  type MappedGroup,
  mapGroup,
  mapKey,
  mappingBreakpoints,
  rowCountries,
} from './events/mapping.js';
export {
  OBSERVED_STATUSES,
  type ObservedSeriesRequest,
  type ObservedStatus,
  type ObservedVerdict,
  type ObservedWindow,
  observedSeriesLabel,
  observedSeriesRequests,
  observedVerdict,
  observedVerdicts,
} from './events/observed.js';
export {
  coverageOfVolumes,
  periodsBetween,
} from './events/observed-coverage.js';
export {
  EVENT_RELATION_DEFAULTS,
  type EventRelation,
  type EventRelationRules,
  eventRelations,
  periodSign,
} from './events/relations.js';
export { evidenceParaphrase } from './events/relations-evidence.js';
export {
  type DatasetActorVolume,
  type EventSeriesOptions,
  eventSeries,
  unmappedActors,
} from './events/series.js';
export {
  datasetOfFormat,
  EVENT_DATASETS,
  EVENT_FORMATS,
  type EventCoverage,
  type EventDataset,
  type EventFormat,
  type EventGroup,
  type EventGroupQuery,
  type EventMeasures,
  type EventResolution,
  type EventSeries,
  type EventSeriesKey,
  type EventSeriesPoint,
  type EventVolume,
} from './events/types.js';
export * from './experiment/index.js';
export * from './exploration/index.js';
export { exportEdgeCsv, exportNodeCsv } from './interop/edge-csv.js';
export { type ImportEdgeListOptions, importEdgeList } from './interop/edge-list.js';
export {
  exportGexf,
  type ImportGexfOptions,
  importGexf,
  type SignStyle,
  signStyle,
} from './interop/gexf.js';
export { exportGraphml } from './interop/graphml.js';
export { NEUTRAL_TIE } from './interop/import-defaults.js';
export { exportJson } from './interop/json.js';
export { OBSERVATION_PARAMETERS } from './model/observation-parameters.js';
export * from './simulation/index.js';
export {
  defaultScenario,
  modelSummary,
  type SimulateScenarioOptions,
  simulateScenario,
} from './simulation/simulate-scenario.js';
export {
  type CaseSummary,
  type RelationCounts,
  type SummarizeOptions,
  summarizeCase,
} from './summary/summarize.js';
