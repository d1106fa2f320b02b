/**
 * `entente analyze [case]`: the whole coalition analysis in one report — balance and who carries
 * the contradiction, the landscape's stable configurations, how far each armed group's threats
 * must shrink before the most stable configuration changes, signed coalitions, and leverage.
 */
import { type Case, tippingPoints } from '@entente/core';
import { loadAnalysisInput } from '../analysis-input.js';
import { analysisDates } from '../analysis-options.js';
import type { Io } from '../io.js';
import { type BalanceCommandOptions, computeBalance, renderBalance } from './balance.js';
import {
  type CoalitionsCommandOptions,
  computeCoalitions,
  renderCoalitions,
} from './coalitions.js';
import {
  computeLandscape,
  type LandscapeCommandOptions,
  landscapeInputAt,
  renderLandscape,
  renderTipping,
} from './landscape.js';
import { computeLeverage, renderLeverage } from './leverage.js';

/** Options of the analyze command: those of every analysis it runs. */
export type AnalyzeCommandOptions = BalanceCommandOptions &
  LandscapeCommandOptions &
  CoalitionsCommandOptions;

/**
 * Tipping points for each armed group of the case: θ scales the group's negative ties from 1
 * (as recorded) down to 0 (no threat). No group is singled out; the case's actor kinds decide.
 */
function threatTipping(c: Case, options: AnalyzeCommandOptions, at: string | undefined) {
  const input = landscapeInputAt(c, options, at);
  const groups = c.actors.filter((a) => a.kind === 'armed-group' && input.actors.includes(a.id));
  return groups.map((g) => ({
    group: g.id,
    ...tippingPoints(input, { kind: 'actor-ties', actor: g.id, sign: 'negative' }, [0, 1]),
  }));
}

/** Runs every analysis and prints one report (or one JSON document). */
export async function analyzeCommand(
  io: Io,
  path: string | undefined,
  options: AnalyzeCommandOptions,
): Promise<number> {
  const { file, case: c } = await loadAnalysisInput(io, path, options);
  const results = [];
  for (const at of analysisDates(options)) {
    const balance = await computeBalance(c, options, at);
    const landscape = computeLandscape(c, options, at);
    const tipping = threatTipping(c, options, at);
    const coalitions = computeCoalitions(c, { ...options, k: options.k ?? 2 }, at);
    const leverage = computeLeverage(c, options, at);
    results.push({ at: at ?? null, balance, landscape, tipping, coalitions, leverage });
    if (!options.json) {
      io.stdout(renderBalance(c, file, balance));
      io.stdout(renderLandscape(c, file, landscape, options.top ?? 5));
      if (tipping.length > 0) {
        io.stdout(
          'How far must each armed group’s threats shrink before the most stable configuration changes?\n',
        );
        io.stdout('(θ scales all of the group’s negative ties: 1 = as recorded, 0 = none)\n\n');
      }
      for (const t of tipping) io.stdout(renderTipping(c, file, at, t, true));
      io.stdout(renderCoalitions(c, file, coalitions));
      io.stdout(renderLeverage(c, file, leverage));
    }
  }
  if (options.json) {
    const body = options.over ? { case: c.id, series: results } : { case: c.id, ...results[0] };
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  }
  return 0;
}
