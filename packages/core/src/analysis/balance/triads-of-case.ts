/**
 * Structural balance of a case's signed projection: the signed triad census of `triads.ts` and
 * the unbalanced triads, each edge traced back to the case relations that produced the tie (see
 * `projectSigned`), so a report can show the evidence behind every contradiction. Rendering the
 * relations and their evidence is left to the caller. Conventions: docs/analysis/balance.md.
 */
import type { Projection, ResolvedProjectionOptions } from '../project.js';
import {
  type ResolvedUnbalancedTriadsOptions,
  type TriadCensus,
  triadCensus,
  type UnbalancedTriad,
  type UnbalancedTriadsOptions,
  unbalancedTriads,
} from './triads.js';

/** An unbalanced triad of a case, with the relations behind each of its three ties. */
export interface CaseTriad extends UnbalancedTriad {
  /** Indices into `case.relations`, one list per edge, parallel to `edges`. */
  readonly relations: readonly [readonly number[], readonly number[], readonly number[]];
}

/** The balance of a case's projection, as {@link triadsOfCase} computes it. */
export interface CaseTriads {
  /** The projection options that produced the graph. */
  readonly projection: ResolvedProjectionOptions;
  readonly options: ResolvedUnbalancedTriadsOptions;
  readonly census: TriadCensus;
  /** Number of unbalanced triangles in all. */
  readonly total: number;
  /** True when `unbalanced` holds fewer than `total` because of the limit. */
  readonly truncated: boolean;
  /** Unbalanced triads, heaviest first (see {@link unbalancedTriads}). */
  readonly unbalanced: readonly CaseTriad[];
}

/**
 * The triad census and the unbalanced triads of a projected case, each with its relations.
 * @throws {EntenteError} `invalid-argument` on a bad limit
 * @example triadsOfCase(projectSigned(c, { at: '2023' })).unbalanced[0].relations
 */
export function triadsOfCase(
  projection: Projection,
  options: UnbalancedTriadsOptions = {},
): CaseTriads {
  const list = unbalancedTriads(projection.graph, options);
  const census = triadCensus(projection.graph);
  const relationsOf = (k: number) => projection.ties[k].relations;
  return {
    projection: projection.options,
    options: list.options,
    census,
    total: list.total,
    truncated: list.truncated,
    unbalanced: list.triads.map((t) => ({
      ...t,
      relations: [relationsOf(t.edges[0]), relationsOf(t.edges[1]), relationsOf(t.edges[2])],
    })),
  };
}
