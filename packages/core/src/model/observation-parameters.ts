/**
 * The parameters of the observation model (docs/model.md, "Observation model", M18–M20): how the
 * model's fighting becomes the battle deaths a dataset records. They are not parameters of the
 * dynamics — a scenario never reads them — but a calibration varies them with the model's own.
 * Both are on a log10 scale, because their plausible values span orders of magnitude and a
 * calibration samples uniformly within the range.
 */
import type { ModelParameter } from './parameters.js';

/** The observation model's parameters, in the order a history appends them to its vector. */
export const OBSERVATION_PARAMETERS: readonly ModelParameter[] = Object.freeze([
  Object.freeze({
    id: 'observation-scale',
    symbol: 'log₁₀ ω',
    name: 'Deaths per unit of fighting',
    meaning:
      'log10 of the battle deaths a year of one unit of fighting F (strength in units of the first regime’s size times a monthly log-rate) produces (M19).',
    default: 5,
    range: [2, 8] as const,
    unit: 'log10 deaths per unit of fighting',
    source:
      'none: a conversion between model units and counts that no source gives; the prior is uniform over six orders of magnitude, the default is its midpoint, and the record decides it',
  }),
  Object.freeze({
    id: 'observation-dispersion',
    symbol: 'log₁₀ k',
    name: 'Count dispersion',
    meaning:
      'log10 of the size k of the negative binomial of a yearly count: variance μ + μ²/k; small k, counts far more variable than Poisson (M20).',
    default: 0.5,
    range: [-1, 2] as const,
    unit: 'log10 of k',
    source:
      'none: wide prior; yearly battle deaths of one dyad vary by a factor of several between years (UCDP: Government of Afghanistan – IS 679 in 2015, 2,842 in 2018, 264 in 2021), i.e. k of order 1; the range runs from 0.1 (very overdispersed) to 100 (nearly Poisson)',
  }),
]);
