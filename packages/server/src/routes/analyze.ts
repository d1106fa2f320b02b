/**
 * `POST /api/analyze`: core's analyzeCase bundle (projection, balance, landscape, tipping,
 * coalitions, leverage — what the CLI's `analyze --json` prints) of a library case or a posted
 * text at one date, with `frustration` and `dependency` lifted to the top for the workbench.
 * Options are resolved by core's `resolveAnalysisOptions`, as the CLI's are: a case with fewer
 * than two sized actors gets `sizes: equal` (as an edge list without a node list does), so
 * imported graphs get a landscape too.
 * Results are cached, serialized, per case and options, and concurrent identical requests share
 * one computation (the server's analysis cache, which the background warm-up fills too).
 */
import { type AnalyzeRequest, AnalyzeRequestSchema, AnalyzeResponseSchema } from '@entente/core';
import type { FastifyInstance } from 'fastify';
import { errorResponses, request, response } from '../schemas.js';
import type { ServerContext } from '../server-context.js';

/** Registers the analysis route. */
export function analyzeRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: AnalyzeRequest }>(
    '/api/analyze',
    {
      schema: {
        body: request(AnalyzeRequestSchema),
        // The handler sends the cached bundle as a string, which Fastify passes through without
        // serializing: this schema documents the response; test/contract.test.ts validates it.
        response: { 200: response(AnalyzeResponseSchema), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { caseId, text, ...options } = req.body;
      const resolved = ctx.source.resolve({ caseId, text });
      const body = await ctx.analyses.bundle(resolved, options);
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );
}
