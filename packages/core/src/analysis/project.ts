/**
 * Signed projection: from a case's typed relations to one undirected signed weighted graph, per
 * layer or combined, at a date. Documented in docs/analysis.md ("Signed projection").
 *
 * Each relation in force contributes `sign × weight × evidence share × confidence` — its expected
 * signed strength (sign and layer from the vocabulary unless the relation overrides its sign;
 * sign-0 relations contribute nothing; `confidence` is the probability that the relation holds,
 * and an evidence item that supports several relations shares its weight among them, see
 * `case/effective.ts`) — to the unordered pair of its actors. Parallel relations between one pair combine by the rule `combine`:
 * - `net` (default): the contributions are summed; the tie's sign is the sign of the sum and its
 *   weight the absolute sum. A pair whose contributions cancel exactly gets no tie and is listed
 *   in `ambivalent`.
 * - `negative`: any negative relation makes the tie negative (enmity dominates); weight = sum of
 *   the negative magnitudes.
 * - `positive`: any positive relation makes the tie positive; weight = sum of positive magnitudes.
 * Every tie keeps the indices of the relations behind it, so each figure can be explained.
 */
import { snapshot } from '../case/case-at.js';
import { effectiveRelations, evidenceKey } from '../case/effective.js';
import type { Case } from '../case/schema.js';
import { LAYERS, type Layer } from '../case/vocabulary.js';
import { EntenteError } from '../errors.js';
import { type SignedGraph, signedGraph } from './signed-graph.js';

/** How parallel relations of one pair combine into a signed tie. */
export const COMBINE_RULES = Object.freeze(['net', 'negative', 'positive'] as const);
export type CombineRule = (typeof COMBINE_RULES)[number];

/** Options of {@link projectSigned}. */
export interface ProjectionOptions {
  /** Only relations (and actors) in force at this partial date. @default undefined (all) */
  readonly at?: string | undefined;
  /** Layers to include. @default all five */
  readonly layers?: readonly Layer[] | undefined;
  /** @default 'net' */
  readonly combine?: CombineRule | undefined;
}

/** A projection option set with every default filled in; reported with each result. */
export interface ResolvedProjectionOptions {
  readonly at: string | null;
  readonly layers: readonly Layer[];
  readonly combine: CombineRule;
}

/** One tie of the projection, with the relations that produced it. */
export interface ProjectedTie {
  readonly source: string;
  readonly target: string;
  readonly sign: -1 | 1;
  readonly weight: number;
  /** Indices into `case.relations`. */
  readonly relations: readonly number[];
}

/** The signed projection of a case. */
export interface Projection {
  readonly options: ResolvedProjectionOptions;
  readonly graph: SignedGraph;
  /** Ties in the order of the graph's edges. */
  readonly ties: readonly ProjectedTie[];
  /** Pairs whose relations cancel out exactly under `net`, with the relations behind them. */
  readonly ambivalent: readonly { source: string; target: string; relations: readonly number[] }[];
}

/** Fills in the defaults of projection options. @throws {EntenteError} on an unknown layer or rule */
export function resolveProjectionOptions(
  options: ProjectionOptions = {},
): ResolvedProjectionOptions {
  const layers = options.layers ?? LAYERS;
  for (const l of layers) {
    if (!(LAYERS as readonly string[]).includes(l)) {
      throw new EntenteError(
        'invalid-argument',
        `projectSigned: unknown layer "${l}"; layers are ${LAYERS.join(', ')}`,
      );
    }
  }
  const combine = options.combine ?? 'net';
  if (!(COMBINE_RULES as readonly string[]).includes(combine)) {
    throw new EntenteError(
      'invalid-argument',
      `projectSigned: unknown combine rule "${combine}"; use ${COMBINE_RULES.join(', ')}`,
    );
  }
  return { at: options.at ?? null, layers: [...layers], combine };
}

/**
 * A case compiled for projection at one date: the relations in force, each with its pair, signed
 * weight and probability in typed arrays, and the evidence items each one cites, so a case draw
 * ({@link caseDraws}) re-projects without re-validating or re-snapshotting the case.
 */
