/**
 * Aggregates the batches of an exploration into its summary: how often each hypothesis holds
 * (share of sampled worlds with a Wilson (1927) score interval), its effect's quantiles, the one
 * parameter that decides it if any (a one-dimensional box, or a one-at-a-time check at a range
 * end; docs/case-format.md, "What decides a verdict") and the PRIM box (Friedman & Fisher 1999;
 * Bryant & Lempert 2010) of the worlds where it fails; outcome quantiles; Sobol
 * (Saltelli et al. 2010; Jansen 1999) or Morris (Morris 1991; Campolongo et al. 2007) sensitivity
 * of the key outcomes; quantile bands of the monthly series. Worlds are read in world order, so the
 * summary is byte-identical whatever the batch split, order or number of workers; duplicate
 * batches (a retried batch delivered twice) count once.
 */

import { isModelHypothesis } from '../case/hypotheses.js';
import type { Case } from '../case/schema.js';
import { EntenteError } from '../errors.js';
import {
  morrisEffects,
  type PrimInput,
  preparePrimInput,
  prim,
  quantiles,
  sobolIndices,
  wilsonInterval,
} from '../exploration/index.js';
import {
  BAND_SERIES,
  effectHolds,
  type Hypothesis,
  type HypothesisRule,
  hypothesisComparison,
  hypothesisEffect,
  hypothesisHolds,
  simulateOutcomes,
} from '../simulation/index.js';
import { caseDrawOfWorld } from './case-draw-of-world.js';
import { decidingParameter } from './deciding-parameter.js';
import { isBandWorld, sampleRank, worldSeed } from './exploration-design.js';
import {
  BAND_PROBS,
  type BandSummary,
  type CaseDrawsSummary,
  type DecidedBy,
  type ExplorationSummary,
  type FailBox,
  type HypothesisSummary,
  type OutcomeSummary,
  SENSITIVITY_OUTCOMES,
  type SensitivitySummary,
  SUMMARY_FORMAT,
} from './exploration-summary.js';
import type { ExplorationPlan } from './plan-exploration.js';
import {
  type BatchResult,
  type PreparedPlan,
  preparePlan,
  worldModels,
  worldValue,
} from './run-batch.js';
import { ENTENTE_VERSION } from './version.js';

/** Batches indexed by world: which batch holds each finished world. */
interface WorldIndex {
  readonly batches: readonly BatchResult[];
  /** Batch index of each world, −1 when not finished. */
  readonly batchOf: Int32Array;
  /** Band slot of each band world inside its batch, −1 otherwise. */
  readonly bandSlot: Int32Array;
}

function indexWorlds(plan: ExplorationPlan, batches: readonly BatchResult[]): WorldIndex {
  const sorted = [...batches].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: BatchResult[] = [];
  const batchOf = new Int32Array(plan.worlds).fill(-1);
  const bandSlot = new Int32Array(plan.worlds).fill(-1);
  for (const batch of sorted) {
    if (batch.planId !== plan.id)
      throw new EntenteError(
        'invalid-argument',
        `aggregate: a batch of plan ${batch.planId} was given for plan ${plan.id}`,
      );
    if (batch.start < 0 || batch.end > plan.worlds || batch.start > batch.end)
      throw new EntenteError(
        'invalid-argument',
        `aggregate: batch [${batch.start}, ${batch.end}) is outside the plan`,
      );
    const last = kept[kept.length - 1];
    if (last && last.start === batch.start && last.end === batch.end) continue; // a duplicate
    if (last && batch.start < last.end)
      throw new EntenteError(
        'invalid-argument',
        `aggregate: batches [${last.start}, ${last.end}) and [${batch.start}, ${batch.end}) overlap`,
      );
    const b = kept.length;
    kept.push(batch);
    let slot = 0;
    for (let w = batch.start; w < batch.end; w++) {
      batchOf[w] = b;
      if (isBandWorld(plan, w)) bandSlot[w] = slot++;
    }
  }
  return { batches: kept, batchOf, bandSlot };
}

/**
 * Summarises finished batches of `plan` (all of them, or those finished before an abort).
 * @throws EntenteError('invalid-argument') on a batch of another plan or overlapping batches
 */
