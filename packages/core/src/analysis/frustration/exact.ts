/**
 * Exact frustration index with a proof of optimality. A combinatorial pre-solve splits the graph
 * into biconnected blocks (blocks.ts): bridges and pendant trees are never frustrated, and the
 * index is the sum over blocks because switching every node on one side of a cut vertex changes
 * no block's frustration. Each block is then solved by the cheapest path that proves it:
 * 1. enumeration (brute-force.ts) when it has at most `bruteForceMaxNodes` nodes;
 * 2. local search plus an unbalanced-cycle packing bound (heuristic.ts, lower-bound.ts) when the
 *    bound meets the value found;
 * 3. otherwise the integer program of Aref, Mason & Wilson (2020) solved by HiGHS (milp.ts),
 *    warm-started with the local-search colouring.
 * The blocks' optimal colourings are glued back along the block–cut tree into one split of all
 * actors. Nothing is reported as exact unless every block was proven.
 */
import { EntenteError } from '../../errors.js';
import type { SignedGraph } from '../signed-graph.js';
import { biconnectedBlocks } from './blocks.js';
import { BRUTE_FORCE_MAX_NODES, bruteForceFrustration } from './brute-force.js';
import { resolveFrustrationHeuristicOptions, searchColouring } from './heuristic.js';
import { cyclePackingBound } from './lower-bound.js';
import { loadHighs, solveFrustrationMilp } from './milp.js';
import {
  describeColouring,
  type FrustrationMethod,
  type FrustrationResult,
  relativeGap,
} from './result.js';
import { edgeSubgraph } from './subgraph.js';

/** Options of {@link frustrationExact}. */
export interface FrustrationExactOptions {
  /** Sum edge weights instead of counting ties. @default false */
  readonly weighted?: boolean;
  /** Total time budget for the MILP solves, in seconds. @default 60 */
  readonly timeLimitSeconds?: number;
  /** Also check whether the optimal split is unique (up to swapping sides). @default false */
  readonly uniqueness?: boolean;
  /** Blocks with at most this many nodes are enumerated. @default 20 */
  readonly bruteForceMaxNodes?: number;
  /** Seed of the local search that warm-starts each block. @default 1 */
  readonly seed?: number;
}

/** Options of {@link frustrationExact} with defaults filled in. */
export interface ResolvedFrustrationExactOptions {
  readonly weighted: boolean;
  readonly timeLimitSeconds: number;
  readonly uniqueness: boolean;
  readonly bruteForceMaxNodes: number;
  readonly seed: number;
}

/**
 * Fills in the defaults of exact options.
 * @throws {EntenteError} `invalid-argument` on a non-positive time limit or a bad enumeration size
 */
export function resolveFrustrationExactOptions(
  options: FrustrationExactOptions = {},
): ResolvedFrustrationExactOptions {
  const timeLimitSeconds = options.timeLimitSeconds ?? 60;
  const bruteForceMaxNodes = options.bruteForceMaxNodes ?? 20;
  const seed = options.seed ?? 1;
  if (!(timeLimitSeconds > 0)) {
    throw new EntenteError(
      'out-of-range',
      `frustrationExact: timeLimitSeconds must be > 0, got ${timeLimitSeconds}`,
    );
  }
  if (
    !Number.isInteger(bruteForceMaxNodes) ||
    bruteForceMaxNodes < 0 ||
    bruteForceMaxNodes > BRUTE_FORCE_MAX_NODES
  ) {
    throw new EntenteError(
      'out-of-range',
      `frustrationExact: bruteForceMaxNodes must be an integer in 0..${BRUTE_FORCE_MAX_NODES}, got ${bruteForceMaxNodes}`,
    );
  }
  if (!Number.isInteger(seed)) {
    throw new EntenteError('invalid-argument', `frustrationExact: seed ${seed} is not an integer`);
  }
  return {
    weighted: options.weighted ?? false,
    timeLimitSeconds,
    uniqueness: options.uniqueness ?? false,
    bruteForceMaxNodes,
    seed,
  };
}

