/**
 * The whole coalition analysis of a case at one date, as one JSON-ready bundle: the signed
 * projection (actors and ties with the relations behind each tie), structural balance (triad
 * census after Cartwright & Harary 1956, frustration index after Aref, Mason & Wilson 2018),
 * landscape theory (Axelrod & Bennett 1993) with the tipping point of each armed group's threats,
 * signed coalitions (Doreian & Mrvar 1996 relocation; Traag & Bruggeman 2009 signed modularity),
 * and leverage (dependency, threat leverage, brokerage). The CLI's `analyze --json` and the
 * server's `/api/analyze` both print this bundle (the CLI without `projection`), so the two never
 * disagree. Each part is also exported on its own for the single-analysis commands; the bundle
 * projects the case once and derives the landscape input once, and hands them to every part (the
 * parts only read them), instead of each part projecting the case again.
 */

import type { Case } from '../case/schema.js';
import type { Layer } from '../case/vocabulary.js';
import { EntenteError } from '../errors.js';
import { triadsOfCase } from './balance/triads-of-case.js';
import { maximizeSignedModularity } from './coalitions/maximize-signed-modularity.js';
import { type RelocationResult, relocate } from './coalitions/relocate.js';
import { sweepRelocation } from './coalitions/sweep-relocation.js';
import { frustration } from './frustration/frustration.js';
import type { FrustrationResult } from './frustration/result.js';
import { compareAlignment } from './landscape/alignment.js';
import { type LandscapeInputFromCase, landscapeInputFromProjection } from './landscape/input.js';
import { type LandscapeResult, landscape } from './landscape/landscape.js';
import { tippingPoints } from './landscape/tipping.js';
import { brokerage } from './leverage/brokerage.js';
import { dependency } from './leverage/dependency.js';
import { threatLeverage } from './leverage/threat-leverage.js';
import { type CombineRule, type Projection, projectSigned } from './project.js';

/** Options of {@link analyzeCase} and of each analysis it runs. */
export interface AnalyzeCaseOptions {
  /** Analyse the system as it stood at this partial date. @default undefined (every relation) */
  readonly at?: string | undefined;
  /** Layers of the signed projection. @default the case's `analysis.layers`, else all five */
  readonly layers?: readonly Layer[] | undefined;
  /** How parallel relations of a pair combine. @default the case's `analysis.combine`, else 'net' */
  readonly combine?: CombineRule | undefined;
  /** Weigh ties by strength in balance and coalitions. @default false */
  readonly weighted?: boolean | undefined;
  /** Time budget of the exact frustration solver, in seconds. @default 60 */
  readonly timeLimit?: number | undefined;
  /** Most unbalanced triads to list. @default 50 */
  readonly limit?: number | undefined;
  /** Seed of the heuristic and random parts. @default 1 (balance); the analyses' own defaults */
  readonly seed?: number | undefined;
  /** Size of actors without one in the landscape. @default undefined (landscape's rule) */
  readonly defaultSize?: number | undefined;
  /** Random starts (landscape beyond 25 actors; relocation). @default the analyses' own */
  readonly starts?: number | undefined;
  /** Estimate the landscape's basins of attraction. @default true */
  readonly basins?: boolean | undefined;
  /** Number of coalitions for relocation; undefined sweeps 1..kMax. @default 2 in analyzeCase */
  readonly k?: number | undefined;
  /** Largest k of the relocation sweep. @default 4 */
  readonly kMax?: number | undefined;
  /** Relocation's weight of negative ties within groups. @default relocate's own (0.5) */
  readonly alpha?: number | undefined;
}

/** A relation as the analysis output cites it: its type, span and evidence. */
export interface CitedRelation {
  readonly index: number;
  readonly id: string | null;
  readonly type: string;
  readonly from: string;
  readonly to: string;
  readonly since: string | null;
  readonly until: string | null;
  readonly assumption: boolean;
  readonly evidence: readonly {
    source: string;
    paragraph: number | null;
    sentence: number | null;
    paraphrase: string;
  }[];
}

/**
 * The relation at `index` of a case, ready to cite.
 * @throws {EntenteError} `not-found` when the case has no relation at `index`
 */
export function citeRelation(c: Case, index: number): CitedRelation {
  const r = c.relations[index];
  if (!r) throw new EntenteError('not-found', `citeRelation: no relation ${index}`);
  return {
    index,
    id: r.id ?? null,
    type: r.type,
    from: r.from,
    to: r.to,
    since: r.since ?? null,
    until: r.until ?? null,
    assumption: r.assumption === true,
    evidence: (r.evidence ?? []).map((e) => ({
      source: e.source,
      paragraph: e.paragraph ?? null,
      sentence: e.sentence ?? null,
      paraphrase: e.paraphrase,
    })),
  };
}

