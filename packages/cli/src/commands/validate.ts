/** `entente validate <case>`: check a case file and report every issue at once. */
import { formatIssue, loadCase } from '@entente/core';
import type { Io } from '../io.js';
import { readInput } from '../io.js';
import { printIssues } from '../load-case.js';

/** Options of the validate command. */
export interface ValidateOptions {
  readonly json?: boolean;
}

/** Validates one case file; returns the exit code (0 valid, 1 invalid). */
export async function validateCommand(
  io: Io,
  path: string,
  options: ValidateOptions,
): Promise<number> {
  const { file, text } = await readInput(io, path);
  const format = /\.json$/i.test(file) ? 'json' : /\.ya?ml$/i.test(file) ? 'yaml' : 'auto';
  const result = loadCase(text, { format });
  const errors = result.issues.filter((i) => i.severity === 'error');
  const warnings = result.issues.filter((i) => i.severity === 'warning');
  if (options.json) {
    io.stdout(
      `${JSON.stringify(
        {
          ok: result.ok,
          file,
          errors: errors.length,
          warnings: warnings.length,
          issues: result.issues.map((i) => ({ ...i, file, text: formatIssue(i, file) })),
          ...(result.ok
            ? { actors: result.case.actors.length, relations: result.case.relations.length }
            : {}),
        },
        null,
        2,
      )}\n`,
    );
    return result.ok ? 0 : 1;
  }
  printIssues(io, file, result.issues);
  if (!result.ok) {
    io.stderr(`${file}: invalid: ${errors.length} error(s), ${warnings.length} warning(s)\n`);
    return 1;
  }
  io.stdout(
    `${file}: valid (${result.case.actors.length} actors, ${result.case.relations.length} relations, ${warnings.length} warning(s))\n`,
  );
  return 0;
}