export interface CompiledProjection {
  readonly options: ResolvedProjectionOptions;
  /** Actors in force, in case order. */
  readonly nodes: readonly string[];
  /** The unordered pairs relations fall on, `a < b`. */
  readonly pairs: readonly { readonly a: string; readonly b: string }[];
  /** Per relation in force: its index in the whole case's `relations`. */
  readonly relation: Int32Array;
  /** Per relation in force: its pair, or −1 when it does not count (other layer, sign 0). */
  readonly pair: Int32Array;
  /** Per relation in force: sign × weight (before evidence sharing and probability). */
  readonly signedWeight: Float64Array;
  /** Per relation in force: its effective sign (−1, 0 or 1). */
  readonly sign: Int8Array;
  /** Per relation in force: the probability it holds (its confidence, default 1). */
  readonly probability: Float64Array;
  /** Evidence items of relation r: `evidence[evidenceStart[r] .. evidenceStart[r + 1])`. */
  readonly evidenceStart: Int32Array;
  readonly evidence: Int32Array;
  /** Number of distinct evidence items. */
  readonly evidenceItems: number;
}

/**
 * Compiles a validated case for projection at the options' date (explicit options win over the
 * case's own `analysis` settings, which win over the defaults).
 * @throws {EntenteError} `invalid-argument` on a bad date, layer or rule
 */
export function compileProjection(
  whole: Case,
  options: ProjectionOptions = {},
): CompiledProjection {
  const resolved = resolveProjectionOptions({
    at: options.at,
    layers: options.layers ?? whole.analysis?.layers,
    combine: options.combine ?? whole.analysis?.combine,
  });
  const c = resolved.at === null ? whole : snapshot(whole, { at: resolved.at }, 'projectSigned');
  const layers = new Set<Layer>(resolved.layers);
  const wholeIndex = new Map(whole.relations.map((r, i) => [r, i]));
  const effective = effectiveRelations(c);
  const m = effective.length;
  const pairIndex = new Map<string, number>();
  const pairs: { a: string; b: string }[] = [];
  const relation = new Int32Array(m);
  const pair = new Int32Array(m);
  const signedWeight = new Float64Array(m);
  const sign = new Int8Array(m);
  const probability = new Float64Array(m);
  const evidenceStart = new Int32Array(m + 1);
  const evidence: number[] = [];
  const itemIndex = new Map<string, number>();
  for (let k = 0; k < m; k++) {
    const r = effective[k] as (typeof effective)[number];
    relation[k] = wholeIndex.get(r.relation) ?? r.index;
    probability[k] = r.probability;
    signedWeight[k] = r.sign * r.weight;
    sign[k] = r.sign;
    evidenceStart[k] = evidence.length;
    const keys = new Set<string>();
    for (const e of r.relation.evidence ?? []) {
      const key = evidenceKey(e);
      if (key !== null) keys.add(key);
    }
    for (const key of keys) {
      let id = itemIndex.get(key);
      if (id === undefined) {
        id = itemIndex.size;
        itemIndex.set(key, id);
      }
      evidence.push(id);
    }
    if (!layers.has(r.layer) || r.sign === 0) {
      pair[k] = -1;
      continue;
    }
    const [a, b] =
      r.relation.from < r.relation.to
        ? [r.relation.from, r.relation.to]
        : [r.relation.to, r.relation.from];
    const key = `${a}\u0000${b}`;
    let p = pairIndex.get(key);
    if (p === undefined) {
      p = pairs.length;
      pairIndex.set(key, p);
      pairs.push({ a, b });
    }
    pair[k] = p;
  }
  evidenceStart[m] = evidence.length;
  return {
    options: resolved,
    nodes: c.actors.map((a) => a.id),
    pairs,
    relation,
    pair,
    signedWeight,
    sign,
    probability,
    evidenceStart,
    evidence: Int32Array.from(evidence),
    evidenceItems: itemIndex.size,
  };
}

