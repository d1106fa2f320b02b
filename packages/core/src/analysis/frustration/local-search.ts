/**
 * Single-node-flip local search for the frustration index, with each node's gain (the drop in
 * frustration if it switched sides) kept up to date incrementally on typed arrays, and an
 * iterated-local-search loop (Lourenço, Martin & Stützle 2003, "Iterated local search", in
 * Handbook of Metaheuristics): perturb a small neighbourhood, descend, keep the result when it is
 * no worse, undo it otherwise.
 */
import { type Rng, randomInt } from '../random.js';
import type { SignedGraph } from '../signed-graph.js';

/** Mutable search state over one graph. */
export class FlipSearch {
  readonly g: SignedGraph;
  readonly w: Float64Array;
  readonly side: Uint8Array;
  /** gain[i] = frustration removed by flipping i (negative: flipping hurts). */
  readonly gain: Float64Array;
  value = 0;
  private readonly queue: Int32Array;
  private readonly queued: Uint8Array;
  private readonly log: number[] = [];
  private readonly eps: number;

  constructor(g: SignedGraph, weighted: boolean, side: Uint8Array) {
    this.g = g;
    const n = g.nodes.length;
    const m = g.u.length;
    this.w = new Float64Array(m);
    for (let k = 0; k < m; k++) this.w[k] = weighted ? g.weight[k] : 1;
    this.side = Uint8Array.from(side);
    this.gain = new Float64Array(n);
    this.queue = new Int32Array(n);
    this.queued = new Uint8Array(n);
    this.eps = weighted ? 1e-12 : 0.5;
    this.reset(side);
  }

  /** Loads a colouring and recomputes value and gains. */
  reset(side: Uint8Array): void {
    const { g, w, gain } = this;
    this.side.set(side);
    gain.fill(0);
    this.value = 0;
    for (let k = 0; k < g.u.length; k++) {
      const a = g.u[k];
      const b = g.v[k];
      const frustrated = (this.side[a] === this.side[b]) !== g.sign[k] > 0;
      const d = frustrated ? w[k] : -w[k];
      if (frustrated) this.value += w[k];
      gain[a] += d;
      gain[b] += d;
    }
  }

  /** Switches node i to the other side, updating value and gains. */
  flip(i: number): void {
    const { g, w, gain, side } = this;
    this.value -= gain[i];
    gain[i] = -gain[i];
    const si = side[i] ^ 1;
    side[i] = si;
    for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) {
      const j = g.adj[p];
      const e = g.adjEdge[p];
      const frustratedNow = (si === side[j]) !== g.sign[e] > 0;
      gain[j] += frustratedNow ? 2 * w[e] : -2 * w[e];
    }
  }

  /** Flips improving nodes until none improves (a local minimum). Logs flips when asked. */
  descend(seed: readonly number[] | null, logging: boolean): void {
    const { g, gain, queue, queued, eps } = this;
    const n = g.nodes.length;
    let head = 0;
    let tail = 0;
    let size = 0;
    const push = (i: number) => {
      if (queued[i] || gain[i] <= eps) return;
      queued[i] = 1;
      queue[tail] = i;
      tail = tail + 1 === n ? 0 : tail + 1;
      size++;
    };
    if (seed) for (const i of seed) push(i);
    else for (let i = 0; i < n; i++) push(i);
    while (size > 0) {
      const i = queue[head];
      head = head + 1 === n ? 0 : head + 1;
      size--;
      queued[i] = 0;
      if (gain[i] <= eps) continue;
      this.flip(i);
      if (logging) this.log.push(i);
      for (let p = g.offsets[i]; p < g.offsets[i + 1]; p++) push(g.adj[p]);
    }
  }

  /**
   * One iterated-local-search step: flip a random node and up to `size − 1` random neighbours,
   * descend, and undo everything if the result is worse. Returns true if kept.
   */
  kick(rng: Rng, size: number): boolean {
    const { g } = this;
    const n = g.nodes.length;
    const before = this.value;
    this.log.length = 0;
    const start = randomInt(rng, n);
    const touched: number[] = [start];
    this.flip(start);
    this.log.push(start);
    let x = start;
    for (let s = 1; s < size; s++) {
      const deg = g.offsets[x + 1] - g.offsets[x];
      if (deg === 0) break;
      const y = g.adj[g.offsets[x] + randomInt(rng, deg)];
      this.flip(y);
      this.log.push(y);
      touched.push(y);
      x = y;
    }
    const seed: number[] = [];
    for (const t of touched) {
      seed.push(t);
      for (let p = g.offsets[t]; p < g.offsets[t + 1]; p++) seed.push(g.adj[p]);
    }
    this.descend(seed, true);
    if (this.value <= before + (this.eps < 0.5 ? 1e-9 * (1 + before) : 0)) return true;
    for (let k = this.log.length - 1; k >= 0; k--) this.flip(this.log[k]);
    this.value = before;
    return false;
  }
}
