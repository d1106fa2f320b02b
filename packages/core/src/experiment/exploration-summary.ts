/**
 * The summary of an exploration: what `entente explore --json` prints, what `summary.json` holds
 * and what the server returns. Plain JSON; documented in docs/model.md ("Exploration and the
 * --json contract"). Identical bytes for any batch split, order or number of workers.
 */
import type { MinEffect } from '../case/hypotheses.js';
import type { ObservedVerdict } from '../events/observed.js';
import type { ResolvedExploreOptions } from './explore-options.js';

/** Format tag of an exploration summary. */
export const SUMMARY_FORMAT = 'entente-exploration/1';

/** Probabilities of the fan-chart bands. */
export const BAND_PROBS = Object.freeze([0.05, 0.25, 0.5, 0.75, 0.95] as const);

/** Keys outcomes whose sensitivity indices are computed, when the model provides them. */
export const SENSITIVITY_OUTCOMES = Object.freeze([
  'strength.total.change',
  'insecurity.mean',
  'harm.total',
] as const);

/** A PRIM box: where in the parameter space a hypothesis fails. */
export interface FailBox {
  /** Share of all failing worlds inside the box. */
  readonly coverage: number;
  /** Share of worlds inside the box that fail. */
  readonly density: number;
  /** Share of all worlds inside the box. */
  readonly support: number;
  /** Limits of the restricted parameters only. */
  readonly limits: readonly { parameter: string; lo: number; hi: number }[];
  /** The peeling trajectory. */
  readonly trajectory: readonly { coverage: number; density: number; support: number }[];
}

/** The distribution of a hypothesis's effect over the sampled worlds (R-7 quantiles). */
export interface EffectSummary {
  /** `absolute`: metric(scenario) − reference; `relative`: that over |reference|. */
  readonly scale: 'absolute' | 'relative';
  readonly median: number;
  readonly q05: number;
  readonly q95: number;
  /** Worlds whose effect is defined (a relative effect with a zero reference is not). */
  readonly n: number;
}

/**
 * One parameter that decides a verdict: the hypothesis holds where `parameter op value` and fails
 * elsewhere (docs/case-format.md, "What decides a verdict").
 */
export interface DecidedBy {
  readonly parameter: string;
  readonly op: '<' | '>';
  /** Threshold in parameter units (a range endpoint when `source` is `endpoint`). */
  readonly value: number;
  /** Share of the worlds on the rule's side where the hypothesis holds. */
  readonly density: number;
  /** Share of the worlds where it holds that lie on the rule's side. */
  readonly coverage: number;
  /**
   * `box`: a one-dimensional PRIM box over the sampled worlds; `endpoint`: the verdict flips when
   * the parameter is set to the end of its range (one-at-a-time check).
   */
  readonly source: 'box' | 'endpoint';
}

/**
 * A hypothesis's verdict over the case draws (docs/model.md, "Case draws"). Each draw's share
 * rests on the ≈ W/N sampled worlds of that draw, so it carries their sampling noise.
 */
export interface CaseDrawsSummary {
  /** Case draws with at least one finished world. */
  readonly n: number;
  /** Share of those draws in which the hypothesis holds in most (> ½) of the draw's worlds. */
  readonly share: number;
  /** R-7 quantiles of the per-draw share of worlds where it holds. */
  readonly q05: number;
  readonly median: number;
  readonly q95: number;
}

/** How often a hypothesis holds across the sampled worlds, by how much, and what decides it. */
export interface HypothesisSummary {
  readonly id: string;
  readonly claim: string | null;
  /** Who makes the claim: `author`, `analyst` or an actor id. */
  readonly claimant: string;
  /** Paragraph and sentence of the source (null when the case does not say). */
  readonly paragraph: number | null;
  readonly sentence: number | null;
  readonly statement: string;
  readonly comparison: 'trend' | 'versus';
  /** The scenario the hypothesis is evaluated in. */
  readonly policy: string;
  /** The scenario compared with (comparison `versus`), else null. */
  readonly versus: string | null;
  readonly metric: string;
  readonly op: string;
  readonly value?: number;
  /** The minimum meaningful effect as the case gives it; null when it gives none (m = 0). */
  readonly minEffect: MinEffect | null;
  /**
   * Share of worlds where it holds (null when no world finished); with case draws, over all
   * worlds, each on its draw of the case.
   */
  readonly holds: number | null;
  /** Wilson score interval at 95 % (null when no world finished). */
  readonly ci: [number, number] | null;
  /** Worlds evaluated. */
  readonly n: number;
  /** The verdict over case draws; null when the exploration has none (`draws` 0). */
  readonly draws: CaseDrawsSummary | null;
  /** The effect's distribution (null when no world has a defined effect). */
  readonly effect: EffectSummary | null;
  /** The one parameter that decides the verdict, or null when none does. */
  readonly decidedBy: DecidedBy | null;
  /**
   * Hypotheses of the same claim with the other comparison (trend ↔ versus) whose median effect
   * fails them: the model's paired test contradicts this one's reading of the claim.
   */
  readonly contradictedBy: readonly string[];
  /** PRIM box of the worlds where it fails; null when it never fails or nothing varies. */
  readonly failBox: FailBox | null;
}

