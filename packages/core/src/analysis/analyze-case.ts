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
 *
 * Options are resolved once ({@link resolveAnalysisOptions}) and every result reports them. With
 * `draws: N` each part also reports its spread over N seeded case draws (`case-draws.ts`): the
 * frustration index's 5–95% range, the share of draws in which each stable configuration is a
 * minimum, the share in which each group's threats have a tipping point, the share in which the
 * coalitions come out the same (docs/analysis.md, "Uncertainty in the case").
 */

import { effectiveRelations } from '../case/effective.js';
import type { Case } from '../case/schema.js';
import { EntenteError } from '../errors.js';
import { evidenceParaphrase } from '../events/relations-evidence.js';
import { quantiles } from '../exploration/statistics/quantiles.js';
import {
  type AnalysisOptions,
  type ResolvedAnalysisOptions,
  resolveAnalysisOptions,
} from './analysis-options.js';
import { triadsOfCase } from './balance/triads-of-case.js';
import { type CompiledDraw, drawMasks } from './case-draws.js';
import { maximizeSignedModularity } from './coalitions/maximize-signed-modularity.js';
import { type RelocationResult, relocate } from './coalitions/relocate.js';
import { sweepRelocation } from './coalitions/sweep-relocation.js';
import { frustration } from './frustration/frustration.js';
import type { FrustrationResult } from './frustration/result.js';
import { compareAlignment } from './landscape/alignment.js';
import { type LandscapeInputFromCase, landscapeInputFromProjection } from './landscape/input.js';
import { landscape } from './landscape/landscape.js';
import type { TippingParameter } from './landscape/parameter.js';
import { actorSizes } from './landscape/sizes.js';
import { tippingPoints } from './landscape/tipping.js';
import { brokerage } from './leverage/brokerage.js';
import { dependency } from './leverage/dependency.js';
import { threatLeverage } from './leverage/threat-leverage.js';
import {
  type CompiledProjection,
  compileProjection,
  type Projection,
  projectCompiled,
} from './project.js';

/** Options of {@link analyzeCase} and of each analysis it runs (see {@link AnalysisOptions}). */
export type AnalyzeCaseOptions = AnalysisOptions;

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
      paragraph: e.kind === 'data' ? null : (e.paragraph ?? null),
      sentence: e.kind === 'data' ? null : (e.sentence ?? null),
      paraphrase: evidenceParaphrase(e),
    })),
  };
}

/** A case prepared for analysis: options resolved, projection compiled, draws taken once. */
interface Prepared {
  readonly o: ResolvedAnalysisOptions;
  readonly compiled: CompiledProjection;
  readonly projection: Projection;
  /** The projections of the case draws (empty without draws). */
  readonly draws: readonly Projection[];
  /** The draws over `compiled`'s relations in force (which hold, their weights). */
  readonly masks: readonly CompiledDraw[];
}

function prepare(c: Case, options: AnalysisOptions): Prepared {
  const o = resolveAnalysisOptions(c, options);
  const compiled = compileProjection(c, {
    at: o.at ?? undefined,
    layers: o.layers,
    combine: o.combine,
  });
  const masks = o.draws > 0 ? drawMasks(c, compiled, o.draws, o.seed) : [];
  return {
    o,
    compiled,
    projection: projectCompiled(compiled),
    draws: masks.map((m) =>
      projectCompiled(compiled, m.present, undefined, m.weights ?? undefined),
    ),
    masks,
  };
}

const projectionOf = (c: Case, options: AnalysisOptions): Projection =>
  prepare(c, options).projection;

/**
 * The resolved options as results report them: all but the solver's time budget, which bounds
 * the work rather than choosing the model (`frustration.exact` says whether it sufficed), and
 * which the CLI and the server set differently.
 */
function reportedOptions(o: ResolvedAnalysisOptions): Omit<ResolvedAnalysisOptions, 'timeLimit'> {
  const { timeLimit: _, ...rest } = o;
  return rest;
}

const Q = [0.05, 0.5, 0.95];

