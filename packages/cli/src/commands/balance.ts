/**
 * `entente balance [case]`: structural balance — the triad census, the unbalanced triads with
 * the relations behind them, and the frustration index with the actors who carry it.
 */
import { analyzeBalance, type BalanceAnalysis, type Case } from '@entente/core';
import { type AnalysisCliOptions, runAnalysis } from '../analysis-options.js';
import type { Io } from '../io.js';
import { relationLine } from '../provenance.js';
import { percent, table } from '../table.js';

/** Options of the balance command. */
export interface BalanceCommandOptions extends AnalysisCliOptions {
  readonly weighted?: boolean;
  readonly timeLimit?: number;
  readonly limit?: number;
  readonly seed?: number;
}

/** The balance of a case at one date, as `entente balance --json` prints it (core's analyzeBalance). */
export async function computeBalance(
  c: Case,
  options: BalanceCommandOptions,
  at: string | undefined,
) {
  return analyzeBalance(c, { ...options, at });
}

/** What {@link computeBalance} returns. */
export type BalanceJson = BalanceAnalysis;

/** Runs the balance analysis and prints it. */
export async function balanceCommand(
  io: Io,
  path: string | undefined,
  options: BalanceCommandOptions,
): Promise<number> {
  return runAnalysis(
    io,
    path,
    options,
    (c, at) => computeBalance(c, options, at),
    (c, file, r) => renderBalance(c, file, r),
  );
}

/** The human-readable balance report. */
export function renderBalance(c: Case, file: string, r: BalanceJson): string {
  const out: string[] = [];
  const f = r.frustration;
  out.push(`Structural balance of ${c.title} (${file})${r.at ? ` at ${r.at}` : ''}`);
  out.push(`${r.actors} actors, ${r.ties} signed ties`);
  if (r.period?.warning) out.push(`note: ${r.period.warning}`);
  out.push('');
  const cen = r.triads;
  out.push('Triad census (Cartwright & Harary: +++ and +−− balanced; ++− and −−− unbalanced)');
  out.push(
    table(
      ['+++', '++−', '+−−', '−−−', 'triangles', 'balance ratio', 'weighted ratio'],
      [
        [
          String(cen.counts['+++']),
          String(cen.counts['++-']),
          String(cen.counts['+--']),
          String(cen.counts['---']),
          String(cen.triangles),
          cen.ratio === null ? '—' : cen.ratio.toFixed(3),
          cen.weightedRatio === null ? '—' : cen.weightedRatio.toFixed(3),
        ],
      ],
      Array(7).fill('right'),
    ),
  );
  out.push('');
  const proof = f.exact
    ? 'proven optimal'
    : `not proven: lower bound ${round(f.lowerBound)}, gap ${percent(f.gap)}`;
  const unique = f.unique === null ? '' : f.unique ? ', unique split' : ', split not unique';
  out.push(
    `Frustration index (fewest ${f.weighted ? 'weight of ' : ''}ties to flip for balance): ${round(f.value)} — ${proof}${unique}`,
  );
  if (f.draws) {
    out.push(
      `  over ${f.draws.n} case draws: median ${round(f.draws.median)}, 5–95% ${round(f.draws.q05)}–${round(f.draws.q95)}${f.draws.exact < f.draws.n ? ` (${f.draws.n - f.draws.exact} not proven optimal)` : ''}`,
    );
  }
  out.push(`  side A: ${f.partition[0].join(', ') || '—'}`);
  out.push(`  side B: ${f.partition[1].join(', ') || '—'}`);
  const carriers = Object.entries(f.perActor)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (carriers.length > 0) {
    out.push('');
    out.push('Who carries the contradiction (frustrated ties touching each actor)');
    out.push(
      table(
        ['actor', 'ties', 'share'],
        carriers.map(([id, n]) => [id, round(n), percent(f.perActorShare[id] ?? 0)]),
        ['left', 'right', 'right'],
      ),
    );
  }
  const list = r.unbalancedTriads;
  if (list.length > 0) {
    out.push('');
    out.push(
      `Unbalanced triads (${r.unbalancedTotal}${r.unbalancedTruncated ? `, heaviest ${list.length} listed` : ''}), heaviest first`,
    );
    for (const tri of list.slice(0, 10)) {
      out.push(`  ${tri.actors.join(' – ')}  ${tri.pattern}  weight ${tri.weight.toFixed(3)}`);
      for (const tie of tri.ties)
        for (const rel of tie.relations) out.push(`      ${relationLine(rel)}`);
    }
    if (list.length > 10) out.push(`  … ${list.length - 10} more (use --json for all)`);
  }
  return `${out.join('\n')}\n\n`;
}

function round(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(3);
}
