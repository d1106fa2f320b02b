/**
 * The coalition analyses as JSON: each part (`entente balance|landscape|coalitions|leverage
 * --json`), the bundle (`entente analyze --json`, `POST /api/analyze`) and the request of
 * `/api/analyze`. Each schema's type is checked against the core function's return type.
 */
import { z } from 'zod';
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
});

const patternCounts = z.record(z.enum(TRIAD_PATTERNS), z.number());

/** Structural balance (`entente balance --json` without `case`). */
export const BalanceAnalysisSchema = z.object({
  at: z.string().nullable(),
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
});

/** The landscape (`entente landscape --json` without `case`). */
export const LandscapeAnalysisSchema = z.object({
  at: z.string().nullable(),
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
    }),
  ),
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

/** How far one armed group's threats must shrink before the most stable configuration changes. */
export const TippingSchema = z.object({
  group: z.string(),
  convention: z.string(),
  method: z.enum(['exact', 'sweep']),
  parameter: z.object({
    kind: z.enum(['pairs', 'actor-ties', 'size', 'pair']),
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
});

const violations = z.object({ negativeWithin: z.number(), positiveBetween: z.number() });

/** Relocation and signed modularity (`entente coalitions --json` without `case`). */
export const CoalitionsAnalysisSchema = z.object({
  at: z.string().nullable(),
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

/** `POST /api/analyze` body: the case, the date and the projection and analysis options. */
export const AnalyzeRequestSchema = z.strictObject({
  ...CaseRefShape,
  at: DateSchema.optional(),
  layers: z.array(z.enum(LAYERS)).max(LAYERS.length).optional(),
  combine: z.enum(COMBINE_RULES).optional(),
  weighted: z.boolean().optional(),
  k: z.int().min(1).max(10).optional(),
  seed: SeedSchema.optional(),
  defaultSize: z.number().gt(0).optional(),
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
