/**
 * The summary of an exploration: what `entente explore --json` prints, what `summary.json` holds
 * and what the server returns. Plain JSON; documented in docs/model.md ("Exploration and the
 * --json contract"). Identical bytes for any batch split, order or number of workers.
 */
import type { ResolvedExploreOptions } from './explore-options.js';

/** Format tag of an exploration summary. */
export const SUMMARY_FORMAT = 'entente-exploration/1';

/** Probabilities of the fan-chart bands. */
export const BAND_PROBS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** Keys outcomes whose sensitivity indices are computed, when the model provides them. */
export const SENSITIVITY_OUTCOMES = [
  'strength.total.change',
  'insecurity.mean',
  'harm.total',
] as const;

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

/** How often a hypothesis holds across the sampled worlds. */
export interface HypothesisSummary {
  readonly id: string;
  readonly claim: string | null;
  readonly statement: string;
  /** The scenario the hypothesis is evaluated in. */
  readonly policy: string;
  readonly versus?: string;
  readonly metric: string;
  readonly op: string;
  readonly value?: number;
  /** Share of worlds where it holds (null when no world finished). */
  readonly holds: number | null;
  /** Wilson score interval at 95 % (null when no world finished). */
  readonly ci: [number, number] | null;
  /** Worlds evaluated. */
  readonly n: number;
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
  readonly outcomes: readonly OutcomeSummary[];
  readonly sensitivity: SensitivitySummary | null;
  readonly bands: readonly BandSummary[];
  /** Non-fatal notes (e.g. a hypothesis skipped because its scenario was not explored). */
  readonly diagnostics: readonly string[];
}
