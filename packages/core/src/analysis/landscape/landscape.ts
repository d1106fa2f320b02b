/**
 * Landscape theory of aggregation (Axelrod & Bennett 1993, "A Landscape Theory of Aggregation",
 * British Journal of Political Science 23(2):211–233): the local minima of the energy
 * E(X) = Σ_{i<j} s_i s_j p_ij d_ij(X) over two-coalition configurations X, with their basins of
 * attraction and each actor's frustration in the lowest-energy configuration. Exhaustive
 * (Gray-code scan, see exhaustive.ts) up to `maxExhaustive` actors, multi-start steepest descent
 * (multistart.ts) beyond. Equations and conventions: docs/analysis/landscape.md.
 */
import { EntenteError } from '../../errors.js';
import {
  actorFrustration,
  coalitionsOf,
  couplings,
  LANDSCAPE_CONVENTION,
  landscapeEnergy,
  sidesOfMask,
} from './energy.js';
import { MAX_EXHAUSTIVE_ACTORS, scanExhaustive } from './exhaustive.js';
import { type LandscapeInput, validateLandscapeInput } from './input.js';
import { scanMultiStart } from './multistart.js';

/** How the landscape is searched. */
export type LandscapeMethod = 'auto' | 'exhaustive' | 'multistart';

/** Options of {@link landscape}. */
export interface LandscapeOptions {
  /** `auto` = exhaustive up to `maxExhaustive` actors, multi-start beyond. @default 'auto' */
  readonly method?: LandscapeMethod | undefined;
  /** Largest n that `auto` scans exhaustively (at most 31). @default 25 */
  readonly maxExhaustive?: number | undefined;
  /** Compute basins of attraction (exhaustive: 4·2^(n−1) bytes of next pointers). @default true */
  readonly basins?: boolean | undefined;
  /** Random starts of the multi-start search. @default 1000 */
  readonly starts?: number | undefined;
  /** Seed of the multi-start search. @default 1 */
  readonly seed?: number | undefined;
  /**
   * Switching gains within ±tolerance × (largest Σ_j |s_i s_j p_ij| over actors i) count as 0:
   * such a switch neither lowers nor raises the energy. @default 1e-10
   */
  readonly tolerance?: number | undefined;
  /** Stop with an error past this many local minima (plateaus can make millions). @default 100000 */
  readonly maxMinima?: number | undefined;
}

/** {@link LandscapeOptions} with every default filled in; reported with each result. */
export interface ResolvedLandscapeOptions {
  readonly method: LandscapeMethod;
  readonly maxExhaustive: number;
  readonly basins: boolean;
  readonly starts: number;
  readonly seed: number;
  readonly tolerance: number;
  readonly maxMinima: number;
}

/** One local minimum of the landscape. */
export interface LandscapeMinimum {
  readonly energy: number;
  /** The two coalitions, each sorted, the one holding the smallest id first (second may be empty). */
  readonly coalitions: [string[], string[]];
  /** Share of configurations (exhaustive) or starts (multi-start) descending here; null without basins. */
  readonly basin: number | null;
  readonly basinCount: number | null;
  /** True when every actor would strictly raise the energy by switching (no plateau). */
  readonly strict: boolean;
}

/** Result of {@link landscape}. */
export interface LandscapeResult {
  readonly convention: string;
  readonly exhaustive: boolean;
  /** Configurations enumerated (2^(n−1)) or starts made. */
  readonly configurations: number;
  /** All local minima found, by energy ascending. */
  readonly minima: LandscapeMinimum[];
  readonly globalMinimum: LandscapeMinimum;
  /** Each actor's frustration F_i and coalition (0 or 1, index into globalMinimum.coalitions). */
  readonly actors: Record<string, { frustration: number; coalition: 0 | 1 }>;
  readonly options: ResolvedLandscapeOptions;
  readonly diagnostics: string[];
}

