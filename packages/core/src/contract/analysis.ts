/**
 * The coalition analyses as JSON: each part (`entente balance|landscape|coalitions|leverage
 * --json`), the bundle (`entente analyze --json`, `POST /api/analyze`) and the request of
 * `/api/analyze`. Each schema's type is checked against the core function's return type.
 */
import { z } from 'zod';
import { SIZE_RULES } from '../analysis/analysis-options.js';
import type {
  BalanceAnalysis,
  CaseAnalysis,
  CoalitionsAnalysis,
  LandscapeAnalysis,
  LeverageAnalysis,
} from '../analysis/analyze-case.js';
import { TRIAD_PATTERNS } from '../analysis/balance/triads.js';
import { BROKERAGE_ROLES } from '../analysis/leverage/brokerage.js';
import { COMBINE_RULES } from '../analysis/project.js';
import { ACTOR_KINDS } from '../case/schema.js';
import { LAYERS } from '../case/vocabulary.js';
import type { Agree, Assert } from './agree.js';
import { CaseRefShape, DateSchema, SeedSchema } from './common.js';

const ids = z.array(z.string());
const sides = z.tuple([ids, ids]);
const pair = z.tuple([z.number(), z.number()]);
const indices = z.array(z.int());
const sign = z.union([z.literal(-1), z.literal(1)]);

/** The projection options every analysis reports. */
export const ProjectionOptionsSchema = z.object({
  at: z.string().nullable(),
  layers: z.array(z.enum(LAYERS)),
  combine: z.enum(COMBINE_RULES),
});

/**
 * The days a date covers and the actors that begin or end within them (core's `CaseAtInterval`);
 * every analysis reports it as `period`.
 */
export const AnalysisPeriodSchema = z.object({
  at: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reading: z.enum(['in force on any day of the interval', 'every relation, whatever its dates']),
  changes: z.array(
    z.object({
      actor: z.string(),
      kind: z.string(),
      change: z.enum(['begins', 'ends']),
      date: z.string(),
    }),
  ),
  regimeChange: z.boolean(),
  warning: z.string().nullable(),
});

/**
 * The analysis options as resolved once in core and reported by the results (all but the exact
 * solver's time budget): core's `ResolvedAnalysisOptions` without `timeLimit`.
 */
export const ReportedOptionsSchema = z.object({
  at: z.string().nullable(),
  period: AnalysisPeriodSchema,
  layers: z.array(z.enum(LAYERS)),
  combine: z.enum(COMBINE_RULES),
  weighted: z.boolean(),
  limit: z.int(),
  seed: z.number(),
  sizes: z.enum(SIZE_RULES),
  defaultSize: z.number().nullable(),
  starts: z.int().nullable(),
  basins: z.boolean(),
  k: z.int().nullable(),
  kMax: z.int(),
  alpha: z.number().nullable(),
  draws: z.int(),
  byLayer: z.boolean(),
});

/** A spread over case draws: their number, 5% quantile, median and 95% quantile. */
const SpreadSchema = z.object({
  n: z.int(),
  q05: z.number(),
  median: z.number(),
  q95: z.number(),
});

/** A relation as the analyses cite it (type, span, evidence). */
export const CitedRelationSchema = z.object({
  index: z.int(),
  id: z.string().nullable(),
  type: z.string(),
  from: z.string(),
  to: z.string(),
  since: z.string().nullable(),
  until: z.string().nullable(),
  assumption: z.boolean(),
  evidence: z.array(
    z.object({
      source: z.string(),
      paragraph: z.number().nullable(),
      sentence: z.number().nullable(),
      paraphrase: z.string(),
    }),
  ),
});

