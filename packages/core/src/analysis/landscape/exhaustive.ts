/**
 * Exhaustive scan of a two-coalition energy landscape (Axelrod & Bennett 1993, British Journal of
 * Political Science 23(2):211–233): every configuration, every local minimum, and optionally the
 * basin of attraction of each minimum under steepest descent.
 *
 * A configuration and its mirror (both coalitions swapped) are the same, so actor 0 stays on
 * side 0 and the 2^(n−1) configurations are the masks of actors 1..n−1 (bit k−1 = actor k),
 * visited in Gray-code order: step t flips one actor, k = 1 + ctz(t). With spins σ_i = ±1 and
 * couplings W_ij = s_i s_j p_ij, the local field h_j = Σ_k W_jk σ_k gives each actor's switching
 * gain Δ_j = σ_j h_j (the change of E if j alone switches), and flipping k changes E by Δ_k.
 * The field is split into the part from actors 1..L (the low mask bits, which the Gray code flips
 * most often), read from a 2^L × n table, and the part from the other actors, re-derived exactly
 * whenever one of them flips (once every 2^L steps): checking Δ_j costs two loads, and most
 * configurations fail the local-minimum test on their first few actors. Without basins, whole
 * blocks of 2^L configurations (those sharing the sides of actor 0 and actors L+1..n−1) are
 * filtered at once with bitsets (see scanMinimaBlocks), so only a few configurations per
 * thousand are tested one by one.
 *
 * A configuration is a local minimum when no actor can lower E by switching: Δ_j ≥ −tol for all j
 * (ties with Δ_j = 0 are allowed, so every configuration of a plateau is reported; `strict` says
 * whether all Δ_j > tol).
 */
import { EntenteError } from '../../errors.js';

/** What {@link scanExhaustive} finds. Energies are from the incremental scan; recompute exactly. */
export interface ExhaustiveScan {
  /** 2^(n−1). */
  readonly configurations: number;
  /** Mask of each local minimum (bit k−1 = side of actor k; actor 0 on side 0), in scan order. */
  readonly masks: number[];
  readonly energies: number[];
  readonly strict: boolean[];
  /** Configurations whose steepest descent ends in each minimum; null when basins were not asked. */
  readonly basinCounts: Float64Array | null;
}

/** Largest n the exhaustive scan accepts (masks are 32-bit integers; 2^30 configurations). */
export const MAX_EXHAUSTIVE_ACTORS = 31;

/** Largest n whose exhaustive basins are computed: 2^26 next pointers, 256 MB. */
export const MAX_BASIN_ACTORS = 27;

/** Low bits served from the field table: 2^10 × n doubles stay in the L2 cache for n ≤ 31. */
const TABLE_BITS = 10;

/**
 * Local fields h_j = Σ_k W_jk σ_k split for a Gray-code scan: `table` holds the part from actors
 * 1..L for every side pattern of those actors, `high` the part from the others (call `refresh`
 * after switching one of them, i.e. actor k > L; `sig` holds the current spins).
 */
export interface Fields {
  readonly n: number;
  readonly lowMask: number;
  readonly low: number;
  /** table[m·n + j] = Σ_{k=1..L} W_jk σ_k when the low mask bits are m. */
  readonly table: Float64Array;
  /** high[j] = Σ_{k∉1..L} W_jk σ_k. */
  readonly high: Float64Array;
  readonly sig: Float64Array;
  readonly refresh: () => void;
}

/** Builds the split fields of couplings `w` (n×n) with every actor on side 0 (all σ = +1). */
export function fields(w: Float64Array, n: number): Fields {
  const L = Math.min(n - 1, TABLE_BITS);
  const lowMask = (1 << L) - 1;
  const table = new Float64Array((lowMask + 1) * n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 1; k <= L; k++) s += w[j * n + k];
    table[j] = s;
  }
  for (let m = 1; m <= lowMask; m++) {
    const prev = m & (m - 1);
    const k = 32 - Math.clz32(m & -m);
    for (let j = 0; j < n; j++) table[m * n + j] = table[prev * n + j] - 2 * w[j * n + k];
  }
  const sig = new Float64Array(n).fill(1);
  const high = new Float64Array(n);
  const refresh = () => {
    for (let j = 0; j < n; j++) {
      let s = w[j * n];
      for (let k = L + 1; k < n; k++) s += w[j * n + k] * sig[k];
      high[j] = s;
    }
  };
  refresh();
  return { n, lowMask, low: L, table, high, sig, refresh };
}

