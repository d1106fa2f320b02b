/**
 * A calibration (`entente calibrate --json`, and the files of its run folder: `posterior.json`,
 * `fit.json`, `forecast.json`). `explore --posterior DIR` reads `posterior.json`: its fields
 * `parameters, particles, weights, ess, epsilon, method, seed, observed` are stable.
 */
import { z } from 'zod';
import type { AbcGeneration } from '../calibration/abc-problem.js';
import type {
  Calibration,
  ForecastScore,
  NonImplausibleSummary,
  PredictiveBand,
} from '../calibration/calibrate.js';
import { CALIBRATION_METHODS } from '../calibration/calibrate.js';
import type { ParameterPosterior } from '../calibration/posterior-summary.js';
import { EntenteError } from '../errors.js';
import type { Agree, Assert } from './agree.js';

/** One generation of the method (JSON: an infinite tolerance, the prior's, is written null). */
export const AbcGenerationSchema = z.object({
  epsilon: z.number().nullable(),
  ess: z.number(),
  resampled: z.boolean(),
  acceptance: z.number().nullable(),
  simulations: z.int(),
});

/** One parameter's posterior: mean, sd, 5/50/95 %, sd ratio, overlap, the uninformed flag. */
export const ParameterPosteriorSchema = z.object({
  id: z.string(),
  lo: z.number(),
  hi: z.number(),
  mean: z.number(),
  sd: z.number(),
  q05: z.number(),
  q50: z.number(),
  q95: z.number(),
  sdRatio: z.number(),
  overlap: z.number(),
  uninformed: z.boolean(),
});

/** Observed against the posterior predictive, one target-year. */
export const PredictiveBandSchema = z.object({
  dyad: z.string(),
  year: z.int(),
  q05: z.number(),
  q50: z.number(),
  q95: z.number(),
  observed: z.number().nullable(),
  covered: z.boolean().nullable(),
  crps: z.number().nullable(),
});

/** The forecast's coverage and mean CRPS. */
export const ForecastScoreSchema = z.object({
  n: z.int(),
  coverage: z.number(),
  crps: z.number(),
});

/** History matching's waves and cut-off (core's {@link NonImplausibleSummary}). */
export const NonImplausibleSchema = z.object({
  cutoff: z.number(),
  discrepancy: z.number(),
  replicates: z.int(),
  rank: z.int(),
  waves: z.array(
    z.object({
      points: z.int(),
      nonImplausible: z.int(),
      boxFraction: z.number(),
      volumeFraction: z.number(),
      simulations: z.int(),
    }),
  ),
  rulesOut: z.array(z.object({ dyad: z.string(), year: z.int(), share: z.number() })),
});

/** The result of a calibration (core's {@link Calibration}). */
export const CalibrationSchema = z.object({
  method: z.enum(CALIBRATION_METHODS),
  seed: z.int(),
  parameters: z.array(z.object({ id: z.string(), lo: z.number(), hi: z.number() })),
  particles: z.array(z.array(z.number())),
  weights: z.array(z.number()),
  ess: z.number(),
  epsilon: z.number(),
  simulations: z.int(),
  generations: z.array(AbcGenerationSchema),
  posterior: z.array(ParameterPosteriorSchema),
  observed: z.object({
    years: z.array(z.int()),
    targets: z.array(
      z.object({
        id: z.string(),
        dyad: z.tuple([z.string(), z.string()]),
        values: z.array(z.number().nullable()),
      }),
    ),
  }),
  fit: z.array(PredictiveBandSchema),
  forecast: z.array(PredictiveBandSchema),
  forecastScore: ForecastScoreSchema.nullable(),
  nonImplausible: NonImplausibleSchema.nullable(),
  /** ABC's target tolerance ε_T (null: none). Absent from calibrations written before it was added. */
  tolerance: z.number().positive().nullable().optional(),
  /** Noisy ABC (absent before it was added: not noisy). */
  noisy: z.boolean().optional(),
  /** Whether the target tolerance was reached (null without one; absent before it was added). */
  targetReached: z.boolean().nullable().optional(),
  /** Caveats about the result, one sentence each (absent before they were added). */
  warnings: z.array(z.string()).optional(),
});

/** `entente calibrate --json`: the calibration with what produced it. */
export const CalibrateCommandSchema = CalibrationSchema.extend({
  format: z.literal('entente-calibration/1'),
  caseId: z.string(),
  from: z.string(),
  until: z.string(),
  forecastUntil: z.string().nullable(),
  workers: z.int(),
  /** The observed data's file name, without its folder (absent from output written before it was added). */
  observedFile: z.string().optional(),
});