const FrustrationSchema = z.object({
  value: z.number(),
  exact: z.boolean(),
  lowerBound: z.number(),
  gap: z.number(),
  weighted: z.boolean(),
  method: z.enum(['trivial', 'brute-force', 'lower-bound', 'milp', 'mixed', 'heuristic']),
  unique: z.boolean().nullable(),
  partition: sides,
  perActor: z.record(z.string(), z.number()),
  perActorShare: z.record(z.string(), z.number()),
  diagnostics: z.object({
    blocks: z.int(),
    largestBlock: z.int(),
    solvedBy: z.record(z.string(), z.number()),
    solverStatus: z.array(z.string()),
    timeLimitReached: z.boolean(),
    unique: z.boolean().nullable(),
    seed: z.number().optional(),
    starts: z.number().optional(),
    notes: z.array(z.string()),
  }),
  /** The frustration index over the case draws (and how many were solved exactly); null without. */
  draws: SpreadSchema.extend({ exact: z.int() }).nullable(),
});

const patternCounts = z.record(z.enum(TRIAD_PATTERNS), z.number());

/** Structural balance (`entente balance --json` without `case`). */
export const BalanceAnalysisSchema = z.object({
  at: z.string().nullable(),
  period: AnalysisPeriodSchema,
  options: ReportedOptionsSchema,
  projection: ProjectionOptionsSchema,
  actors: z.int(),
  ties: z.int(),
  frustration: FrustrationSchema,
  triads: z.object({
    counts: patternCounts,
    weights: patternCounts,
    triangles: z.int(),
    balanced: z.int(),
    unbalanced: z.int(),
    ratio: z.number().nullable(),
    weightedRatio: z.number().nullable(),
  }),
  unbalancedTriads: z.array(
    z.object({
      actors: z.tuple([z.string(), z.string(), z.string()]),
      pattern: z.enum(['++-', '---']),
      signs: z.tuple([sign, sign, sign]),
      weight: z.number(),
      ties: z.array(z.object({ between: ids, sign, relations: z.array(CitedRelationSchema) })),
    }),
  ),
  unbalancedTotal: z.int(),
  unbalancedTruncated: z.boolean(),
});

const MinimumSchema = z.object({
  energy: z.number(),
  coalitions: sides,
  basin: z.number().nullable(),
  basinCount: z.number().nullable(),
  strict: z.boolean(),
  /** Share of case draws in which this configuration is a minimum; null without draws. */
  share: z.number().nullable(),
});

/** The landscape of the chosen layers together, or of one layer alone (`byLayer`). */
const LandscapeResultSchema = z.object({
  at: z.string().nullable(),
  period: AnalysisPeriodSchema,
  sizes: z.enum(SIZE_RULES),
  // core reports the layers as plain strings here (ResolvedAnalysisOptions.layers widened)
  layers: ids,
  combine: z.enum(COMBINE_RULES),
  convention: z.string(),
  exhaustive: z.boolean(),
  configurations: z.number(),
  actorsIncluded: ids,
  minima: z.array(MinimumSchema),
  actors: z.record(
    z.string(),
    z.object({ frustration: z.number(), coalition: z.union([z.literal(0), z.literal(1)]) }),
  ),
  alignments: z.array(
    z.object({
      alignment: z.string(),
      sides: z.tuple([indices, indices]),
      misplaced: z.array(
        z.object({
          actor: z.string(),
          predicted: z.union([z.literal(0), z.literal(1)]),
          observedGroup: z.number(),
        }),
      ),
      compared: z.number(),
      agreement: z.number(),
      notObserved: ids,
      notPredicted: ids,
      notes: z.array(z.string()),
      /** Indices into `minima` of the minima that place every compared actor as observed. */
      matchingMinima: indices,
      isMinimum: z.boolean(),
      uniqueMinimum: z.boolean(),
      /** Share of case draws in which some minimum matches the alignment; null without draws. */
      minimumShare: z.number().nullable(),
    }),
  ),
  /** The configurations that are minima in the most case draws (up to 10); null without draws. */
  draws: z
    .object({
      n: z.int(),
      minima: z.array(z.object({ coalitions: sides, share: z.number() })),
    })
    .nullable(),
  options: z.object({
    method: z.enum(['auto', 'exhaustive', 'multistart']),
    maxExhaustive: z.number(),
    basins: z.boolean(),
    starts: z.number(),
    seed: z.number(),
    tolerance: z.number(),
    maxMinima: z.number(),
  }),
  diagnostics: z.array(z.string()),
});

