/**
 * Who plays which part in a scenario of a case, without running it: the regime, the armed groups,
 * the states whose policies the scenario sets (each with its policy), the opposition, and the
 * scenario's default policy (docs/model.md, "Inputs from the case" and "Policies"). The roles are
 * read by `compileModel`, so a client (the workbench's policy editor) sees exactly the states the
 * engine would simulate, and learns them without simulating a month.
 */
import type { Case } from '../case/schema.js';
import { compileModel } from './compile.js';
import type { Policy, ScenarioSpec } from './scenario.js';

/**
 * Policy of every state a scenario does not name, when the scenario gives no `defaultPolicy`
 * (the scenario format's documented default; `compileModel` applies the same).
 */
export const DEFAULT_POLICY: Policy = 'engage';

/** The roles of one scenario of a case. */
export interface ScenarioRoles {
  /** The scenario's id. */
  readonly scenario: string;
  /** Date the case is read at ('' when the case has no dates at all). */
  readonly start: string;
  /** Months the scenario runs. */
  readonly months: number;
  /** Id of the one regime in force at `start`. */
  readonly regime: string;
  /** Ids of the armed groups of the model. */
  readonly groups: readonly string[];
  /** Ids of the states of the model, in the engine's order. */
  readonly states: readonly string[];
  /** Id of the opposition the model uses, or null. */
  readonly opposition: string | null;
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
  const policies: Record<string, Policy> = {};
  model.states.forEach((id, i) => {
    policies[id] = model.policies[i] as Policy;
  });
  return {
    scenario: scenarioId,
    start: model.start,
    months: model.months,
    regime: model.regime,
    groups: [...model.groups],
    states: [...model.states],
    opposition: model.opposition,
    defaultPolicy: spec?.defaultPolicy ?? DEFAULT_POLICY,
    policies,
  };
}
