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
import { EntenteError } from '../errors.js';
import { morrisEffects, quantiles, sobolIndices, wilsonInterval } from '../exploration/index.js';
import {
  BAND_SERIES,
  effectHolds,
  hypothesisComparison,
  hypothesisEffect,
} from '../simulation/index.js';
import { caseDrawOfWorld } from './case-draw-of-world.js';
import { isBandWorld, sampleRank } from './exploration-design.js';
import {
  BAND_PROBS,
  type BandSummary,
  type CaseDrawsSummary,
  type ExplorationSummary,
  type HypothesisSummary,
  type OutcomeSummary,
  SENSITIVITY_OUTCOMES,
  type SensitivitySummary,
  SUMMARY_FORMAT,
} from './exploration-summary.js';
import {
  type HypothesisDef,
  hypothesisVerdict,
  planHypotheses,
  type Verdict,
  type VerdictTask,
  verdictCache,
} from './hypothesis-verdict.js';
import type { ExplorationPlan } from './plan-exploration.js';
import { type BatchResult, type PreparedPlan, preparePlan } from './run-batch.js';
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
 * An aggregation under way ({@link startAggregation}): the hypotheses' verdict tasks, which any
 * thread can run ({@link hypothesisVerdict}), and the rest of the summary, computed here in
 * steps so that a caller can hand the tasks to a pool between steps.
 */
export interface Aggregation {
  readonly prepared: PreparedPlan;
  /** One task per summarised hypothesis, in case order. */
  readonly tasks: readonly VerdictTask[];
  /** Computes the next part of the rest (outcome quantiles, sensitivity, bands); false when done. */
  step(): boolean;
  /**
   * The summary, given the verdict of each task in task order (runs any steps left).
   * @throws EntenteError('invalid-argument') when the verdicts do not match the tasks
   */
  finish(verdicts: readonly Verdict[]): ExplorationSummary;
}

/**
 * Summarises finished batches of `plan` (all of them, or those finished before an abort) in the
 * calling thread.
 * @throws EntenteError('invalid-argument') on a batch of another plan or overlapping batches
 */
export function aggregate(
  plan: ExplorationPlan,
  batches: readonly BatchResult[],
): ExplorationSummary {
  const run = startAggregation(plan, batches);
  const cache = verdictCache();
  const verdicts = run.tasks.map((t) => hypothesisVerdict(run.prepared, t, cache));
  return run.finish(verdicts);
}

/**
 * Starts aggregating finished batches of `plan`: indexes the worlds, evaluates every hypothesis in
 * every sampled world and sets out the verdict tasks. Whether the tasks run here or on worker
 * threads, {@link Aggregation.finish} gives the bytes {@link aggregate} gives.
 * @throws EntenteError('invalid-argument') on a batch of another plan or overlapping batches
 */
