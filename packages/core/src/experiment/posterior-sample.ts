/**
 * A calibration's posterior as an exploration reads it (`posterior.json` of `entente calibrate
 * --out DIR`): weighted particles over named parameters. An exploration under the posterior draws
 * each world's values of those parameters from the particles — weighted, seeded systematic
 * resampling (Kitagawa 1996, "Monte Carlo filter and smoother for non-Gaussian nonlinear state
 * space models"; Carpenter, Clifford & Fearnhead 1999), the copies then put in a seeded random
 * order so that a particle's worlds do not line up with any Latin-hypercube stratum — while the
 * other uncertain parameters keep their prior ranges through the Latin hypercube.
 */
import { z } from 'zod';
import { createRng, shuffle } from '../analysis/random.js';
import { EntenteError } from '../errors.js';

/** The posterior file's fields an exploration reads; any other field is ignored. */
export interface PosteriorSample {
  /** Parameters in column order, with their prior range. */
  readonly parameters: readonly { readonly id: string; readonly lo: number; readonly hi: number }[];
  /** One row per particle, one column per parameter. */
  readonly particles: readonly (readonly number[])[];
  /** One non-negative weight per particle (need not sum to 1). */
  readonly weights: readonly number[];
  readonly ess?: number;
  readonly method?: string;
}

/** Most particles an exploration accepts (they travel with the plan to every worker). */
export const MAX_PARTICLES = 100_000;

const PosteriorFileSchema = z.looseObject({
  parameters: z
    .array(z.looseObject({ id: z.string().min(1), lo: z.number(), hi: z.number() }))
    .min(1),
  particles: z.array(z.array(z.number())).min(1).max(MAX_PARTICLES),
  weights: z.array(z.number().min(0)),
  ess: z.number().optional(),
  method: z.string().optional(),
});

/**
 * Checks a parsed `posterior.json` and keeps the fields an exploration reads.
 * @throws EntenteError('invalid-argument') naming `source` on a missing field, a row of the wrong
 *   length, a non-finite value, weights that do not match the particles or sum to zero
 */
export function parsePosterior(data: unknown, source: string): PosteriorSample {
  const fail = (message: string): never => {
    throw new EntenteError('invalid-argument', `explore --posterior: ${source}: ${message}`);
  };
  const parsed = PosteriorFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const { parameters, particles, weights } = parsed.data;
  const d = parameters.length;
  particles.forEach((row, i) => {
    if (row.length !== d) fail(`particle ${i} has ${row.length} values, expected ${d}`);
    if (!row.every(Number.isFinite)) fail(`particle ${i} has a non-finite value`);
  });
  if (weights.length !== particles.length)
    fail(`${weights.length} weights for ${particles.length} particles`);
  if (!(weights.reduce((a, b) => a + b, 0) > 0)) fail('the weights sum to zero');
  return {
    parameters: parameters.map((p) => ({ id: p.id, lo: p.lo, hi: p.hi })),
    particles,
    weights,
    ...(parsed.data.ess === undefined ? {} : { ess: parsed.data.ess }),
    ...(parsed.data.method === undefined ? {} : { method: parsed.data.method }),
  };
}

/**
 * The particle of each of `count` worlds: systematic resampling of `weights` (one uniform offset,
 * then `count` evenly spaced points through the cumulative weights, so particle i gets
 * ⌊count·wᵢ⌋ or ⌈count·wᵢ⌉ worlds), the copies put in a seeded random order.
 * @throws EntenteError('invalid-argument') when count < 1 or the weights sum to zero
 * @example resampleParticles([0, 1, 0], 4, 1) // Int32Array [1, 1, 1, 1]
 */
export function resampleParticles(
  weights: readonly number[],
  count: number,
  seed: number,
): Int32Array {
  const total = weights.reduce((a, b) => a + b, 0);
  if (!Number.isInteger(count) || count < 1 || !(total > 0))
    throw new EntenteError(
      'invalid-argument',
      `resampleParticles: need count ≥ 1 and weights with a positive sum, got ${count} and ${total}`,
    );
  const rng = createRng(seed);
  const u = rng();
  const out = new Int32Array(count);
  let i = 0;
  let cumulative = weights[0] / total;
  for (let w = 0; w < count; w++) {
    const point = (u + w) / count;
    while (point >= cumulative && i < weights.length - 1) cumulative += weights[++i] / total;
    out[w] = i;
  }
  return shuffle(rng, out);
}
