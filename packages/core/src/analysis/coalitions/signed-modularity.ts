/**
 * Signed modularity of a partition, after V. A. Traag & J. Bruggeman, "Community detection in
 * networks with positive and negative links", Phys. Rev. E 80 (2009) 036115, with
 * γ⁺ = γ⁻ = 1 (their resolution parameters), which equals the modularity of S. Gómez, P. Jensen & A. Arenas, "Analysis of community structure in
 * networks of correlated data", Phys. Rev. E 80 (2009) 016114:
 *
 *   Q = 1/(2m⁺ + 2m⁻) · Σ_ij [ (w⁺_ij − k⁺_i k⁺_j / 2m⁺) − (w⁻_ij − k⁻_i k⁻_j / 2m⁻) ] δ(c_i, c_j)
 *
 * over ordered pairs (i = j included), where w± are the positive / negative tie weights
 * (both ≥ 0), k±_i = Σ_j w±_ij and 2m± = Σ_i k±_i. Equivalently Q = (2m⁺ Q⁺ − 2m⁻ Q⁻)/(2m⁺ + 2m⁻)
 * with Q± the Newman–Girvan modularity of each layer. When a layer has no ties (m± = 0) its term
 * is 0, so with no negative ties Q is the ordinary modularity.
 *
 * Per group c this is [2 in⁺_c − (tot⁺_c)²/2m⁺ − 2 in⁻_c + (tot⁻_c)²/2m⁻] / (2m⁺ + 2m⁻), with in_c the
 * weight of ties inside c and tot_c the degree sum of c; that is how it is computed here.
 */
import { EntenteError } from '../../errors.js';
import type { SignedGraph } from '../signed-graph.js';

/** Options of {@link signedModularity}. */
export interface SignedModularityOptions {
  /** Use tie weights (true) or count each tie as 1 (false). @default true */
  readonly weighted?: boolean;
}

/**
 * Signed modularity Q of `groups` (actor ids per group; every actor in exactly one group).
 * @throws {EntenteError} `invalid-argument` when the graph has no ties, or `groups` misses,
 * repeats or invents an actor
 * @example signedModularity(g, [['a', 'b'], ['c', 'd']])
 */
export function signedModularity(
  g: SignedGraph,
  groups: readonly (readonly string[])[],
  options: SignedModularityOptions = {},
): number {
  const label = membershipOf(g, groups, 'signedModularity');
  return modularityOfLabels(g, label, options.weighted ?? true);
}

/**
 * Q of a label array (`label[i]` = group of actor i, any non-negative integers).
 * @throws {EntenteError} `invalid-argument` when the graph has no ties
 */
export function modularityOfLabels(
  g: SignedGraph,
  label: ArrayLike<number>,
  weighted = true,
): number {
  const n = g.nodes.length;
  const m = g.u.length;
  let maxLabel = 0;
  for (let i = 0; i < n; i++) maxLabel = Math.max(maxLabel, label[i]);
  const c = maxLabel + 1;
  const inPos = new Float64Array(c);
  const inNeg = new Float64Array(c);
  const totPos = new Float64Array(c);
  const totNeg = new Float64Array(c);
  let mPos = 0;
  let mNeg = 0;
  for (let e = 0; e < m; e++) {
    const w = weighted ? g.weight[e] : 1;
    const a = label[g.u[e]];
    const b = label[g.v[e]];
    if (g.sign[e] > 0) {
      mPos += w;
      totPos[a] += w;
      totPos[b] += w;
      if (a === b) inPos[a] += w;
    } else {
      mNeg += w;
      totNeg[a] += w;
      totNeg[b] += w;
      if (a === b) inNeg[a] += w;
    }
  }
  if (mPos + mNeg === 0) {
    throw new EntenteError(
      'invalid-argument',
      'signedModularity: the graph has no ties of positive weight; modularity is undefined',
    );
  }
  let q = 0;
  for (let x = 0; x < c; x++) {
    q += 2 * inPos[x] - 2 * inNeg[x];
    if (mPos > 0) q -= (totPos[x] * totPos[x]) / (2 * mPos);
    if (mNeg > 0) q += (totNeg[x] * totNeg[x]) / (2 * mNeg);
  }
  return q / (2 * mPos + 2 * mNeg);
}

/** Group index of each actor. @throws {EntenteError} when groups do not partition the actors */
export function membershipOf(
  g: SignedGraph,
  groups: readonly (readonly string[])[],
  operation: string,
): Int32Array {
  const index = new Map(g.nodes.map((id, i) => [id, i]));
  const label = new Int32Array(g.nodes.length).fill(-1);
  groups.forEach((group, c) => {
    for (const id of group) {
      const i = index.get(id);
      if (i === undefined) {
        throw new EntenteError('not-found', `${operation}: "${id}" is not an actor`);
      }
      if (label[i] >= 0) {
        throw new EntenteError('invalid-argument', `${operation}: "${id}" is in two groups`);
      }
      label[i] = c;
    }
  });
  const missing = label.indexOf(-1);
  if (missing >= 0) {
    throw new EntenteError(
      'invalid-argument',
      `${operation}: "${g.nodes[missing]}" is in no group; every actor needs one`,
    );
  }
  return label;
}
