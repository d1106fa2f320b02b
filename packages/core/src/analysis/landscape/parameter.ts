/**
 * The parameters a tipping-point analysis can move (landscape theory, Axelrod & Bennett 1993,
 * British Journal of Political Science 23(2):211–233). Each makes the couplings W_ij = s_i s_j p_ij
 * an affine function of one number θ, W(θ) = W⁰ + θ·W¹, so every configuration's energy is a line
 * in θ:
 * - `pairs`: p_ij ← θ·p_ij for a chosen set of pairs (θ = 1 is the input as given);
 * - `actor-ties`: the pairs joining one actor to everyone it has a tie of the given sign with
 *   (e.g. all threats from IS-K: actor `isk`, sign `negative`), scaled like `pairs`;
 * - `size`: s_a ← θ for one actor a (θ > 0);
 * - `pair`: p_ab ← θ for one pair (the propensity is set, not scaled);
 * - `shift`: p ← p − Δ + θ·Δ for a given matrix Δ (the part of each propensity that θ scales;
 *   built by `analyzeTipping` from the relations a threat drives, e.g. a group's threats and the
 *   counter-terrorism cooperation against it).
 */
import { EntenteError } from '../../errors.js';
import type { LandscapeInput } from './input.js';

/** A parameter of a tipping-point analysis; see the file header for what θ does in each kind. */
export type TippingParameter =
  | { readonly kind: 'pairs'; readonly pairs: readonly (readonly [string, string])[] }
  | {
      readonly kind: 'actor-ties';
      readonly actor: string;
      /** @default 'negative' */
      readonly sign?: 'negative' | 'positive' | 'all' | undefined;
    }
  | { readonly kind: 'size'; readonly actor: string }
  | { readonly kind: 'pair'; readonly source: string; readonly target: string }
  | {
      readonly kind: 'shift';
      /** What θ scales, for reports. */
      readonly description: string;
      /** Δ, row-major n×n over the input's actors, symmetric, zero diagonal. */
      readonly delta: Float64Array;
    };

/** A parameter resolved against an input: its pairs, the split W = W⁰ + θW¹ and a description. */
export interface ResolvedParameter {
  readonly kind: TippingParameter['kind'];
  readonly description: string;
  /** Pairs whose propensity θ scales or sets (empty for `size`). */
  readonly pairs: [string, string][];
  /** The actor whose size θ sets (`size` only). */
  readonly actor: string | null;
  readonly w0: Float64Array;
  readonly w1: Float64Array;
}

function indexOf(input: LandscapeInput, id: string, operation: string): number {
  const i = input.actors.indexOf(id);
  if (i < 0) {
    throw new EntenteError('not-found', `${operation}: unknown actor "${id}" in the parameter`);
  }
  return i;
}

/**
 * Resolves a parameter against an input into W⁰ and W¹ with W(θ) = W⁰ + θW¹.
 * @throws {EntenteError} `invalid-argument` on an unknown actor, a self pair or an unknown kind
 */
