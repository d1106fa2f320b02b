/**
 * `POST /api/validate { text }`: the case's issues, located by line and column as the CLI does,
 * and the validated case when it has no errors.
 */
import { loadCase } from '@entente/core';
import type { FastifyInstance } from 'fastify';
import { errorResponses, issueSchema, looseObject } from '../schemas.js';

/** Registers the validation route. */
export function validateRoutes(app: FastifyInstance): void {
  app.post<{ Body: { text: string; format?: 'auto' | 'yaml' | 'json' } }>(
    '/api/validate',
    {
      schema: {
        body: {
          type: 'object',
          required: ['text'],
          additionalProperties: false,
          properties: {
            text: { type: 'string' },
            format: { type: 'string', enum: ['auto', 'yaml', 'json'] },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['ok', 'issues'],
            properties: {
              ok: { type: 'boolean' },
              issues: { type: 'array', items: issueSchema },
              case: { anyOf: [looseObject, { type: 'null' }] },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const result = loadCase(request.body.text, { format: request.body.format ?? 'auto' });
      return { ok: result.ok, issues: result.issues, case: result.ok ? result.case : null };
    },
  );
}
