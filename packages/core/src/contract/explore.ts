/**
 * An exploration's options (the body of `POST /api/jobs`, the flags of `entente explore`) and its
 * summary (`entente explore --json`, `summary.json`, a finished job's `result`).
 */
import { z } from 'zod';
import type { ExplorationSummary } from '../experiment/exploration-summary.js';
import {
  type ExploreOptions,
  type ResolvedExploreOptions,
  SAMPLE_DESIGNS,
} from '../experiment/explore-options.js';
import type { Agree, Assert } from './agree.js';
import { SeedSchema } from './common.js';
import { ObservedVerdictSchema } from './events.js';

/** What to explore; `resolveExploreOptions` fills in the defaults and checks it against the case. */
export const ExploreOptionsSchema = z.strictObject({
  scenarios: z.array(z.string()).max(64).optional(),
  sample: z.enum(SAMPLE_DESIGNS).optional(),
  runs: z.int().min(1).optional(),
  seed: SeedSchema.optional(),
  months: z.int().min(1).optional(),
  parameters: z.array(z.string()).max(200).optional(),
  bands: z.int().min(0).max(10_000).optional(),
  levels: z.int().min(2).max(64).optional(),
  bootstrap: z.int().min(1).max(10_000).optional(),
  /** Case draws (lhs only); beyond MAX_CASE_DRAWS the exploration is refused (resource-limit). */
  draws: z.int().min(0).optional(),
});

type _Options = Assert<Agree<z.infer<typeof ExploreOptionsSchema>, ExploreOptions>>;

/** The options with every default filled in, as the summary records them. */
export const ResolvedExploreOptionsSchema = z.object({
  scenarios: z.array(z.string()),
  sample: z.enum(SAMPLE_DESIGNS),
  runs: z.int(),
  seed: z.int(),
  months: z.int().nullable(),
  parameters: z.array(z.string()).nullable(),
  bands: z.int().nullable(),
  levels: z.int(),
  bootstrap: z.int(),
  draws: z.int(),
});

type _Resolved = Assert<
  Agree<z.infer<typeof ResolvedExploreOptionsSchema>, ResolvedExploreOptions>
>;

const interval = z.tuple([z.number(), z.number()]);

const FailBoxSchema = z.object({
  coverage: z.number(),
  density: z.number(),
  support: z.number(),
  limits: z.array(z.object({ parameter: z.string(), lo: z.number(), hi: z.number() })),
  trajectory: z.array(z.object({ coverage: z.number(), density: z.number(), support: z.number() })),
});

/** A minimum meaningful effect as the case gives it (core's MinEffectSchema, output side). */
const MinEffectJsonSchema = z.union([
  z.object({ absolute: z.number(), rationale: z.string() }),
  z.object({ relative: z.number(), rationale: z.string() }),
]);

/** The effect's distribution over the worlds where it is defined. */
const EffectSummarySchema = z.object({
  scale: z.enum(['absolute', 'relative']),
  median: z.number(),
  q05: z.number(),
  q95: z.number(),
  n: z.int(),
});

/** The one parameter that decides a verdict (docs/case-format.md, "What decides a verdict"). */
const DecidedBySchema = z.object({
  parameter: z.string(),
  op: z.enum(['<', '>']),
  value: z.number(),
  density: z.number(),
  coverage: z.number(),
  source: z.enum(['box', 'endpoint']),
});

/** A verdict over the case draws (docs/model.md, "Case draws"). */
const CaseDrawsSummarySchema = z.object({
  n: z.int(),
  share: z.number(),
  q05: z.number(),
  median: z.number(),
  q95: z.number(),
});

