/**
 * A case with scenarios a client defined (policies per state, fixed and uncertain parameters)
 * added to its own, checked by core's `addClientScenarios` exactly as `loadCase` checks a case
 * file: a scenario that fails (an unknown state, a parameter range outside the model's) is a 400
 * naming it, before anything runs.
 */
import { addClientScenarios, type Case } from '@entente/core';
import { ApiError } from './api-error.js';

/**
 * `c` with `scenarios` added (replacing those of the same id); `c` itself when there are none.
 * @throws {ApiError} 400 `invalid-case` with the scenarios' issues, the first one in the message
 */
export function caseWithScenarios(c: Case, scenarios: readonly unknown[] | undefined): Case {
  if (!scenarios || scenarios.length === 0) return c;
  const result = addClientScenarios(c, scenarios);
  if (result.ok) return result.case;
  const issues = result.issues.map((i) => ({ ...i, path: [...i.path] }));
  const first = issues.find((i) => i.severity === 'error');
  throw new ApiError(
    400,
    'invalid-case',
    `invalid scenarios: ${first ? `${first.code} ${first.message}` : 'see issues'}`,
    issues,
  );
}
