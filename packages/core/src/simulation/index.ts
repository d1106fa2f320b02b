// Public names of simulation/ and of what it builds on — the case format's scenarios and
// hypotheses (case/), the model's parameters and outcome names (model/) — listed by hand
// (re-exported by ../index.ts).

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
} from '../case/hypotheses.js';
export {
  DEFAULT_MONTHS,
  MAX_MONTHS,
  POLICIES,
  type Policy,
  ScenarioSchema,
  type ScenarioSpec,
} from '../case/scenario.js';
export { OUTCOME_FAMILIES, outcomeFamily } from '../model/outcome-layout.js';
export {
  defaultParameters,
  MODEL_PARAMETERS,
  type ModelParameter,
  PARAMETER_LIMITS,
  parameterIndex,
} from '../model/parameters.js';
export {
  type CompiledModel,
  type CompileOptions,
  compileModel,
  latestCaseDate,
  type UncertainParameter,
} from './compile.js';
export {
  BAND_SERIES,
  type BandSeries,
  outcomeNames,
  simulateOutcomes,
  simulateSeries,
} from './outcomes.js';
export { DEFAULT_POLICY, type ScenarioRoles, scenarioRoles } from './roles.js';
export { simulate, type Trajectory } from './simulate.js';
export { runSeed } from './streams.js';