/** n, 5% quantile, median and 95% quantile of values. */
function spread(values: number[]): { n: number; q05: number; median: number; q95: number } {
  const [q05, median, q95] = quantiles(Float64Array.from(values), Q);
  return { n: values.length, q05, median, q95 };
}

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
export async function analyzeBalance(c: Case, options: AnalysisOptions = {}) {
  return balanceOf(c, prepare(c, options));
}

async function balanceOf(c: Case, p: Prepared) {
  const { o, projection } = p;
  const triads = triadsOfCase(projection, { limit: o.limit });
  const solve = (graph: Projection['graph'], uniqueness: boolean) =>
    frustration(graph, {
      weighted: o.weighted,
      timeLimitSeconds: o.timeLimit,
      seed: o.seed,
      uniqueness,
    });
  const f = await solve(projection.graph, true);
  let draws: ReturnType<typeof spread> & { exact: number } = null as never;
  if (p.draws.length > 0) {
    const values: number[] = [];
    let exact = 0;
    for (const d of p.draws) {
      const fd = await solve(d.graph, false);
      values.push(fd.value);
      if (fd.exact) exact++;
    }
    draws = { ...spread(values), exact };
  }
  return {
    at: o.at,
    period: o.period,
    options: reportedOptions(o),
    projection: projection.options,
    actors: projection.graph.nodes.length,
    ties: projection.ties.length,
    frustration: { ...frustrationJson(f), draws: p.draws.length > 0 ? draws : null },
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

/** The landscape input of a projection under the resolved size rule. */
function inputOf(
  c: Case,
  o: ResolvedAnalysisOptions,
  projection: Projection,
  sizes: Map<string, number>,
) {
  return landscapeInputFromProjection(projection, c, {
    defaultSize: o.defaultSize ?? undefined,
    sizes,
  });
}

/** The landscape input of a case at the options' date (sizes, propensities, diagnostics). */
export function landscapeInputOfCase(
  c: Case,
  options: AnalysisOptions = {},
): LandscapeInputFromCase {
  const p = prepare(c, { ...options, draws: 0 });
  return inputOf(c, p.o, p.projection, actorSizes(c, p.o.sizes, p.o.at));
}

/** The landscape inputs of a prepared case: the point one and one per draw (same sizes). */
function landscapeInputs(c: Case, p: Prepared) {
  const sizes = actorSizes(c, p.o.sizes, p.o.at);
  return {
    input: inputOf(c, p.o, p.projection, sizes),
    draws: p.draws.map((d) => inputOf(c, p.o, d, sizes)),
  };
}

/**
 * A test of whether a configuration places every actor of an observed alignment as observed
 * (actors it does not name are free): for two observed groups, a pass over the configuration's
 * two sides without allocating (the draws test every minimum of every draw); otherwise
 * {@link compareAlignment}.
 */
function alignmentMatcher(
  a: NonNullable<Case['alignments']>[number],
): (m: { coalitions: readonly [readonly string[], readonly string[]] }) => boolean {
  if (a.coalitions.length !== 2) return (m) => compareAlignment(m, a).misplaced.length === 0;
  const group = new Map<string, number>();
  a.coalitions.forEach((g, gi) => {
    for (const id of g) group.set(id, gi);
  });
  return (m) => {
    // side of group 0 and of group 1 as first seen; −1 = not seen yet
    const sideOf = [-1, -1];
    for (let s = 0; s < 2; s++) {
      for (const id of m.coalitions[s] as readonly string[]) {
        const gi = group.get(id);
        if (gi === undefined) continue;
        if (sideOf[gi] === -1) sideOf[gi] = s;
        else if (sideOf[gi] !== s) return false;
      }
    }
    return sideOf[0] === -1 || sideOf[1] === -1 || sideOf[0] !== sideOf[1];
  };
}

const keyOf = (coalitions: readonly [readonly string[], readonly string[]]) =>
  JSON.stringify(coalitions);

function landscapeOf(
  c: Case,
  p: Prepared,
  given: ReturnType<typeof landscapeInputs>,
  layers: readonly string[] = p.o.layers,
  maxMinimaForDraws = Number.POSITIVE_INFINITY,
) {
  const { o } = p;
  const { input } = given;
  const run = (x: LandscapeInputFromCase, basins: boolean) =>
    landscape(x, { starts: o.starts ?? undefined, seed: o.seed, basins });
  const r = run(input, o.basins);
  // A landscape with very many minima is a plateau (few ties); its draws would cost much and say little.
  const skipDraws = given.draws.length > 0 && r.minima.length > maxMinimaForDraws;
  const inputs = skipDraws ? { input, draws: [] } : given;
  const at = o.at ?? undefined;
  const observed = (c.alignments ?? []).filter(
    (a) => at === undefined || a.at === undefined || a.at === at,
  );
  const matchers = new Map(observed.map((a) => [a, alignmentMatcher(a)]));
  const matches = (m: { coalitions: [string[], string[]] }, a: (typeof observed)[number]) =>
    (matchers.get(a) as (m: { coalitions: [string[], string[]] }) => boolean)(m);
  // Draws: how often each configuration is a local minimum, and each alignment among them.
  const counts = new Map<string, { coalitions: [string[], string[]]; count: number }>();
  const alignmentCounts = observed.map(() => 0);
  for (const x of inputs.draws) {
    const rd = run(x, false);
    for (const m of rd.minima) {
      const k = keyOf(m.coalitions);
      const e = counts.get(k) ?? { coalitions: m.coalitions, count: 0 };
      e.count++;
      counts.set(k, e);
    }
    observed.forEach((a, ai) => {
      if (rd.minima.some((m) => matches(m, a))) alignmentCounts[ai]++;
    });
  }
  const n = inputs.draws.length;
  const shareOf = (coalitions: [string[], string[]]) =>
    n === 0 ? null : (counts.get(keyOf(coalitions))?.count ?? 0) / n;
  const alignments = observed.map((a, ai) => {
    const matching = r.minima.flatMap((m, i) => (matches(m, a) ? [i] : []));
    return {
      ...compareAlignment(r, a),
      /** Indices into `minima` of the minima that place every compared actor as observed. */
      matchingMinima: matching,
      isMinimum: matching.length > 0,
      uniqueMinimum: matching.length === 1 && r.minima.length === 1,
      minimumShare: n === 0 ? null : (alignmentCounts[ai] as number) / n,
    };
  });
  return {
    at: o.at,
    period: o.period,
    sizes: o.sizes,
    layers: [...layers],
    combine: o.combine,
    convention: r.convention,
    exhaustive: r.exhaustive,
    configurations: r.configurations,
    actorsIncluded: input.actors,
    minima: r.minima.map((m) => ({ ...m, share: shareOf(m.coalitions) })),
    actors: r.actors,
    alignments,
    draws:
      n === 0
        ? null
        : {
            n,
            /** Configurations that are minima in the most draws (up to 10). */
            minima: [...counts.values()]
              .sort(
                (x, y) => y.count - x.count || (keyOf(x.coalitions) < keyOf(y.coalitions) ? -1 : 1),
              )
              .slice(0, 10)
              .map((e) => ({ coalitions: e.coalitions, share: e.count / n })),
          },
    options: r.options,
    diagnostics: [
      ...(o.period?.warning ? [o.period.warning] : []),
      ...input.diagnostics,
      ...r.diagnostics,
      ...(skipDraws
        ? [
            `case draws skipped: ${r.minima.length} minima (more than ${maxMinimaForDraws}; a layer with few ties is a plateau)`,
          ]
        : []),
    ],
  };
}

/** Most minima a single layer's landscape may have for `byLayer` to run its case draws. */
const BY_LAYER_MAX_MINIMA_FOR_DRAWS = 64;

/**
 * The landscape at the options' date: stable configurations, energies, basins, alignments; with
 * several layers, also the landscape of each layer alone (`byLayer`).
 */
export function analyzeLandscape(c: Case, options: AnalysisOptions = {}) {
  const p = prepare(c, options);
  return { ...landscapeOf(c, p, landscapeInputs(c, p)), byLayer: byLayer(c, p) };
}

/** The landscape of each chosen layer alone (when more than one is chosen). */
function byLayer(c: Case, p: Prepared) {
  if (!p.o.byLayer || p.o.layers.length < 2) return [];
  return p.o.layers.map((layer) => {
    let one: Prepared;
    try {
      one = prepare(c, { ...p.o, layers: [layer] });
      const inputs = landscapeInputs(c, one);
      return {
        layer,
        ...landscapeOf(c, one, inputs, [layer], BY_LAYER_MAX_MINIMA_FOR_DRAWS),
        error: null,
      };
    } catch (e) {
      return { layer, error: e instanceof Error ? e.message : String(e) };
    }
  });
}

/** What {@link analyzeLandscape} returns. */
export type LandscapeAnalysis = ReturnType<typeof analyzeLandscape>;

/**
 * Tipping points for each armed group of the case: θ scales the group's negative ties from 1
 * (as recorded) down to 0 (no threat). No group is singled out; the case's actor kinds decide.
 * With draws, each group also reports the share of draws with a tipping point in [0, 1] and the
 * 5–95% range of the highest one.
 */
export function analyzeThreatTipping(c: Case, options: AnalysisOptions = {}) {
  const p = prepare(c, options);
  return tippingOf(c, landscapeInputs(c, p));
}

function tippingOf(c: Case, inputs: ReturnType<typeof landscapeInputs>) {
  const { input } = inputs;
  const groups = c.actors.filter((a) => a.kind === 'armed-group' && input.actors.includes(a.id));
  return groups.map((g) => {
    const parameter = { kind: 'actor-ties', actor: g.id, sign: 'negative' } as const;
    const point = tippingPoints(input, parameter, [0, 1]);
    const n = inputs.draws.length;
    let draws = null;
    if (n > 0) {
      const highest: number[] = [];
      for (const x of inputs.draws) {
        const t = tippingPoints(x, parameter, [0, 1]);
        if (t.tippingPoints.length > 0)
          highest.push(Math.max(...t.tippingPoints.map((q) => q.value)));
      }
      draws = {
        n,
        /** Share of draws in which the most stable configuration changes for θ in [0, 1]. */
        share: highest.length / n,
        /** The highest tipping θ over the draws that have one. */
        highest: highest.length > 0 ? spread(highest) : null,
      };
    }
    return { group: g.id, ...point, draws };
  });
}

/** Relation types of threat-driven cooperation, which `threat` tipping can scale with the threat. */
export const THREAT_COOPERATION_TYPES: readonly string[] = Object.freeze([
  'counter-terrorism-cooperation',
]);

/**
 * A tipping parameter: one of the landscape's own (parameter.ts), or `threat`: θ scales the
 * negative relations of armed group `group` (its threats and conflicts) and, with `cooperation`,
 * the threat-driven cooperation that answers them (¶3 of the built-in essay: reducing the threat
 * removes "a significant portion of the reasons for the support"). A state X's counter-terrorism
 * cooperation scales by 1 − (1 − θ)·t_gX / Σ_h t_hX, where t_hX is the expected strength of
 * armed group h's threats to X — the part of X's cooperation that answers g's threat goes with it.
 */
export type TippingRequest =
  | TippingParameter
  | { readonly kind: 'threat'; readonly group: string; readonly cooperation?: boolean | undefined };

/** Options of {@link analyzeTipping}. */
export interface AnalyzeTippingOptions extends AnalysisOptions {
  /** Also sweep θ in this many steps (see tippingPoints). */
  readonly steps?: number | undefined;
}

/**
 * Where the most stable configuration changes as one parameter moves over `range`, on the case at
 * the options' date; with draws, also the share of draws with a tipping point in the range and the
 * 5–95% range of the highest one.
 * @throws {EntenteError} `invalid-argument` on a bad option or parameter; `threat` with
 * `cooperation` needs `combine: net` (the only rule under which a tie is linear in its relations)
 * @example analyzeTipping(c, { kind: 'threat', group: 'isk', cooperation: true }, [0, 1], { at: '2023' })
 */
export function analyzeTipping(
  c: Case,
  request: TippingRequest,
  range: [number, number],
  options: AnalyzeTippingOptions = {},
) {
  const p = prepare(c, options);
  const { o } = p;
  const sizes = actorSizes(c, o.sizes, o.at);
  const input = inputOf(c, o, p.projection, sizes);
  const tippingOptions = options.steps ? { steps: options.steps } : {};
  let parameterOf: (mask: CompiledDraw | undefined, x: LandscapeInputFromCase) => TippingParameter;
  if (request.kind === 'threat') {
    if (request.cooperation && o.combine !== 'net') {
      throw new EntenteError(
        'invalid-argument',
        `analyzeTipping: scaling cooperation with the threat needs combine "net", got "${o.combine}"`,
      );
    }
    const scale0 = threatScale(c, p.compiled, request.group, request.cooperation === true);
    const description = `negative relations of "${request.group}"${request.cooperation ? ' and the counter-terrorism cooperation answering its threats' : ''} scaled by θ`;
    parameterOf = (mask, x) => {
      if (!request.cooperation)
        return { kind: 'actor-ties', actor: request.group, sign: 'negative' };
      const projection0 = projectCompiled(
        p.compiled,
        mask?.present,
        scale0,
        mask?.weights ?? undefined,
      );
      const at0 = inputOf(c, o, projection0, sizes).propensity;
      const delta = new Float64Array(x.propensity.length);
      for (let q = 0; q < delta.length; q++)
        delta[q] = (x.propensity[q] as number) - (at0[q] as number);
      return { kind: 'shift', description, delta };
    };
  } else parameterOf = () => request;
  const point = tippingPoints(input, parameterOf(undefined, input), range, tippingOptions);
  let draws = null;
  if (p.masks.length > 0) {
    const highest: number[] = [];
    p.masks.forEach((mask, j) => {
      const x = inputOf(c, o, p.draws[j] as Projection, sizes);
      const t = tippingPoints(x, parameterOf(mask, x), range, tippingOptions);
      if (t.tippingPoints.length > 0)
        highest.push(Math.max(...t.tippingPoints.map((q) => q.value)));
    });
    draws = {
      n: p.masks.length,
      share: highest.length / p.masks.length,
      highest: highest.length > 0 ? spread(highest) : null,
    };
  }
  return {
    ...point,
    at: o.at,
    period: o.period,
    sizes: o.sizes,
    layers: o.layers,
    draws,
    diagnostics: [
      ...(o.period?.warning ? [o.period.warning] : []),
      ...input.diagnostics,
      ...point.diagnostics,
    ],
  };
}

/** What {@link analyzeTipping} returns. */
export type TippingAnalysis = ReturnType<typeof analyzeTipping>;

/** Per relation in force: its factor at θ = 0 of a `threat` tipping parameter. */
function threatScale(
  c: Case,
  compiled: CompiledProjection,
  group: string,
  cooperation: boolean,
): Float64Array {
  if (!c.actors.some((a) => a.id === group)) {
    throw new EntenteError('invalid-argument', `analyzeTipping: unknown actor "${group}"`);
  }
  const kindOf = new Map(c.actors.map((a) => [a.id, a.kind]));
  const scale = new Float64Array(compiled.relation.length).fill(1);
  // expected threat to each target, in total and from `group`
  const total = new Map<string, number>();
  const fromGroup = new Map<string, number>();
  const effective = effectiveRelations(c);
  for (let k = 0; k < compiled.relation.length; k++) {
    const r = effective[compiled.relation[k] as number];
    if (!r) continue;
    if (r.sign < 0 && (r.relation.from === group || r.relation.to === group)) scale[k] = 0;
    if (r.relation.type === 'threat' && kindOf.get(r.relation.from) === 'armed-group') {
      const t = r.relation.to;
      total.set(t, (total.get(t) ?? 0) + r.expectedWeight);
      if (r.relation.from === group) fromGroup.set(t, (fromGroup.get(t) ?? 0) + r.expectedWeight);
    }
  }
  if (cooperation) {
    const types = new Set(THREAT_COOPERATION_TYPES);
    for (let k = 0; k < compiled.relation.length; k++) {
      const r = effective[compiled.relation[k] as number];
      if (!r || !types.has(r.relation.type)) continue;
      let share = 0;
      for (const x of [r.relation.from, r.relation.to]) {
        const t = total.get(x) ?? 0;
        if (t > 0) share = Math.max(share, (fromGroup.get(x) ?? 0) / t);
      }
      scale[k] = 1 - share;
    }
  }
  return scale;
}

/**
 * Relocation into k groups (or swept over 1..kMax) and the signed-modularity partition. With
 * draws, `draws.sameRelocation[i]` is the share of draws in which relocation i finds the same
 * partition, and `draws.sameModularity` the share with the same modularity partition.
 */
export function analyzeCoalitions(c: Case, options: AnalysisOptions = {}) {
  return coalitionsOf(prepare(c, options), options.k ?? null);
}

const partitionKey = (groups: readonly (readonly string[])[]) =>
  JSON.stringify(
    groups.map((g) => [...g].sort()).sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1)),
  );

