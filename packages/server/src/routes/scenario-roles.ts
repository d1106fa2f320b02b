/**
 * `POST /api/scenario-roles`: who plays which part in one scenario — the regime, the armed groups,
 * the states whose policies the scenario sets with each one's policy, the opposition and the
 * default policy — read by core's `scenarioRoles` without simulating. The workbench's policy
 * editor asks it for a case it lists or for text edited in the session, with the client's own
 * scenarios added as for `/api/simulate`. Request and response are the contract's zod schemas.
 */
import {
  type ScenarioRolesRequest,
  ScenarioRolesRequestSchema,
  type ScenarioRolesResponse,
  ScenarioRolesResponseSchema,
  scenarioRoles,
} from '@entente/core';
import type { FastifyInstance } from 'fastify';
import { caseWithScenarios } from '../case-with-scenarios.js';
import { errorResponses, request, response } from '../schemas.js';
import type { ServerContext } from '../server-context.js';

/** Registers `POST /api/scenario-roles`. */
export function scenarioRolesRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: ScenarioRolesRequest }>(
    '/api/scenario-roles',
    {
      schema: {
        body: request(ScenarioRolesRequestSchema),
        response: { 200: response(ScenarioRolesResponseSchema), ...errorResponses },
      },
    },
    async (request): Promise<ScenarioRolesResponse> => {
      const b = request.body;
      const resolved = ctx.source.resolve({ caseId: b.caseId, text: b.text });
      const c = caseWithScenarios(resolved.case, b.scenarios);
      const r = scenarioRoles(c, b.scenario);
      return {
        ...r,
        groups: [...r.groups],
        states: [...r.states],
        policies: { ...r.policies },
      };
    },
  );
}