const HypothesisSummarySchema = z.object({
  id: z.string(),
  claim: z.string().nullable(),
  claimant: z.string(),
  paragraph: z.int().nullable(),
  sentence: z.int().nullable(),
  statement: z.string(),
  comparison: z.enum(['trend', 'versus']),
  policy: z.string(),
  versus: z.string().nullable(),
  metric: z.string(),
  op: z.string(),
  value: z.number().optional(),
  minEffect: MinEffectJsonSchema.nullable(),
  holds: z.number().nullable(),
  ci: interval.nullable(),
  n: z.int(),
  draws: CaseDrawsSummarySchema.nullable(),
  effect: EffectSummarySchema.nullable(),
  decidedBy: DecidedBySchema.nullable(),
  contradictedBy: z.array(z.string()),
  failBox: FailBoxSchema.nullable(),
});

const OutcomeSummarySchema = z.object({
  scenario: z.string(),
  metric: z.string(),
  mean: z.number(),
  p05: z.number(),
  p50: z.number(),
  p95: z.number(),
});

/** Indices of each key outcome of each scenario. */
const perOutcome = <T extends z.ZodType>(index: T) =>
  z.array(z.object({ scenario: z.string(), metric: z.string(), indices: z.array(index) }));

const SensitivitySchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('sobol'),
    n: z.int(),
    outcomes: perOutcome(
      z.object({
        parameter: z.string(),
        first: z.number(),
        firstCi: interval,
        total: z.number(),
        totalCi: interval,
      }),
    ),
  }),
  z.object({
    method: z.literal('morris'),
    r: z.int(),
    outcomes: perOutcome(
      z.object({ parameter: z.string(), mu: z.number(), muStar: z.number(), sigma: z.number() }),
    ),
  }),
]);

const BandSchema = z.object({
  scenario: z.string(),
  series: z.string(),
  probs: z.array(z.number()),
  worlds: z.int(),
  values: z.array(z.array(z.number())),
});

/** The verdicts under a calibration's posterior (`explore --posterior DIR`). */
const PosteriorSummarySchema = z.object({
  source: z.string(),
  planId: z.string(),
  method: z.string().nullable(),
  ess: z.number().nullable(),
  particles: z.int(),
  parameters: z.array(z.string()),
  ignored: z.array(z.string()),
  worlds: z.int(),
  completedWorlds: z.int(),
  complete: z.boolean(),
  hypotheses: z.array(HypothesisSummarySchema),
  outcomes: z.array(OutcomeSummarySchema),
  diagnostics: z.array(z.string()),
});

/** The summary of an exploration (`entente-exploration/1`, docs/model.md). */
export const ExplorationSummarySchema = z.object({
  format: z.literal('entente-exploration/1'),
  version: z.string(),
  caseId: z.string(),
  caseHash: z.string().optional(),
  planId: z.string(),
  options: ResolvedExploreOptionsSchema.extend({
    parameters: z.array(z.string()),
    bands: z.int(),
  }),
  worlds: z.int(),
  completedWorlds: z.int(),
  sampleWorlds: z.int(),
  complete: z.boolean(),
  parameters: z.array(z.object({ id: z.string(), lo: z.number(), hi: z.number() })),
  scenarios: z.array(z.object({ id: z.string(), months: z.int() })),
  hypotheses: z.array(HypothesisSummarySchema),
  observed: z.array(ObservedVerdictSchema).optional(),
  outcomes: z.array(OutcomeSummarySchema),
  sensitivity: SensitivitySchema.nullable(),
  bands: z.array(BandSchema),
  diagnostics: z.array(z.string()),
  posterior: PosteriorSummarySchema.optional(),
});

type _Summary = Assert<Agree<z.infer<typeof ExplorationSummarySchema>, ExplorationSummary>>;

/** Exploration options as a request writes them. */
export type ExploreOptionsJson = z.input<typeof ExploreOptionsSchema>;
/** The summary of an exploration, as JSON. */
export type ExplorationSummaryJson = z.infer<typeof ExplorationSummarySchema>;
/** One hypothesis's verdict in a summary. */
export type HypothesisSummaryJson = z.infer<typeof HypothesisSummarySchema>;
/** The verdicts under a posterior, as JSON. */
export type PosteriorSummaryJson = z.infer<typeof PosteriorSummarySchema>;
/** Quantile bands of one monthly series. */
export type BandJson = z.infer<typeof BandSchema>;
