/**
 * entente's one error type. Every failure the core reports carries a `code` from
 * {@link EntenteErrorCode} and a message that starts with the operation that failed.
 */
import type { CaseIssue } from './case/issues.js';

/**
 * Codes of errors the core throws (issues inside a case have their own codes, see CaseIssueCode).
 * Each names what happened, so adapters can map it without reading the message:
 * - `invalid-case`: a case file or case data fails validation (`issues` holds every problem);
 * - `invalid-csv`: an edge or node list cannot be read;
 * - `invalid-argument`: an option, flag or request field is malformed or inconsistent;
 * - `out-of-range`: a well-formed number lies outside its documented range (a model parameter, a
 *   probability, a count);
 * - `resource-limit`: the input asks for more than a stated bound (actors for an exhaustive scan,
 *   worlds, bytes, queue length);
 * - `unsupported-format`: a file format or version entente does not read;
 * - `not-found`: a named thing (case, scenario, actor, job, parameter) does not exist;
 * - `cancelled`: the caller cancelled the operation;
 * - `internal`: a bug in entente — never the user's input. Adapters report it as such (CLI exit
 *   70, HTTP 500).
 */
export const ENTENTE_ERROR_CODES = Object.freeze([
  'invalid-case',
  'invalid-csv',
  'invalid-argument',
  'out-of-range',
  'resource-limit',
  'unsupported-format',
  'not-found',
  'cancelled',
  'internal',
] as const);

/** A code of {@link EntenteError}. */
export type EntenteErrorCode = (typeof ENTENTE_ERROR_CODES)[number];

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