/**
 * The landscape (`entente landscape --json` without `case`); with several layers, `byLayer` holds
 * each layer's landscape alone, or the error that stopped it.
 */
export const LandscapeAnalysisSchema = LandscapeResultSchema.extend({
  byLayer: z.array(
    z.union([
      LandscapeResultSchema.extend({ layer: z.enum(LAYERS), error: z.null() }),
      z.object({ layer: z.enum(LAYERS), error: z.string() }),
    ]),
  ),
});

/** How far one armed group's threats must shrink before the most stable configuration changes. */
export const TippingSchema = z.object({
  group: z.string(),
  convention: z.string(),
  method: z.enum(['exact', 'sweep']),
  parameter: z.object({
    kind: z.enum(['pairs', 'actor-ties', 'size', 'pair', 'shift']),
    description: z.string(),
    pairs: z.array(z.tuple([z.string(), z.string()])),
    actor: z.string().nullable(),
  }),
  range: pair,
  segments: z.array(
    z.object({
      from: z.number(),
      to: z.number(),
      configuration: sides,
      energyAtFrom: z.number(),
      energyAtTo: z.number(),
    }),
  ),
  tippingPoints: z.array(
    z.object({ value: z.number(), before: sides, after: sides, bracket: pair.optional() }),
  ),
  sweep: z
    .object({
      steps: z.number(),
      samples: z.array(
        z.object({
          value: z.number(),
          globalMinimum: sides,
          energy: z.number(),
          minima: z.array(sides),
        }),
      ),
      minimaChanges: z.array(
        z.object({ bracket: pair, appeared: z.array(sides), disappeared: z.array(sides) }),
      ),
    })
    .nullable(),
  options: z.object({
    method: z.enum(['auto', 'exact', 'sweep']),
    maxExact: z.number(),
    steps: z.number().nullable(),
    tolerance: z.number(),
  }),
  diagnostics: z.array(z.string()),
  /**
   * Over the case draws: the share with a tipping point in the range and the spread of the highest
   * one (null when no draw has one); null without draws.
   */
  draws: z.object({ n: z.int(), share: z.number(), highest: SpreadSchema.nullable() }).nullable(),
});

const violations = z.object({ negativeWithin: z.number(), positiveBetween: z.number() });

/** Relocation and signed modularity (`entente coalitions --json` without `case`). */
export const CoalitionsAnalysisSchema = z.object({
  at: z.string().nullable(),
  period: AnalysisPeriodSchema,
  projection: ProjectionOptionsSchema,
  relocation: z.array(
    z.object({
      options: z.object({
        k: z.int(),
        alpha: z.number(),
        starts: z.int(),
        seed: z.number(),
        weighted: z.boolean(),
        maxPartitions: z.int(),
      }),
      k: z.int(),
      alpha: z.number(),
      error: z.number(),
      violations,
      violationWeight: violations,
      groups: z.array(ids),
      optimalCount: z.number(),
      partitionsAtBest: z.array(z.array(ids)),
    }),
  ),
  modularity: z
    .object({
      options: z.object({
        seed: z.number(),
        starts: z.int(),
        weighted: z.boolean(),
        fullScanLimit: z.int(),
      }),
      modularity: z.number(),
      groups: z.array(ids),
      levels: z.int(),
      optimalCount: z.number(),
    })
    .nullable(),
  /**
   * Over the case draws: per relocation, the share finding the same partition, and the share
   * with the same modularity partition; null without draws.
   */
  draws: z
    .object({ n: z.int(), sameRelocation: z.array(z.number()), sameModularity: z.number() })
    .nullable(),
});

const PatronShareSchema = z.object({
  patron: z.string(),
  weight: z.number(),
  share: z.number(),
  relations: indices,
});