export function aggregate(
  plan: ExplorationPlan,
  batches: readonly BatchResult[],
): ExplorationSummary {
  const prepared = preparePlan(plan);
  const index = indexWorlds(plan, batches);
  const width = prepared.outcomeOffsets[prepared.models.length];
  const outcome = (w: number, s: number, m: number): number => {
    const batch = index.batches[index.batchOf[w]];
    return batch.outcomes[(w - batch.start) * width + prepared.outcomeOffsets[s] + m];
  };
  let completedWorlds = 0;
  for (let w = 0; w < plan.worlds; w++) if (index.batchOf[w] >= 0) completedWorlds++;
  const sampled: number[] = [];
  for (let w = 0; w < plan.worlds; w++)
    if (index.batchOf[w] >= 0 && sampleRank(plan, w) >= 0) sampled.push(w);
  const worlds = Int32Array.from(sampled);
  const diagnostics: string[] = [];

  const hypotheses = summarizeHypotheses(plan, prepared, worlds, outcome, diagnostics);
  const outcomes: OutcomeSummary[] = [];
  if (worlds.length > 0) {
    const values = new Float64Array(worlds.length);
    // Each sampled world's batch and row offset, resolved once: the loops below read 10⁷ values
    // at 100,000 worlds, so they index typed arrays rather than call `outcome`.
    const rowBatch = new Int32Array(worlds.length);
    const rowBase = new Int32Array(worlds.length);
    for (let i = 0; i < worlds.length; i++) {
      rowBatch[i] = index.batchOf[worlds[i]];
      rowBase[i] = (worlds[i] - index.batches[rowBatch[i]].start) * width;
    }
    const data = index.batches.map((b) => b.outcomes);
    plan.scenarios.forEach((scenario, s) => {
      prepared.outcomes[s].forEach((metric, m) => {
        const column = prepared.outcomeOffsets[s] + m;
        let sum = 0;
        for (let i = 0; i < worlds.length; i++) {
          values[i] = data[rowBatch[i]][rowBase[i] + column];
          sum += values[i];
        }
        const q = quantiles(values, [0.05, 0.5, 0.95]);
        outcomes.push({
          scenario: scenario.id,
          metric,
          mean: sum / worlds.length,
          p05: q[0],
          p50: q[1],
          p95: q[2],
        });
      });
    });
  }
  return {
    format: SUMMARY_FORMAT,
    version: ENTENTE_VERSION,
    caseId: plan.caseId,
    planId: plan.id,
    options: plan.options,
    worlds: plan.worlds,
    completedWorlds,
    sampleWorlds: plan.sampleWorlds,
    complete: completedWorlds === plan.worlds,
    parameters: plan.parameters.map((p) => ({ id: p.id, lo: p.lo, hi: p.hi })),
    scenarios: plan.scenarios.map((s) => ({ id: s.id, months: s.months })),
    hypotheses,
    outcomes,
    sensitivity: summarizeSensitivity(plan, prepared, index, outcome, diagnostics),
    bands: summarizeBands(plan, prepared, index),
    diagnostics,
  };
}

/** Check worlds of the one-at-a-time endpoint check (evenly spaced over the sampled worlds). */
const ENDPOINT_WORLDS = 16;
/** Share of worlds that must agree: the verdict's majority, the box's figures, the flips. */
const DECIDES = 0.95;

type HypothesisDef = HypothesisRule &
  Pick<Hypothesis, 'comparison' | 'claimant' | 'paragraph' | 'sentence'> & {
    claim?: string;
    statement?: string;
  };

