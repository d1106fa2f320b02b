/**
 * Who plays which part in one scenario (`POST /api/scenario-roles`): core's `scenarioRoles`, read
 * without simulating. The workbench's policy editor asks for it.
 */
import { z } from 'zod';
import { POLICIES } from '../case/scenario.js';
import type { ScenarioRoles } from '../simulation/roles.js';
import type { Agree, Assert } from './agree.js';
import { CaseRefShape } from './common.js';
import { ClientScenariosSchema } from './simulate.js';

/** Body of `POST /api/scenario-roles`: a case (exactly one of `caseId`, `text`) and a scenario. */
export const ScenarioRolesRequestSchema = z.strictObject({
  ...CaseRefShape,
  scenario: z.string().min(1).max(200),
  /** Client-defined scenarios, replacing the case's of the same id (checked as for `/api/simulate`). */
  scenarios: ClientScenariosSchema.optional(),
});

/** The answer of `POST /api/scenario-roles`: core's `ScenarioRoles`. */
export const ScenarioRolesResponseSchema = z.object({
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

/** A request of `POST /api/scenario-roles`. */
export type ScenarioRolesRequest = z.output<typeof ScenarioRolesRequestSchema>;
/** A response of `POST /api/scenario-roles`. */
export type ScenarioRolesResponse = z.output<typeof ScenarioRolesResponseSchema>;

type _Roles = Assert<Agree<ScenarioRolesResponse, ScenarioRoles>>;
