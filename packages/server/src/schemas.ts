/**
 * JSON schemas shared by the routes: the error body, a case issue, dates, layers, ids. Request
 * schemas are strict (`additionalProperties: false`); response schemas name the fields a client
 * relies on and let the analyses' larger objects through unchanged.
 */
import { COMBINE_RULES, LAYERS } from '@entente/core';

/** A case issue as the API returns it (same fields as the core's CaseIssue). */
export const issueSchema = {
  type: 'object',
  required: ['code', 'severity', 'message', 'path'],
  properties: {
    code: { type: 'string' },
    severity: { type: 'string', enum: ['error', 'warning'] },
    message: { type: 'string' },
    path: { type: 'array', items: { type: ['string', 'number'] } },
    line: { type: 'integer' },
    column: { type: 'integer' },
    suggestion: { type: 'string' },
  },
} as const;

/** The body of every error: `{ code, message, issues }`. */
export const errorSchema = {
  $id: 'ApiError',
  type: 'object',
  required: ['code', 'message', 'issues'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    issues: { type: 'array', items: issueSchema },
  },
} as const;

/** Error responses every route may give. */
export const errorResponses = {
  '4xx': { $ref: 'ApiError#' },
  '5xx': { $ref: 'ApiError#' },
} as const;

/** A case date: YYYY, YYYY-MM or YYYY-MM-DD (the core checks the calendar). */
export const dateSchema = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } as const;

/** A library case id as a request names it (any string: unknown ids are 404, never paths). */
export const caseIdSchema = { type: 'string', minLength: 1, maxLength: 200 } as const;

/** Route params `{ id }` naming a case. */
export const caseIdParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: caseIdSchema },
} as const;

/** The case of a request: `caseId` or `text` (exactly one, checked by the route). */
export const caseRefProperties = {
  caseId: caseIdSchema,
  text: { type: 'string' },
} as const;

/** Projection options of the analyses. */
export const projectionProperties = {
  at: dateSchema,
  layers: {
    type: 'array',
    items: { type: 'string', enum: [...LAYERS] },
    uniqueItems: true,
    maxItems: LAYERS.length,
  },
  combine: { type: 'string', enum: [...COMBINE_RULES] },
} as const;

/** A server-assigned job id. */
export const jobIdSchema = { type: 'string', minLength: 1, maxLength: 100 } as const;

/** An object whose fields pass through the response serializer unchanged. */
export const looseObject = { type: 'object', additionalProperties: true } as const;

/** A scenario defined by the client (the simulation validates its content). */
export const scenarioSchema = {
  type: 'object',
  required: ['id'],
  additionalProperties: true,
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$', maxLength: 200 },
    name: { type: 'string', maxLength: 1000 },
  },
} as const;
