// Public names of exploration/, listed by hand (re-exported by ../index.ts).
export {
  type PrimBox,
  type PrimInput,
  type PrimOptions,
  type PrimResult,
  type PrimStep,
  preparePrimInput,
  prim,
  type ResolvedPrimOptions,
  resolvePrimOptions,
} from './discovery/prim.js';
export { latinHypercube } from './sampling/latin-hypercube.js';
export {
  type SaltelliDesign,
  type SaltelliDesignOptions,
  saltelliDesign,
} from './sampling/saltelli-design.js';
export { scaleToRanges } from './sampling/scale.js';
export { SOBOL_MAX_DIMENSION } from './sampling/sobol-directions.js';
export {
  type SobolSequenceOptions,
  sobolDirections,
  sobolSequence,
} from './sampling/sobol-sequence.js';
export {
  type MorrisDesign,
  type MorrisEffects,
  morrisDesign,
  morrisEffects,
} from './sensitivity/morris.js';
export {
  type ResolvedSobolIndicesOptions,
  resolveSobolIndicesOptions,
  type SobolIndicesOptions,
  type SobolIndicesResult,
  sobolIndices,
} from './sensitivity/sobol-indices.js';
export { normalQuantile } from './statistics/normal-quantile.js';
export { quantiles } from './statistics/quantiles.js';
export { wilsonInterval } from './statistics/wilson-interval.js';
