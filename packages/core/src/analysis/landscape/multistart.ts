/**
 * Multi-start steepest descent on a two-coalition energy landscape, for systems too large to
 * enumerate (Axelrod & Bennett 1993, British Journal of Political Science 23(2):211–233, whose
 * actors move one at a time to lower their frustration). Each start draws every actor's side with
 * a seeded generator, then repeatedly switches the actor whose switch lowers the energy most
 * (lowest index on ties) until no switch lowers it by more than `tolerance`. The share of starts
 * ending in a minimum estimates that minimum's basin of attraction.
 */
import { createRng } from '../random.js';

/** What {@link scanMultiStart} finds: distinct minima (actor 0 on side 0) and how many starts reached each. */
export interface MultiStartScan {
  readonly starts: number;
  readonly sides: Uint8Array[];
  readonly counts: number[];
  readonly strict: boolean[];
}

/**
 * Runs `starts` seeded steepest descents on couplings `w` (n×n, symmetric, zero diagonal).
 * Minima are told apart by their sides with actor 0 on side 0 (a configuration and its mirror are
 * one).
 */
export function scanMultiStart(
  w: Float64Array,
  n: number,
  options: { starts: number; seed: number; tolerance: number },
): MultiStartScan {
  const rng = createRng(options.seed);
  const tol = options.tolerance;
  const sig = new Float64Array(n);
  const h = new Float64Array(n);
  const found = new Map<string, number>();
  const sides: Uint8Array[] = [];
  const counts: number[] = [];
  const strict: boolean[] = [];
  for (let start = 0; start < options.starts; start++) {
    for (let i = 0; i < n; i++) sig[i] = rng() < 0.5 ? 1 : -1;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += w[j * n + k] * sig[k];
      h[j] = s;
    }
    for (;;) {
      let best = -tol;
      let arg = -1;
      for (let j = 0; j < n; j++) {
        const d = sig[j] * h[j];
        if (d < best) {
          best = d;
          arg = j;
        }
      }
      if (arg < 0) break;
      const c = 2 * sig[arg];
      const row = arg * n;
      for (let j = 0; j < n; j++) h[j] -= c * w[row + j];
      sig[arg] = -sig[arg];
    }
    const side = new Uint8Array(n);
    for (let i = 0; i < n; i++) side[i] = sig[i] === sig[0] ? 0 : 1;
    const key = side.join('');
    const at = found.get(key);
    if (at !== undefined) {
      counts[at]++;
    } else {
      let isStrict = true;
      for (let j = 0; j < n; j++) if (sig[j] * h[j] <= tol) isStrict = false;
      found.set(key, sides.length);
      sides.push(side);
      counts.push(1);
      strict.push(isStrict);
    }
  }
  return { starts: options.starts, sides, counts, strict };
}
