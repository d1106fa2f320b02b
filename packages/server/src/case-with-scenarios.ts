/**
 * A case with scenarios a client defined (policies per state, fixed parameters) added to its own:
 * a client scenario replaces the case's scenario of the same id. Each is checked against the
 * case format's scenario schema first; the simulation checks what they refer to.
 */
import { type Case, type CaseIssue, type Scenario, ScenarioSchema } from '@entente/core';
import { ApiError } from './api-error.js';

/** Client-defined scenarios per request, at most. */
export const MAX_CLIENT_SCENARIOS = 16;

/**
 * `c` with `scenarios` added (replacing those of the same id); `c` itself when there are none.
 * @throws {ApiError} 400 `invalid-case` with the issues of invalid scenarios
 */
export function caseWithScenarios(c: Case, scenarios: readonly unknown[] | undefined): Case {
  if (!scenarios || scenarios.length === 0) return c;
  const issues: CaseIssue[] = [];
  const valid: Scenario[] = [];
  scenarios.forEach((s, i) => {
    const parsed = ScenarioSchema.safeParse(s);
    if (parsed.success) valid.push(parsed.data as Scenario);
    for (const issue of parsed.error?.issues ?? []) {
      const path = [
        'scenarios',
        i,
        ...issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
      ];
      issues.push({
        code: 'invalid-value',
        severity: 'error',
        message: `${path.join('.')}: ${issue.message}`,
        path,
      });
    }
  });
  if (issues.length > 0) throw new ApiError(400, 'invalid-case', 'invalid scenarios', issues);
  const ids = new Set(valid.map((s) => s.id));
  return {
    ...c,
    scenarios: [...(c.scenarios ?? []).filter((s) => !ids.has(s.id)), ...valid],
  };
}