function summarizeHypotheses(
  plan: ExplorationPlan,
  prepared: PreparedPlan,
  worlds: Int32Array,
  outcome: (w: number, s: number, m: number) => number,
  diagnostics: string[],
): HypothesisSummary[] {
  const defs = ((plan.case as Case).hypotheses ?? []).filter(
    isModelHypothesis,
  ) as readonly HypothesisDef[];
  const scenarioIndex = new Map(plan.scenarios.map((s, i) => [s.id, i]));
  const metricIndex = prepared.outcomes.map((names) => new Map(names.map((n, i) => [n, i])));
  const out: HypothesisSummary[] = [];
  const k = plan.parameters.length;
  const n = worlds.length;
  // Parameter values of the sampled worlds, each column sorted once for every hypothesis's PRIM.
  let x: PrimInput | null = null;
  const primInput = (): PrimInput => {
    if (x === null) {
      const values = new Float64Array(n * k);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < k; j++) values[i * k + j] = worldValue(prepared, worlds[i], j);
      x = preparePrimInput(values, n, k);
    }
    return x;
  };
  const pinned = endpointRunner(plan, prepared, worlds);
  for (const h of defs) {
    const needed = h.versus === undefined ? [h.scenario] : [h.scenario, h.versus];
    const missing = needed.filter((id) => !scenarioIndex.has(id));
    if (missing.length > 0) {
      diagnostics.push(
        `hypothesis "${h.id}" skipped: scenario ${missing.map((m) => `"${m}"`).join(', ')} not explored`,
      );
      continue;
    }
    const column = (scenarioId: string, name: string): [number, number] => {
      const s = scenarioIndex.get(scenarioId) as number;
      const m = metricIndex[s].get(name);
      if (m === undefined)
        throw new EntenteError(
          'invalid-argument',
          `aggregate: hypothesis "${h.id}" reads unknown outcome "${name}" of scenario "${scenarioId}"`,
        );
      return [s, m];
    };
    let current = 0;
    const metric = (scenarioId: string, name: string): number => {
      const [s, m] = column(scenarioId, name);
      return outcome(current, s, m);
    };
    const holdsIn = new Uint8Array(n);
    const effects = new Float64Array(n);
    let holds = 0;
    let defined = 0;
    for (let i = 0; i < n; i++) {
      current = worlds[i];
      const e = hypothesisEffect(h, metric);
      if (effectHolds(h, e)) {
        holds++;
        holdsIn[i] = 1;
      }
      if (!Number.isNaN(e)) effects[defined++] = e;
    }
    if (defined < n)
      diagnostics.push(
        `hypothesis "${h.id}": the relative effect is undefined (zero reference) in ${n - defined} of ${n} worlds; they count as not holding`,
      );
    let failBox: FailBox | null = null;
    let decidedBy: DecidedBy | null = null;
    if (k > 0 && n > 0) {
      const rule = decidingParameter(primInput(), holdsIn, { threshold: DECIDES });
      if (rule !== null) {
        decidedBy = {
          parameter: plan.parameters[rule.j].id,
          op: rule.op,
          value: rule.value,
          density: rule.density,
          coverage: rule.coverage,
          source: 'box',
        };
      } else if (holds >= DECIDES * n) {
        decidedBy = endpointRule(plan, h, needed, column, pinned, holds / n);
      }
      if (holds < n) {
        const fails = new Uint8Array(n);
        for (let i = 0; i < n; i++) fails[i] = 1 - holdsIn[i];
        failBox = primBox(plan, primInput(), n, k, fails);
      }
    }
    const q = defined > 0 ? quantiles(effects.subarray(0, defined), [0.05, 0.5, 0.95]) : null;
    out.push({
      id: h.id,
      claim: h.claim ?? null,
      claimant: h.claimant ?? 'author',
      paragraph: h.paragraph ?? null,
      sentence: h.sentence ?? null,
      statement: h.statement ?? '',
      comparison: hypothesisComparison(h),
      policy: h.scenario,
      versus: h.versus ?? null,
      metric: h.metric,
      op: h.op,
      ...(h.value === undefined ? {} : { value: h.value }),
      minEffect: h.minEffect ?? null,
      holds: n > 0 ? holds / n : null,
      ci: n > 0 ? wilsonInterval(holds, n) : null,
      n,
      draws: summarizeDraws(plan, worlds, holdsIn),
      effect:
        q === null
          ? null
          : {
              scale:
                h.minEffect !== undefined && 'relative' in h.minEffect ? 'relative' : 'absolute',
              median: q[1],
              q05: q[0],
              q95: q[2],
              n: defined,
            },
      decidedBy,
      contradictedBy: [],
      failBox,
    });
  }
  return withContradictions(out, defs);
}

/**
 * The verdict over case draws: per draw, the share of its (finished, sampled) worlds where the
 * hypothesis holds; then the share of draws where it holds in most worlds (> ½) and the R-7
 * quantiles of the per-draw shares. Null when the plan has no draws or no world finished.
 */
function summarizeDraws(
  plan: ExplorationPlan,
  worlds: Int32Array,
  holdsIn: Uint8Array,
): CaseDrawsSummary | null {
  const n = plan.options.draws ?? 0;
  if (n === 0 || worlds.length === 0) return null;
  const total = new Int32Array(n);
  const held = new Int32Array(n);
  for (let i = 0; i < worlds.length; i++) {
    const d = caseDrawOfWorld(plan, worlds[i]);
    total[d]++;
    held[d] += holdsIn[i];
  }
  const shares: number[] = [];
  let most = 0;
  for (let d = 0; d < n; d++) {
    if (total[d] === 0) continue;
    const share = held[d] / total[d];
    shares.push(share);
    if (share > 0.5) most++;
  }
  const q = quantiles(Float64Array.from(shares), [0.05, 0.5, 0.95]);
  return { n: shares.length, share: most / shares.length, q05: q[0], median: q[1], q95: q[2] };
}

/**
 * Marks each hypothesis with the hypotheses of the same claim and the other comparison (its trend
 * against its counterfactual, and back) whose median effect fails them: the model's paired test
 * then says the opposite of what the trend alone suggests.
 */
