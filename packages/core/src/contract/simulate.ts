/**
 * One run of the model (`entente simulate --json`, `POST /api/simulate`) and the scenarios of a
 * case as the workbench lists them (`GET /api/cases/:id/scenarios`).
 */
import { z } from 'zod';
import { HypothesisSchema } from '../case/hypotheses.js';
import { POLICIES, ScenarioSchema } from '../case/scenario.js';
import type { ModelParameter } from '../model/parameters.js';
import type { Agree, Assert } from './agree.js';
import { CaseRefShape, SeedSchema } from './common.js';

/** Most client-defined scenarios one request may add to its case. */
export const MAX_CLIENT_SCENARIOS = 16;

/** Scenarios a client adds to its case (checked again with the case, as `loadCase` would). */
export const ClientScenariosSchema = z.array(ScenarioSchema).max(MAX_CLIENT_SCENARIOS);

/** A compiled scenario: the actors the model reads and each state's policy. */
export const ModelSummarySchema = z.object({
  /** Date the case is read at ('' when the case has no dates). */
  start: z.string(),
  months: z.int(),
  regime: z.string(),
  groups: z.array(z.string()),
  states: z.array(z.string()),
  opposition: z.string().nullable(),
  /** Policy per state id. */
  policies: z.record(z.string(), z.enum(POLICIES)),
  /** Non-fatal notes of the compilation (sizes assumed, actors left out). */
  notes: z.array(z.string()),
});

/** Monthly trajectories: matrices are (months+1) rows × groups or states. */
export const TrajectorySchema = z.object({
  months: z.int(),
  groups: z.array(z.string()),
  states: z.array(z.string()),
  strength: z.array(z.array(z.number())),
  insecurity: z.array(z.array(z.number())),
  engagement: z.array(z.array(z.number())),
  capacity: z.array(z.number()),
  effort: z.array(z.number()),
  harm: z.array(z.number()),
  opposition: z.array(z.number()),
  vacuum: z.array(z.number()),
});

/**
 * One run of one scenario under one seed — what `simulateScenario` returns, what
 * `entente simulate --json` prints and what `POST /api/simulate` answers (with `caseId`).
 */
export const SimulationResultSchema = z.object({
  /** The case's own id. */
  case: z.string(),
  scenario: z.string(),
  seed: SeedSchema,
  model: ModelSummarySchema,
  /** The parameter vector of the run (id → value): defaults, the scenario's, then the overrides. */
  parameters: z.record(z.string(), z.number()),
  trajectory: TrajectorySchema,
  /** Outcome name → value (docs/model.md, "Outcomes"). */
  outcomes: z.record(z.string(), z.number()),
});

/** `POST /api/simulate` body. */
export const SimulateRequestSchema = z.strictObject({
  ...CaseRefShape,
  scenario: z.string().min(1).max(200),
  seed: SeedSchema.optional(),
  months: z.int().min(1).optional(),
  parameters: z.record(z.string().max(200), z.number()).optional(),
  scenarios: ClientScenariosSchema.optional(),
});

/** `POST /api/simulate` → the run, with the library case id (null for posted text). */
export const SimulateResponseSchema = SimulationResultSchema.extend({
  caseId: z.string().nullable(),
});

/** A model parameter with its default, plausible range and source (core's MODEL_PARAMETERS). */
export const ModelParameterSchema = z.object({
  id: z.string(),
  symbol: z.string(),
  name: z.string(),
  meaning: z.string(),
  default: z.number(),
  range: z.tuple([z.number(), z.number()]),
  unit: z.string(),
  source: z.string(),
});

type _Parameter = Assert<Agree<z.infer<typeof ModelParameterSchema>, ModelParameter>>;

/** A scenario of the case compiled (its groups, states and policies) or the reason it is not. */
export const CompiledScenarioSchema = z.union([
  ModelSummarySchema.extend({
    scenario: z.string(),
    uncertain: z.array(z.object({ id: z.string(), lo: z.number(), hi: z.number() })),
    outcomes: z.array(z.string()),
  }),
  z.object({ scenario: z.string(), error: z.string() }),
]);

/** `GET /api/cases/:id/scenarios` → scenarios, parameters, policies, compiled, hypotheses. */
export const ScenariosResponseSchema = z.object({
  scenarios: z.array(ScenarioSchema),
  parameters: z.array(ModelParameterSchema),
  policies: z.array(z.enum(POLICIES)),
  compiled: z.array(CompiledScenarioSchema),
  hypotheses: z.array(HypothesisSchema),
});

/** A compiled scenario's summary. */
export type ModelSummary = z.infer<typeof ModelSummarySchema>;
/** Monthly trajectories as JSON. */
export type TrajectoryJson = z.infer<typeof TrajectorySchema>;
/** One run as JSON (CLI `simulate --json`). */
export type SimulationResult = z.infer<typeof SimulationResultSchema>;
/** `POST /api/simulate` body. */
export type SimulateRequest = z.input<typeof SimulateRequestSchema>;
/** `POST /api/simulate` response. */
export type SimulateResponse = z.infer<typeof SimulateResponseSchema>;
/** A compiled scenario, or why it does not compile. */
export type CompiledScenario = z.infer<typeof CompiledScenarioSchema>;
/** `GET /api/cases/:id/scenarios`. */
export type ScenariosResponse = z.infer<typeof ScenariosResponseSchema>;
/** A model parameter as JSON. */
export type ModelParameterJson = z.infer<typeof ModelParameterSchema>;
/** A scenario as a client writes it (a bare year may be a number). */
export type ClientScenario = z.input<typeof ScenarioSchema>;
