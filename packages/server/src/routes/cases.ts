/** `GET /api/cases` and `GET /api/cases/:id`: the offered cases, by id only. */
import {
  type CaseDocument,
  CaseDocumentSchema,
  type CaseListResponse,
  CaseListResponseSchema,
} from '@entente/core';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../api-error.js';
import { errorResponses, idParams, response } from '../schemas.js';
import type { ServerContext } from '../server-context.js';

/** Registers the case listing routes. */
export function casesRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    '/api/cases',
    { schema: { response: { 200: response(CaseListResponseSchema), ...errorResponses } } },
    async (): Promise<CaseListResponse> => ({
      cases: ctx.library.list().map((e) => ({
        id: e.id,
        title: e.title,
        origin: e.origin,
        actors: e.result.ok ? e.result.case.actors.length : 0,
        relations: e.result.ok ? e.result.case.relations.length : 0,
        valid: e.result.ok,
        scenarios: e.result.ok ? (e.result.case.scenarios?.length ?? 0) : 0,
      })),
    }),
  );

  app.get<{ Params: { id: string } }>(
    '/api/cases/:id',
    {
      schema: {
        params: idParams,
        response: { 200: response(CaseDocumentSchema), ...errorResponses },
      },
    },
    async (request): Promise<CaseDocument> => {
      const entry = ctx.library.get(request.params.id);
      if (!entry) throw notFound(`case "${request.params.id}"`);
      return {
        id: entry.id,
        title: entry.title,
        origin: entry.origin,
        text: entry.text,
        case: entry.result.ok ? entry.result.case : null,
        issues: entry.result.issues.map((i) => ({ ...i, path: [...i.path] })),
      };
    },
  );
}
