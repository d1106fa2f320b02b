/**
 * The input of landscape theory (Axelrod & Bennett 1993, "A Landscape Theory of Aggregation",
 * British Journal of Political Science 23(2):211–233, §"The theory"): actors with sizes s_i > 0
 * and symmetric signed pairwise propensities p_ij. Built from a case through its signed
 * projection (p_ij = sign × weight of the projected tie) or given directly.
 */
import type { Case } from '../../case/schema.js';
import { EntenteError } from '../../errors.js';
import type { Projection } from '../project.js';

/** Actors, their sizes and a dense symmetric propensity matrix (row-major n×n, zero diagonal). */
export interface LandscapeInput {
  readonly actors: readonly string[];
  /** s_i > 0, one per actor. */
  readonly sizes: Float64Array;
  /** p_ij at `i * n + j`; symmetric, zero diagonal, positive = prefer to be together. */
  readonly propensity: Float64Array;
}

/** Options of {@link landscapeInputFromProjection}. */
export interface LandscapeInputOptions {
  /**
   * Size given to actors whose case entry has no `size` (or a size of 0). When undefined such
   * actors are left out and listed in `diagnostics`.
   * @default undefined
   */
  readonly defaultSize?: number | undefined;
  /**
   * Each actor's size, replacing the case's `size` (see `actorSizes` in sizes.ts for the rules).
   * @default the case's sizes
   */
  readonly sizes?: ReadonlyMap<string, number> | undefined;
}

/** A landscape input built from a case, with notes about what was left out. */
export interface LandscapeInputFromCase extends LandscapeInput {
  readonly diagnostics: readonly string[];
}

/**
 * Checks a {@link LandscapeInput}: at least 2 actors, unique ids, finite sizes > 0, a finite,
 * exactly symmetric propensity matrix with zero diagonal.
 * @throws {EntenteError} `invalid-argument` naming `operation` and the first problem found
 */
export function validateLandscapeInput(input: LandscapeInput, operation = 'landscape'): void {
  const n = input.actors.length;
  const fail = (msg: string): never => {
    throw new EntenteError('invalid-argument', `${operation}: ${msg}`);
  };
  if (n < 2) fail(`needs at least 2 actors, got ${n}`);
  if (new Set(input.actors).size !== n) fail('actor ids must be unique');
  if (input.sizes.length !== n) fail(`sizes has length ${input.sizes.length}, expected ${n}`);
  if (input.propensity.length !== n * n) {
    fail(`propensity has length ${input.propensity.length}, expected n×n = ${n * n}`);
  }
  for (let i = 0; i < n; i++) {
    const s = input.sizes[i];
    if (!Number.isFinite(s) || s <= 0) {
      fail(`size of "${input.actors[i]}" is ${s}; sizes must be finite and > 0`);
    }
    if (input.propensity[i * n + i] !== 0)
      fail(`propensity of "${input.actors[i]}" with itself must be 0`);
    for (let j = i + 1; j < n; j++) {
      const a = input.propensity[i * n + j];
      if (!Number.isFinite(a)) fail(`propensity (${input.actors[i]}, ${input.actors[j]}) is ${a}`);
      if (a !== input.propensity[j * n + i]) {
        fail(
          `propensity must be symmetric; (${input.actors[i]}, ${input.actors[j]}) differs from its mirror`,
        );
      }
    }
  }
}

/**
 * Builds a landscape input from a signed projection and the case it came from: the actors are the
 * projection's nodes that have a size (`actor.size.value > 0`, or `defaultSize`), in projection
 * order; p_ij = sign × weight of the projected tie between i and j, 0 when there is none.
 * @throws {EntenteError} `invalid-argument` when `defaultSize` is not finite and > 0, or fewer than
 * 2 actors have a size
 * @example landscapeInputFromProjection(projectSigned(c, { at: '2023' }), c)
 */
export function landscapeInputFromProjection(
  projection: Projection,
  whole: Case,
  options: LandscapeInputOptions = {},
): LandscapeInputFromCase {
  const { defaultSize } = options;
  if (defaultSize !== undefined && (!Number.isFinite(defaultSize) || defaultSize <= 0)) {
    throw new EntenteError(
      'out-of-range',
      `landscapeInputFromProjection: defaultSize must be finite and > 0, got ${defaultSize}`,
    );
  }
  const sizeOf: ReadonlyMap<string, number | undefined> =
    options.sizes ?? new Map(whole.actors.map((a) => [a.id, a.size?.value]));
  const diagnostics: string[] = [];
  const actors: string[] = [];
  const sizes: number[] = [];
  const defaulted: string[] = [];
  const left: string[] = [];
  for (const id of projection.graph.nodes) {
    const s = sizeOf.get(id);
    if (s !== undefined && s > 0) {
      actors.push(id);
      sizes.push(s);
    } else if (defaultSize !== undefined) {
      actors.push(id);
      sizes.push(defaultSize);
      defaulted.push(id);
    } else {
      left.push(id);
    }
  }
  if (left.length > 0) {
    diagnostics.push(
      `left out ${left.length} actor(s) without a size > 0 (give defaultSize to keep them): ${left.join(', ')}`,
    );
  }
  if (defaulted.length > 0) {
    diagnostics.push(`gave defaultSize ${defaultSize} to: ${defaulted.join(', ')}`);
  }
  if (actors.length < 2) {
    throw new EntenteError(
      'invalid-argument',
      `landscapeInputFromProjection: only ${actors.length} actor(s) have a size; landscape needs 2 or more (try defaultSize)`,
    );
  }
  const n = actors.length;
  const index = new Map(actors.map((id, i) => [id, i]));
  const propensity = new Float64Array(n * n);
  let dropped = 0;
  for (const t of projection.ties) {
    const i = index.get(t.source);
    const j = index.get(t.target);
    if (i === undefined || j === undefined) {
      dropped++;
      continue;
    }
    const p = t.sign * t.weight;
    propensity[i * n + j] = p;
    propensity[j * n + i] = p;
  }
  if (dropped > 0) diagnostics.push(`dropped ${dropped} tie(s) touching actors left out`);
  const isolated = actors.filter((_, i) => {
    for (let j = 0; j < n; j++) if (propensity[i * n + j] !== 0) return false;
    return true;
  });
  if (isolated.length > 0) {
    diagnostics.push(
      `actor(s) with no propensity to any other actor (indifferent to their side): ${isolated.join(', ')}`,
    );
  }
  return { actors, sizes: Float64Array.from(sizes), propensity, diagnostics };
}
