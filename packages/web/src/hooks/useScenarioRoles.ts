/**
 * The roles of the scenario being edited — its states, each with the policy the scenario gives it,
 * and its default policy — from `POST /api/scenario-roles` (core's `scenarioRoles`: read from the
 * compiled model, without simulating). Answers are kept per case source and scenario.
 */

import { useEffect, useState } from 'react';
import { type CaseSource, getScenarioRoles } from '../api/client.js';
import type { ScenarioRoles } from '../api/types.js';
import { errorText } from '../errors.js';

/** What {@link useScenarioRoles} returns. */
export interface ScenarioRolesState {
  /** The scenario's roles, or null while they load or after an error. */
  roles: ScenarioRoles | null;
  /** Why the scenario does not compile, or null. */
  error: string | null;
}

type Answer = { roles: ScenarioRoles; error: null } | { roles: null; error: string };

/** The roles of `scenario` (none when empty) in the case from `source` (keyed by `sourceKey`). */
export function useScenarioRoles(
  source: CaseSource,
  sourceKey: string,
  scenario: string,
): ScenarioRolesState {
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const key = `${sourceKey}\u0000${scenario}`;
  const known = answers[key];
  useEffect(() => {
    if (!scenario || known) return;
    const controller = new AbortController();
    getScenarioRoles(source, scenario, controller.signal)
      .then((roles) => setAnswers((prev) => ({ ...prev, [key]: { roles, error: null } })))
      .catch((e) => {
        if (controller.signal.aborted) return;
        setAnswers((prev) => ({
          ...prev,
          [key]: { roles: null, error: `${scenario}: ${errorText(e)}` },
        }));
      });
    return () => controller.abort();
  }, [source, scenario, key, known]);
  return known ?? { roles: null, error: null };
}