/**
 * The projection of a compiled case. Without `present`, every relation counts with its expected
 * strength, sign × weight × evidence share × probability (docs/analysis.md, "Evidence and
 * confidence"). With `present` (one flag per relation in force, as a case draw sets them), only
 * the relations present count, each with sign × weight × its evidence share among the present
 * relations — exactly the projection of the drawn case ({@link drawCase}); `weights` (one per
 * relation in force) then replaces the recorded weights by those the draw took. `scale` (one
 * factor per relation in force) multiplies each contribution, for tipping parameters that move
 * relations rather than ties.
 */
export function projectCompiled(
  p: CompiledProjection,
  present?: Uint8Array,
  scale?: Float64Array,
  weights?: Float64Array,
): Projection {
  const m = p.relation.length;
  // evidence shares among the relations that hold (all of them for the expected projection)
  const count = new Int32Array(p.evidenceItems);
  for (let k = 0; k < m; k++) {
    if (present && present[k] === 0) continue;
    for (let e = p.evidenceStart[k] as number; e < (p.evidenceStart[k + 1] as number); e++)
      (count[p.evidence[e] as number] as number)++;
  }
  const np = p.pairs.length;
  const pos = new Float64Array(np);
  const neg = new Float64Array(np);
  const behind: number[][] = Array.from({ length: np }, () => []);
  for (let k = 0; k < m; k++) {
    const q = p.pair[k] as number;
    if (q < 0 || (present && present[k] === 0)) continue;
    const from = p.evidenceStart[k] as number;
    const to = p.evidenceStart[k + 1] as number;
    let share = 1;
    if (to > from) {
      share = 0;
      for (let e = from; e < to; e++) share += 1 / (count[p.evidence[e] as number] as number);
      if (share > 1) share = 1;
    }
    const w =
      (weights ? (p.sign[k] as number) * (weights[k] as number) : (p.signedWeight[k] as number)) *
      share *
      (present ? 1 : (p.probability[k] as number)) *
      (scale ? (scale[k] as number) : 1);
    if (w > 0) pos[q] = (pos[q] as number) + w;
    else neg[q] = (neg[q] as number) - w;
    (behind[q] as number[]).push(p.relation[k] as number);
  }
  const ties: ProjectedTie[] = [];
  const ambivalent: { source: string; target: string; relations: number[] }[] = [];
  for (let q = 0; q < np; q++) {
    const relations = behind[q] as number[];
    if (relations.length === 0) continue;
    const { a, b } = p.pairs[q] as { a: string; b: string };
    const sp = pos[q] as number;
    const sn = neg[q] as number;
    let sign: -1 | 1;
    let weight: number;
    if (p.options.combine === 'net') {
      const net = sp - sn;
      if (net === 0) {
        ambivalent.push({ source: a, target: b, relations });
        continue;
      }
      sign = net > 0 ? 1 : -1;
      weight = Math.abs(net);
    } else if (p.options.combine === 'negative') {
      sign = sn > 0 ? -1 : 1;
      weight = sn > 0 ? sn : sp;
    } else {
      sign = sp > 0 ? 1 : -1;
      weight = sp > 0 ? sp : sn;
    }
    if (weight === 0) {
      ambivalent.push({ source: a, target: b, relations });
      continue;
    }
    ties.push({ source: a, target: b, sign, weight, relations });
  }
  const graph = signedGraph(
    ties.map((t) => ({ source: t.source, target: t.target, sign: t.sign, weight: t.weight })),
    p.nodes,
  );
  return { options: p.options, graph, ties, ambivalent };
}

/**
 * Projects a validated case onto a signed graph whose nodes are all actors in force.
 * @throws {EntenteError} `invalid-argument` on a bad date, layer or rule
 * @example projectSigned(c, { at: '2023', layers: ['security'] }).ties
 */
export function projectSigned(whole: Case, options: ProjectionOptions = {}): Projection {
  return projectCompiled(compileProjection(whole, options));
}
