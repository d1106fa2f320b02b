/**
 * `entente coalitions [case]`: signed coalitions into k groups — Doreian–Mrvar relocation with k
 * given or swept — and the partition of highest signed modularity (Traag & Bruggeman 2009).
 */
import { analyzeCoalitions, type Case, type CoalitionsAnalysis } from '@entente/core';
import { type AnalysisCliOptions, runAnalysis } from '../analysis-options.js';
import type { Io } from '../io.js';
import { percent, table } from '../table.js';

/** Options of the coalitions command. */
export interface CoalitionsCommandOptions extends AnalysisCliOptions {
  readonly k?: number;
  readonly kMax?: number;
  readonly alpha?: number;
  readonly starts?: number;
  readonly seed?: number;
  readonly weighted?: boolean;
}

/** Relocation and modularity of a case at one date, as `entente coalitions --json` prints them. */
export function computeCoalitions(
  c: Case,
  options: CoalitionsCommandOptions,
  at: string | undefined,
): CoalitionsAnalysis {
  return analyzeCoalitions(c, { ...options, at });
}

/** What {@link computeCoalitions} returns. */
export type CoalitionsJson = CoalitionsAnalysis;

/** Runs relocation and modularity and prints them. */
export async function coalitionsCommand(
  io: Io,
  path: string | undefined,
  options: CoalitionsCommandOptions,
): Promise<number> {
  return runAnalysis(
    io,
    path,
    options,
    (c, at) => computeCoalitions(c, options, at),
    (c, file, r) => renderCoalitions(c, file, r),
  );
}

/** The human-readable coalitions report. */
export function renderCoalitions(c: Case, file: string, r: CoalitionsJson): string {
  const out: string[] = [];
  out.push(`Signed coalitions of ${c.title} (${file})${r.at ? ` at ${r.at}` : ''}`);
  out.push('');
  out.push(
    'Doreian–Mrvar relocation: error P = α·(negative ties within) + (1−α)·(positive ties between)',
  );
  out.push(
    table(
      ['k', 'α', 'P', 'neg within', 'pos between', 'optimal starts', 'groups'],
      r.relocation.map((x) => [
        String(x.k),
        String(x.alpha),
        x.error.toFixed(2),
        String(x.violations.negativeWithin),
        String(x.violations.positiveBetween),
        `${x.optimalCount}/${x.options.starts}`,
        x.groups.map((g) => `[${g.join(', ')}]`).join(' '),
      ]),
      ['right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
  );
  if (r.modularity) {
    out.push('');
    out.push(
      `Signed modularity (Traag & Bruggeman 2009): Q = ${r.modularity.modularity.toFixed(4)}`,
    );
    for (const g of r.modularity.groups) out.push(`  [${g.join(', ')}]`);
  }
  if (r.draws) {
    out.push('');
    out.push(
      `Over ${r.draws.n} case draws: the same relocation in ${r.relocation
        .map((x, i) => `${percent(r.draws?.sameRelocation[i] ?? 0)} (k = ${x.k})`)
        .join(', ')}; the same modularity partition in ${percent(r.draws.sameModularity)}`,
    );
  }
  if (r.period?.warning) out.push('', `note: ${r.period.warning}`);
  return `${out.join('\n')}\n\n`;
}
