/**
 * Named hypotheses: a case's claims as testable rules on the model's outcomes (docs/model.md,
 * "Hypotheses"; docs/case-format.md, 3.9b). A hypothesis compares `metric(scenario)` with a
 * threshold (`comparison: trend`) or with `metric(versus)` run in the same world and stream
 * (`comparison: versus`). Its **effect** in one world is the difference (absolute, or relative to
 * the reference's magnitude), and it holds only when the effect lies beyond its minimum meaningful
 * effect in the direction of `op` — a 0.1 % difference is not a finding.
 */
import { z } from 'zod';
import { EntenteError } from '../errors.js';
import { EVENT_DATASETS } from '../events/types.js';
import { IdSchema } from '../ids.js';

/** Comparison operators of a hypothesis. */
export const HYPOTHESIS_OPS = Object.freeze(['>', '>=', '<', '<='] as const);

/** A comparison operator. */
export type HypothesisOp = (typeof HYPOTHESIS_OPS)[number];

/** Kinds of comparison: one scenario against a threshold, or against another scenario. */
export const HYPOTHESIS_COMPARISONS = Object.freeze(['trend', 'versus'] as const);

/** A kind of comparison. */
export type HypothesisComparison = (typeof HYPOTHESIS_COMPARISONS)[number];

/** Claimants that are not actors of the case: the source's author, or the analyst. */
export const HYPOTHESIS_CLAIMANTS = Object.freeze(['author', 'analyst'] as const);

const id = IdSchema;

const rationale = z
  .string()
  .min(1)
  .max(100_000)
  .describe('Why an effect of this size is the smallest that matters for the claim.');

/**
 * The minimum meaningful effect of a hypothesis: an absolute difference in the metric's units, or
 * a difference relative to the reference's magnitude (0.1 = 10 %), with a required rationale. A
 * negative value is a non-inferiority margin: "has not curbed" holds unless the effect goes the
 * other way by more than |m| (Piaggio et al. 2012, CONSORT for non-inferiority trials).
 */
export const MinEffectSchema = z
  .union([
    z.strictObject({
      absolute: z
        .number()
        .describe(
          'Smallest difference, in the metric’s units; negative = a non-inferiority margin.',
        ),
      rationale,
    }),
    z.strictObject({
      relative: z
        .number()
        .min(-1)
        .describe(
          'Smallest difference relative to |reference| (0.1 = 10 %); negative = a non-inferiority margin.',
        ),
      rationale,
    }),
  ])
  .describe('Minimum meaningful effect: the hypothesis holds in a world only beyond it.');

/** A validated minimum effect. */
export type MinEffect = z.output<typeof MinEffectSchema>;

/** One hypothesis of a case (the top-level key `hypotheses`). */
export const HypothesisSchema = z
  .strictObject({
    kind: z
      .literal('model')
      .optional()
      .describe('"model" (the default): a rule on simulated outcomes; see also kind "observed".'),
    id,
    claim: id.optional().describe('Id of the claim (in `claims`) this hypothesis tests.'),
    claimant: id
      .optional()
      .describe(
        'Who makes the claim: "author" (the default), "analyst", or the id of an actor of the case.',
      ),
    paragraph: z
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe('Paragraph of the source that makes the claim (1-based).'),
    sentence: z
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe('Sentence within the paragraph (1-based).'),
    statement: z.string().min(1).max(100_000).describe('The hypothesis in words.'),
    description: z
      .string()
      .max(100_000)
      .optional()
      .describe('Why this rule expresses the claim, and which source paragraph motivates it.'),
    comparison: z
      .enum(HYPOTHESIS_COMPARISONS)
      .optional()
      .describe(
        '"trend": the scenario against the threshold `value`; "versus": against the scenario `versus` in the same world. Default: versus when `versus` is given.',
      ),
    scenario: id.describe('Scenario whose outcome is tested.'),
    metric: z
      .string()
      .min(1)
      .max(300)
      .describe('Outcome name, e.g. strength.total.change or insecurity.mean (docs/model.md).'),
    op: z.enum(HYPOTHESIS_OPS),
    value: z.number().optional().describe('Threshold; give exactly one of value and versus.'),
    versus: id
      .optional()
      .describe(
        'Scenario to compare with, in the same world; give exactly one of value and versus.',
      ),
    minEffect: MinEffectSchema.optional().describe(
      'Minimum meaningful effect; without it any difference in the direction of op counts.',
    ),
  })
  .describe('A claim as a rule on simulated outcomes.');

