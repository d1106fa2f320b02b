/**
 * The frustration index as a binary linear program, solved by HiGHS (Huangfu & Hall 2018,
 * "Parallelizing the dual revised simplex method", Math. Prog. Comp. 10) through the `highs`
 * WebAssembly package. The model is the XOR formulation of Aref, Mason & Wilson (2020,
 * "Computing the line index of balance using integer programming optimisation", in Optimization
 * Problems in Graph Theory, Springer; and Networks 75(1) for the AND/XOR/ABS comparison):
 *
 *   minimise Σ_ij w_ij f_ij  over x ∈ {0,1}^n, f ∈ {0,1}^m
 *   f_ij ≥ x_i − x_j,  f_ij ≥ x_j − x_i           for positive ties
 *   f_ij ≥ x_i + x_j − 1,  f_ij ≥ 1 − x_i − x_j   for negative ties
 *
 * with one node fixed to 0 (their symmetry breaking: the highest-degree node) and their valid
 * inequality for each unbalanced triangle T (an odd number of negative ties): Σ_T f ≥ 1. It lifts
 * the LP bound from 0 (x = ½ satisfies every tie constraint with f = 0). The other parity
 * (odd-cycle) inequalities of triangles are available as options —
 *   unbalanced: f_a + f_b − f_c ≤ 1;   balanced: f_a − f_b − f_c ≤ 0 and Σ_T f ≤ 2 —
 * they hold for every colouring's exact frustration indicator, so they keep all optima, but on the
 * Correlates of War blocks they made HiGHS 3–10× slower (docs/bench/frustration.md).
 */
import highsImport, { type Highs } from 'highs';
import type { SignedGraph } from '../signed-graph.js';

/** The loaded HiGHS module. */
export type HighsModule = Highs;

// `highs` ships CommonJS-style declarations for an ES default export; take whichever is callable.
const highsLoader = ((highsImport as unknown as { default?: unknown }).default ??
  highsImport) as unknown as () => Promise<Highs>;

let loading: Promise<HighsModule> | null = null;

/** Loads the HiGHS WebAssembly module once per process (later calls reuse it). */
export function loadHighs(): Promise<HighsModule> {
  if (!loading) {
    const pending = highsLoader();
    pending.catch(() => {
      loading = null;
    });
    loading = pending;
  }
  return loading;
}

/** Options of {@link solveFrustrationMilp}. */
export interface FrustrationMilpOptions {
  readonly weighted: boolean;
  /** Solver time limit in seconds. */
  readonly timeLimitSeconds: number;
  /** Add the triangle parity inequalities. @default true */
  readonly triangles?: boolean;
  /** With `triangles`, also add f_a + f_b − f_c ≤ 1 for unbalanced triangles. @default false */
  readonly unbalancedParity?: boolean;
  /** With `triangles`, also add the inequalities of balanced triangles. @default false */
  readonly balancedTriangles?: boolean;
  /** Fix the highest-degree node to side 0. @default true */
  readonly fixNode?: boolean;
  /** A colouring handed to HiGHS as the first incumbent. */
  readonly start?: Uint8Array;
  /** Forbid this colouring (and, with a fixed node, its mirror image): for uniqueness checks. */
  readonly exclude?: Uint8Array;
}

/** What one MILP solve established. */
export interface MilpOutcome {
  /** HiGHS model status name (e.g. `optimal`, `timeLimit`). */
  readonly status: string;
  readonly optimal: boolean;
  readonly infeasible: boolean;
  /** Best colouring found, or null. */
  readonly side: Uint8Array | null;
  readonly value: number;
  /** Proven lower bound (the dual bound). */
  readonly bound: number;
  readonly rows: number;
  readonly triangles: number;
}

/** Triangles of g as triples of edge indices. */
export function triangles(g: SignedGraph): Int32Array {
  const n = g.nodes.length;
  const stamp = new Int32Array(n).fill(-1);
  const edgeTo = new Int32Array(n);
  const out: number[] = [];
  for (let a = 0; a < n; a++) {
    for (let p = g.offsets[a]; p < g.offsets[a + 1]; p++) {
      stamp[g.adj[p]] = a;
      edgeTo[g.adj[p]] = g.adjEdge[p];
    }
    for (let p = g.offsets[a]; p < g.offsets[a + 1]; p++) {
      const b = g.adj[p];
      if (b <= a) continue;
      for (let q = g.offsets[b]; q < g.offsets[b + 1]; q++) {
        const c = g.adj[q];
        if (c <= b || stamp[c] !== a) continue;
        out.push(g.adjEdge[p], g.adjEdge[q], edgeTo[c]);
      }
    }
  }
  return Int32Array.from(out);
}

