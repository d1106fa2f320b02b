/**
 * Event data on the wire (docs/events.md): an event series, an observed hypothesis's verdict, the
 * JSON of `entente events compare`, and the bodies of `POST /api/events/series` and
 * `POST /api/events/observed`. Each schema agrees with the core type it carries (`Agree`).
 */
import { z } from 'zod';
import { MinEffectSchema } from '../case/hypotheses.js';
import type { DyadComparison, EventsComparison } from '../events/compare.js';
import type { ObservedVerdict } from '../events/observed.js';
import { EVENT_DATASETS, EVENT_FORMATS, type EventSeries } from '../events/types.js';
import type { Agree, Assert } from './agree.js';
import { CaseIdSchema } from './common.js';

const measures = z.record(z.string(), z.number());

/** The first and last period a dataset covers. */
export const EventCoverageSchema = z.object({ from: z.string(), until: z.string() });

/** Whose series: one case actor, or a pair. */
export const EventSeriesKeySchema = z.union([
  z.strictObject({ actor: z.string().min(1).max(200) }),
  z.strictObject({ dyad: z.tuple([z.string().min(1).max(200), z.string().min(1).max(200)]) }),
]);

/** A series of one actor or dyad from one dataset family (core `EventSeries`). */
export const EventSeriesSchema = z.object({
  key: EventSeriesKeySchema,
  dataset: z.enum(EVENT_DATASETS),
  formats: z.array(z.enum(EVENT_FORMATS)),
  versions: z.array(z.string()),
  by: z.enum(['month', 'year']),
  points: z.array(z.object({ period: z.string(), measures, normalised: measures.optional() })),
  query: z.string(),
  sources: z.array(z.object({ sideA: z.string(), sideB: z.string(), rows: z.number() })),
  caveats: z.array(z.string()),
  coverage: EventCoverageSchema.nullable().optional(),
});

type _Series = Assert<Agree<z.infer<typeof EventSeriesSchema>, EventSeries>>;

const windowSchema = z.object({
  start: z.string(),
  end: z.string(),
  value: z.number().nullable(),
  periods: z.int(),
  covered: z.int(),
});

/** The verdict of an observed hypothesis (core `ObservedVerdict`). */
export const ObservedVerdictSchema = z.object({
  id: z.string(),
  statement: z.string(),
  claim: z.string().nullable(),
  claimant: z.string(),
  paragraph: z.int().nullable(),
  sentence: z.int().nullable(),
  series: z.string(),
  dataset: z.enum(EVENT_DATASETS),
  measure: z.string(),
  normalised: z.boolean(),
  by: z.enum(['month', 'year']),
  aggregate: z.enum(['mean', 'sum', 'max']),
  op: z.enum(['>', '>=', '<', '<=']),
  minEffect: MinEffectSchema.nullable(),
  scale: z.enum(['absolute', 'relative']),
  status: z.enum(['holds', 'fails', 'no-data']),
  effect: z.number().nullable(),
  from: windowSchema,
  to: windowSchema,
  coverage: EventCoverageSchema.nullable(),
  versions: z.array(z.string()),
  reason: z.string().nullable(),
  caveats: z.array(z.string()),
});

type _Verdict = Assert<Agree<z.infer<typeof ObservedVerdictSchema>, ObservedVerdict>>;

const agreement = z.enum(['agree', 'disagree', 'undecided']);
const trend = z.enum(['toward-conflict', 'toward-cooperation', 'flat']);
const counts = z.object({ agree: z.int(), disagree: z.int(), undecided: z.int() });

/** One dyad of `events compare` (core `DyadComparison`). */
export const DyadComparisonSchema = z.object({
  dyad: z.tuple([z.string(), z.string()]),
  dataset: z.enum(EVENT_DATASETS),
  from: z.string().nullable(),
  until: z.string().nullable(),
  agreePeriods: z.int(),
  disagreePeriods: z.int(),
  relations: z.array(z.int()),
  sign: agreement,
  analystTrend: trend.nullable(),
  dataTrend: trend.nullable(),
  trend: agreement,
  disagreements: z.array(z.string()),
});

type _Dyad = Assert<Agree<z.infer<typeof DyadComparisonSchema>, DyadComparison>>;

/** The comparison of a case with event data (core `EventsComparison`). */
export const EventsComparisonSchema = z.object({
  dyads: z.array(DyadComparisonSchema),
  sign: counts,
  trend: counts,
  disagreements: z.array(z.string()),
});

type _Comparison = Assert<Agree<z.infer<typeof EventsComparisonSchema>, EventsComparison>>;

/** `entente events compare --json`: the comparison, its rules, and the observed verdicts. */
export const EventsCompareSchema = EventsComparisonSchema.extend({
  caseId: z.string(),
  dataset: z.enum(EVENT_DATASETS),
  by: z.enum(['month', 'year']),
  rules: z.object({ minDeaths: z.number(), minEvents: z.number(), minBalance: z.number() }),
  observed: z.array(ObservedVerdictSchema),
});

/** `POST /api/events/series` body: a library case, whose series, by what, which dataset. */
export const EventsSeriesRequestSchema = z.strictObject({
  caseId: CaseIdSchema,
  key: EventSeriesKeySchema,
  by: z.enum(['month', 'year']),
  dataset: z.enum(EVENT_DATASETS).optional(),
});

/** `POST /api/events/series` response: `available` false (and no series) without an events DB. */
export const EventsSeriesResponseSchema = z.object({
  available: z.boolean(),
  series: z.array(EventSeriesSchema),
});

/** `POST /api/events/observed` body. */
export const EventsObservedRequestSchema = z.strictObject({ caseId: CaseIdSchema });

/** `POST /api/events/observed` response: the case's observed verdicts. */
export const EventsObservedResponseSchema = z.object({
  available: z.boolean(),
  verdicts: z.array(ObservedVerdictSchema),
});

/** An event series as JSON. */
export type EventSeriesJson = z.infer<typeof EventSeriesSchema>;
/** An observed verdict as JSON. */
export type ObservedVerdictJson = z.infer<typeof ObservedVerdictSchema>;
/** `entente events compare --json`. */
export type EventsCompareJson = z.infer<typeof EventsCompareSchema>;
/** `POST /api/events/series` body. */
export type EventsSeriesRequest = z.infer<typeof EventsSeriesRequestSchema>;
/** `POST /api/events/series` response. */
export type EventsSeriesResponse = z.infer<typeof EventsSeriesResponseSchema>;
/** `POST /api/events/observed` body. */
export type EventsObservedRequest = z.infer<typeof EventsObservedRequestSchema>;
/** `POST /api/events/observed` response. */
export type EventsObservedResponse = z.infer<typeof EventsObservedResponseSchema>;
