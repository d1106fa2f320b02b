// Public names of experiment/, listed by hand (re-exported by ../index.ts).
export { type Aggregation, aggregate, startAggregation } from './aggregate.js';
export { CASE_DRAW_STREAM, caseDrawOfWorld, planCaseDraw } from './case-draw-of-world.js';
export {
  type DecidingOptions,
  type DecidingRule,
  decidingParameter,
} from './deciding-parameter.js';
export {
  type ExplorationDesign,
  explorationDesign,
  isBandWorld,
  sampleRank,
  worldSeed,
  worldStream,
} from './exploration-design.js';
export {
  BAND_PROBS,
  type BandSummary,
  type CaseDrawsSummary,
  type DecidedBy,
  type EffectSummary,
  type ExplorationSummary,
  type FailBox,
  type HypothesisSummary,
  type MorrisIndex,
  type OutcomeSummary,
  type PosteriorSummary,
  SENSITIVITY_OUTCOMES,
  type SensitivitySummary,
  type SobolIndex,
  SUMMARY_FORMAT,
} from './exploration-summary.js';
export {
  type ExploreOptions,
  MAX_WORLDS,
  type ResolvedExploreOptions,
  resolveExploreOptions,
  SAMPLE_DESIGNS,
  type SampleDesign,
} from './explore-options.js';
export {
  hypothesisVerdict,
  type Verdict,
  type VerdictCache,
  type VerdictTask,
  verdictCache,
} from './hypothesis-verdict.js';
export {
  type ExplorationPlan,
  PLAN_FORMAT,
  type PlanParameter,
  type PlanPosterior,
  type PlanScenario,
  planExploration,
} from './plan-exploration.js';
export {
  MAX_PARTICLES,
  type PosteriorSample,
  parsePosterior,
  resampleParticles,
} from './posterior-sample.js';
export {
  type BatchResult,
  DRAW_CACHE,
  type PreparedPlan,
  preparePlan,
  runBatch,
  worldModels,
} from './run-batch.js';
export { type RunTable, runTable } from './run-table.js';
export { stableHash } from './stable-hash.js';
export { ENTENTE_VERSION } from './version.js';
