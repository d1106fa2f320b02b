/**
 * The costly half of a hypothesis's verdict, as a task any thread can run: the one parameter that
 * decides it (a one-dimensional box, or the one-at-a-time check at a range end; docs/case-format.md,
 * "What decides a verdict") and the PRIM box (Friedman & Fisher 1999; Bryant & Lempert 2010) of
 * the worlds where it fails. The input is the plan (each thread rebuilds the parameter values from
 * its design) and, per sampled world, whether the hypothesis holds; the output is plain data, so
 * the result is the same bytes in the calling thread and in a worker thread.
 */
import { isModelHypothesis } from '../case/hypotheses.js';
import type { Case } from '../case/schema.js';
import { EntenteError } from '../errors.js';
import { type PrimInput, preparePrimInput, prim } from '../exploration/index.js';
import {
  type Hypothesis,
  type HypothesisRule,
  hypothesisHolds,
  simulateOutcomes,
} from '../simulation/index.js';
import { decidingParameter } from './deciding-parameter.js';
import { worldSeed } from './exploration-design.js';
import type { DecidedBy, FailBox } from './exploration-summary.js';
import type { ExplorationPlan } from './plan-exploration.js';
import { type PreparedPlan, worldModels, worldValue } from './run-batch.js';

/** A hypothesis as the case gives it, with the fields the summary copies. */
export type HypothesisDef = HypothesisRule &
  Pick<Hypothesis, 'comparison' | 'claimant' | 'paragraph' | 'sentence'> & {
    claim?: string;
    statement?: string;
  };

/** The model hypotheses of a plan's case (observed ones are judged on event data), in case order. */
export function planHypotheses(plan: ExplorationPlan): readonly HypothesisDef[] {
  return ((plan.case as Case).hypotheses ?? []).filter(
    isModelHypothesis,
  ) as readonly HypothesisDef[];
}

/** One hypothesis's verdict task: plain data with typed arrays (crosses worker threads). */
export interface VerdictTask {
  readonly planId: string;
  /** Index of the hypothesis in {@link planHypotheses}. */
  readonly hypothesis: number;
  /** The sampled, finished worlds, ascending. */
  readonly worlds: Int32Array;
  /** Per world of `worlds`: 1 when the hypothesis holds there. */
  readonly holdsIn: Uint8Array;
}

/** What a {@link VerdictTask} finds. */
export interface Verdict {
  readonly decidedBy: DecidedBy | null;
  readonly failBox: FailBox | null;
}

/**
 * What a thread keeps between the verdict tasks of one aggregation: the sorted parameter columns
 * of the sampled worlds and the endpoint check's runs. Create one with {@link verdictCache}; it
 * starts afresh when a task of another plan or world set arrives.
 */
export interface VerdictCache {
  key: string;
  x: PrimInput | null;
  pinned: Map<string, Float64Array>;
}

/** An empty {@link VerdictCache}. */
export function verdictCache(): VerdictCache {
  return { key: '', x: null, pinned: new Map() };
}

/** Check worlds of the one-at-a-time endpoint check (evenly spaced over the sampled worlds). */
const ENDPOINT_WORLDS = 16;
/** Share of worlds that must agree: the verdict's majority, the box's figures, the flips. */
export const DECIDES = 0.95;

/** FNV-1a over the world indices: tells one aggregation's world set from another's. */
function worldsKey(planId: string, worlds: Int32Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < worlds.length; i++) h = Math.imul(h ^ worlds[i], 0x01000193) >>> 0;
  return `${planId}:${worlds.length}:${h.toString(16)}`;
}

/**
 * Runs a verdict task: the deciding parameter and, when the hypothesis fails somewhere, the PRIM
 * box of its failures. `prepared` must be the task's plan.
 * @throws EntenteError('invalid-argument') when `prepared` is another plan, the hypothesis index
 *   or the flags do not fit
 */
export function hypothesisVerdict(
  prepared: PreparedPlan,
  task: VerdictTask,
  cache: VerdictCache = verdictCache(),
): Verdict {
  const { plan } = prepared;
  const defs = planHypotheses(plan);
  const h = defs[task.hypothesis];
  const { worlds, holdsIn } = task;
  if (task.planId !== plan.id || h === undefined || holdsIn.length !== worlds.length)
    throw new EntenteError(
      'invalid-argument',
      `aggregate: verdict task of hypothesis ${task.hypothesis} does not fit plan ${plan.id}`,
    );
  const k = plan.parameters.length;
  const n = worlds.length;
  if (k === 0 || n === 0) return { decidedBy: null, failBox: null };
  const key = worldsKey(plan.id, worlds);
  if (cache.key !== key) {
    cache.key = key;
    cache.x = null;
    cache.pinned = new Map();
  }
  const primInput = (): PrimInput => {
    if (cache.x === null) {
      const values = new Float64Array(n * k);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < k; j++) values[i * k + j] = worldValue(prepared, worlds[i], j);
      cache.x = preparePrimInput(values, n, k);
    }
    return cache.x;
  };
  let holds = 0;
  for (let i = 0; i < n; i++) holds += holdsIn[i];
  let decidedBy: DecidedBy | null = null;
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
    decidedBy = endpointRule(prepared, h, worlds, cache.pinned, holds / n);
  }
  let failBox: FailBox | null = null;
  if (holds < n) {
    const fails = new Uint8Array(n);
    for (let i = 0; i < n; i++) fails[i] = 1 - holdsIn[i];
    failBox = primBox(plan, primInput(), n, k, fails);
  }
  return { decidedBy, failBox };
}

/**
 * The one-at-a-time endpoint check for a hypothesis that holds in nearly every sampled world:
 * the first parameter (plan order; lower end before upper) at one of whose range ends the
 * hypothesis fails in ≥ 95 % of the check worlds. Its verdict then rests on the range excluding
 * that end (e.g. "holds whenever η > 0"), not on the worlds. A check world runs with the world's
 * parameters and seed, one parameter set to its range's lower or upper end — unless the scenario
 * fixes it, in which case the scenario's value stays; each run is kept in `memo`.
 */
function endpointRule(
  prepared: PreparedPlan,
  h: HypothesisDef,
  worlds: Int32Array,
  memo: Map<string, Float64Array>,
  share: number,
): DecidedBy | null {
  const { plan } = prepared;
  const checks = Math.min(ENDPOINT_WORLDS, worlds.length);
  if (checks === 0) return null;
  const k = plan.parameters.length;
  const run = (s: number, j: number, end: 0 | 1, c: number): Float64Array => {
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
  const needed = h.versus === undefined ? [h.scenario] : [h.scenario, h.versus];
  const scenarioOf = new Map(
    needed.map((id) => {
      const s = plan.scenarios.findIndex((x) => x.id === id);
      return [id, [s, prepared.outcomes[s].indexOf(h.metric)] as const];
    }),
  );
  for (let j = 0; j < k; j++) {
    for (const end of [0, 1] as const) {
      let fails = 0;
      for (let c = 0; c < checks; c++) {
        const metric = (scenarioId: string): number => {
          const [s, m] = scenarioOf.get(scenarioId) as readonly [number, number];
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