function coalitionsOf(p: Prepared, k: number | null) {
  const { o, projection } = p;
  const run = (projectionOrDraw: Projection) => {
    const g = projectionOrDraw.graph;
    const common = {
      alpha: o.alpha ?? undefined,
      starts: o.starts ?? undefined,
      seed: o.seed,
      weighted: o.weighted,
    };
    const relocation: RelocationResult[] =
      k !== null
        ? [relocate(g, { k, ...common })]
        : sweepRelocation(g, { kMin: 1, kMax: Math.min(o.kMax, g.nodes.length), ...common });
    const modularity =
      projectionOrDraw.ties.length > 0 ? maximizeSignedModularity(g, { seed: o.seed }) : null;
    return { relocation, modularity };
  };
  const point = run(projection);
  let draws = null;
  if (p.draws.length > 0) {
    const relKeys = point.relocation.map((r) => partitionKey(r.groups));
    const modKey = point.modularity ? partitionKey(point.modularity.groups) : null;
    const same = relKeys.map(() => 0);
    let sameModularity = 0;
    for (const d of p.draws) {
      const r = run(d);
      r.relocation.forEach((x, i) => {
        if (partitionKey(x.groups) === relKeys[i]) same[i] = (same[i] as number) + 1;
      });
      if (r.modularity && modKey !== null && partitionKey(r.modularity.groups) === modKey)
        sameModularity++;
    }
    const n = p.draws.length;
    draws = { n, sameRelocation: same.map((x) => x / n), sameModularity: sameModularity / n };
  }
  return {
    at: o.at,
    period: o.period,
    projection: projection.options,
    ...point,
    draws,
  };
}