export function startAggregation(
  plan: ExplorationPlan,
  batches: readonly BatchResult[],
  prepared: PreparedPlan = preparePlan(plan),
): Aggregation {
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
  // Each sampled world's batch and row offset, resolved once: the loops below read 10⁷ values
  // at 100,000 worlds, so they index typed arrays rather than call `outcome`.
  const rowBatch = new Int32Array(worlds.length);
  const rowBase = new Int32Array(worlds.length);
  for (let i = 0; i < worlds.length; i++) {
    rowBatch[i] = index.batchOf[worlds[i]];
    rowBase[i] = (worlds[i] - index.batches[rowBatch[i]].start) * width;
  }
  const data = index.batches.map((b) => b.outcomes);
  const gather = (column: number, into: Float64Array): number => {
    let sum = 0;
    for (let i = 0; i < worlds.length; i++) {
      into[i] = data[rowBatch[i]][rowBase[i] + column];
      sum += into[i];
    }
    return sum;
  };

  const partial = evaluateHypotheses(plan, prepared, worlds, gather, diagnostics);
  const outcomes: OutcomeSummary[] = [];
  let sensitivity: SensitivitySummary | null = null;
  const bands: BandSummary[] = [];
  // The rest, in steps: one scenario's outcome quantiles, the sensitivity, one scenario's bands.
  const steps: (() => void)[] = [];
  if (worlds.length > 0) {
    const values = new Float64Array(worlds.length);
    plan.scenarios.forEach((scenario, s) => {
      steps.push(() => {
        prepared.outcomes[s].forEach((metric, m) => {
          const sum = gather(prepared.outcomeOffsets[s] + m, values);
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
    });
  }
  steps.push(() => {
    sensitivity = summarizeSensitivity(plan, prepared, index, outcome, diagnostics);
  });
  const band = bandWorlds(plan, index);
  if (band.length > 0)
    plan.scenarios.forEach((_, s) => {
      steps.push(() => {
        bands.push(...summarizeBands(plan, prepared, index, band, s));
      });
    });
  let next = 0;
  const step = (): boolean => {
    if (next < steps.length) steps[next++]();
    return next < steps.length;
  };
  return {
    prepared,
    tasks: partial.map((p) => p.task),
    step,
    finish(verdicts) {
      if (verdicts.length !== partial.length)
        throw new EntenteError(
          'invalid-argument',
          `aggregate: ${verdicts.length} verdicts for ${partial.length} hypotheses`,
        );
      while (step());
      const hypotheses = withContradictions(
        partial.map((p, i) => p.summary(verdicts[i])),
        planHypotheses(plan),
      );
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
        sensitivity,
        bands,
        diagnostics,
      };
    },
  };
}

/** A hypothesis evaluated in every sampled world, waiting for its verdict task. */
interface PartialHypothesis {
  readonly task: VerdictTask;
  summary(verdict: Verdict): HypothesisSummary;
}

function evaluateHypotheses(
  plan: ExplorationPlan,
  prepared: PreparedPlan,
  worlds: Int32Array,
  gather: (column: number, into: Float64Array) => number,
  diagnostics: string[],
): PartialHypothesis[] {
  const defs = planHypotheses(plan);
  const scenarioIndex = new Map(plan.scenarios.map((s, i) => [s.id, i]));
  const metricIndex = prepared.outcomes.map((names) => new Map(names.map((n, i) => [n, i])));
  const out: PartialHypothesis[] = [];
  const n = worlds.length;
  // The outcome columns the hypotheses read, gathered once each.
  const columns = new Map<number, Float64Array>();
  const columnOf = (h: HypothesisDef, scenarioId: string): Float64Array => {
    const s = scenarioIndex.get(scenarioId) as number;
    const m = metricIndex[s].get(h.metric);
    if (m === undefined && n === 0) return new Float64Array(0);
    if (m === undefined)
      throw new EntenteError(
        'invalid-argument',
        `aggregate: hypothesis "${h.id}" reads unknown outcome "${h.metric}" of scenario "${scenarioId}"`,
      );
    const at = prepared.outcomeOffsets[s] + m;
    let values = columns.get(at);
    if (!values) {
      values = new Float64Array(n);
      gather(at, values);
      columns.set(at, values);
    }
    return values;
  };
  defs.forEach((h, hypothesis) => {
    const needed = h.versus === undefined ? [h.scenario] : [h.scenario, h.versus];
    const missing = needed.filter((id) => !scenarioIndex.has(id));
    if (missing.length > 0) {
      diagnostics.push(
        `hypothesis "${h.id}" skipped: scenario ${missing.map((m) => `"${m}"`).join(', ')} not explored`,
      );
      return;
    }
    const left = columnOf(h, h.scenario);
    const right = h.versus === undefined ? left : columnOf(h, h.versus);
    let i = 0;
    const metric = (scenarioId: string): number => (scenarioId === h.scenario ? left[i] : right[i]);
    const holdsIn = new Uint8Array(n);
    const effects = new Float64Array(n);
    let holds = 0;
    let defined = 0;
    for (i = 0; i < n; i++) {
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
    const q = defined > 0 ? quantiles(effects.subarray(0, defined), [0.05, 0.5, 0.95]) : null;
    const draws = summarizeDraws(plan, worlds, holdsIn);
    out.push({
      task: { planId: plan.id, hypothesis, worlds, holdsIn },
      summary: ({ decidedBy, failBox }) => ({
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
        draws,
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
      }),
    });
  });
  return out;
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

/** The band worlds that finished, ascending. */
function bandWorlds(plan: ExplorationPlan, index: WorldIndex): number[] {
  const band: number[] = [];
  for (let w = 0; w < plan.worlds; w++)
    if (index.bandSlot[w] >= 0 && index.batchOf[w] >= 0) band.push(w);
  return band;
}

/** The quantile bands of scenario s's monthly series over the band worlds. */
function summarizeBands(
  plan: ExplorationPlan,
  prepared: PreparedPlan,
  index: WorldIndex,
  band: readonly number[],
  s: number,
): BandSummary[] {
  const block = prepared.seriesOffsets[prepared.models.length];
  const q = BAND_SERIES.length;
  const column = new Float64Array(band.length);
  const scenario = plan.scenarios[s];
  const steps = prepared.models[s].months + 1;
  return BAND_SERIES.map((name, series) => {
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
    return {
      scenario: scenario.id,
      series: name,
      probs: [...BAND_PROBS],
      worlds: band.length,
      values,
    };
  });
}
