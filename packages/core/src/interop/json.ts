/**
 * A case as canonical `entente/1` JSON (RFC 8259): keys in the order the schema declares them
 * (`format`, `id`, `title`, …, then per item `id` first), 2-space indent, a final newline. The
 * same case always gives the same bytes, whatever order its keys were built in, so exports diff
 * cleanly; `loadCase` reads the text back to an equal case.
 */

import { type ExportOptions, snapshot } from '../case/case-at.js';
import { type Case, CaseSchema } from '../case/schema.js';
import { EntenteError } from '../errors.js';

/**
 * Writes a case as canonical JSON that `loadCase` reads back to a deep-equal case. Key order
 * follows the zod schema (its parse output is built in declaration order); unknown keys kept by
 * scenarios follow the declared ones.
 * @throws {EntenteError} `invalid-case` when `c` does not match the schema (e.g. built by hand)
 * @throws {EntenteError} `invalid-argument` when `options.at` is not a partial date
 * @example exportJson(c).startsWith('{\n  "format": "entente/1"') // true
 */
export function exportJson(c: Case, options: ExportOptions = {}): string {
  const view = snapshot(c, options, 'exportJson');
  const parsed = CaseSchema.safeParse(view);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first
      ? `${first.path.map(String).join('.') || '(root)'}: ${first.message}`
      : 'invalid';
    throw new EntenteError(
      'invalid-case',
      `exportJson: the case does not match entente/1 (${parsed.error.issues.length} problem(s); first: ${where}); validate it with validateCaseData first`,
    );
  }
  return `${JSON.stringify(parsed.data, null, 2)}\n`;
}
