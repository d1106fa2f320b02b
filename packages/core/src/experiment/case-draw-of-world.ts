/**
 * Case draws in an exploration (docs/model.md, "Case draws"): with `draws` N ≥ 1, the worlds are
 * split into N contiguous blocks and world w runs on case draw d(w) = ⌊w·N/W⌋ (W sample worlds),
 * so every draw has ⌊W/N⌋ or ⌈W/N⌉ worlds and a batch of neighbouring worlds touches only a few
 * draws (a worker compiles only those). Draw d is `drawCase(plan.case, rng)` with the generator
 * seeded by `runSeed(seed, CASE_DRAW_STREAM + d)`: a stream index no world uses, so the case's
 * draws and the worlds' noise never share a stream, and the draw does not depend on the batch or
 * the worker that computes it. A Monte Carlo propagation of the case's uncertainty nested
 * around the parameter sample (Saltelli et al., Global Sensitivity Analysis, Wiley 2008, ch. 1).
 */
import { drawCase } from '../analysis/case-draws.js';
import { createRng } from '../analysis/random.js';
import type { Case } from '../case/schema.js';
import { runSeed } from '../simulation/index.js';
import type { ExplorationPlan } from './plan-exploration.js';

/** First stream index of the case draws: 2⁴⁰, beyond any world's stream (≤ 10⁷). */
export const CASE_DRAW_STREAM = 2 ** 40;

/**
 * The case draw world `w` runs on: ⌊w·N/W⌋ with N the plan's draws and W its sample worlds, or −1
 * when the plan has no draws (the case as written).
 * @example caseDrawOfWorld(plan, 0) // 0 when plan.options.draws > 0
 */
export function caseDrawOfWorld(plan: ExplorationPlan, w: number): number {
  const n = plan.options.draws;
  return n > 0 ? Math.floor((w * n) / plan.sampleWorlds) : -1;
}

/** The seed of case draw `d` of a plan. */
const drawSeed = (plan: ExplorationPlan, d: number) =>
  runSeed(plan.options.seed, CASE_DRAW_STREAM + d);

/**
 * Case draw `d` of the plan's case: `drawCase` with the draw's generator, the same variant for the
 * same plan seed and `d` in every worker and batch. A relation the draw drops stays in the variant
 * with weight 0 (and no evidence, confidence or weight range): the model takes the strongest tie
 * of each kind, so a weight-0 tie changes no tie, but it keeps the model's actors those of the
 * case as written (a state whose every tie with the regime failed to hold would otherwise leave
 * the model, changing the outcome layout, or make a scenario's policy for it invalid).
 * @example planCaseDraw(plan, 0).relations.length // plan.case.relations.length
 */
export function planCaseDraw(plan: ExplorationPlan, d: number): Case {
  return drawCase(plan.case, createRng(drawSeed(plan, d)), { dropped: 'zero' });
}