/** The host's monotonic clock in seconds, if it has one (used only to share the time budget). */
function hostSeconds(): () => number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf ? () => perf.now() / 1000 : () => 0;
}

/**
 * The frustration index with proven optimality (or, when the time limit stops the solver, the
 * best split found with a proven lower bound and `exact: false`).
 * @throws {EntenteError} `invalid-argument` on bad options
 * @example (await frustrationExact(g)).value
 */
export async function frustrationExact(
  g: SignedGraph,
  options: FrustrationExactOptions = {},
): Promise<FrustrationResult> {
  const o = resolveFrustrationExactOptions(options);
  const n = g.nodes.length;
  const clock = hostSeconds();
  const t0 = clock();
  const blocks = biconnectedBlocks(g);
  const blockSide: (Uint8Array | null)[] = [];
  const solvedBy: Record<string, number> = {};
  const solverStatus: string[] = [];
  const notes: string[] = [];
  let lowerBound = 0;
  let proven = true;
  let unique: boolean | null = o.uniqueness ? true : null;
  let timeLimitReached = false;
  let largestBlock = 0;
  let nonTrivial = 0;
  const methods = new Set<FrustrationMethod>();
  const tolOf = (v: number) => (o.weighted ? 1e-9 * (1 + Math.abs(v)) : 0);
  const remaining = () => Math.max(0.01, o.timeLimitSeconds - (clock() - t0));
  for (const block of blocks) {
    if (block.edges.length === 1) {
      blockSide.push(null);
      continue;
    }
    nonTrivial++;
    largestBlock = Math.max(largestBlock, block.nodes.length);
    const sub = edgeSubgraph(g, block.nodes, block.edges);
    const bg = sub.graph;
    const bn = bg.nodes.length;
    if (bn <= o.bruteForceMaxNodes) {
      const bf = bruteForceFrustration(bg, o.weighted);
      blockSide.push(bf.side);
      lowerBound += bf.value;
      solvedBy['brute-force'] = (solvedBy['brute-force'] ?? 0) + 1;
      methods.add('brute-force');
      if (unique !== null && bf.optima > 1) unique = false;
      continue;
    }
    const found = searchColouring(
      bg,
      resolveFrustrationHeuristicOptions(bg, {
        weighted: o.weighted,
        seed: o.seed,
        starts: 2,
        kicks: 30 * bn,
      }),
    );
    let side = found.side;
    let value = describeColouring(bg, side, o.weighted).value;
    let packing = cyclePackingBound(bg, o.weighted, side).bound;
    if (packing < value - tolOf(value) && bn > 500) {
      // Large blocks: a second, wider search is far cheaper than a MILP on thousands of nodes.
      const wider = searchColouring(
        bg,
        resolveFrustrationHeuristicOptions(bg, { weighted: o.weighted, seed: o.seed + 1 }),
        side,
      );
      const v = describeColouring(bg, wider.side, o.weighted).value;
      if (v < value) {
        side = wider.side;
        value = v;
      }
      packing = Math.max(packing, cyclePackingBound(bg, o.weighted, wider.side).bound);
    }
    let bound = packing;
    let blockProven = packing >= value - tolOf(value);
    if (blockProven) {
      bound = value;
      solvedBy['lower-bound'] = (solvedBy['lower-bound'] ?? 0) + 1;
      methods.add('lower-bound');
    } else {
      const highs = await loadHighs();
      const out = solveFrustrationMilp(highs, bg, {
        weighted: o.weighted,
        timeLimitSeconds: remaining(),
        start: side,
      });
      solverStatus.push(out.status);
      if (out.side) {
        const v = describeColouring(bg, out.side, o.weighted).value;
        if (v < value) {
          value = v;
          side = out.side;
        }
      }
      bound = Math.max(packing, out.bound);
      if (!o.weighted) bound = Math.ceil(bound - 1e-6);
      if (out.status === 'timeLimit') timeLimitReached = true;
      blockProven = out.optimal || bound >= value - tolOf(value);
      if (blockProven) bound = value;
      solvedBy.milp = (solvedBy.milp ?? 0) + 1;
      methods.add('milp');
    }
    if (!blockProven) proven = false;
    if (unique !== null) {
      if (!blockProven) unique = null;
      else if (unique) {
        const highs = await loadHighs();
        const again = solveFrustrationMilp(highs, bg, {
          weighted: o.weighted,
          timeLimitSeconds: remaining(),
          exclude: flipToFixed(bg, side),
        });
        solverStatus.push(`uniqueness:${again.status}`);
        const tol = o.weighted ? 1e-6 * (1 + value) : 0.5;
        if (again.infeasible || again.bound > value + tol) unique = true;
        else if (again.side && again.value <= value + tol) unique = false;
        else unique = null;
      }
    }
    blockSide.push(side);
    lowerBound += bound;
  }
  const side = glue(g, blocks, blockSide);
  const described = describeColouring(g, side, o.weighted);
  if (proven) lowerBound = described.value;
  const method: FrustrationMethod =
    methods.size === 0 ? 'trivial' : methods.size === 1 ? [...methods][0] : 'mixed';
  if (blocks.length > 0 && n > 0) {
    notes.push(`${blocks.length - nonTrivial} bridges never frustrated`);
  }
  return {
    ...described,
    exact: proven,
    lowerBound,
    gap: proven ? 0 : relativeGap(described.value, lowerBound),
    weighted: o.weighted,
    method,
    diagnostics: {
      blocks: nonTrivial,
      largestBlock,
      solvedBy,
      solverStatus,
      timeLimitReached,
      unique,
      seed: o.seed,
      notes,
    },
  };
}