const projectionOf = (c: Case, options: AnalyzeCaseOptions): Projection =>
  projectSigned(c, { at: options.at, layers: options.layers, combine: options.combine });

/**
 * The signed projection at the options' date, for drawing: the actors in force and each tie with
 * the relations behind it — `relations` holds each relation's id (or `#<index>` when it has none)
 * and `relationIndices` its index in `case.relations`.
 */
export function analysisProjection(c: Case, options: AnalyzeCaseOptions = {}) {
  return drawnProjection(c, projectionOf(c, options));
}

function drawnProjection(c: Case, p: Projection) {
  const byId = new Map(c.actors.map((a) => [a.id, a]));
  const ref = (i: number) => c.relations[i]?.id ?? `#${i}`;
  return {
    options: p.options,
    actors: p.graph.nodes.map((id) => {
      const a = byId.get(id);
      return { id, name: a?.name ?? id, kind: a?.kind ?? null, size: a?.size?.value ?? null };
    }),
    ties: p.ties.map((t) => ({
      source: t.source,
      target: t.target,
      sign: t.sign,
      weight: t.weight,
      relations: t.relations.map(ref),
      relationIndices: [...t.relations],
    })),
    ambivalent: p.ambivalent.map((t) => ({
      source: t.source,
      target: t.target,
      relations: t.relations.map(ref),
      relationIndices: [...t.relations],
    })),
  };
}

/** Structural balance at the options' date: triad census, unbalanced triads, frustration. */
export async function analyzeBalance(c: Case, options: AnalyzeCaseOptions = {}) {
  return balanceOf(c, projectionOf(c, options), options);
}

async function balanceOf(c: Case, projection: Projection, options: AnalyzeCaseOptions) {
  const triads = triadsOfCase(projection, { limit: options.limit ?? 50 });
  const f = await frustration(projection.graph, {
    weighted: options.weighted ?? false,
    timeLimitSeconds: options.timeLimit ?? 60,
    seed: options.seed ?? 1,
    uniqueness: true,
  });
  return {
    at: options.at ?? null,
    projection: projection.options,
    actors: projection.graph.nodes.length,
    ties: projection.ties.length,
    frustration: frustrationJson(f),
    triads: triads.census,
    unbalancedTriads: triads.unbalanced.map((tri) => ({
      actors: tri.nodes,
      pattern: tri.pattern,
      signs: tri.signs,
      weight: tri.weight,
      ties: tri.edges.map((_, i) => ({
        between: [tri.nodes[i < 2 ? 0 : 1], tri.nodes[i === 0 ? 1 : 2]],
        sign: tri.signs[i],
        relations: (tri.relations[i] ?? []).map((r) => citeRelation(c, r)),
      })),
    })),
    unbalancedTotal: triads.total,
    unbalancedTruncated: triads.truncated,
  };
}

/** What {@link analyzeBalance} returns. */
export type BalanceAnalysis = Awaited<ReturnType<typeof analyzeBalance>>;

function frustrationJson(f: FrustrationResult) {
  return {
    value: f.value,
    exact: f.exact,
    lowerBound: f.lowerBound,
    gap: f.gap,
    weighted: f.weighted,
    method: f.method,
    unique: f.diagnostics.unique,
    partition: f.partition,
    perActor: Object.fromEntries(Object.entries(f.perActor).map(([id, a]) => [id, a.ties])),
    perActorShare: Object.fromEntries(Object.entries(f.perActor).map(([id, a]) => [id, a.share])),
    diagnostics: f.diagnostics,
  };
}

/** The landscape input of a case at the options' date (sizes, propensities, diagnostics). */
export function landscapeInputOfCase(
  c: Case,
  options: AnalyzeCaseOptions = {},
): LandscapeInputFromCase {
  return landscapeInputFromProjection(projectionOf(c, options), c, {
    defaultSize: options.defaultSize,
  });
}

