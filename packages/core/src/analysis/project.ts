/**
 * Signed projection: from a case's typed relations to one undirected signed weighted graph, per
 * layer or combined, at a date. Documented in docs/analysis.md ("Signed projection").
 *
 * Each relation in force contributes `sign × weight` (sign and layer from the vocabulary unless
 * the relation overrides its sign; sign-0 relations contribute nothing) to the unordered pair of
 * its actors. Parallel relations between one pair combine by the rule `combine`:
 * - `net` (default): the contributions are summed; the tie's sign is the sign of the sum and its
 *   weight the absolute sum. A pair whose contributions cancel exactly gets no tie and is listed
 *   in `ambivalent`.
 * - `negative`: any negative relation makes the tie negative (enmity dominates); weight = sum of
 *   the negative magnitudes.
 * - `positive`: any positive relation makes the tie positive; weight = sum of positive magnitudes.
 * Every tie keeps the indices of the relations behind it, so each figure can be explained.
 */
import { snapshot } from '../case/case-at.js';
import { effectiveRelations } from '../case/effective.js';
import type { Case } from '../case/schema.js';
import { LAYERS, type Layer } from '../case/vocabulary.js';
import { EntenteError } from '../errors.js';
import { type SignedGraph, signedGraph } from './signed-graph.js';

/** How parallel relations of one pair combine into a signed tie. */
export const COMBINE_RULES = ['net', 'negative', 'positive'] as const;
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
 * Projects a validated case onto a signed graph whose nodes are all actors in force.
 * @throws {EntenteError} `invalid-argument` on a bad date, layer or rule
 * @example projectSigned(c, { at: '2023', layers: ['security'] }).ties
 */
export function projectSigned(whole: Case, options: ProjectionOptions = {}): Projection {
  // Explicit options win over the case's own `analysis` settings, which win over the defaults.
  const resolved = resolveProjectionOptions({
    at: options.at,
    layers: options.layers ?? whole.analysis?.layers,
    combine: options.combine ?? whole.analysis?.combine,
  });
  const c = resolved.at === null ? whole : snapshot(whole, { at: resolved.at }, 'projectSigned');
  const layers = new Set<Layer>(resolved.layers);
  const byPair = new Map<
    string,
    { a: string; b: string; pos: number; neg: number; relations: number[] }
  >();
  // Indices refer to the whole case's relations, not the snapshot's.
  const wholeIndex = new Map(whole.relations.map((r, i) => [r, i]));
  for (const r of effectiveRelations(c)) {
    if (!layers.has(r.layer) || r.sign === 0) continue;
    const [a, b] =
      r.relation.from < r.relation.to
        ? [r.relation.from, r.relation.to]
        : [r.relation.to, r.relation.from];
    const key = `${a}\u0000${b}`;
    let entry = byPair.get(key);
    if (!entry) {
      entry = { a, b, pos: 0, neg: 0, relations: [] };
      byPair.set(key, entry);
    }
    if (r.sign > 0) entry.pos += r.weight;
    else entry.neg += r.weight;
    entry.relations.push(wholeIndex.get(r.relation) ?? r.index);
  }
  const ties: ProjectedTie[] = [];
  const ambivalent: { source: string; target: string; relations: number[] }[] = [];
  for (const e of byPair.values()) {
    let sign: -1 | 1;
    let weight: number;
    if (resolved.combine === 'net') {
      const net = e.pos - e.neg;
      if (net === 0) {
        ambivalent.push({ source: e.a, target: e.b, relations: e.relations });
        continue;
      }
      sign = net > 0 ? 1 : -1;
      weight = Math.abs(net);
    } else if (resolved.combine === 'negative') {
      sign = e.neg > 0 ? -1 : 1;
      weight = e.neg > 0 ? e.neg : e.pos;
    } else {
      sign = e.pos > 0 ? 1 : -1;
      weight = e.pos > 0 ? e.pos : e.neg;
    }
    if (weight === 0) {
      ambivalent.push({ source: e.a, target: e.b, relations: e.relations });
      continue;
    }
    ties.push({ source: e.a, target: e.b, sign, weight, relations: e.relations });
  }
  const graph = signedGraph(
    ties.map((t) => ({ source: t.source, target: t.target, sign: t.sign, weight: t.weight })),
    c.actors.map((a) => a.id),
  );
  return { options: resolved, graph, ties, ambivalent };
}
