/**
 * `entente landscape [case]` and `entente tipping [case]`: Axelrod–Bennett landscape theory —
 * the stable two-coalition configurations with their energies and basins — and the values of a
 * parameter (a group's threats, an actor's size, one pair's propensity) where the most stable
 * configuration changes.
 */
import {
  analyzeLandscape,
  analyzeTipping,
  type Case,
  type LandscapeAnalysis,
  type LandscapeInputFromCase,
  landscapeInputOfCase,
  type TippingAnalysis,
  type TippingRequest,
  type TippingResult,
} from '@entente/core';
import { type AnalysisCliOptions, runAnalysis } from '../analysis-options.js';
import type { Io } from '../io.js';
import { percent, table } from '../table.js';

/** Options of the landscape command. */
export interface LandscapeCommandOptions extends AnalysisCliOptions {
  readonly defaultSize?: number;
  readonly starts?: number;
  readonly seed?: number;
  readonly basins?: boolean;
  readonly top?: number;
}

/**
 * Builds the landscape input of a case at a date (sizes by core's rule: an edge list without a
 * node list has no sizes, so its actors weigh 1 each, `--sizes equal`).
 */
export function landscapeInputAt(
  c: Case,
  options: LandscapeCommandOptions,
  at: string | undefined,
): LandscapeInputFromCase {
  return landscapeInputOfCase(c, { ...options, at });
}

/**
 * Case draws the landscape command reports when `--draws` is not given: a case file's relations
 * carry confidences, so the landscape says how often each configuration is a minimum; an edge list
 * has none, so it gets no draws.
 */
export const LANDSCAPE_DEFAULT_DRAWS = 200;

/** The landscape of a case at one date, as `entente landscape --json` prints it. */
export function computeLandscape(
  c: Case,
  options: LandscapeCommandOptions,
  at: string | undefined,
): LandscapeAnalysis {
  const draws = options.draws ?? (options.edges === undefined ? LANDSCAPE_DEFAULT_DRAWS : 0);
  return analyzeLandscape(c, { ...options, at, draws });
}

/** What {@link computeLandscape} returns. */
export type LandscapeJson = LandscapeAnalysis;

/** Runs the landscape analysis and prints it. */
export async function landscapeCommand(
  io: Io,
  path: string | undefined,
  options: LandscapeCommandOptions,
): Promise<number> {
  return runAnalysis(
    io,
    path,
    options,
    (c, at) => computeLandscape(c, options, at),
    (c, file, r) => renderLandscape(c, file, r, options.top ?? 5),
  );
}

/** The human-readable landscape report. */
export function renderLandscape(c: Case, file: string, r: LandscapeJson, top: number): string {
  const out: string[] = [];
  out.push(
    `Landscape (Axelrod & Bennett 1993) of ${c.title} (${file})${r.at ? ` at ${r.at}` : ''}`,
  );
  out.push(
    `${r.actorsIncluded.length} actors; ${r.exhaustive ? `all ${r.configurations} configurations scanned` : `${r.configurations} random starts (basins estimated)`}`,
  );
  out.push(`Sizes: ${r.sizes}; layers: ${r.layers.join(', ')}; combine: ${r.combine}`);
  out.push(`Energy: ${r.convention}`);
  for (const d of r.diagnostics) out.push(`note: ${d}`);
  out.push('');
  out.push(`Stable configurations (local minima): ${r.minima.length}, lowest energy first`);
  const drawn = r.draws !== null;
  out.push(
    table(
      [
        '#',
        'energy',
        'basin',
        ...(drawn ? [`minimum in (of ${r.draws?.n} draws)`] : []),
        'coalition A',
        'coalition B',
      ],
      r.minima
        .slice(0, top)
        .map((m, i) => [
          String(i + 1),
          m.energy.toPrecision(4),
          m.basin === null ? '—' : percent(m.basin),
          ...(drawn ? [percent(m.share ?? 0)] : []),
          m.coalitions[0].join(', '),
          m.coalitions[1].join(', ') || '—',
        ]),
      ['right', 'right', 'right', ...(drawn ? ['right' as const] : []), 'left', 'left'],
    ),
  );
  if (r.minima.length > top) out.push(`… ${r.minima.length - top} more (--top N or --json)`);
  out.push('');
  out.push(
    'Actors in the most stable configuration (frustration F_i: energy the actor would shed by being placed with its friends and apart from its enemies)',
  );
  out.push(
    table(
      ['actor', 'coalition', 'frustration'],
      Object.entries(r.actors)
        .sort((a, b) => b[1].frustration - a[1].frustration)
        .map(([id, a]) => [id, a.coalition === 0 ? 'A' : 'B', a.frustration.toPrecision(4)]),
      ['left', 'left', 'right'],
    ),
  );
  for (const a of r.alignments) {
    out.push('');
    out.push(
      `Observed alignment "${a.alignment}": ${percent(a.agreement)} of ${a.compared} actors placed as observed by the most stable configuration`,
    );
    for (const m of a.misplaced) out.push(`  misplaced: ${m.actor}`);
    out.push(`  ${alignmentVerdict(a, r.minima.length)}`);
  }
  if (r.draws?.minima.some((m) => !r.minima.some((x) => sameSplit(x.coalitions, m.coalitions)))) {
    out.push('');
    out.push(`Configurations that are minima most often over ${r.draws?.n} case draws`);
    out.push(
      table(
        ['minimum in', 'coalition A', 'coalition B'],
        (r.draws?.minima ?? []).map((m) => [
          percent(m.share),
          m.coalitions[0].join(', '),
          m.coalitions[1].join(', ') || '—',
        ]),
        ['right', 'left', 'left'],
      ),
    );
  }
  if (r.byLayer.length > 0) {
    out.push('');
    out.push('Each layer alone');
    out.push(
      table(
        ['layer', 'minima', ...r.alignments.map((a) => a.alignment)],
        r.byLayer.map((l) => [
          l.layer,
          'minima' in l && l.minima ? String(l.minima.length) : '—',
          ...r.alignments.map((a) => {
            if (!('alignments' in l) || !l.alignments) return l.error ?? '—';
            const x = l.alignments.find((y) => y.alignment === a.alignment);
            if (!x) return '—';
            const share = x.minimumShare === null ? '' : `, in ${percent(x.minimumShare)} of draws`;
            return `${x.uniqueMinimum ? 'the unique minimum' : x.isMinimum ? 'a minimum' : 'not a minimum'}${share}`;
          }),
        ]),
        ['left', 'right', ...r.alignments.map(() => 'left' as const)],
      ),
    );
  }
  return `${out.join('\n')}\n\n`;
}

