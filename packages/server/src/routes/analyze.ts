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
import { type CombineRule, type Layer, SIZE_RULES, type SizeRule } from '@entente/core';
import type { FastifyInstance } from 'fastify';
import { caseRefProperties, errorResponses, projectionProperties } from '../schemas.js';
import type { ServerContext } from '../server-context.js';

/** Body of `POST /api/analyze`. */
export interface AnalyzeBody {
  readonly caseId?: string;
  readonly text?: string;
  readonly at?: string;
  readonly layers?: Layer[];
  readonly combine?: CombineRule;
  readonly weighted?: boolean;
  readonly k?: number;
  readonly seed?: number;
  readonly defaultSize?: number;
  readonly sizes?: SizeRule;
  readonly draws?: number;
}

/** Most case draws one request may ask for (each draw re-runs every analysis). */
export const MAX_SERVER_DRAWS = 1000;

/** Registers the analysis route. */
export function analyzeRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: AnalyzeBody }>(
    '/api/analyze',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...caseRefProperties,
            ...projectionProperties,
            weighted: { type: 'boolean' },
            k: { type: 'integer', minimum: 1, maximum: 10 },
            seed: { type: 'integer', minimum: 0, maximum: 4294967295 },
            defaultSize: { type: 'number', exclusiveMinimum: 0 },
            sizes: { type: 'string', enum: [...SIZE_RULES] },
            draws: { type: 'integer', minimum: 1, maximum: MAX_SERVER_DRAWS },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['caseId', 'at', 'projection', 'balance', 'landscape', 'coalitions'],
            additionalProperties: true,
            properties: {
              caseId: { type: ['string', 'null'] },
              at: { type: ['string', 'null'] },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { caseId, text, ...options } = request.body;
      const resolved = ctx.source.resolve({ caseId, text });
      const body = await ctx.analyses.bundle(resolved, options);
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );
}