/** Mean and quantiles of one outcome of one scenario over the sampled worlds. */
export interface OutcomeSummary {
  readonly scenario: string;
  readonly metric: string;
  readonly mean: number;
  readonly p05: number;
  readonly p50: number;
  readonly p95: number;
}

/** Sobol indices of one parameter for one outcome. */
export interface SobolIndex {
  readonly parameter: string;
  readonly first: number;
  readonly firstCi: [number, number];
  readonly total: number;
  readonly totalCi: [number, number];
}

/** Morris elementary-effect statistics of one parameter for one outcome (unit-scaled inputs). */
export interface MorrisIndex {
  readonly parameter: string;
  readonly mu: number;
  readonly muStar: number;
  readonly sigma: number;
}

/** Global sensitivity of the key outcomes. */
export type SensitivitySummary =
  | {
      readonly method: 'sobol';
      readonly n: number;
      readonly outcomes: readonly {
        scenario: string;
        metric: string;
        indices: readonly SobolIndex[];
      }[];
    }
  | {
      readonly method: 'morris';
      readonly r: number;
      readonly outcomes: readonly {
        scenario: string;
        metric: string;
        indices: readonly MorrisIndex[];
      }[];
    };

/** Quantile bands of one monthly series of one scenario. */
export interface BandSummary {
  readonly scenario: string;
  readonly series: string;
  readonly probs: readonly number[];
  /** Worlds the bands are computed from. */
  readonly worlds: number;
  /** probs × (months+1). */
  readonly values: readonly (readonly number[])[];
}

/**
 * The same exploration with its worlds drawn from a calibration's posterior (`explore
 * --posterior DIR`): same seed, scenarios and hypotheses; the posterior's parameters take the
 * resampled particles' values, the others keep their prior ranges (docs/model.md).
 */
export interface PosteriorSummary {
  /** The folder (or file) the posterior came from, as given. */
  readonly source: string;
  readonly planId: string;
  /** The calibration's method and effective sample size, when its file gives them. */
  readonly method: string | null;
  readonly ess: number | null;
  readonly particles: number;
  /** Explored parameters the particles set. */
  readonly parameters: readonly string[];
  /** Posterior parameters that are not model parameters (observation model), ignored. */
  readonly ignored: readonly string[];
  readonly worlds: number;
  readonly completedWorlds: number;
  readonly complete: boolean;
  /** Each hypothesis under the posterior, in the order of the prior's `hypotheses`. */
  readonly hypotheses: readonly HypothesisSummary[];
  readonly outcomes: readonly OutcomeSummary[];
  readonly diagnostics: readonly string[];
}

/** The summary of an exploration. */
export interface ExplorationSummary {
  readonly format: typeof SUMMARY_FORMAT;
  readonly version: string;
  readonly caseId: string;
  readonly caseHash?: string;
  readonly planId: string;
  readonly options: ResolvedExploreOptions & {
    readonly parameters: readonly string[];
    readonly bands: number;
  };
  readonly worlds: number;
  readonly completedWorlds: number;
  readonly sampleWorlds: number;
  readonly complete: boolean;
  readonly parameters: readonly { id: string; lo: number; hi: number }[];
  readonly scenarios: readonly { id: string; months: number }[];
  readonly hypotheses: readonly HypothesisSummary[];
  /**
   * Verdicts of the case's observed hypotheses on event data (docs/events.md), when the command
   * that printed the summary read an events database; absent otherwise. Not from the worlds.
   */
  readonly observed?: readonly ObservedVerdict[];
  readonly outcomes: readonly OutcomeSummary[];
  readonly sensitivity: SensitivitySummary | null;
  readonly bands: readonly BandSummary[];
  /** Non-fatal notes (e.g. a hypothesis skipped because its scenario was not explored). */
  readonly diagnostics: readonly string[];
  /** The verdicts under a calibration's posterior, beside these under the prior ranges. */
  readonly posterior?: PosteriorSummary;
}
