/**
 * `POST /api/validate { text }`: the case's issues, located by line and column as the CLI does,
 * and the validated case when it has no errors.
 */
import {
  loadCase,
  type ValidateRequest,
  ValidateRequestSchema,
  type ValidateResponse,
  ValidateResponseSchema,
} from '@entente/core';
import type { FastifyInstance } from 'fastify';
import { errorResponses, request, response } from '../schemas.js';

/** Registers the validation route. */
export function validateRoutes(app: FastifyInstance): void {
  app.post<{ Body: ValidateRequest }>(
    '/api/validate',
    {
      schema: {
        body: request(ValidateRequestSchema),
        response: { 200: response(ValidateResponseSchema), ...errorResponses },
      },
    },
    async (req): Promise<ValidateResponse> => {
      const result = loadCase(req.body.text, { format: req.body.format ?? 'auto' });
      return {
        ok: result.ok,
        issues: result.issues.map((i) => ({ ...i, path: [...i.path] })),
        case: result.ok ? result.case : null,
      };
    },
  );
}
