/**
 * `POST /api/simulate`: one run of the model (milliseconds), answered synchronously — the monthly
 * trajectories and the outcomes of one scenario under one seed, with parameters set by the
 * client within the model's ranges. `GET /api/cases/:id/scenarios`: the case's scenarios, each
 * compiled (its groups, states, regime and policies, or the reason it does not compile), the
 * model's parameters with their ranges, the policies and the hypotheses.
 */
import {
  type Case,
  compileModel,
  MODEL_PARAMETERS,
  outcomeNames,
  POLICIES,
  parameterIndex,
  type Scenario,
  simulate,
  simulateOutcomes,
} from '@entente/core';
import type { FastifyInstance } from 'fastify';
import { ApiError, notFound } from '../api-error.js';
import { caseWithScenarios, MAX_CLIENT_SCENARIOS } from '../case-with-scenarios.js';
import {
  caseIdParams,
  caseRefProperties,
  errorResponses,
  looseObject,
  scenarioSchema,
} from '../schemas.js';
import type { ServerContext } from '../server-context.js';

/** Body of `POST /api/simulate`. */
export interface SimulateBody {
  readonly caseId?: string;
  readonly text?: string;
  readonly scenario: string;
  readonly seed?: number;
  readonly months?: number;
  readonly parameters?: Record<string, number>;
  readonly scenarios?: Scenario[];
}

/** Rows of a (months+1) × width row-major matrix, as arrays. */
function rows(values: Float64Array, width: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i + width <= values.length && width > 0; i += width) {
    out.push(Array.from(values.subarray(i, i + width)));
  }
  return out;
}

function compiledScenarios(c: Case) {
  return (c.scenarios ?? []).map((s) => {
    try {
      const m = compileModel(c, s.id);
      return {
        scenario: s.id,
        start: m.start,
        months: m.months,
        regime: m.regime,
        groups: m.groups,
        states: m.states,
        opposition: m.opposition,
        policies: Object.fromEntries(m.states.map((id, i) => [id, m.policies[i]])),
        uncertain: m.uncertain.map((u) => ({ id: u.id, lo: u.lo, hi: u.hi })),
        outcomes: outcomeNames(m),
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
        params: caseIdParams,
        response: {
          200: {
            type: 'object',
            required: ['scenarios', 'parameters', 'policies', 'compiled', 'hypotheses'],
            properties: {
              scenarios: { type: 'array', items: looseObject },
              parameters: { type: 'array', items: looseObject },
              policies: { type: 'array', items: { type: 'string' } },
              compiled: { type: 'array', items: looseObject },
              hypotheses: { type: 'array', items: looseObject },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const entry = ctx.library.get(request.params.id);
      if (!entry) throw notFound(`case "${request.params.id}"`);
      const c = ctx.source.resolve({ caseId: entry.id }).case;
      return {
        scenarios: c.scenarios ?? [],
        parameters: MODEL_PARAMETERS,
        policies: [...POLICIES],
        compiled: compiledScenarios(c),
        hypotheses: (c as { hypotheses?: unknown[] }).hypotheses ?? [],
      };
    },
  );

  app.post<{ Body: SimulateBody }>(
    '/api/simulate',
    {
      schema: {
        body: {
          type: 'object',
          required: ['scenario'],
          additionalProperties: false,
          properties: {
            ...caseRefProperties,
            scenario: { type: 'string', minLength: 1, maxLength: 200 },
            seed: { type: 'integer', minimum: 0, maximum: 4294967295 },
            months: { type: 'integer', minimum: 1 },
            parameters: {
              type: 'object',
              maxProperties: 200,
              additionalProperties: { type: 'number' },
            },
            scenarios: { type: 'array', items: scenarioSchema, maxItems: MAX_CLIENT_SCENARIOS },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['caseId', 'scenario', 'seed', 'model', 'trajectory', 'outcomes'],
            additionalProperties: true,
            properties: {
              caseId: { type: ['string', 'null'] },
              scenario: { type: 'string' },
              seed: { type: 'integer' },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const b = request.body;
      if (b.months !== undefined && b.months > ctx.options.maxMonths) {
        throw new ApiError(
          400,
          'invalid-argument',
          `simulate: months must be ≤ ${ctx.options.maxMonths}`,
        );
      }
      const resolved = ctx.source.resolve({ caseId: b.caseId, text: b.text });
      const c = caseWithScenarios(resolved.case, b.scenarios);
      const model = compileModel(c, b.scenario, b.months === undefined ? {} : { months: b.months });
      const params = Float64Array.from(model.base);
      for (const [id, value] of Object.entries(b.parameters ?? {})) {
        const i = parameterIndex(id);
        const [lo, hi] = MODEL_PARAMETERS[i].range;
        if (!(value >= lo && value <= hi)) {
          throw new ApiError(
            400,
            'invalid-argument',
            `simulate: parameter "${id}" = ${value} is outside its range [${lo}, ${hi}]`,
          );
        }
        params[i] = value;
      }
      const seed = b.seed ?? 1;
      const t = simulate(model, params, seed);
      const names = outcomeNames(model);
      const outcomes = simulateOutcomes(model, params, seed);
      return {
        caseId: resolved.caseId,
        scenario: b.scenario,
        seed,
        model: {
          start: model.start,
          months: model.months,
          regime: model.regime,
          groups: model.groups,
          states: model.states,
          opposition: model.opposition,
          policies: Object.fromEntries(model.states.map((id, i) => [id, model.policies[i]])),
        },
        parameters: MODEL_PARAMETERS.map((p, i) => ({ id: p.id, value: params[i] })),
        trajectory: {
          months: t.months,
          groups: t.groups,
          states: t.states,
          strength: rows(t.strength, t.groups.length),
          insecurity: rows(t.insecurity, t.states.length),
          engagement: rows(t.engagement, t.states.length),
          capacity: Array.from(t.capacity),
          effort: Array.from(t.effort),
          harm: Array.from(t.harm),
          opposition: Array.from(t.opposition),
          vacuum: Array.from(t.vacuum),
        },
        outcomes: Object.fromEntries(names.map((n, i) => [n, outcomes[i]])),
      };
    },
  );
}