/** JSON of {@link CalibrationSchema}. */
export type CalibrationJson = z.infer<typeof CalibrationSchema>;
/** JSON of {@link CalibrateCommandSchema}. */
export type CalibrateCommandJson = z.infer<typeof CalibrateCommandSchema>;

/** The files of `entente calibrate --out DIR`, in the order they are merged. */
export const CALIBRATION_FILES = Object.freeze([
  'posterior.json',
  'fit.json',
  'forecast.json',
] as const);

/** One parsed JSON file of a calibration: its name (for messages) and its content. */
export interface CalibrationPart {
  readonly name: string;
  readonly data: unknown;
}

/**
 * A calibration from the JSON files that hold it — `calibrate --json`'s output alone, or the
 * three files of `calibrate --out DIR` — merged field by field and checked once against
 * {@link CalibrateCommandSchema} and for shape (a value per parameter in each particle, a weight
 * per particle, a posterior row per parameter). The server (`serve --calibration DIR`) and the
 * workbench's file input both read calibrations through it.
 * @throws {EntenteError} `invalid-argument` naming the file and field at fault (and the first
 *   few issues), or a file that is not a JSON object
 * @example parseCalibrationParts([{ name: 'run.json', data: JSON.parse(text) }], 'serve --calibration')
 */
export function parseCalibrationParts(
  parts: readonly CalibrationPart[],
  operation = 'calibration',
): CalibrateCommandJson {
  const fail = (message: string): never => {
    throw new EntenteError('invalid-argument', `${operation}: ${message}`);
  };
  if (parts.length === 0) fail('no file given');
  const merged: Record<string, unknown> = {};
  const origin = new Map<string, string>();
  for (const part of parts) {
    const d = part.data;
    if (typeof d !== 'object' || d === null || Array.isArray(d))
      fail(`${part.name}: expected a JSON object (the output of \`entente calibrate\`)`);
    for (const [key, value] of Object.entries(d as Record<string, unknown>)) {
      merged[key] = value;
      origin.set(key, part.name);
    }
  }
  const all = parts.map((p) => p.name).join(' + ');
  const parsed = CalibrateCommandSchema.safeParse(merged);
  if (!parsed.success) {
    const shown = parsed.error.issues.slice(0, 3).map((issue) => {
      const key = String(issue.path[0] ?? '');
      const where = issue.path.join('.') || '(root)';
      return `${origin.get(key) ?? all}: ${where}: ${issue.message}`;
    });
    const more = parsed.error.issues.length - shown.length;
    fail(`${shown.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`);
  }
  const c = parsed.data as CalibrateCommandJson;
  const d = c.parameters.length;
  const at = (key: string) => origin.get(key) ?? all;
  c.particles.forEach((row, i) => {
    if (row.length !== d)
      fail(`${at('particles')}: particles.${i} has ${row.length} values for ${d} parameters`);
  });
  if (c.weights.length !== c.particles.length)
    fail(`${at('weights')}: ${c.weights.length} weights for ${c.particles.length} particles`);
  if (c.posterior.length !== d || c.posterior.some((p, i) => p.id !== c.parameters[i]?.id))
    fail(`${at('posterior')}: posterior does not list the parameters in their order`);
  return c;
}

type _Posterior = Assert<Agree<z.infer<typeof ParameterPosteriorSchema>, ParameterPosterior>>;
type _Band = Assert<Agree<z.infer<typeof PredictiveBandSchema>, PredictiveBand>>;
type _Score = Assert<Agree<z.infer<typeof ForecastScoreSchema>, ForecastScore>>;
type _NonImplausible = Assert<Agree<z.infer<typeof NonImplausibleSchema>, NonImplausibleSummary>>;
type _Generation = Assert<
  Agree<
    z.infer<typeof AbcGenerationSchema>,
    Omit<AbcGeneration, 'epsilon'> & { epsilon: number | null }
  >
>;
/** Fields of {@link Calibration} that files written before them lack (optional in the schema). */
type LaterFields = 'tolerance' | 'noisy' | 'targetReached' | 'warnings';
type _Calibration = Assert<
  Agree<
    Omit<CalibrationJson, 'generations'>,
    Omit<Calibration, 'generations' | LaterFields> & Partial<Pick<Calibration, LaterFields>>
  >
>;