function landscapeJson(
  c: Case,
  input: LandscapeInputFromCase,
  r: LandscapeResult,
  at: string | undefined,
) {
  const alignments = (c.alignments ?? [])
    .filter((a) => at === undefined || a.at === undefined || a.at === at)
    .map((a) => compareAlignment(r, a));
  return {
    at: at ?? null,
    convention: r.convention,
    exhaustive: r.exhaustive,
    configurations: r.configurations,
    actorsIncluded: input.actors,
    minima: r.minima,
    actors: r.actors,
    alignments,
    options: r.options,
    diagnostics: [...input.diagnostics, ...r.diagnostics],
  };
}

/** The landscape at the options' date: stable configurations, energies, basins, alignments. */
export function analyzeLandscape(c: Case, options: AnalyzeCaseOptions = {}) {
  return landscapeOf(c, landscapeInputOfCase(c, options), options);
}

function landscapeOf(c: Case, input: LandscapeInputFromCase, options: AnalyzeCaseOptions) {
  const r = landscape(input, {
    starts: options.starts,
    seed: options.seed,
    basins: options.basins,
  });
  return landscapeJson(c, input, r, options.at);
}

/** What {@link analyzeLandscape} returns. */
export type LandscapeAnalysis = ReturnType<typeof analyzeLandscape>;

/**
 * Tipping points for each armed group of the case: θ scales the group's negative ties from 1
 * (as recorded) down to 0 (no threat). No group is singled out; the case's actor kinds decide.
 */
export function analyzeThreatTipping(c: Case, options: AnalyzeCaseOptions = {}) {
  return tippingOf(c, landscapeInputOfCase(c, options));
}

function tippingOf(c: Case, input: LandscapeInputFromCase) {
  const groups = c.actors.filter((a) => a.kind === 'armed-group' && input.actors.includes(a.id));
  return groups.map((g) => ({
    group: g.id,
    ...tippingPoints(input, { kind: 'actor-ties', actor: g.id, sign: 'negative' }, [0, 1]),
  }));
}

/** Relocation into k groups (or swept over 1..kMax) and the signed-modularity partition. */
export function analyzeCoalitions(c: Case, options: AnalyzeCaseOptions = {}) {
  return coalitionsOf(projectionOf(c, options), options);
}

function coalitionsOf(projection: Projection, options: AnalyzeCaseOptions) {
  const g = projection.graph;
  const common = {
    alpha: options.alpha,
    starts: options.starts,
    seed: options.seed,
    weighted: options.weighted,
  };
  const relocation: RelocationResult[] =
    options.k !== undefined
      ? [relocate(g, { k: options.k, ...common })]
      : sweepRelocation(g, {
          kMin: 1,
          kMax: Math.min(options.kMax ?? 4, g.nodes.length),
          ...common,
        });
  const modularity =
    projection.ties.length > 0 ? maximizeSignedModularity(g, { seed: options.seed }) : null;
  return { at: options.at ?? null, projection: projection.options, relocation, modularity };
}

/** What {@link analyzeCoalitions} returns. */
export type CoalitionsAnalysis = ReturnType<typeof analyzeCoalitions>;

/** Dependency on patrons, threat leverage and brokerage at the options' date. */
export function analyzeLeverage(c: Case, options: AnalyzeCaseOptions = {}) {
  const at = options.at;
  return {
    at: at ?? null,
    dependency: dependency(c, { at }),
    threatLeverage: threatLeverage(c, { at }),
    brokerage: brokerage(c, { at, combine: options.combine }),
  };
}

/** What {@link analyzeLeverage} returns. */
export type LeverageAnalysis = ReturnType<typeof analyzeLeverage>;

/**
 * Runs every analysis of a case at one date (relocation with `k` = 2 unless given).
 * @throws {EntenteError} `invalid-argument` on a bad date, layer or combine rule
 * @example await analyzeCase(c, { at: '2023' }) // .balance.frustration.value === 8 for the built-in case
 */
export async function analyzeCase(c: Case, options: AnalyzeCaseOptions = {}) {
  // The same values, in the same order, as calling each exported part with `options`.
  const projection = projectionOf(c, options);
  const drawn = drawnProjection(c, projection);
  const balance = await balanceOf(c, projection, options);
  const input = landscapeInputFromProjection(projection, c, { defaultSize: options.defaultSize });
  return {
    at: options.at ?? null,
    projection: drawn,
    balance,
    landscape: landscapeOf(c, input, options),
    tipping: tippingOf(c, input),
    coalitions: coalitionsOf(projection, { ...options, k: options.k ?? 2 }),
    leverage: analyzeLeverage(c, options),
  };
}

/** What {@link analyzeCase} returns. */
export type CaseAnalysis = Awaited<ReturnType<typeof analyzeCase>>;