/** What {@link analyzeCoalitions} returns. */
export type CoalitionsAnalysis = ReturnType<typeof analyzeCoalitions>;

/** Dependency on patrons, threat leverage and brokerage at the options' date. */
export function analyzeLeverage(c: Case, options: AnalysisOptions = {}) {
  const o = resolveAnalysisOptions(c, { ...options, draws: 0 });
  const at = o.at ?? undefined;
  return {
    at: o.at,
    period: o.period,
    dependency: dependency(c, { at }),
    threatLeverage: threatLeverage(c, { at }),
    brokerage: brokerage(c, { at, combine: o.combine }),
  };
}

/** What {@link analyzeLeverage} returns. */
export type LeverageAnalysis = ReturnType<typeof analyzeLeverage>;

/**
 * Runs every analysis of a case at one date (relocation with `k` = 2 unless given).
 * @throws {EntenteError} `invalid-argument` on a bad date, layer, combine rule or option
 * @example await analyzeCase(c, { at: '2023' }) // .balance.frustration.value for the built-in case
 */
export async function analyzeCase(c: Case, options: AnalysisOptions = {}) {
  // The same values, in the same order, as calling each exported part with `options` (and k = 2).
  const p = prepare(c, { ...options, k: options.k ?? 2 });
  const inputs = landscapeInputs(c, p);
  return {
    at: p.o.at,
    options: reportedOptions(p.o),
    projection: drawnProjection(c, p.projection),
    balance: await balanceOf(c, p),
    landscape: { ...landscapeOf(c, p, inputs), byLayer: byLayer(c, p) },
    tipping: tippingOf(c, inputs),
    coalitions: coalitionsOf(p, p.o.k),
    leverage: analyzeLeverage(c, options),
  };
}

/** What {@link analyzeCase} returns. */
export type CaseAnalysis = Awaited<ReturnType<typeof analyzeCase>>;
