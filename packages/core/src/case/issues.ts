/**
 * Validation issues as plain data (after zod's design): a code, a path into the case, a
 * message, and where known the file position. Formatting for people lives in `formatIssue`.
 */

/** Every code a case issue can carry. Documented in docs/case-format.md. */
export type CaseIssueCode =
  | 'yaml-syntax'
  | 'json-syntax'
  | 'too-large'
  | 'too-deep'
  | 'not-an-object'
  | 'unsupported-format'
  | 'missing-field'
  | 'wrong-type'
  | 'unknown-key'
  | 'invalid-value'
  | 'invalid-format'
  | 'out-of-range'
  | 'invalid-date'
  | 'duplicate-id'
  | 'unknown-actor'
  | 'unknown-source'
  | 'unknown-relation-type'
  | 'unknown-relation'
  | 'until-before-since'
  | 'self-relation'
  | 'missing-rationale'
  | 'missing-locator'
  | 'size-outside-range'
  | 'invalid-range'
  | 'vocabulary-override'
  | 'unsupported-relation'
  | 'unknown-parameter'
  | 'parameter-out-of-range'
  | 'policy-not-state'
  | 'unknown-scenario'
  | 'unknown-claim'
  | 'unknown-metric'
  | 'value-or-versus'
  | 'invalid';

/** `error` makes a case invalid; `warning` is reported but the case still loads. */
export type Severity = 'error' | 'warning';

/** One problem found in a case, located by path and, when the text is known, by line and column. */
export interface CaseIssue {
  readonly code: CaseIssueCode;
  readonly severity: Severity;
  readonly message: string;
  /** Path from the case root, e.g. `['relations', 3, 'to']`. */
  readonly path: readonly (string | number)[];
  /** 1-based line, when the issue was located in source text. */
  readonly line?: number;
  /** 1-based column, when the issue was located in source text. */
  readonly column?: number;
  /** A "did you mean" suggestion, when one is close enough. */
  readonly suggestion?: string;
}

/** Renders a path as `relations[3].to`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * Formats an issue for a terminal as `file:line:col: CODE message`; without a position it prints
 * `file: CODE message` (messages of issues below the root start with their path).
 * @example formatIssue(issue, 'case.yaml') // "case.yaml:12:9: unknown-actor relations[3].to: ..."
 */
export function formatIssue(issue: CaseIssue, file = '<input>'): string {
  const where = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column ?? 1}`;
  const warn = issue.severity === 'warning' ? 'warning ' : '';
  return `${where}: ${warn}${issue.code} ${issue.message}`;
}

/** True when any issue is an error (not a warning). */
export function hasErrors(issues: readonly CaseIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
