/**
 * `entente leverage [case]`: who holds leverage over whom — asymmetric dependency on patrons,
 * a regime's threat leverage through the armed groups it harbours, and brokerage on the
 * positive ties — each figure with the relations that produce it.
 */
import { analyzeLeverage, type Case, citeRelation, type LeverageAnalysis } from '@entente/core';
import { type AnalysisCliOptions, runAnalysis } from '../analysis-options.js';
import type { Io } from '../io.js';
import { relationLine } from '../provenance.js';
import { percent, table } from '../table.js';

/** Dependency, threat leverage and brokerage at one date, as `entente leverage --json` prints them. */
export function computeLeverage(
  c: Case,
  options: AnalysisCliOptions,
  at: string | undefined,
): LeverageAnalysis {
  return analyzeLeverage(c, { ...options, at });
}

/** What {@link computeLeverage} returns. */
export type LeverageJson = LeverageAnalysis;

/** Runs the leverage analyses and prints them. */
export async function leverageCommand(
  io: Io,
  path: string | undefined,
  options: AnalysisCliOptions,
): Promise<number> {
  return runAnalysis(
    io,
    path,
    options,
    (c, at) => computeLeverage(c, options, at),
    (c, file, r) => renderLeverage(c, file, r),
  );
}

/** The human-readable leverage report. */
export function renderLeverage(c: Case, file: string, r: LeverageJson): string {
  const out: string[] = [];
  out.push(
    `Leverage, dependency and brokerage in ${c.title} (${file})${r.at ? ` at ${r.at}` : ''}`,
  );
  out.push('');
  out.push('Dependency: share of an actor’s support that comes from its top patron');
  const deps = Object.entries(r.dependency.actors)
    .filter(([, d]) => d.top !== null)
    .sort((a, b) => (b[1].top?.share ?? 0) - (a[1].top?.share ?? 0) || a[0].localeCompare(b[0]));
  out.push(
    table(
      ['actor', 'support', 'top patron', 'share', 'patrons'],
      deps.map(([id, d]) => [
        id,
        d.total.toFixed(2),
        d.top?.patron ?? '—',
        percent(d.top?.share ?? 0),
        d.patrons.map((p) => `${p.patron} ${percent(p.share)}`).join(', '),
      ]),
      ['left', 'right', 'left', 'right', 'left'],
    ),
  );
  out.push('');
  out.push(
    'Threat leverage: a regime’s hold over a state through the groups it harbours (control × threat)',
  );
  if (r.threatLeverage.pairs.length === 0) out.push('  none');
  for (const p of r.threatLeverage.pairs.slice(0, 15)) {
    const fig = r.threatLeverage.leverage[p.regime]?.[p.target];
    out.push(
      `  ${p.regime} over ${p.target}: ${p.value.toFixed(3)}  via ${fig?.via.map((v) => `${v.group} (${v.control.toFixed(2)} × ${v.threat.toFixed(2)})`).join(', ') ?? ''}`,
    );
    for (const i of p.relations) out.push(`      ${relationLine(citeRelation(c, i))}`);
  }
  out.push('');
  out.push(
    `Brokerage on the ${r.brokerage.positiveTies} positive ties (betweenness, ${r.brokerage.options.normalization})`,
  );
  const bro = Object.entries(r.brokerage.actors)
    .filter(([, b]) => b.betweenness > 0 || (b.brokered ?? 0) > 0)
    .sort((a, b) => b[1].betweenness - a[1].betweenness || a[0].localeCompare(b[0]));
  out.push(
    table(
      ['actor', 'betweenness', 'brokered two-paths', 'roles'],
      bro.map(([id, b]) => [
        id,
        b.betweenness.toFixed(3),
        b.brokered === null ? '—' : String(b.brokered),
        b.roles
          ? Object.entries(b.roles)
              .filter(([, n]) => n > 0)
              .map(([role, n]) => `${role} ${n}`)
              .join(', ')
          : '—',
      ]),
      ['left', 'right', 'right', 'left'],
    ),
  );
  return `${out.join('\n')}\n\n`;
}
