/**
 * `entente analyze [case]`: the whole coalition analysis in one report — balance and who carries
 * the contradiction, the landscape's stable configurations, how far each armed group's threats
 * must shrink before the most stable configuration changes, signed coalitions, and leverage.
 */
import { analyzeCase } from '@entente/core';
import { runAnalysis } from '../analysis-options.js';
import type { Io } from '../io.js';
import { type BalanceCommandOptions, renderBalance } from './balance.js';
import { type CoalitionsCommandOptions, renderCoalitions } from './coalitions.js';
import { type LandscapeCommandOptions, renderLandscape, renderTipping } from './landscape.js';
import { renderLeverage } from './leverage.js';

/** Options of the analyze command: those of every analysis it runs. */
export type AnalyzeCommandOptions = BalanceCommandOptions &
  LandscapeCommandOptions &
  CoalitionsCommandOptions;

/** Runs every analysis and prints one report (or one JSON document). */
export async function analyzeCommand(
  io: Io,
  path: string | undefined,
  options: AnalyzeCommandOptions,
): Promise<number> {
  return runAnalysis(
    io,
    path,
    options,
    async (c, at) => {
      // core's analyzeCase bundle, without the projection (the map's data, not a report)
      const r = await analyzeCase(c, { ...options, at });
      return {
        at: r.at,
        options: r.options,
        balance: r.balance,
        landscape: r.landscape,
        tipping: r.tipping,
        coalitions: r.coalitions,
        leverage: r.leverage,
      };
    },
    (c, file, r, at) => {
      const parts = [
        renderBalance(c, file, r.balance),
        renderLandscape(c, file, r.landscape, options.top ?? 5),
      ];
      if (r.tipping.length > 0) {
        parts.push(
          'How far must each armed group’s threats shrink before the most stable configuration changes?\n' +
            '(θ scales all of the group’s negative ties: 1 = as recorded, 0 = none)\n\n',
        );
      }
      for (const t of r.tipping) parts.push(renderTipping(c, file, at, t, true));
      parts.push(renderCoalitions(c, file, r.coalitions), renderLeverage(c, file, r.leverage));
      return parts.join('');
    },
  );
}