class MinimaList {
  readonly masks: number[] = [];
  readonly energies: number[] = [];
  readonly strict: boolean[] = [];
  constructor(private readonly max: number) {}
  add(mask: number, energy: number, f: Fields, base: number, tol: number): number {
    if (this.masks.length >= this.max) {
      throw new EntenteError(
        'resource-limit',
        `landscape: more than ${this.max} local minima (plateaus from actors indifferent to their side?); raise maxMinima or drop such actors`,
      );
    }
    let isStrict = true;
    for (let i = 0; i < f.n; i++)
      if (f.sig[i] * (f.high[i] + f.table[base + i]) <= tol) isStrict = false;
    this.masks.push(mask);
    this.energies.push(energy);
    this.strict.push(isStrict);
    return this.masks.length - 1;
  }
}

function scanMinima(
  f: Fields,
  w: Float64Array,
  total: number,
  tol: number,
  list: MinimaList,
): void {
  const { n, lowMask, low: L, table, high, sig } = f;
  let g = 0;
  for (let t = 0; t < total; t++) {
    if (t > 0) {
      const k = 32 - Math.clz32(t & -t);
      sig[k] = -sig[k];
      g ^= 1 << (k - 1);
      if (k > L) f.refresh();
    }
    const base = (g & lowMask) * n;
    let j = 0;
    while (j < n && sig[j] * (high[j] + table[base + j]) >= -tol) j++;
    // Minima are rare: their energy is summed from scratch rather than tracked at every step.
    if (j === n) list.add(g, energyOf(w, n, sig), f, base, tol);
  }
}

/**
 * The minima scan by blocks, for n − 1 > L: within a block of 2^L configurations the actors
 * outside 1..L (actor 0 and actors L+1..n−1) keep their sides, so actor j is content
 * (Δ_j ≥ −tol) exactly on the low masks m whose table value T[m][j] lies on one side of a
 * threshold — a prefix or suffix of the masks sorted by T[·][j]. With the bitsets of all prefixes
 * precomputed, one AND per such actor leaves the few masks where all of them are content; only
 * those are tested in full. Same minima as {@link scanMinima}, found in increasing mask order.
 */