/** The colouring mirrored so that the MILP's fixed (highest-degree) node sits on side 0. */
function flipToFixed(g: SignedGraph, side: Uint8Array): Uint8Array {
  let fixed = 0;
  let best = -1;
  for (let i = 0; i < g.nodes.length; i++) {
    const d = g.offsets[i + 1] - g.offsets[i];
    if (d > best) {
      best = d;
      fixed = i;
    }
  }
  return side[fixed] === 1 ? side.map((s) => s ^ 1) : side;
}

/**
 * Glues per-block colourings along the block–cut tree: each block reached through a cut vertex
 * is mirrored, if needed, to agree there (mirroring a block never changes its frustration).
 */
export function glue(
  g: SignedGraph,
  blocks: readonly { nodes: Int32Array; edges: Int32Array }[],
  blockSide: readonly (Uint8Array | null)[],
): Uint8Array {
  const n = g.nodes.length;
  const colour = new Int8Array(n).fill(-1);
  const blocksOf: number[][] = Array.from({ length: n }, () => []);
  blocks.forEach((b, i) => {
    for (const x of b.nodes) blocksOf[x].push(i);
  });
  const done = new Uint8Array(blocks.length);
  const localSide = (b: number, j: number): number => {
    const s = blockSide[b];
    if (s) return s[j];
    // A bridge: its first node on side 0, the other per the sign.
    const e = blocks[b].edges[0];
    return j === 0 ? 0 : g.sign[e] > 0 ? 0 : 1;
  };
  for (let start = 0; start < blocks.length; start++) {
    if (done[start]) continue;
    done[start] = 1;
    const queue = [start];
    while (queue.length > 0) {
      const b = queue.pop() as number;
      const nodes = blocks[b].nodes;
      let flip = 0;
      for (let j = 0; j < nodes.length; j++) {
        if (colour[nodes[j]] >= 0) {
          flip = colour[nodes[j]] ^ localSide(b, j);
          break;
        }
      }
      for (let j = 0; j < nodes.length; j++) {
        const x = nodes[j];
        if (colour[x] < 0) colour[x] = localSide(b, j) ^ flip;
        for (const other of blocksOf[x]) {
          if (!done[other]) {
            done[other] = 1;
            queue.push(other);
          }
        }
      }
    }
  }
  const side = new Uint8Array(n);
  for (let i = 0; i < n; i++) side[i] = colour[i] > 0 ? 1 : 0;
  return side;
}