function withContradictions(
  out: readonly HypothesisSummary[],
  defs: readonly HypothesisDef[],
): HypothesisSummary[] {
  const defOf = new Map(defs.map((d) => [d.id, d]));
  return out.map((h) => {
    if (h.claim === null) return h;
    const contradictedBy = out
      .filter((p) => p.claim === h.claim && p.comparison !== h.comparison && p.effect !== null)
      .filter((p) => !effectHolds(defOf.get(p.id) as HypothesisDef, p.effect?.median as number))
      .map((p) => p.id);
    return contradictedBy.length === 0 ? h : { ...h, contradictedBy };
  });
}

/** Outcomes of scenario s in check world c with parameter j pinned to one end of its range. */
type PinnedRunner = (s: number, j: number, end: 0 | 1, c: number) => Float64Array;

/**
 * Runs the check worlds of the endpoint check on demand, each (scenario, parameter, end, world)
 * once: the world's parameters and seed, with one parameter set to its range's lower (0) or upper
 * (1) end — unless the scenario fixes it, in which case the scenario's value stays.
 */
function endpointRunner(
  plan: ExplorationPlan,
  prepared: PreparedPlan,
  worlds: Int32Array,
): { checks: number; run: PinnedRunner } {
  const checks = Math.min(ENDPOINT_WORLDS, worlds.length);
  const memo = new Map<string, Float64Array>();
  const k = plan.parameters.length;
  const run: PinnedRunner = (s, j, end, c) => {
    const key = `${s}:${j}:${end}:${c}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const w = worlds[Math.floor((c * worlds.length) / checks)];
    const model = worldModels(prepared, w)[s];
    const p = Float64Array.from(model.base);
    for (let i = 0; i < k; i++) {
      if (prepared.applies[s][i] === 0) continue;
      const { index, lo, hi } = plan.parameters[i];
      p[index] = i === j ? (end === 0 ? lo : hi) : worldValue(prepared, w, i);
    }
    const y = simulateOutcomes(model, p, worldSeed(plan, w));
    memo.set(key, y);
    return y;
  };
  return { checks, run };
}

/**
 * The one-at-a-time endpoint check for a hypothesis that holds in nearly every sampled world:
 * the first parameter (plan order; lower end before upper) at one of whose range ends the
 * hypothesis fails in ≥ 95 % of the check worlds. Its verdict then rests on the range excluding
 * that end (e.g. "holds whenever η > 0"), not on the worlds.
 */
function endpointRule(
  plan: ExplorationPlan,
  h: HypothesisDef,
  needed: readonly string[],
  column: (scenarioId: string, name: string) => [number, number],
  pinned: { checks: number; run: PinnedRunner },
  share: number,
): DecidedBy | null {
  const { checks, run } = pinned;
  if (checks === 0) return null;
  const scenarioOf = new Map(needed.map((id) => [id, column(id, h.metric)]));
  for (let j = 0; j < plan.parameters.length; j++) {
    for (const end of [0, 1] as const) {
      let fails = 0;
      for (let c = 0; c < checks; c++) {
        const metric = (scenarioId: string): number => {
          const [s, m] = scenarioOf.get(scenarioId) as [number, number];
          return run(s, j, end, c)[m];
        };
        if (!hypothesisHolds(h, metric)) fails++;
      }
      if (fails >= DECIDES * checks) {
        const p = plan.parameters[j];
        return {
          parameter: p.id,
          op: end === 0 ? '>' : '<',
          value: end === 0 ? p.lo : p.hi,
          density: share,
          coverage: 1,
          source: 'endpoint',
        };
      }
    }
  }
  return null;
}

function primBox(
  plan: ExplorationPlan,
  x: PrimInput,
  n: number,
  k: number,
  y: Uint8Array,
): FailBox {
  const result = prim(x, n, k, y);
  const limits: { parameter: string; lo: number; hi: number }[] = [];
  for (let j = 0; j < k; j++) {
    if (!result.box.restricted[j]) continue;
    const p = plan.parameters[j];
    const lo = result.box.lo[j];
    const hi = result.box.hi[j];
    limits.push({
      parameter: p.id,
      lo: Number.isFinite(lo) ? Math.max(lo, p.lo) : p.lo,
      hi: Number.isFinite(hi) ? Math.min(hi, p.hi) : p.hi,
    });
  }
  return {
    // The figures of the reported box: prim drops limits that fail its significance test, so
    // result.box can be wider than trajectory[chosen].box.
    coverage: result.coverage,
    density: result.density,
    support: result.support,
    limits,
    trajectory: result.trajectory.map((t) => ({
      coverage: t.coverage,
      density: t.density,
      support: t.support,
    })),
  };
}

function summarizeSensitivity(
  plan: ExplorationPlan,
  prepared: PreparedPlan,
  index: WorldIndex,
  outcome: (w: number, s: number, m: number) => number,
  diagnostics: string[],
): SensitivitySummary | null {
  const { sample, bootstrap, seed } = plan.options;
  if (sample === 'lhs') return null;
  const { stride } = plan;
  const k = plan.parameters.length;
  // Whole design units only: a Saltelli base row or a Morris trajectory with every world done.
  const units: number[] = [];
  for (let u = 0; u < plan.options.runs; u++) {
    let whole = true;
    for (let b = 0; b < stride && whole; b++) whole = index.batchOf[u * stride + b] >= 0;
    if (whole) units.push(u);
  }
  const n = units.length;
  if (n < 2) {
    diagnostics.push(
      `sensitivity skipped: ${n} complete ${sample === 'sobol' ? 'base rows' : 'trajectories'}, need 2`,
    );
    return null;
  }
  const keys: { s: number; metric: string; m: number }[] = [];
  plan.scenarios.forEach((_, s) => {
    for (const metric of SENSITIVITY_OUTCOMES) {
      const m = prepared.outcomes[s].indexOf(metric);
      if (m >= 0) keys.push({ s, metric, m });
    }
  });
  const y = new Float64Array(n * stride);
  const ci = (a: Float64Array, j: number): [number, number] => [a[2 * j], a[2 * j + 1]];
  if (sample === 'sobol') {
    return {
      method: 'sobol',
      n,
      outcomes: keys.map(({ s, metric, m }) => {
        // Back to Saltelli's block order: block b, base row jj.
        for (let jj = 0; jj < n; jj++)
          for (let b = 0; b < stride; b++) y[b * n + jj] = outcome(units[jj] * stride + b, s, m);
        const r = sobolIndices(y, n, k, { bootstrap, seed });
        return {
          scenario: plan.scenarios[s].id,
          metric,
          indices: plan.parameters.map((p, j) => ({
            parameter: p.id,
            first: r.first[j],
            firstCi: ci(r.firstCi, j),
            total: r.total[j],
            totalCi: ci(r.totalCi, j),
          })),
        };
      }),
    };
  }
  const matrix = new Float64Array(n * stride * k);
  for (let jj = 0; jj < n; jj++) {
    const from = units[jj] * stride * k;
    matrix.set(prepared.design.unit.subarray(from, from + stride * k), jj * stride * k);
  }
  return {
    method: 'morris',
    r: n,
    outcomes: keys.map(({ s, metric, m }) => {
      for (let jj = 0; jj < n; jj++)
        for (let b = 0; b < stride; b++) y[jj * stride + b] = outcome(units[jj] * stride + b, s, m);
      const r = morrisEffects(matrix, y, n, k);
      return {
        scenario: plan.scenarios[s].id,
        metric,
        indices: plan.parameters.map((p, j) => ({
          parameter: p.id,
          mu: r.mu[j],
          muStar: r.muStar[j],
          sigma: r.sigma[j],
        })),
      };
    }),
  };
}

function summarizeBands(
  plan: ExplorationPlan,
  prepared: PreparedPlan,
  index: WorldIndex,
): BandSummary[] {
  const band: number[] = [];
  for (let w = 0; w < plan.worlds; w++)
    if (index.bandSlot[w] >= 0 && index.batchOf[w] >= 0) band.push(w);
  if (band.length === 0) return [];
  const block = prepared.seriesOffsets[prepared.models.length];
  const q = BAND_SERIES.length;
  const column = new Float64Array(band.length);
  const out: BandSummary[] = [];
  plan.scenarios.forEach((scenario, s) => {
    const steps = prepared.models[s].months + 1;
    BAND_SERIES.forEach((name, series) => {
      const values = BAND_PROBS.map(() => new Array<number>(steps));
      for (let t = 0; t < steps; t++) {
        for (let i = 0; i < band.length; i++) {
          const w = band[i];
          const batch = index.batches[index.batchOf[w]];
          column[i] =
            batch.series[index.bandSlot[w] * block + prepared.seriesOffsets[s] + t * q + series];
        }
        const qs = quantiles(column, BAND_PROBS);
        for (let p = 0; p < BAND_PROBS.length; p++) values[p][t] = qs[p];
      }
      out.push({
        scenario: scenario.id,
        series: name,
        probs: [...BAND_PROBS],
        worlds: band.length,
        values,
      });
    });
  });
  return out;
}
