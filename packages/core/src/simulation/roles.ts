/**
 * Who plays which part in a scenario of a case, without running it: the regime, the armed groups,
 * the states whose policies the scenario sets (each with its policy), the opposition, and the
 * scenario's default policy (docs/model.md, "Inputs from the case" and "Policies"). The roles are
 * read by `compileModel`, so a client (the workbench's policy editor) sees exactly the states the
 * engine would simulate, and learns them without simulating a month.
 */

import type { Policy, ScenarioSpec } from '../case/scenario.js';
import type { Case } from '../case/schema.js';
import { type CompiledModel, compileModel } from './compile.js';
import { modelSummary } from './simulate-scenario.js';

/**
 * Policy of every state a scenario does not name, when the scenario gives no `defaultPolicy`
 * (the scenario format's documented default; `compileModel` applies the same).
 */
export const DEFAULT_POLICY: Policy = 'engage';

/**
 * The roles of one scenario of a case: the compiled model's date, length and actors (see
 * {@link CompiledModel}) with each state's policy by id.
 */
export interface ScenarioRoles
  extends Pick<CompiledModel, 'start' | 'months' | 'regime' | 'groups' | 'states' | 'opposition'> {
  /** The scenario's id. */
  readonly scenario: string;
  /** Policy of every state the scenario does not name. */
  readonly defaultPolicy: Policy;
  /** Policy of each state of the model (the scenario's, else the default). */
  readonly policies: Readonly<Record<string, Policy>>;
}

/**
 * The roles of scenario `scenarioId` of the validated case `c`, as the engine would compile them.
 * @throws {EntenteError} `invalid-argument` when the scenario does not compile (unknown scenario,
 *   no or several regimes, a policy for an actor that is not a state of the model …; the message
 *   is `compileModel`'s)
 * @example scenarioRoles(builtin, 'everyone-severs').defaultPolicy // 'sever'
 */
export function scenarioRoles(c: Case, scenarioId: string): ScenarioRoles {
  const model = compileModel(c, scenarioId);
  const spec = ((c.scenarios ?? []) as readonly ScenarioSpec[]).find((s) => s.id === scenarioId);
  const { notes: _, ...summary } = modelSummary(model);
  return {
    scenario: scenarioId,
    ...summary,
    defaultPolicy: spec?.defaultPolicy ?? DEFAULT_POLICY,
  };
}
