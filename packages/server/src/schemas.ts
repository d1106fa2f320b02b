/**
 * The routes' JSON Schemas, generated from the contract's zod schemas (`@entente/core`,
 * `contract/`): Ajv validates requests against them and fast-json-stringify writes responses
 * from them, so a route can neither accept nor send anything the contract does not name.
 */
import {
  ApiErrorSchema,
  CaseIdSchema,
  IdParamsSchema,
  type JsonSchema,
  requestJsonSchema,
  responseJsonSchema,
} from '@entente/core';

/** The body of every error, `{ code, message, issues }`, registered once as `ApiError`. */
export const errorSchema = { $id: 'ApiError', ...responseJsonSchema(ApiErrorSchema) };

/** Error responses every route may give. */
export const errorResponses = {
  '4xx': { $ref: 'ApiError#' },
  '5xx': { $ref: 'ApiError#' },
} as const;

/** A contract schema (zod). */
type ContractSchema = Parameters<typeof requestJsonSchema>[0];

/** The JSON Schema of a request part (body, params) from its contract schema. */
export const request = (schema: ContractSchema): JsonSchema => requestJsonSchema(schema);

/** The JSON Schema of a response from its contract schema. */
export const response = (schema: ContractSchema): JsonSchema => responseJsonSchema(schema);

/** Route params `{ id }` naming a case or a job. */
export const idParams = request(IdParamsSchema);

/** A library case id as a request names it. */
export const caseIdSchema = request(CaseIdSchema);
