/**
 * `entente analyze [case]`: the whole coalition analysis in one report — balance and who carries
 * the contradiction, the landscape's stable configurations, how far each armed group's threats
 * must shrink before the most stable configuration changes, signed coalitions, and leverage.
 */
import { type Case, tippingPoints } from '@entente/core';
import { runAnalysis } from '../analysis-options.js';
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
  return runAnalysis(
    io,
    path,
    options,
    async (c, at) => ({
      at: at ?? null,
      balance: await computeBalance(c, options, at),
      landscape: computeLandscape(c, options, at),
      tipping: threatTipping(c, options, at),
      coalitions: computeCoalitions(c, { ...options, k: options.k ?? 2 }, at),
      leverage: computeLeverage(c, options, at),
    }),
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
