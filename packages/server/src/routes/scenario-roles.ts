/**
 * `POST /api/scenario-roles`: who plays which part in one scenario — the regime, the armed groups,
 * the states whose policies the scenario sets with each one's policy, the opposition and the
 * default policy — read by core's `scenarioRoles` without simulating. The workbench's policy
 * editor asks it for a case it lists or for text edited in the session, with the client's own
 * scenarios added as for `/api/simulate`. Request and response are zod schemas (the contract's
 * shape), converted to the JSON schemas Fastify checks.
 */
import { POLICIES, scenarioRoles } from '@entente/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { caseWithScenarios, MAX_CLIENT_SCENARIOS } from '../case-with-scenarios.js';
import { errorResponses } from '../schemas.js';
import type { ServerContext } from '../server-context.js';

const scenarioId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/);

/** Body of `POST /api/scenario-roles`: a case (exactly one of `caseId`, `text`) and a scenario. */
export const ScenarioRolesRequestSchema = z.strictObject({
  caseId: z.string().min(1).max(200).optional(),
  text: z.string().optional(),
  scenario: scenarioId,
  /** Client-defined scenarios, replacing the case's of the same id (checked like `/api/simulate`'s). */
  scenarios: z
    .array(z.looseObject({ id: scenarioId, name: z.string().max(1000).optional() }))
    .max(MAX_CLIENT_SCENARIOS)
    .optional(),
});

/** A request of `POST /api/scenario-roles`. */
export type ScenarioRolesRequest = z.output<typeof ScenarioRolesRequestSchema>;

/** The answer of `POST /api/scenario-roles`: core's `ScenarioRoles`. */
export const ScenarioRolesResponseSchema = z.strictObject({
  scenario: z.string(),
  start: z.string(),
  months: z.int(),
  regime: z.string(),
  groups: z.array(z.string()),
  states: z.array(z.string()),
  opposition: z.string().nullable(),
  defaultPolicy: z.enum(POLICIES),
  policies: z.record(z.string(), z.enum(POLICIES)),
});

/** A response of `POST /api/scenario-roles`. */
export type ScenarioRolesResponse = z.output<typeof ScenarioRolesResponseSchema>;

/** A zod schema as the draft-07 JSON schema Fastify's Ajv checks (without `$schema`). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io });
  return rest;
}

/** Registers `POST /api/scenario-roles`. */
export function scenarioRolesRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: ScenarioRolesRequest }>(
    '/api/scenario-roles',
    {
      schema: {
        body: jsonSchema(ScenarioRolesRequestSchema, 'input'),
        response: { 200: jsonSchema(ScenarioRolesResponseSchema, 'output'), ...errorResponses },
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