/** A validated model hypothesis (a rule on simulated outcomes). */
export type Hypothesis = z.output<typeof HypothesisSchema>;

/** How an observed hypothesis reduces each window to one number. */
export const OBSERVED_AGGREGATES = Object.freeze(['mean', 'sum', 'max'] as const);

/** A window reduction: mean per period (default), sum, or the largest period. */
export type ObservedAggregate = (typeof OBSERVED_AGGREGATES)[number];

/** The pattern of a period: a year `YYYY` or a month `YYYY-MM`. */
export const PERIOD_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/;

const period = z
  .union([
    z.string().regex(PERIOD_PATTERN, 'periods are YYYY or YYYY-MM'),
    z.int().min(1000).max(9999),
  ])
  .transform((v) => String(v))
  .describe('A period: a year YYYY (a bare number is accepted) or a month YYYY-MM.');

/** A window of consecutive periods, both ends included, at one resolution. */
export const ObservedWindowSchema = z
  .strictObject({
    start: period.describe('First period of the window (YYYY or YYYY-MM).'),
    end: period.describe('Last period of the window, included; same resolution as start.'),
  })
  .describe('Consecutive periods, both ends included.');

/** The series an observed hypothesis reads: one actor, several actors summed, or a dyad. */
export const ObservedSeriesSchema = z
  .strictObject({
    actor: id.optional().describe('A case actor: every event the case maps to it.'),
    actors: z
      .array(id)
      .min(2)
      .max(100)
      .optional()
      .describe('Several case actors, their series summed period by period.'),
    dyad: z.tuple([id, id]).optional().describe('Two case actors: the events between them.'),
    dataset: z.enum(EVENT_DATASETS).describe('Dataset family: ucdp, gdelt or acled.'),
    measure: z
      .string()
      .min(1)
      .max(200)
      .describe('A measure of the series, e.g. deaths_best, events, quad4 (docs/events.md).'),
    normalised: z
      .boolean()
      .optional()
      .describe('Read the measure divided by the period’s dataset volume (GDELT); default false.'),
  })
  .describe(
    'Whose series, from which dataset, and which measure; give one of actor, actors, dyad.',
  );

/**
 * A hypothesis tested on event data (`kind: observed`, docs/case-format.md 3.9b, docs/events.md
 * "Observed claims"): the measure's aggregate over window `to` against the same over window
 * `from`, with the effect and minimum effect of model hypotheses ({@link effectHolds}).
 */
export const ObservedHypothesisSchema = z
  .strictObject({
    kind: z.literal('observed').describe('"observed": a rule on an event-data series.'),
    id,
    claim: id.optional().describe('Id of the claim (in `claims`) this hypothesis tests.'),
    claimant: id
      .optional()
      .describe(
        'Who makes the claim: "author" (the default), "analyst", or the id of an actor of the case.',
      ),
    paragraph: z
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe('Paragraph of the source (1-based).'),
    sentence: z.int().min(1).max(1_000_000).optional().describe('Sentence within the paragraph.'),
    statement: z.string().min(1).max(100_000).describe('The hypothesis in words.'),
    description: z
      .string()
      .max(100_000)
      .optional()
      .describe('Why this rule expresses the claim, and which source paragraph motivates it.'),
    series: ObservedSeriesSchema,
    from: ObservedWindowSchema.describe('The reference window (before).'),
    to: ObservedWindowSchema.describe('The tested window (after).'),
    aggregate: z
      .enum(OBSERVED_AGGREGATES)
      .optional()
      .describe('How each window becomes one number: mean per period (default), sum, or max.'),
    op: z.enum(HYPOTHESIS_OPS).describe('to op from: ">" claims growth, "<" decline.'),
    minEffect: MinEffectSchema.optional().describe(
      'Minimum meaningful effect; without it any difference in the direction of op counts.',
    ),
  })
  .describe('A claim as a rule on observed event data.');

/** A validated observed hypothesis. */
export type ObservedHypothesis = z.output<typeof ObservedHypothesisSchema>;

/**
 * Any hypothesis of a case (the top-level key `hypotheses`), told apart by `kind`: `model`
 * (default) or `observed`.
 */
export const CaseHypothesisSchema = z.discriminatedUnion('kind', [
  HypothesisSchema,
  ObservedHypothesisSchema,
]);

