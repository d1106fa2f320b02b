/** `GET /api/cases`, `GET /api/cases/:id`, `POST /api/validate` and `POST /api/import`. */
import { z } from 'zod';
import { CaseSchema } from '../case/schema.js';
import { CaseIdSchema, IssueSchema } from './common.js';

/** One case the server offers, by id. */
export const CaseListEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  origin: z.enum(['builtin', 'folder']),
  actors: z.int(),
  relations: z.int(),
  valid: z.boolean(),
  scenarios: z.int(),
});

/** `GET /api/cases` → the offered cases. */
export const CaseListResponseSchema = z.object({ cases: z.array(CaseListEntrySchema) });

/** `GET /api/cases/:id` → its text, the validated case (null when invalid) and the issues. */
export const CaseDocumentSchema = z.object({
  id: z.string(),
  title: z.string(),
  origin: z.enum(['builtin', 'folder']),
  text: z.string(),
  case: CaseSchema.nullable(),
  issues: z.array(IssueSchema),
});

/** `POST /api/validate` body: case text and how to read it. */
export const ValidateRequestSchema = z.strictObject({
  text: z.string(),
  format: z.enum(['auto', 'yaml', 'json']).optional(),
});

/** `POST /api/validate` → the issues (located as the CLI does) and the case when it is valid. */
export const ValidateResponseSchema = z.object({
  ok: z.boolean(),
  issues: z.array(IssueSchema),
  case: CaseSchema.nullable(),
});

/** `POST /api/import` body: a CSV edge list (and node list) or a GEXF graph. */
export const ImportRequestSchema = z.strictObject({
  format: z.enum(['csv', 'gexf']),
  edges: z.string().optional(),
  nodes: z.string().optional(),
  text: z.string().optional(),
  id: CaseIdSchema.optional(),
  title: z.string().min(1).max(1000).optional(),
});

/** `POST /api/import` → the case as YAML text and the import's issues. */
export const ImportResponseSchema = z.object({ text: z.string(), issues: z.array(IssueSchema) });

/** An entry of `GET /api/cases`. */
export type CaseListEntry = z.infer<typeof CaseListEntrySchema>;
/** `GET /api/cases`. */
export type CaseListResponse = z.infer<typeof CaseListResponseSchema>;
/** `GET /api/cases/:id`. */
export type CaseDocument = z.infer<typeof CaseDocumentSchema>;
/** `POST /api/validate` body. */
export type ValidateRequest = z.input<typeof ValidateRequestSchema>;
/** `POST /api/validate` response. */
export type ValidateResponse = z.infer<typeof ValidateResponseSchema>;
/** `POST /api/import` body. */
export type ImportRequest = z.input<typeof ImportRequestSchema>;
/** `POST /api/import` response. */
export type ImportResponse = z.infer<typeof ImportResponseSchema>;

/** `GET /api/health` → the server is up, and its version. */
export const HealthSchema = z.object({ ok: z.boolean(), version: z.string() });

/** `GET /api/health`. */
export type Health = z.infer<typeof HealthSchema>;