function scanMinimaBlocks(
  f: Fields,
  w: Float64Array,
  n: number,
  tol: number,
  list: MinimaList,
): void {
  const { low: L, table, high, sig } = f;
  const size = 1 << L;
  const words = size >>> 5;
  const fixed = [0];
  for (let j = L + 1; j < n; j++) fixed.push(j);
  const nf = fixed.length;
  // sorted[q] = T[·][fixed[q]] ascending, order[q] the masks in that order, prefix[q] the bitsets.
  const sorted = new Float64Array(nf * size);
  const prefix = new Int32Array(nf * (size + 1) * words);
  const masks = new Int32Array(size);
  for (let q = 0; q < nf; q++) {
    const j = fixed[q];
    for (let m = 0; m < size; m++) masks[m] = m;
    masks.sort((x, y) => table[x * n + j] - table[y * n + j]);
    const base = q * (size + 1) * words;
    for (let r = 0; r < size; r++) {
      const m = masks[r];
      sorted[q * size + r] = table[m * n + j];
      const from = base + r * words;
      const to = from + words;
      prefix.copyWithin(to, from, to);
      prefix[to + (m >>> 5)] |= 1 << (m & 31);
    }
  }
  // First index in sorted run q with value ≥ x (strict = false) or > x (strict = true).
  const bound = (q: number, x: number, strict: boolean): number => {
    let lo = 0;
    let hi = size;
    const off = q * size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = sorted[off + mid];
      if (v < x || (strict && v === x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const live = new Int32Array(words);
  const blocks = 2 ** (n - 1 - L);
  let hm = 0;
  for (let b = 0; b < blocks; b++) {
    if (b > 0) {
      const k = L + 32 - Math.clz32(b & -b);
      sig[k] = -sig[k];
      hm ^= 1 << (k - L - 1);
      f.refresh();
    }
    live.fill(-1);
    let any = true;
    for (let q = 0; q < nf && any; q++) {
      const j = fixed[q];
      const base = q * (size + 1) * words;
      any = false;
      if (sig[j] > 0) {
        // Content where T ≥ −tol − high_j: the complement of the prefix below that value.
        const at = base + bound(q, -tol - high[j], false) * words;
        for (let u = 0; u < words; u++) {
          live[u] &= ~prefix[at + u];
          if (live[u] !== 0) any = true;
        }
      } else {
        // Content where T ≤ tol − high_j: the prefix up to that value.
        const at = base + bound(q, tol - high[j], true) * words;
        for (let u = 0; u < words; u++) {
          live[u] &= prefix[at + u];
          if (live[u] !== 0) any = true;
        }
      }
    }
    if (!any) continue;
    for (let u = 0; u < words; u++) {
      let bits = live[u];
      while (bits !== 0) {
        const m = (u << 5) + 31 - Math.clz32(bits & -bits);
        bits &= bits - 1;
        for (let k = 1; k <= L; k++) sig[k] = (m >>> (k - 1)) & 1 ? -1 : 1;
        const at = m * n;
        let j = 0;
        while (j < n && sig[j] * (high[j] + table[at + j]) >= -tol) j++;
        if (j === n) list.add(hm * size + m, energyOf(w, n, sig), f, at, tol);
      }
    }
  }
}

function energyOf(w: Float64Array, n: number, sig: Float64Array): number {
  let e = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) if (sig[i] !== sig[j]) e += w[i * n + j];
  }
  return e;
}

/** Fills next[g] with the configuration steepest descent moves g to, or −(id+1) at minimum id. */
function scanDescent(
  f: Fields,
  total: number,
  tol: number,
  list: MinimaList,
  next: Int32Array,
): void {
  const { n, lowMask, low: L, table, high, sig } = f;
  const full = total - 1;
  let energy = 0;
  let g = 0;
  for (let t = 0; t < total; t++) {
    if (t > 0) {
      const k = 32 - Math.clz32(t & -t);
      const s = sig[k];
      energy += s * (high[k] + table[(g & lowMask) * n + k]);
      sig[k] = -s;
      g ^= 1 << (k - 1);
      if (k > L) f.refresh();
    }
    const base = (g & lowMask) * n;
    // Two passes (the smallest Δ, then the first actor with it) avoid a data-dependent branch
    // per actor, which mispredicts on about every other configuration.
    let best = -tol;
    let arg = -1;
    for (let j = 0; j < n; j++) {
      const d = sig[j] * (high[j] + table[base + j]);
      if (d < best) {
        best = d;
        arg = j;
      }
    }
    if (arg < 0) next[g] = -(list.add(g, energy, f, base, tol) + 1);
    else next[g] = arg === 0 ? g ^ full : g ^ (1 << (arg - 1));
  }
}

/** Follows each descent chain to its minimum, compressing chains; counts configurations per minimum. */
function basinSizes(next: Int32Array, minima: number): Float64Array {
  const counts = new Float64Array(minima);
  const total = next.length;
  for (let i = 0; i < total; i++) {
    let r = i;
    while (next[r] >= 0) r = next[r];
    let j = i;
    while (next[j] >= 0 && next[j] !== r) {
      const up = next[j];
      next[j] = r;
      j = up;
    }
    counts[-next[r] - 1]++;
  }
  return counts;
}

/**
 * Scans all 2^(n−1) configurations of couplings `w` (n×n, symmetric, zero diagonal).
 * Steepest descent flips the actor with the most negative Δ (lowest index on ties) until none is
 * below −tolerance. Basins use an Int32Array of 2^(n−1) next pointers (4·2^(n−1) bytes).
 * @throws {EntenteError} `invalid-argument` when n > 31, n > 27 with basins, or more than
 * `maxMinima` minima appear
 */
export function scanExhaustive(
  w: Float64Array,
  n: number,
  options: { basins: boolean; tolerance: number; maxMinima: number },
): ExhaustiveScan {
  if (n > MAX_EXHAUSTIVE_ACTORS) {
    throw new EntenteError(
      'resource-limit',
      `landscape: exhaustive scan takes at most ${MAX_EXHAUSTIVE_ACTORS} actors, got ${n}; use method 'multistart'`,
    );
  }
  if (options.basins && n > MAX_BASIN_ACTORS) {
    throw new EntenteError(
      'resource-limit',
      `landscape: exhaustive basins take at most ${MAX_BASIN_ACTORS} actors (4·2^(n−1) bytes of memory), got ${n}; set basins: false or use method 'multistart'`,
    );
  }
  const total = 2 ** (n - 1);
  const f = fields(w, n);
  const list = new MinimaList(options.maxMinima);
  let basinCounts: Float64Array | null = null;
  if (options.basins) {
    const next = new Int32Array(total);
    scanDescent(f, total, options.tolerance, list, next);
    basinCounts = basinSizes(next, list.masks.length);
  } else {
    // Blocks pay off once there are several of them (n − 1 > L); the word-sized bitsets need L ≥ 5.
    if (n - 1 > f.low && f.low >= 5) scanMinimaBlocks(f, w, n, options.tolerance, list);
    else scanMinima(f, w, total, options.tolerance, list);
  }
  return {
    configurations: total,
    masks: list.masks,
    energies: list.energies,
    strict: list.strict,
    basinCounts,
  };
}
