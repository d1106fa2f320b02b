/**
 * What the analyst changed in the case's scenarios: policies per state and parameters fixed by a
 * slider. Edits travel as client-defined scenarios (the request's `scenarios`), which replace the
 * case's scenario of the same id — so the case's hypotheses keep referring to it. Pure functions,
 * unit-tested in test/logic.test.ts.
 */
import type { ScenarioEntry } from './api/types.js';

/** What the analyst changed in one scenario. */
export interface ScenarioEdit {
  readonly policies: Readonly<Record<string, string>>;
  readonly fixed: Readonly<Record<string, number>>;
}

/** No change. */
export const EMPTY_EDIT: ScenarioEdit = { policies: {}, fixed: {} };

/** Whether an edit changes anything. */
export function isEdited(e: ScenarioEdit | undefined): boolean {
  return !!e && (Object.keys(e.policies).length > 0 || Object.keys(e.fixed).length > 0);
}

/** The scenario with the analyst's edits applied (policies merged, edited parameters fixed). */
export function applyEdit(s: ScenarioEntry, e: ScenarioEdit): ScenarioEntry {
  const out: ScenarioEntry = { ...s };
  // Policies come from the API's list (a <select>); the server checks them again on every request.
  if (Object.keys(e.policies).length > 0)
    out.policies = { ...(s.policies ?? {}), ...(e.policies as ScenarioEntry['policies']) };
  if (Object.keys(e.fixed).length > 0) {
    out.parameters = { ...(s.parameters ?? {}), ...e.fixed };
    if (s.uncertain) {
      const uncertain = { ...s.uncertain };
      for (const id of Object.keys(e.fixed)) delete uncertain[id];
      out.uncertain = uncertain;
    }
  }
  return out;
}

/** The edited scenarios, in the case's order, with their edits applied. */
export function editedScenarios(
  scenarios: readonly ScenarioEntry[],
  edits: Readonly<Record<string, ScenarioEdit>>,
): ScenarioEntry[] {
  return scenarios
    .filter((s) => isEdited(edits[s.id]))
    .map((s) => applyEdit(s, edits[s.id] ?? EMPTY_EDIT));
}

/**
 * `e` with state `state`'s policy set to `policy`; choosing the scenario's own policy for the state
 * (`base`) removes the edit rather than recording it.
 */
export function withPolicy(
  e: ScenarioEdit,
  state: string,
  policy: string,
  base: string,
): ScenarioEdit {
  const policies = { ...e.policies };
  if (policy === base) delete policies[state];
  else policies[state] = policy;
  return { ...e, policies };
}

/** `e` with parameter `id` fixed at `value`, or released (null). */
export function withFixed(e: ScenarioEdit, id: string, value: number | null): ScenarioEdit {
  const fixed = { ...e.fixed };
  if (value === null) delete fixed[id];
  else fixed[id] = value;
  return { ...e, fixed };
}
