/**
 * Scenarios a client defines (the workbench's policy editor, a request body) added to a validated
 * case and checked exactly as `loadCase` checks a case file's own: the scenario schema, then the
 * cross-references (states, armed groups, parameter ids, values and ranges within the model's
 * plausible ranges) with the rest of the case. An out-of-range scenario is refused here, on entry,
 * rather than part-way through a run.
 */
import type { CaseIssue } from './issues.js';
import { type LoadCaseResult, validateCaseData } from './load.js';
import type { Case } from './schema.js';

const idOf = (s: unknown): unknown =>
  typeof s === 'object' && s !== null ? (s as { id?: unknown }).id : undefined;

/**
 * `c` with `scenarios` added (a client scenario replaces the case's scenario of the same id), or
 * every issue of the client scenarios, with paths `['scenarios', i, …]` counting in `scenarios`.
 * Issues elsewhere in the case are only reported when they are errors the new scenarios cause
 * (a warning the case already had is not repeated).
 * @example addClientScenarios(c, [{ id: 'x', uncertain: { card: [0, 5] } }]).ok // false
 */
export function addClientScenarios(c: Case, scenarios: readonly unknown[]): LoadCaseResult {
  if (scenarios.length === 0) return { ok: true, case: c, issues: [] };
  const replaced = new Set(scenarios.map(idOf));
  const kept = (c.scenarios ?? []).filter((s) => !replaced.has(s.id));
  const result = validateCaseData({ ...c, scenarios: [...kept, ...scenarios] });
  const issues: CaseIssue[] = [];
  for (const issue of result.issues) {
    const [head, index, ...rest] = issue.path;
    if (head === 'scenarios' && typeof index === 'number' && index >= kept.length) {
      const path = ['scenarios', index - kept.length, ...rest];
      // Messages start with their location (`scenarios[7].uncertain.card: …`): renumber it too.
      const before = `scenarios[${index}]`;
      const message = issue.message.startsWith(before)
        ? `scenarios[${index - kept.length}]${issue.message.slice(before.length)}`
        : issue.message;
      issues.push({ ...issue, path, message });
    } else if (issue.severity === 'error') {
      issues.push(issue);
    }
  }
  return result.ok ? { ok: true, case: result.case, issues } : { ok: false, issues };
}