const DependencySchema = z.object({
  options: z.object({
    at: z.string().nullable(),
    layers: z.array(z.enum(LAYERS)),
    exclude: ids,
    reversed: ids,
    undirected: z.boolean(),
  }),
  actors: z.record(
    z.string(),
    z.object({
      total: z.number(),
      patrons: z.array(PatronShareSchema),
      top: PatronShareSchema.nullable(),
      relations: indices,
    }),
  ),
});

/** Dependency, threat leverage and brokerage (`entente leverage --json` without `case`). */
export const LeverageAnalysisSchema = z.object({
  at: z.string().nullable(),
  period: AnalysisPeriodSchema,
  dependency: DependencySchema,
  threatLeverage: z.object({
    options: z.object({
      at: z.string().nullable(),
      control: z.record(
        z.string(),
        z.object({
          direction: z.enum(['regime-to-group', 'group-to-regime']),
          factor: z.number(),
        }),
      ),
      threats: ids,
    }),
    leverage: z.record(
      z.string(),
      z.record(
        z.string(),
        z.object({
          value: z.number(),
          via: z.array(
            z.object({
              group: z.string(),
              control: z.number(),
              threat: z.number(),
              contribution: z.number(),
              relations: indices,
            }),
          ),
          relations: indices,
        }),
      ),
    ),
    pairs: z.array(
      z.object({ regime: z.string(), target: z.string(), value: z.number(), relations: indices }),
    ),
  }),
  brokerage: z.object({
    options: z.object({
      at: z.string().nullable(),
      layer: z.enum(LAYERS).nullable(),
      combine: z.enum(COMBINE_RULES).nullable(),
      normalization: z.literal('networkx-default: ordered-pair sum / ((n-1)(n-2))'),
      groupAttribute: z.literal('kind').nullable(),
    }),
    positiveTies: z.int(),
    actors: z.record(
      z.string(),
      z.object({
        betweenness: z.number(),
        roles: z.record(z.enum(BROKERAGE_ROLES), z.number()).nullable(),
        brokered: z.number().nullable(),
        relations: indices,
      }),
    ),
  }),
});

const drawnTie = {
  source: z.string(),
  target: z.string(),
  relations: ids,
  relationIndices: indices,
};

/** The projection the map draws: actors in force and ties with the relations behind them. */
export const DrawnProjectionSchema = z.object({
  options: ProjectionOptionsSchema,
  actors: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(ACTOR_KINDS).nullable(),
      size: z.number().nullable(),
    }),
  ),
  ties: z.array(z.object({ ...drawnTie, sign, weight: z.number() })),
  ambivalent: z.array(z.object(drawnTie)),
});

/** Every analysis of a case at one date (core's analyzeCase). */
export const CaseAnalysisSchema = z.object({
  at: z.string().nullable(),
  options: ReportedOptionsSchema,
  projection: DrawnProjectionSchema,
  balance: BalanceAnalysisSchema,
  landscape: LandscapeAnalysisSchema,
  tipping: z.array(TippingSchema),
  coalitions: CoalitionsAnalysisSchema,
  leverage: LeverageAnalysisSchema,
});

type _Balance = Assert<Agree<z.infer<typeof BalanceAnalysisSchema>, BalanceAnalysis>>;
type _Landscape = Assert<Agree<z.infer<typeof LandscapeAnalysisSchema>, LandscapeAnalysis>>;
type _Coalitions = Assert<Agree<z.infer<typeof CoalitionsAnalysisSchema>, CoalitionsAnalysis>>;
type _Leverage = Assert<Agree<z.infer<typeof LeverageAnalysisSchema>, LeverageAnalysis>>;
type _Bundle = Assert<Agree<z.infer<typeof CaseAnalysisSchema>, CaseAnalysis>>;

/** Most case draws one `POST /api/analyze` may ask for (each draw re-runs every analysis). */
export const MAX_ANALYZE_DRAWS = 1000;

