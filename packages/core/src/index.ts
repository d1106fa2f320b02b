// @entente/core public API. Listed by hand; test/api.test.ts pins this list.

export {
  COMBINE_RULES,
  type CombineRule,
  type ProjectedTie,
  type Projection,
  type ProjectionOptions,
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
export { caseAt, type ExportOptions } from './case/case-at.js';
export { activeAt, type DateInterval, isCaseDate, overlaps, parseCaseDate } from './case/dates.js';
export { type EffectiveRelation, effectiveRelations } from './case/effective.js';
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
export { EntenteError, type EntenteErrorCode } from './errors.js';
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
export {
  type CaseSummary,
  type RelationCounts,
  type SummarizeOptions,
  summarizeCase,
} from './summary/summarize.js';
