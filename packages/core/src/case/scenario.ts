/**
 * Policy scenarios, as a case file writes them under `scenarios` (docs/model.md, "Policies and
 * scenarios"). The zod schema here is the single source of truth: `case/schema.ts` uses it for
 * the case format and the JSON Schema is generated from it. Cross-references (actors, parameter
 * ids, ranges) are checked with the rest of the case in `case/semantics.ts`.
 */
import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { DATE_PATTERN } from './dates.js';

/** What a state can do toward the regime (docs/model.md, "Policies"). */
export const POLICIES = Object.freeze([
  'engage',
  'conditional',
  'sever',
  'targeted-ct',
  'support-opposition',
] as const);

/** A state's policy toward the regime. */
export type Policy = (typeof POLICIES)[number];

/** Default number of months a scenario runs. */
export const DEFAULT_MONTHS = 120;
/** Most months a scenario may run. */
export const MAX_MONTHS = 1200;

const id = IdSchema;

const text = z.string().max(100_000);

const caseDate = z
  .union([
    z.string().regex(DATE_PATTERN, 'dates are YYYY, YYYY-MM or YYYY-MM-DD'),
    z.int().min(1000).max(9999),
  ])
  .transform((v) => String(v));

/** One policy scenario of a case. */
export const ScenarioSchema = z
  .strictObject({
    id,
    name: text.optional(),
    description: text.optional().describe('What the scenario asks and which source motivates it.'),
    start: caseDate
      .optional()
      .describe(
        'Date the case is read at (actors and relations in force then); default: the latest date any relation or period mentions.',
      ),
    months: z
      .int()
      .min(1)
      .max(MAX_MONTHS)
      .optional()
      .describe(`Months simulated (default ${DEFAULT_MONTHS}).`),
    defaultPolicy: z
      .enum(POLICIES)
      .optional()
      .describe('Policy of every state not listed in `policies` (default engage).'),
    policies: z.record(id, z.enum(POLICIES)).optional().describe('Policy per state actor id.'),
    parameters: z
      .record(id, z.number())
      .optional()
      .describe('Model parameters fixed in this scenario (id → value), overriding the defaults.'),
    uncertain: z
      .record(id, z.tuple([z.number(), z.number()]))
      .optional()
      .describe(
        'Ranges explored (id → [low, high]); default: every parameter not fixed, over its plausible range.',
      ),
    strengthFactor: z
      .record(id, z.number().min(0).max(1000))
      .optional()
      .describe(
        'Multiplies the initial strength of the named armed groups (e.g. a counterfactual in which a group was reduced early).',
      ),
  })
  .describe('A policy scenario for the dynamic model (docs/model.md).');

/** A validated scenario. */
export type ScenarioSpec = z.output<typeof ScenarioSchema>;
