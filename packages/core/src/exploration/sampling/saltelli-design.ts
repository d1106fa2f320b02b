/**
 * The Saltelli design for Sobol sensitivity indices (A. Saltelli, "Making best use of model
 * evaluations to compute sensitivity indices", Comput. Phys. Commun. 145 (2002) 280–297;
 * A. Saltelli et al., "Variance based sensitivity analysis of model output. Design and estimator
 * for the total sensitivity index", Comput. Phys. Commun. 181 (2010) 259–270, §3).
 *
 * Two independent base matrices A and B (n × d) are the first and last d columns of a 2d-dimensional
 * Sobol sequence; A_B^(i) is A with column i taken from B, and B_A^(i) is B with column i taken
 * from A. The design stacks n·(2d + 2) rows in blocks of n, in this order:
 *
 *   block 0: A;  block 1: B;  blocks 2 … d + 1: A_B^(0) … A_B^(d−1);
 *   blocks d + 2 … 2d + 1: B_A^(0) … B_A^(d−1).
 *
 * Row j of every block comes from the same base row j (what the bootstrap of sobolIndices
 * resamples). Points are in [0, 1); scale them with scaleToRanges.
 */
import { EntenteError } from '../../errors.js';
import { sobolSequence } from './sobol-sequence.js';

/** Options of {@link saltelliDesign}. */
export interface SaltelliDesignOptions {
  /** Sobol points skipped before the first base row (see sobolSequence). @default 0 */
  readonly skip?: number;
  /** Seed of a random digital shift of the Sobol points; none when undefined. @default undefined */
  readonly seed?: number;
}

/** The result of {@link saltelliDesign}. */
export interface SaltelliDesign {
  /** rows × d, row-major, blocks A, B, A_B^(0…d−1), B_A^(0…d−1) of n rows each. */
  readonly matrix: Float64Array;
  /** n · (2d + 2). */
  readonly rows: number;
  readonly d: number;
}

/**
 * Saltelli's n·(2d + 2)-row design from a 2d-dimensional Sobol sequence.
 * @throws {EntenteError} `out-of-range` when n or d is not a positive integer or 2d exceeds the
 *   Sobol table
 * @example saltelliDesign(1024, 10).rows // 22528
 */
export function saltelliDesign(
  n: number,
  d: number,
  options: SaltelliDesignOptions = {},
): SaltelliDesign {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(d) || d < 1) {
    throw new EntenteError(
      'out-of-range',
      `saltelliDesign: n and d must be positive integers, got n = ${n}, d = ${d}`,
    );
  }
  const base = sobolSequence(n, 2 * d, { skip: options.skip ?? 0, seed: options.seed });
  const rows = n * (2 * d + 2);
  const matrix = new Float64Array(rows * d);
  const w = 2 * d;
  for (let j = 0; j < n; j++) {
    const a = j * w; // A = columns 0..d−1 of the base row, B = columns d..2d−1
    const b = a + d;
    for (let k = 0; k < d; k++) {
      matrix[j * d + k] = base[a + k];
      matrix[(n + j) * d + k] = base[b + k];
    }
    for (let i = 0; i < d; i++) {
      const ab = ((2 + i) * n + j) * d;
      const ba = ((2 + d + i) * n + j) * d;
      for (let k = 0; k < d; k++) {
        matrix[ab + k] = k === i ? base[b + k] : base[a + k];
        matrix[ba + k] = k === i ? base[a + k] : base[b + k];
      }
    }
  }
  return { matrix, rows, d };
}