export function resolveParameter(
  input: LandscapeInput,
  parameter: TippingParameter,
  operation = 'tippingPoints',
): ResolvedParameter {
  const n = input.actors.length;
  const { sizes, propensity: p } = input;
  const w0 = new Float64Array(n * n);
  const w1 = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) w0[i * n + j] = sizes[i] * sizes[j] * p[i * n + j];
  }
  const moveToW1 = (i: number, j: number) => {
    w1[i * n + j] = w0[i * n + j];
    w1[j * n + i] = w0[j * n + i];
    w0[i * n + j] = 0;
    w0[j * n + i] = 0;
  };
  const pairOf = (a: string, b: string): [number, number] => {
    const i = indexOf(input, a, operation);
    const j = indexOf(input, b, operation);
    if (i === j)
      throw new EntenteError(
        'invalid-argument',
        `${operation}: pair (${a}, ${b}) joins an actor to itself`,
      );
    return [i, j];
  };
  switch (parameter.kind) {
    case 'pairs': {
      const pairs: [string, string][] = [];
      const seen = new Set<number>();
      for (const [a, b] of parameter.pairs) {
        const [i, j] = pairOf(a, b);
        const key = Math.min(i, j) * n + Math.max(i, j);
        if (seen.has(key)) continue;
        seen.add(key);
        moveToW1(i, j);
        pairs.push([a, b]);
      }
      return {
        kind: 'pairs',
        description: `propensities of ${pairs.length} pair(s) scaled by θ`,
        pairs,
        actor: null,
        w0,
        w1,
      };
    }
    case 'actor-ties': {
      const a = indexOf(input, parameter.actor, operation);
      const sign = parameter.sign ?? 'negative';
      if (!['negative', 'positive', 'all'].includes(sign)) {
        throw new EntenteError(
          'invalid-argument',
          `${operation}: unknown sign "${sign}"; use negative, positive or all`,
        );
      }
      const pairs: [string, string][] = [];
      for (let j = 0; j < n; j++) {
        const v = p[a * n + j];
        if (j === a || v === 0) continue;
        if ((sign === 'negative' && v < 0) || (sign === 'positive' && v > 0) || sign === 'all') {
          moveToW1(a, j);
          pairs.push([parameter.actor, input.actors[j]]);
        }
      }
      return {
        kind: 'actor-ties',
        description: `${sign === 'all' ? 'all' : sign} propensities of "${parameter.actor}" (${pairs.length} pair(s)) scaled by θ`,
        pairs,
        actor: parameter.actor,
        w0,
        w1,
      };
    }
    case 'size': {
      const a = indexOf(input, parameter.actor, operation);
      for (let j = 0; j < n; j++) {
        if (j === a) continue;
        const v = sizes[j] * p[a * n + j];
        w1[a * n + j] = v;
        w1[j * n + a] = v;
        w0[a * n + j] = 0;
        w0[j * n + a] = 0;
      }
      return {
        kind: 'size',
        description: `size of "${parameter.actor}" set to θ`,
        pairs: [],
        actor: parameter.actor,
        w0,
        w1,
      };
    }
    case 'pair': {
      const [i, j] = pairOf(parameter.source, parameter.target);
      w0[i * n + j] = 0;
      w0[j * n + i] = 0;
      w1[i * n + j] = sizes[i] * sizes[j];
      w1[j * n + i] = sizes[i] * sizes[j];
      return {
        kind: 'pair',
        description: `propensity of (${parameter.source}, ${parameter.target}) set to θ`,
        pairs: [[parameter.source, parameter.target]],
        actor: null,
        w0,
        w1,
      };
    }
    case 'shift': {
      const d = parameter.delta;
      if (d.length !== n * n) {
        throw new EntenteError(
          'invalid-argument',
          `${operation}: shift has ${d.length} entries, expected n×n = ${n * n}`,
        );
      }
      const pairs: [string, string][] = [];
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const v = sizes[i] * sizes[j] * d[i * n + j];
          w1[i * n + j] = v;
          w0[i * n + j] -= v;
          if (i < j && d[i * n + j] !== 0) pairs.push([input.actors[i], input.actors[j]]);
        }
      }
      return { kind: 'shift', description: parameter.description, pairs, actor: null, w0, w1 };
    }
    default:
      throw new EntenteError(
        'invalid-argument',
        `${operation}: unknown parameter kind "${(parameter as { kind: string }).kind}"; use pairs, actor-ties, size, pair or shift`,
      );
  }
}

/**
 * The input with the parameter set to θ (a copy; the input is not changed).
 * @throws {EntenteError} `invalid-argument` as {@link resolveParameter}
 * @example applyParameter(input, { kind: 'actor-ties', actor: 'isk' }, 0.5)
 */
export function applyParameter(
  input: LandscapeInput,
  parameter: TippingParameter,
  theta: number,
): LandscapeInput {
  const n = input.actors.length;
  const sizes = Float64Array.from(input.sizes);
  const propensity = Float64Array.from(input.propensity);
  const r = resolveParameter(input, parameter, 'applyParameter');
  if (r.kind === 'size') {
    sizes[input.actors.indexOf(r.actor as string)] = theta;
  } else if (parameter.kind === 'shift') {
    for (let q = 0; q < n * n; q++)
      propensity[q] = input.propensity[q] - parameter.delta[q] + theta * parameter.delta[q];
  } else {
    for (const [a, b] of r.pairs) {
      const i = input.actors.indexOf(a);
      const j = input.actors.indexOf(b);
      const v = r.kind === 'pair' ? theta : theta * input.propensity[i * n + j];
      propensity[i * n + j] = v;
      propensity[j * n + i] = v;
    }
  }
  return { actors: input.actors, sizes, propensity };
}
