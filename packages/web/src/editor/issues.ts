/**
 * Located validation issues in the editor: the document range an issue points at, and the
 * CLI's `line:column: code message` text.
 */
import type { Text } from '@codemirror/state';
import type { CaseIssue } from '../api/types.js';

/** The document range of a located issue (1-based line and column), clamped to the text. */
export function issueRange(doc: Text, issue: CaseIssue): { from: number; to: number } {
  if (!issue.line || issue.line < 1) return { from: 0, to: Math.min(doc.length, 1) };
  const line = doc.line(Math.min(issue.line, doc.lines));
  const from = Math.min(line.to, line.from + Math.max(0, (issue.column ?? 1) - 1));
  const to = from < line.to ? line.to : Math.min(doc.length, from + 1);
  return { from, to };
}

/** An issue as the CLI prints it: `line:column: code message`. */
export function formatIssue(i: CaseIssue): string {
  const where = i.line ? `${i.line}:${i.column ?? 1}` : '-';
  return `${where}: ${i.code} ${i.message}`;
}
