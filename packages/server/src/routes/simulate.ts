/**
 * `POST /api/simulate`: one run of the model (milliseconds), answered synchronously — the monthly
 * trajectories and the outcomes of one scenario under one seed, with parameters set by the
 * client within the model's ranges. `GET /api/cases/:id/scenarios`: the case's scenarios, each
 * compiled (its groups, states, regime and policies, or the reason it does not compile), the
 * model's parameters with their ranges, the policies and the hypotheses.
 */
import {
  type Case,
  type CompiledScenario,
  compileModel,
  isModelHypothesis,
  MODEL_PARAMETERS,
  modelSummary,
  outcomeNames,
  POLICIES,
  type ScenariosResponse,
  ScenariosResponseSchema,
  type SimulateRequest,
  SimulateRequestSchema,
  type SimulateResponse,
  SimulateResponseSchema,
  simulateScenario,
} from '@entente/core';
import type { FastifyInstance } from 'fastify';
import { ApiError, notFound } from '../api-error.js';
import { caseWithScenarios } from '../case-with-scenarios.js';
import { errorResponses, idParams, request, response } from '../schemas.js';
import type { ServerContext } from '../server-context.js';

function compiledScenarios(c: Case): CompiledScenario[] {
  return (c.scenarios ?? []).map((s) => {
    try {
      const m = compileModel(c, s.id);
      return {
        scenario: s.id,
        ...modelSummary(m),
        uncertain: m.uncertain.map((u) => ({ id: u.id, lo: u.lo, hi: u.hi })),
        outcomes: [...outcomeNames(m)],
      };
    } catch (error) {
      return { scenario: s.id, error: (error as Error).message };
    }
  });
}

/** Registers the simulation and scenario routes. */
export function simulateRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Params: { id: string } }>(
    '/api/cases/:id/scenarios',
    {
      schema: {
        params: idParams,
        response: { 200: response(ScenariosResponseSchema), ...errorResponses },
      },
    },
    async (req): Promise<ScenariosResponse> => {
      const entry = ctx.library.get(req.params.id);
      if (!entry) throw notFound(`case "${req.params.id}"`);
      const c = ctx.source.resolve({ caseId: entry.id }).case;
      return {
        scenarios: c.scenarios ?? [],
        parameters: MODEL_PARAMETERS.map((p) => ({ ...p, range: [p.range[0], p.range[1]] })),
        policies: [...POLICIES],
        compiled: compiledScenarios(c),
        hypotheses: (c.hypotheses ?? []).filter(isModelHypothesis),
      };
    },
  );

  app.post<{ Body: SimulateRequest }>(
    '/api/simulate',
    {
      schema: {
        body: request(SimulateRequestSchema),
        response: { 200: response(SimulateResponseSchema), ...errorResponses },
      },
    },
    async (req): Promise<SimulateResponse> => {
      const b = req.body;
      if (b.months !== undefined && b.months > ctx.options.maxMonths) {
        throw new ApiError(
          400,
          'resource-limit',
          `simulate: months must be ≤ ${ctx.options.maxMonths}`,
        );
      }
      const resolved = ctx.source.resolve({ caseId: b.caseId, text: b.text });
      const c = caseWithScenarios(resolved.case, b.scenarios);
      const result = simulateScenario(c, {
        scenario: b.scenario,
        seed: b.seed,
        months: b.months,
        parameters: b.parameters,
      });
      return { caseId: resolved.caseId, ...result };
    },
  );
}
