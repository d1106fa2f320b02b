/**
 * entente's one error type. Every failure the core reports carries a `code` from
 * {@link EntenteErrorCode} and a message that starts with the operation that failed.
 */
import type { CaseIssue } from './case/issues.js';

/** Codes of errors the core throws (issues inside a case have their own codes, see CaseIssueCode). */
export type EntenteErrorCode =
  | 'invalid-case'
  | 'invalid-csv'
  | 'invalid-argument'
  | 'unsupported-format';

/** The base error of entente. `issues` holds every located problem when the input was a case. */
export class EntenteError extends Error {
  readonly code: EntenteErrorCode;
  readonly issues: readonly CaseIssue[];

  constructor(code: EntenteErrorCode, message: string, issues: readonly CaseIssue[] = []) {
    super(message);
    this.name = 'EntenteError';
    this.code = code;
    this.issues = issues;
  }
}
