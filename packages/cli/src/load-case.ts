/**
 * Reads a case file (or the built-in case) and loads it with the core, printing every issue as
 * `file:line:col: code message`. Shared by every command that takes a case.
 */
import { type Case, type CaseIssue, formatIssue, loadCase } from '@entente/core';
import { BUILTIN_CASE, type Io, readInput } from './io.js';

/** A case that failed to load: its issues were already printed. Exit code 1. */
export class CaseInvalid extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly CaseIssue[],
  ) {
    super(`${file}: invalid case`);
    this.name = 'CaseInvalid';
  }
}

/** Prints issues to stderr, one per line. */
export function printIssues(io: Io, file: string, issues: readonly CaseIssue[]): void {
  for (const issue of issues) io.stderr(`${formatIssue(issue, file)}\n`);
}

/**
 * Loads `path`, or the built-in case when it is undefined. Warnings are printed unless `quiet`;
 * errors are printed and thrown as {@link CaseInvalid}.
 */
export async function loadCaseFile(
  io: Io,
  path: string | undefined,
  options: { quiet?: boolean } = {},
): Promise<{ file: string; case: Case; issues: readonly CaseIssue[] }> {
  const { file, text } = await readInput(io, path ?? BUILTIN_CASE);
  const shown = path ?? 'cases/afghanistan-2023.yaml';
  const format = /\.json$/i.test(file) ? 'json' : /\.ya?ml$/i.test(file) ? 'yaml' : 'auto';
  const result = loadCase(text, { format });
  if (!result.ok) {
    printIssues(io, shown, result.issues);
    throw new CaseInvalid(shown, result.issues);
  }
  if (!options.quiet) printIssues(io, shown, result.issues);
  return { file: shown, case: result.case, issues: result.issues };
}