/** Fills in the defaults of landscape options. @throws {EntenteError} `invalid-argument` on a bad value */
export function resolveLandscapeOptions(options: LandscapeOptions = {}): ResolvedLandscapeOptions {
  const fail = (msg: string): never => {
    throw new EntenteError('invalid-argument', `landscape: ${msg}`);
  };
  const method = options.method ?? 'auto';
  if (!['auto', 'exhaustive', 'multistart'].includes(method)) {
    fail(`unknown method "${method}"; use auto, exhaustive or multistart`);
  }
  const maxExhaustive = options.maxExhaustive ?? 25;
  if (
    !Number.isInteger(maxExhaustive) ||
    maxExhaustive < 1 ||
    maxExhaustive > MAX_EXHAUSTIVE_ACTORS
  ) {
    fail(`maxExhaustive must be an integer in 1..${MAX_EXHAUSTIVE_ACTORS}, got ${maxExhaustive}`);
  }
  const starts = options.starts ?? 1000;
  if (!Number.isInteger(starts) || starts < 1)
    fail(`starts must be a positive integer, got ${starts}`);
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) fail(`seed must be an integer, got ${seed}`);
  const tolerance = options.tolerance ?? 1e-10;
  if (!Number.isFinite(tolerance) || tolerance < 0)
    fail(`tolerance must be finite and ≥ 0, got ${tolerance}`);
  const maxMinima = options.maxMinima ?? 100_000;
  if (!Number.isInteger(maxMinima) || maxMinima < 1)
    fail(`maxMinima must be a positive integer, got ${maxMinima}`);
  return {
    method,
    maxExhaustive,
    basins: options.basins ?? true,
    starts,
    seed,
    tolerance,
    maxMinima,
  };
}

/**
 * Every local minimum of the landscape with its basin, and each actor's frustration in the
 * lowest-energy configuration.
 * @throws {EntenteError} `invalid-argument` on an invalid input or option, or too many minima
 * @example landscape(input).globalMinimum.coalitions
 */
export function landscape(input: LandscapeInput, options: LandscapeOptions = {}): LandscapeResult {
  validateLandscapeInput(input, 'landscape');
  const resolved = resolveLandscapeOptions(options);
  const n = input.actors.length;
  const w = couplings(input);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let j = 0; j < n; j++) r += Math.abs(w[i * n + j]);
    if (r > scale) scale = r;
  }
  const tolerance = resolved.tolerance * scale;
  const exhaustive =
    resolved.method === 'exhaustive' || (resolved.method === 'auto' && n <= resolved.maxExhaustive);
  const diagnostics: string[] = [];
  const found: { sides: Uint8Array; count: number | null; strict: boolean }[] = [];
  let configurations: number;
  if (exhaustive) {
    const scan = scanExhaustive(w, n, {
      basins: resolved.basins,
      tolerance,
      maxMinima: resolved.maxMinima,
    });
    configurations = scan.configurations;
    scan.masks.forEach((mask, i) => {
      found.push({
        sides: sidesOfMask(n, mask),
        count: scan.basinCounts ? scan.basinCounts[i] : null,
        strict: scan.strict[i],
      });
    });
  } else {
    const scan = scanMultiStart(w, n, { starts: resolved.starts, seed: resolved.seed, tolerance });
    configurations = scan.starts;
    scan.sides.forEach((sides, i) => {
      found.push({ sides, count: resolved.basins ? scan.counts[i] : null, strict: scan.strict[i] });
    });
    diagnostics.push(
      `multi-start search (${n} actors > ${resolved.maxExhaustive}): ${scan.starts} seeded starts (seed ${resolved.seed}); minima and basins are estimates, not proven`,
    );
  }
  const minima = found.map((m) => ({
    energy: landscapeEnergy(input, m.sides),
    coalitions: coalitionsOf(input.actors, m.sides),
    basin: m.count === null ? null : m.count / configurations,
    basinCount: m.count,
    strict: m.strict,
    sides: m.sides,
  }));
  const keyOf = (c: [string[], string[]]) => JSON.stringify(c);
  minima.sort((a, b) =>
    a.energy !== b.energy
      ? a.energy - b.energy
      : keyOf(a.coalitions) < keyOf(b.coalitions)
        ? -1
        : 1,
  );
  const plateau = minima.filter((m) => !m.strict).length;
  if (plateau > 0) {
    diagnostics.push(
      `${plateau} of ${minima.length} minima lie on plateaus (some actor's switch leaves the energy unchanged); each such configuration is listed`,
    );
  }
  const best = minima[0];
  const f = actorFrustration(input, best.sides);
  const inFirst = best.coalitions[0][0];
  const firstSide = best.sides[input.actors.indexOf(inFirst)];
  const actors: Record<string, { frustration: number; coalition: 0 | 1 }> = {};
  input.actors.forEach((id, i) => {
    actors[id] = { frustration: f[i], coalition: best.sides[i] === firstSide ? 0 : 1 };
  });
  const out: LandscapeMinimum[] = minima.map(({ sides: _, ...m }) => m);
  return {
    convention: LANDSCAPE_CONVENTION,
    exhaustive,
    configurations,
    minima: out,
    globalMinimum: out[0],
    actors,
    options: resolved,
    diagnostics,
  };
}
