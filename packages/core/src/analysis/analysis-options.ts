/**
 * The options of every coalition analysis, resolved once: the CLI's analysis commands and the
 * server's `/api/analyze` both pass what the user gave (possibly nothing) to
 * {@link resolveAnalysisOptions} and report the resolved object, so the same case and the same
 * request give the same numbers everywhere. Every default is written here and nowhere else
 * (docs/analysis.md, "Options and their defaults").
 */
import { type CaseAtInterval, caseAtInterval } from '../case/case-at.js';
import type { Case } from '../case/schema.js';
import type { Layer } from '../case/vocabulary.js';
import { EntenteError } from '../errors.js';
import { checkDraws } from './case-draws.js';
import { type CombineRule, resolveProjectionOptions } from './project.js';

/**
 * How the landscape sizes actors (docs/analysis.md, "Actor sizes"):
 * - `capability`: the case's `size` (COW CINC share for the built-in case); actors without one
 *   are left out unless `defaultSize` is given;
 * - `equal`: every actor weighs 1;
 * - `threat-salience`: an actor weighs the expected strength of the threat relations it takes
 *   part in, posing or facing them (Σ weight × evidence share × confidence of its `threat`
 *   relations in force); actors in no threat relation are left out.
 */
export const SIZE_RULES = Object.freeze(['capability', 'equal', 'threat-salience'] as const);
/** A rule for the landscape's actor sizes. */
export type SizeRule = (typeof SIZE_RULES)[number];

/** What a caller may set; everything is optional, `null` and `undefined` mean "the default". */
export interface AnalysisOptions {
  /** A day, month or year (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`). @default null (every relation) */
  readonly at?: string | null | undefined;
  /** Layers of the signed projection. @default the case's `analysis.layers`, else all five */
  readonly layers?: readonly Layer[] | null | undefined;
  /** How parallel relations of a pair combine. @default the case's `analysis.combine`, else 'net' */
  readonly combine?: CombineRule | null | undefined;
  /** Weigh ties by strength in balance and coalitions. @default false */
  readonly weighted?: boolean | null | undefined;
  /** Time budget of the exact frustration solver, in seconds. @default 60 */
  readonly timeLimit?: number | null | undefined;
  /** Most unbalanced triads to list. @default 50 */
  readonly limit?: number | null | undefined;
  /** Seed of the heuristic and random parts and of the case draws. @default 1 */
  readonly seed?: number | null | undefined;
  /**
   * Actor sizes of the landscape. @default 'capability' when at least two actors of the case
   * have a size > 0, else 'equal'
   */
  readonly sizes?: SizeRule | null | undefined;
  /** With `capability`: size of actors without one (else they are left out). @default null */
  readonly defaultSize?: number | null | undefined;
  /** Random starts (landscape beyond 25 actors; relocation). @default null (the analyses' own) */
  readonly starts?: number | null | undefined;
  /** Estimate the landscape's basins of attraction. @default true */
  readonly basins?: boolean | null | undefined;
  /** Number of coalitions for relocation; null sweeps 1..kMax. @default null (analyzeCase: 2) */
  readonly k?: number | null | undefined;
  /** Largest k of the relocation sweep. @default 4 */
  readonly kMax?: number | null | undefined;
  /** Relocation's weight of negative ties within groups. @default null (relocate's own, 0.5) */
  readonly alpha?: number | null | undefined;
  /** Case draws reported beside the point result (0 = none). @default 0 */
  readonly draws?: number | null | undefined;
  /**
   * With several layers, also the landscape of each layer alone (`byLayer`); false leaves it
   * empty (the workbench, which does not draw it, saves 30–70 ms a date). @default true
   */
  readonly byLayer?: boolean | null | undefined;
}

/** Every analysis option with its default filled in; each result reports it. */
export interface ResolvedAnalysisOptions {
  readonly at: string | null;
  /** The days `at` covers and the actors that begin or end within them (all, without `at`). */
  readonly period: CaseAtInterval;
  readonly layers: readonly Layer[];
  readonly combine: CombineRule;
  readonly weighted: boolean;
  readonly timeLimit: number;
  readonly limit: number;
  readonly seed: number;
  readonly sizes: SizeRule;
  readonly defaultSize: number | null;
  readonly starts: number | null;
  readonly basins: boolean;
  readonly k: number | null;
  readonly kMax: number;
  readonly alpha: number | null;
  readonly draws: number;
  readonly byLayer: boolean;
}

const OP = 'resolveAnalysisOptions';

function positive(name: string, x: number | null | undefined, integer: boolean): void {
  if (x === null || x === undefined) return;
  if (!Number.isFinite(x) || x <= 0 || (integer && !Number.isInteger(x))) {
    throw new EntenteError(
      'invalid-argument',
      `${OP}: ${name} must be ${integer ? 'a whole number' : 'a number'} > 0, got ${x}`,
    );
  }
}

/**
 * Fills in every default of the analysis options for case `c` (see {@link AnalysisOptions}).
 * Explicit options win over the case's own `analysis` settings, which win over the defaults.
 * @throws {EntenteError} `invalid-argument` on a bad date, layer, combine rule, size rule or number
 * @example resolveAnalysisOptions(c, { at: '2023' }).sizes // 'capability' for the built-in case
 */
export function resolveAnalysisOptions(
  c: Case,
  options: AnalysisOptions = {},
): ResolvedAnalysisOptions {
  const projection = resolveProjectionOptions({
    at: options.at ?? undefined,
    layers: options.layers ?? c.analysis?.layers,
    combine: options.combine ?? c.analysis?.combine,
  });
  const period = caseAtInterval(c, projection.at, OP);
  const sized = c.actors.filter((a) => (a.size?.value ?? 0) > 0).length;
  const sizes = options.sizes ?? (sized >= 2 ? 'capability' : 'equal');
  if (!(SIZE_RULES as readonly string[]).includes(sizes)) {
    throw new EntenteError(
      'invalid-argument',
      `${OP}: unknown size rule "${sizes}"; use ${SIZE_RULES.join(', ')}`,
    );
  }
  positive('timeLimit', options.timeLimit, false);
  positive('limit', options.limit, true);
  positive('defaultSize', options.defaultSize, false);
  positive('starts', options.starts, true);
  positive('k', options.k, true);
  positive('kMax', options.kMax, true);
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new EntenteError('invalid-argument', `${OP}: seed must be 0..4294967295, got ${seed}`);
  }
  const alpha = options.alpha ?? null;
  if (alpha !== null && !(alpha >= 0 && alpha <= 1)) {
    throw new EntenteError('invalid-argument', `${OP}: alpha must be in [0, 1], got ${alpha}`);
  }
  const draws = options.draws ?? 0;
  if (draws !== 0) checkDraws(draws, OP);
  return {
    at: projection.at,
    period,
    layers: projection.layers,
    combine: projection.combine,
    weighted: options.weighted ?? false,
    timeLimit: options.timeLimit ?? 60,
    limit: options.limit ?? 50,
    seed,
    sizes,
    defaultSize: options.defaultSize ?? null,
    starts: options.starts ?? null,
    basins: options.basins ?? true,
    k: options.k ?? null,
    kMax: options.kMax ?? 4,
    alpha,
    draws,
    byLayer: options.byLayer ?? true,
  };
}