/** Solves the XOR model of one (connected) signed graph with HiGHS. */
export function solveFrustrationMilp(
  highs: HighsModule,
  g: SignedGraph,
  options: FrustrationMilpOptions,
): MilpOutcome {
  const n = g.nodes.length;
  const m = g.u.length;
  const cols = n + m;
  const starts: number[] = [0];
  const index: number[] = [];
  const values: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const inf = highs.infinity;
  const row = (entries: readonly number[], lo: number, hi: number) => {
    for (let i = 0; i < entries.length; i += 2) {
      index.push(entries[i]);
      values.push(entries[i + 1]);
    }
    starts.push(index.length);
    lower.push(lo);
    upper.push(hi);
  };
  for (let k = 0; k < m; k++) {
    const f = n + k;
    const a = g.u[k];
    const b = g.v[k];
    if (g.sign[k] > 0) {
      row([f, 1, a, -1, b, 1], 0, inf);
      row([f, 1, a, 1, b, -1], 0, inf);
    } else {
      row([f, 1, a, -1, b, -1], -1, inf);
      row([f, 1, a, 1, b, 1], 1, inf);
    }
  }
  let triangleCount = 0;
  if (options.triangles ?? true) {
    const t = triangles(g);
    triangleCount = t.length / 3;
    for (let i = 0; i < t.length; i += 3) {
      const e = [n + t[i], n + t[i + 1], n + t[i + 2]];
      const negatives =
        (g.sign[t[i]] < 0 ? 1 : 0) +
        (g.sign[t[i + 1]] < 0 ? 1 : 0) +
        (g.sign[t[i + 2]] < 0 ? 1 : 0);
      if (negatives % 2 === 1) {
        row([e[0], 1, e[1], 1, e[2], 1], 1, inf);
        if (options.unbalancedParity ?? false) {
          for (let j = 0; j < 3; j++)
            row([e[j], -1, e[(j + 1) % 3], 1, e[(j + 2) % 3], 1], -1, inf);
        }
      } else if (options.balancedTriangles ?? false) {
        row([e[0], -1, e[1], -1, e[2], -1], -2, inf);
        for (let j = 0; j < 3; j++) row([e[j], -1, e[(j + 1) % 3], 1, e[(j + 2) % 3], 1], 0, inf);
      }
    }
  }
  let fixed = -1;
  if (options.fixNode ?? true) {
    let bestDeg = -1;
    for (let i = 0; i < n; i++) {
      const d = g.offsets[i + 1] - g.offsets[i];
      if (d > bestDeg) {
        bestDeg = d;
        fixed = i;
      }
    }
  }
  if (options.exclude) {
    // Σ_{i on side 1} (1 − x_i) + Σ_{i on side 0} x_i ≥ 1 rules out exactly that colouring.
    const ex = options.exclude;
    const entries: number[] = [];
    let ones = 0;
    for (let i = 0; i < n; i++) {
      entries.push(i, ex[i] ? -1 : 1);
      ones += ex[i];
    }
    row(entries, 1 - ones, inf);
  }
  const colCost = new Float64Array(cols);
  const colLower = new Float64Array(cols);
  const colUpper = new Float64Array(cols).fill(1);
  for (let k = 0; k < m; k++) colCost[n + k] = options.weighted ? g.weight[k] : 1;
  if (fixed >= 0) colUpper[fixed] = 0;
  const numRows = lower.length;
  const model = highs.createModel({
    numCols: cols,
    numRows,
    colCost,
    colLower,
    colUpper,
    rowLower: Float64Array.from(lower),
    rowUpper: Float64Array.from(upper),
    matrix: {
      format: 'csr',
      numRows,
      numCols: cols,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(index),
      values: Float64Array.from(values),
    },
    integrality: new Int32Array(cols).fill(highs.constants.variableType.integer),
  });
  try {
    model.options.set({
      output_flag: false,
      time_limit: options.timeLimitSeconds,
      mip_rel_gap: 0,
      // With unit weights the objective is an integer, so a gap below 1 is a proof.
      mip_abs_gap: options.weighted ? 1e-9 : 0.999,
    });
    if (options.start) {
      const flip = fixed >= 0 && options.start[fixed] === 1 ? 1 : 0;
      const colValue = new Float64Array(cols);
      for (let i = 0; i < n; i++) colValue[i] = options.start[i] ^ flip;
      for (let k = 0; k < m; k++) {
        colValue[n + k] =
          (options.start[g.u[k]] === options.start[g.v[k]]) !== g.sign[k] > 0 ? 1 : 0;
      }
      model.setSolution({ colValue });
    }
    model.run();
    const code = model.getModelStatus() as number;
    const names = highs.constants.modelStatus as Readonly<Record<string, number>>;
    const status = Object.keys(names).find((k) => names[k] === code) ?? `status ${code}`;
    const optimal = status === 'optimal';
    const infeasible = status === 'infeasible';
    let side: Uint8Array | null = null;
    let value = Number.POSITIVE_INFINITY;
    const primal = model.info.get('primal_solution_status') as number;
    if (!infeasible && primal === 2) {
      const x = model.getSolution().colValue;
      side = new Uint8Array(n);
      for (let i = 0; i < n; i++) side[i] = x[i] > 0.5 ? 1 : 0;
      value = model.getObjectiveValue();
    }
    const dual = model.info.get('mip_dual_bound') as number;
    let bound = optimal ? value : Number.isFinite(dual) ? dual : 0;
    if (infeasible) bound = Number.POSITIVE_INFINITY;
    return {
      status,
      optimal,
      infeasible,
      side,
      value,
      bound,
      rows: numRows,
      triangles: triangleCount,
    };
  } finally {
    model.dispose();
  }
}
