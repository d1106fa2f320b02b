/**
 * Pieces every message of the HTTP API shares: a case issue, the error body, ids, dates, and the
 * case reference of a request (`caseId` or `text`).
 */
import { z } from 'zod';
import type { CaseIssue } from '../case/issues.js';
import type { Agree, Assert } from './agree.js';

/** A located problem in a case, as core's `CaseIssue` (`file:line:col: code message` in the CLI). */
export const IssueSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  line: z.int().optional(),
  column: z.int().optional(),
  suggestion: z.string().optional(),
});

// CaseIssue's `code` is a union of literal codes; the contract carries it as a string.
type _Issue = Assert<
  Agree<z.infer<typeof IssueSchema>, Omit<CaseIssue, 'code'> & { code: string }>
>;

/** A case issue on the wire. */
export type Issue = z.infer<typeof IssueSchema>;

/** The body of every failed request: `{ code, message, issues }`. */
export const ApiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(IssueSchema),
});

/** The body of a failed request. */
export type ApiErrorBody = z.infer<typeof ApiErrorSchema>;

/** A case date as a request writes it: YYYY, YYYY-MM or YYYY-MM-DD (the core checks the calendar). */
export const DateSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

/** A library case id as a request names it (any string: unknown ids are 404, never paths). */
export const CaseIdSchema = z.string().min(1).max(200);

/** A server-assigned job id. */
export const JobIdSchema = z.string().min(1).max(100);

/** Route params `{ id }` naming a case or a job. */
export const IdParamsSchema = z.strictObject({ id: z.string().min(1).max(200) });

/** A 32-bit unsigned seed. */
export const SeedSchema = z.int().min(0).max(0xffffffff);

/** The case of a request: a library case by `caseId`, or case text (exactly one). */
export const CaseRefShape = {
  caseId: CaseIdSchema.optional(),
  text: z.string().optional(),
};

/** The case reference alone, as an object schema. */
export const CaseRefSchema = z.strictObject(CaseRefShape);