const sameSplit = (a: readonly string[][], b: readonly string[][]) =>
  JSON.stringify(a) === JSON.stringify(b);

function alignmentVerdict(a: LandscapeAnalysis['alignments'][number], minima: number): string {
  const point = a.uniqueMinimum
    ? 'it is the unique stable configuration'
    : a.isMinimum
      ? `it is one of the ${minima} stable configurations`
      : 'it is not a stable configuration';
  const drawn =
    a.minimumShare === null
      ? ''
      : `; a stable configuration in ${percent(a.minimumShare)} of case draws`;
  return `${point}${drawn}`;
}

/** Options of the tipping command. */
export interface TippingCommandOptions extends LandscapeCommandOptions {
  readonly threatsFrom?: string;
  readonly withCooperation?: boolean;
  readonly size?: string;
  readonly pair?: [string, string];
  readonly from: number;
  readonly to: number;
  readonly steps?: number;
}

/** Runs the tipping-point sweep and prints it. */
export async function tippingCommand(
  io: Io,
  path: string | undefined,
  options: TippingCommandOptions,
): Promise<number> {
  const chosen = [options.threatsFrom, options.size, options.pair].filter((x) => x !== undefined);
  if (chosen.length !== 1) {
    io.stderr(
      'entente tipping: give exactly one of --threats-from ACTOR, --size ACTOR, --pair A,B\n',
    );
    return 2;
  }
  if (options.withCooperation && !options.threatsFrom) {
    io.stderr('entente tipping: --with-cooperation needs --threats-from ACTOR\n');
    return 2;
  }
  const parameter: TippingRequest = options.threatsFrom
    ? { kind: 'threat', group: options.threatsFrom, cooperation: options.withCooperation === true }
    : options.size
      ? { kind: 'size', actor: options.size }
      : {
          kind: 'pair',
          source: (options.pair as [string, string])[0],
          target: (options.pair as [string, string])[1],
        };
  const lo = Math.min(options.from, options.to);
  const hi = Math.max(options.from, options.to);
  return runAnalysis(
    io,
    path,
    options,
    (c, at) => analyzeTipping(c, parameter, [lo, hi], { ...options, at }),
    (c, file, r, at) => renderTipping(c, file, at, r, options.from > options.to),
  );
}

/** The human-readable tipping report. */
export function renderTipping(
  c: Case,
  file: string,
  at: string | undefined,
  r: TippingResult & { draws?: TippingAnalysis['draws'] },
  descending: boolean,
): string {
  const out: string[] = [];
  out.push(`Tipping points of ${c.title} (${file})${at ? ` at ${at}` : ''}`);
  out.push(
    `Parameter θ: ${r.parameter.description}; range [${r.range[0]}, ${r.range[1]}] (${r.method})`,
  );
  out.push('');
  const segments = descending ? [...r.segments].reverse() : r.segments;
  out.push('Most stable configuration on each stretch of θ');
  out.push(
    table(
      ['θ from', 'θ to', 'coalition A', 'coalition B'],
      segments.map((s) => [
        fmt(descending ? s.to : s.from),
        fmt(descending ? s.from : s.to),
        s.configuration[0].join(', '),
        s.configuration[1].join(', ') || '—',
      ]),
      ['right', 'right', 'left', 'left'],
    ),
  );
  out.push('');
  if (r.tippingPoints.length === 0)
    out.push('No tipping point in this range: the most stable configuration never changes.');
  if (r.draws) {
    const h = r.draws.highest;
    out.push(
      `Over ${r.draws.n} case draws: a tipping point in the range in ${percent(r.draws.share)}${h ? `; the highest at θ = ${fmt(h.median)} (median), 5–95% ${fmt(h.q05)}–${fmt(h.q95)}` : ''}`,
    );
  }
  for (const t of descending ? [...r.tippingPoints].reverse() : r.tippingPoints) {
    out.push(`Tipping point at θ = ${fmt(t.value)}`);
    out.push(
      `  ${descending ? 'above' : 'below'}: ${(descending ? t.after : t.before).map((g) => `[${g.join(', ')}]`).join(' vs ')}`,
    );
    out.push(
      `  ${descending ? 'below' : 'above'}: ${(descending ? t.before : t.after).map((g) => `[${g.join(', ')}]`).join(' vs ')}`,
    );
  }
  return `${out.join('\n')}\n\n`;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(4);
}
