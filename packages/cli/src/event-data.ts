/**
 * Where the CLI finds event data and how it prints observed verdicts: `--events DB` (or `--db`),
 * else `.entente/events.duckdb` beside the case file (in the working folder for the built-in
 * case), opened through `@entente/server`'s `openEventData`.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ObservedVerdict } from '@entente/core';
import { type EventData, openEventData } from '@entente/server';
import type { Io } from './io.js';

/** The events database of a command: the flag, or the default beside the case when it exists. */
export function eventsDbPath(
  io: Io,
  casePath: string | undefined,
  flag: string | undefined,
): string {
  if (flag !== undefined) return flag.includes('://') ? flag : resolve(io.cwd, flag);
  const folder = casePath === undefined ? io.cwd : dirname(resolve(io.cwd, casePath));
  return join(folder, '.entente', 'events.duckdb');
}

/** A database path as the output shows it: relative to the working folder when inside it. */
export function eventsDbLabel(io: Io, spec: string): string {
  if (spec.includes('://')) return spec;
  const r = relative(io.cwd, spec);
  return r !== '' && !r.startsWith('..') && !isAbsolute(r) ? r : spec;
}

/** Opens the events database of a command; null when there is none. */
export async function openCommandEvents(
  io: Io,
  casePath: string | undefined,
  flag: string | undefined,
): Promise<EventData | null> {
  const spec = eventsDbPath(io, casePath, flag);
  if (!spec.includes('://') && !existsSync(spec)) return null;
  return openEventData(spec);
}

const signed = (x: number, digits = 1) => `${x > 0 ? '+' : ''}${x.toFixed(digits)}`;

function effectText(v: ObservedVerdict): string {
  if (v.effect === null) return v.status === 'no-data' ? '' : ' (effect not finite)';
  const m =
    v.minEffect === null
      ? 0
      : 'relative' in v.minEffect
        ? v.minEffect.relative
        : v.minEffect.absolute;
  return v.scale === 'relative'
    ? `, effect ${signed(100 * v.effect)} % (minimum ${signed(100 * m, 0)} %)`
    : `, effect ${signed(v.effect)} (minimum ${signed(m)})`;
}

const value = (x: number | null) =>
  x === null ? '–' : Number.isInteger(x) ? String(x) : x.toFixed(1);

/**
 * The observed verdicts as text, under the heading "Observed claims"; `verdicts` null means no
 * events database was found (said in words, never as verdicts).
 */
export function renderObserved(
  verdicts: readonly ObservedVerdict[] | null,
  source: string,
): string[] {
  if (verdicts === null)
    return [
      '',
      `Observed claims: no event data (no events database at ${source}; ingest with \`entente events ingest\` or give --events DB)`,
    ];
  const out = ['', `Observed claims (event data: ${source})`];
  for (const v of verdicts) {
    const where =
      v.paragraph === null ? '' : ` ¶${v.paragraph}${v.sentence === null ? '' : `.${v.sentence}`}`;
    out.push(`  ${v.id}${where} (${v.claimant}): ${v.status}${effectText(v)}`);
    out.push(
      `    ${v.series}, ${v.dataset} ${v.measure}${v.normalised ? ' (normalised)' : ''}, ${v.aggregate} per ${v.by}: from ${v.from.start}–${v.from.end} = ${value(v.from.value)} (${v.from.covered}/${v.from.periods} covered), to ${v.to.start}–${v.to.end} = ${value(v.to.value)} (${v.to.covered}/${v.to.periods})`,
    );
    if (v.reason !== null) out.push(`    no data: ${v.reason}`);
    for (const c of v.caveats) out.push(`    caveat: ${c}`);
  }
  return out;
}
