/**
 * JSON Schemas (draft-07, what Fastify's Ajv and fast-json-stringify read) generated from the
 * contract's zod schemas, so that the server's route schemas are never a hand-written copy.
 * A request schema describes what a client may send (zod's input side); a response schema what
 * the server sends (the output side). Response objects are closed (`additionalProperties: false`):
 * the serializer writes exactly the fields the contract names, so the contract must be complete.
 */
import { z } from 'zod';

/** A JSON Schema as a plain object. */
export type JsonSchema = Record<string, unknown>;

function generate(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // Transforms (a bare year read as a date string) have no JSON Schema; they are left open.
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io,
    target: 'draft-7',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

/** The JSON Schema of a request body, params or query described by `schema`. */
export function requestJsonSchema(schema: z.ZodType): JsonSchema {
  return generate(schema, 'input');
}

/** The JSON Schema of a response described by `schema`. */
export function responseJsonSchema(schema: z.ZodType): JsonSchema {
  return generate(schema, 'output');
}
