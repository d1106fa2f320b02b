/**
 * Named hypotheses: a case's claims as testable rules on the model's outcomes (docs/model.md,
 * "Hypotheses"). A hypothesis holds in a world when `metric(scenario) op value`, or
 * `metric(scenario) op metric(versus)` with both scenarios run in the same world and stream.
 */
import { z } from 'zod';
import { EntenteError } from '../errors.js';
import { IdSchema } from '../ids.js';

/** Comparison operators of a hypothesis. */
export const HYPOTHESIS_OPS = ['>', '>=', '<', '<='] as const;

/** A comparison operator. */
export type HypothesisOp = (typeof HYPOTHESIS_OPS)[number];

const id = IdSchema;

/** One hypothesis of a case (the new top-level key `hypotheses`). */
export const HypothesisSchema = z
  .strictObject({
    id,
    claim: id.optional().describe('Id of the claim (in `claims`) this hypothesis tests.'),
    statement: z.string().min(1).max(100_000).describe('The hypothesis in words.'),
    description: z
      .string()
      .max(100_000)
      .optional()
      .describe('Why this rule expresses the claim, and which source paragraph motivates it.'),
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
  })
  .describe('A claim as a rule on simulated outcomes.');

/** A validated hypothesis. */
export type Hypothesis = z.output<typeof HypothesisSchema>;

/**
 * Whether hypothesis `h` holds in one world, given that world's outcomes: `metric(id, name)`
 * returns outcome `name` of scenario `id`. A NaN outcome never satisfies a comparison.
 * @throws {EntenteError} `invalid-argument` when `h` has both or neither of `value` and `versus`
 * @example hypothesisHolds({ ..., scenario: 'a', metric: 'harm.total', op: '>', versus: 'b' }, m)
 */
export function hypothesisHolds(
  h: Pick<Hypothesis, 'id' | 'scenario' | 'metric' | 'op' | 'value' | 'versus'>,
  metric: (scenarioId: string, name: string) => number,
): boolean {
  const hasValue = h.value !== undefined;
  const hasVersus = h.versus !== undefined;
  if (hasValue === hasVersus) {
    throw new EntenteError(
      'invalid-argument',
      `hypothesisHolds: hypothesis "${h.id}" needs exactly one of value and versus`,
    );
  }
  const left = metric(h.scenario, h.metric);
  const right = hasValue ? (h.value as number) : metric(h.versus as string, h.metric);
  switch (h.op) {
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    default:
      throw new EntenteError(
        'invalid-argument',
        `hypothesisHolds: hypothesis "${h.id}" has unknown op ${JSON.stringify(h.op)}`,
      );
  }
}
