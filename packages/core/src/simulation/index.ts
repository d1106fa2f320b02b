// Public names of simulation/, listed by hand (re-exported by ../index.ts).
export {
  type CompiledModel,
  type CompileOptions,
  compileModel,
  latestCaseDate,
  type UncertainParameter,
} from './compile.js';
export {
  effectHolds,
  HYPOTHESIS_CLAIMANTS,
  HYPOTHESIS_COMPARISONS,
  HYPOTHESIS_OPS,
  type Hypothesis,
  type HypothesisComparison,
  type HypothesisOp,
  type HypothesisRule,
  HypothesisSchema,
  hypothesisComparison,
  hypothesisEffect,
  hypothesisHolds,
  type MinEffect,
  MinEffectSchema,
} from './hypotheses.js';
export {
  BAND_SERIES,
  type BandSeries,
  OUTCOME_FAMILIES,
  outcomeFamily,
  outcomeNames,
  simulateOutcomes,
  simulateSeries,
} from './outcomes.js';
export {
  defaultParameters,
  MODEL_PARAMETERS,
  type ModelParameter,
  PARAMETER_LIMITS,
  parameterIndex,
} from './parameters.js';
export { DEFAULT_POLICY, type ScenarioRoles, scenarioRoles } from './roles.js';
export {
  DEFAULT_MONTHS,
  MAX_MONTHS,
  POLICIES,
  type Policy,
  ScenarioSchema,
  type ScenarioSpec,
} from './scenario.js';
export { simulate, type Trajectory } from './simulate.js';
export { runSeed } from './streams.js';