/**
 * `POST /api/analyze` body: the case, the date and the projection and analysis options (core's
 * `AnalysisOptions`, resolved by `resolveAnalysisOptions` as the CLI's are).
 */
export const AnalyzeRequestSchema = z.strictObject({
  ...CaseRefShape,
  at: DateSchema.optional(),
  layers: z.array(z.enum(LAYERS)).max(LAYERS.length).optional(),
  combine: z.enum(COMBINE_RULES).optional(),
  weighted: z.boolean().optional(),
  k: z.int().min(1).max(10).optional(),
  seed: SeedSchema.optional(),
  defaultSize: z.number().gt(0).optional(),
  sizes: z.enum(SIZE_RULES).optional(),
  draws: z.int().min(1).max(MAX_ANALYZE_DRAWS).optional(),
  /** false: leave out the single-layer landscapes (`landscape.byLayer` empty). @default true */
  byLayer: z.boolean().optional(),
});

/**
 * `POST /api/analyze` → the bundle with the library case id (null for posted text), and
 * `frustration` and `dependency` lifted to the top for the workbench.
 */
export const AnalyzeResponseSchema = CaseAnalysisSchema.extend({
  caseId: z.string().nullable(),
  frustration: FrustrationSchema,
  dependency: DependencySchema,
});

/**
 * What an analysis command prints with `--json`: the result with `case` (the case's id) at one
 * date, or `{ case, series }` with one result per date for `--over`.
 */
function commandJson<T extends z.ZodObject>(result: T) {
  return z.union([
    result.extend({ case: z.string() }),
    z.object({ case: z.string(), series: z.array(result) }),
  ]);
}

/** `entente balance --json`. */
export const BalanceCommandSchema = commandJson(BalanceAnalysisSchema);
/** `entente landscape --json`. */
export const LandscapeCommandSchema = commandJson(LandscapeAnalysisSchema);
/** `entente coalitions --json`. */
export const CoalitionsCommandSchema = commandJson(CoalitionsAnalysisSchema);
/** `entente leverage --json`. */
export const LeverageCommandSchema = commandJson(LeverageAnalysisSchema);
/** `entente analyze --json`: the bundle without the drawn projection (the map's data). */
export const AnalyzeCommandSchema = commandJson(CaseAnalysisSchema.omit({ projection: true }));

/** `POST /api/analyze` body. */
export type AnalyzeRequest = z.input<typeof AnalyzeRequestSchema>;
/** `POST /api/analyze` response. */
export type AnalyzeResponse = z.infer<typeof AnalyzeResponseSchema>;
/** The period an analysis covers, as JSON. */
export type AnalysisPeriodJson = z.infer<typeof AnalysisPeriodSchema>;
/** The resolved analysis options a result reports, as JSON. */
export type ReportedOptionsJson = z.infer<typeof ReportedOptionsSchema>;
/** The analysis bundle as JSON. */
export type CaseAnalysisJson = z.infer<typeof CaseAnalysisSchema>;
/** Balance as JSON. */
export type BalanceAnalysisJson = z.infer<typeof BalanceAnalysisSchema>;
/** Landscape as JSON. */
export type LandscapeAnalysisJson = z.infer<typeof LandscapeAnalysisSchema>;
/** One group's tipping analysis as JSON. */
export type TippingJson = z.infer<typeof TippingSchema>;
/** Coalitions as JSON. */
export type CoalitionsAnalysisJson = z.infer<typeof CoalitionsAnalysisSchema>;
/** Leverage as JSON. */
export type LeverageAnalysisJson = z.infer<typeof LeverageAnalysisSchema>;
/** The drawn projection as JSON. */
export type DrawnProjectionJson = z.infer<typeof DrawnProjectionSchema>;
/** One tie of the drawn projection. */
export type DrawnTieJson = DrawnProjectionJson['ties'][number];
/** Two sides of a configuration (actor ids). */
export type ConfigurationJson = z.infer<typeof sides>;