/** A validated hypothesis of either kind. */
export type AnyHypothesis = z.output<typeof CaseHypothesisSchema>;

/** Whether `h` is a model hypothesis (`kind` absent or `model`). */
export function isModelHypothesis<T extends { readonly kind?: string | undefined }>(
  h: T,
): h is Exclude<T, { readonly kind: 'observed' }> {
  return h.kind === undefined || h.kind === 'model';
}

/** Whether `h` is an observed hypothesis (`kind: observed`). */
export function isObservedHypothesis<T extends { readonly kind?: string | undefined }>(
  h: T,
): h is Extract<T, { readonly kind: 'observed' }> {
  return h.kind === 'observed';
}

/** The fields of a hypothesis that decide whether it holds. */
export type HypothesisRule = Pick<
  Hypothesis,
  'id' | 'scenario' | 'metric' | 'op' | 'value' | 'versus' | 'minEffect'
>;

/** The comparison of `h`: its `comparison`, or `versus` when it names a scenario to compare with. */
export function hypothesisComparison(
  h: Pick<Hypothesis, 'comparison' | 'versus'>,
): HypothesisComparison {
  return h.comparison ?? (h.versus === undefined ? 'trend' : 'versus');
}

/**
 * The effect of hypothesis `h` in one world: with `left = metric(scenario)` and `right` the
 * threshold `value` (trend) or `metric(versus)` (versus), the absolute effect `left − right`, or,
 * when `minEffect` is relative, `(left − right) / |right|`. NaN when an outcome is NaN or a
 * relative effect has a zero reference.
 * @throws {EntenteError} `invalid-argument` when `h` has both or neither of `value` and `versus`
 * @example hypothesisEffect({ ..., op: '>', value: 0.1 }, () => 0.25) // 0.15
 */
export function hypothesisEffect(
  h: HypothesisRule,
  metric: (scenarioId: string, name: string) => number,
): number {
  const hasValue = h.value !== undefined;
  if (hasValue === (h.versus !== undefined)) {
    throw new EntenteError(
      'invalid-argument',
      `hypothesisEffect: hypothesis "${h.id}" needs exactly one of value and versus`,
    );
  }
  const left = metric(h.scenario, h.metric);
  const right = hasValue ? (h.value as number) : metric(h.versus as string, h.metric);
  const diff = left - right;
  if (h.minEffect !== undefined && 'relative' in h.minEffect)
    return right === 0 ? Number.NaN : diff / Math.abs(right);
  return diff;
}

/**
 * Whether an effect is beyond the minimum meaningful effect m of `h` in the direction of its op:
 * `>`: effect > m, `>=`: effect ≥ m, `<`: effect < −m, `<=`: effect ≤ −m (m = 0 without
 * `minEffect`; a negative m is a non-inferiority margin). NaN never is.
 * @throws {EntenteError} `invalid-argument` on an unknown op
 */
export function effectHolds(
  h: Pick<Hypothesis, 'id' | 'op' | 'minEffect'>,
  effect: number,
): boolean {
  const m =
    h.minEffect === undefined
      ? 0
      : 'relative' in h.minEffect
        ? h.minEffect.relative
        : h.minEffect.absolute;
  switch (h.op) {
    case '>':
      return effect > m;
    case '>=':
      return effect >= m;
    case '<':
      return effect < -m;
    case '<=':
      return effect <= -m;
    default:
      throw new EntenteError(
        'invalid-argument',
        `hypothesisHolds: hypothesis "${h.id}" has unknown op ${JSON.stringify(h.op)}`,
      );
  }
}

/**
 * Whether hypothesis `h` holds in one world, given that world's outcomes: `metric(id, name)`
 * returns outcome `name` of scenario `id`. Its effect ({@link hypothesisEffect}) must lie beyond
 * the minimum effect in the op's direction ({@link effectHolds}); a NaN outcome never holds.
 * @throws {EntenteError} `invalid-argument` when `h` has both or neither of `value` and `versus`
 * @example hypothesisHolds({ ..., scenario: 'a', metric: 'harm.total', op: '>', versus: 'b' }, m)
 */
export function hypothesisHolds(
  h: HypothesisRule,
  metric: (scenarioId: string, name: string) => number,
): boolean {
  return effectHolds(h, hypothesisEffect(h, metric));
}
