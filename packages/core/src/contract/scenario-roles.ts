/**
 * Who plays which part in one scenario (`POST /api/scenario-roles`): core's `scenarioRoles`, read
 * without simulating. The workbench's policy editor asks for it.
 */
import { z } from 'zod';
import { POLICIES } from '../case/scenario.js';
import type { ScenarioRoles } from '../simulation/roles.js';
import type { Agree, Assert } from './agree.js';
import { CaseRefShape } from './common.js';
import { ClientScenariosSchema, ModelSummarySchema } from './simulate.js';

/** Body of `POST /api/scenario-roles`: a case (exactly one of `caseId`, `text`) and a scenario. */
export const ScenarioRolesRequestSchema = z.strictObject({
  ...CaseRefShape,
  scenario: z.string().min(1).max(200),
  /** Client-defined scenarios, replacing the case's of the same id (checked as for `/api/simulate`). */
  scenarios: ClientScenariosSchema.optional(),
});

/** The answer of `POST /api/scenario-roles`: core's `ScenarioRoles` (a model summary without notes). */
export const ScenarioRolesResponseSchema = ModelSummarySchema.omit({ notes: true }).extend({
  scenario: z.string(),
  defaultPolicy: z.enum(POLICIES),
});

/** A request of `POST /api/scenario-roles`. */
export type ScenarioRolesRequest = z.output<typeof ScenarioRolesRequestSchema>;
/** A response of `POST /api/scenario-roles`. */
export type ScenarioRolesResponse = z.output<typeof ScenarioRolesResponseSchema>;

type _Roles = Assert<Agree<ScenarioRolesResponse, ScenarioRoles>>;
