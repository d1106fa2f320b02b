/**
 * `entente simulate [case] --scenario ID --seed N`: one run of the model — an outcome table (each
 * group's strength start → end, insecurity per state, regime capacity, harm) and, with `--out`,
 * the monthly trajectories as CSV or JSON.
 */
import { EntenteError, type SimulationResult, simulateScenario } from '@entente/core';
import type { Command } from 'commander';
import { example, wholeNumber } from '../flag-parsers.js';
import { type Io, writeFileAtomic } from '../io.js';
import { loadCaseFile } from '../load-case.js';
import { table } from '../table.js';

/** Options of the simulate command. */
export interface SimulateCommandOptions {
  /** Scenario id. @default 'status-quo' if the case has it, else its first scenario */
  readonly scenario?: string;
  /** @default 1 */
  readonly seed?: number;
  /** @default the scenario's months */
  readonly months?: number;
  /** Parameter overrides, `id=value`. */
  readonly set?: readonly string[];
  readonly json?: boolean;
  readonly csv?: boolean;
  /** Write the monthly trajectories here (JSON for .json, else CSV). */
  readonly out?: string;
}

const fmt = (x: number | undefined, digits = 3) =>
  x !== undefined && Number.isFinite(x)
    ? Math.abs(x) >= 1000
      ? x.toFixed(0)
      : x.toPrecision(digits)
    : String(x);

/** Parses `--set id=value` pairs (id → value and id → the pair as written); null when malformed. */
function parseSets(
  io: Io,
  sets: readonly string[],
): { values: Record<string, number>; written: Map<string, string> } | null {
  const values: Record<string, number> = {};
  const written = new Map<string, string>();
  for (const pair of sets) {
    const eq = pair.indexOf('=');
    const id = pair.slice(0, eq).trim();
    const value = Number(pair.slice(eq + 1));
    if (eq < 1 || !Number.isFinite(value) || pair.slice(eq + 1).trim() === '') {
      io.stderr(`entente simulate: --set expects id=number, got "${pair}"\n`);
      return null;
    }
    values[id] = value;
    written.set(id, pair);
  }
  return { values, written };
}

/** The monthly series of a run as named columns (the CSV header and JSON keys of `--out`). */
function trajectoryColumns(r: SimulationResult): [string, readonly number[]][] {
  const t = r.trajectory;
  const column = (m: readonly number[][], i: number) => m.map((row) => row[i]);
  return [
    ...t.groups.map((id, i): [string, number[]] => [`strength.${id}`, column(t.strength, i)]),
    ...t.states.map((id, i): [string, number[]] => [`insecurity.${id}`, column(t.insecurity, i)]),
    ...t.states.map((id, i): [string, number[]] => [`engagement.${id}`, column(t.engagement, i)]),
    ['capacity', t.capacity],
    ['effort', t.effort],
    ['harm', t.harm],
    ...(r.model.opposition === null ? [] : [['opposition', t.opposition] as [string, number[]]]),
    ['vacuum', t.vacuum],
  ];
}

/** The monthly trajectories as CSV (one row per month) or JSON (one array per series). */
export function renderTrajectory(r: SimulationResult, as: 'csv' | 'json'): string {
  const columns = trajectoryColumns(r);
  const months = r.trajectory.months;
  if (as === 'json') {
    const series = Object.fromEntries(columns);
    return `${JSON.stringify({ case: r.case, scenario: r.scenario, start: r.model.start, months, groups: r.trajectory.groups, states: r.trajectory.states, series }, null, 2)}\n`;
  }
  const lines = [['month', ...columns.map(([name]) => name)].join(',')];
  for (let m = 0; m <= months; m++)
    lines.push([String(m), ...columns.map(([, values]) => String(values[m]))].join(','));
  return `${lines.join('\n')}\n`;
}

/**
 * Runs one simulation (core's simulateScenario, the same JSON `/api/simulate` returns) and prints
 * its outcomes. A `--set` value outside the parameter's plausible range exits 1, naming it.
 */
export async function simulateCommand(
  io: Io,
  path: string | undefined,
  options: SimulateCommandOptions,
): Promise<number> {
  const { case: c } = await loadCaseFile(io, path, { quiet: options.json === true });
  const sets = parseSets(io, options.set ?? []);
  if (!sets) return 2;
  let r: SimulationResult;
  try {
    r = simulateScenario(c, {
      scenario: options.scenario,
      seed: options.seed,
      months: options.months,
      parameters: sets.values,
    });
  } catch (error) {
    // simulateScenario's own refusals (a parameter out of range or unknown, no scenarios) exit 1,
    // located at the flag as written; anything else goes to main's handler.
    const refused =
      error instanceof EntenteError &&
      error.code !== 'internal' &&
      error.message.startsWith('simulate: ');
    if (!refused) throw error;
    const id = /parameter "([^"]+)"/.exec(error.message)?.[1];
    const pair = id === undefined ? undefined : sets.written.get(id);
    const what = error.message.replace(/^simulate: /, '');
    io.stderr(`entente simulate: ${pair === undefined ? '' : `--set ${pair}: `}${what}\n`);
    return 1;
  }
  if (options.out) {
    const as = /\.json$/i.test(options.out) ? 'json' : 'csv';
    await writeFileAtomic(io, options.out, renderTrajectory(r, as));
    if (!options.json)
      io.stderr(`wrote ${options.out} (${r.trajectory.months + 1} months, ${as.toUpperCase()})\n`);
  }
  if (options.json) {
    io.stdout(`${JSON.stringify(r, null, 2)}\n`);
    return 0;
  }
  if (options.csv) {
    const rows = Object.entries(r.outcomes).map(([name, value]) => `${name},${value}`);
    io.stdout(`metric,value\n${rows.join('\n')}\n`);
    return 0;
  }
  const t = r.trajectory;
  const last = t.months;
  const out: string[] = [];
  out.push(
    `${c.title} (${c.id}) · scenario ${r.scenario} · from ${r.model.start}, ${r.model.months} months · seed ${r.seed}`,
  );
  out.push('');
  out.push(
    table(
      ['group', 'strength start', 'end', 'change'],
      t.groups.map((id, i) => {
        const start = t.strength[0][i];
        const end = t.strength[last][i];
        return [
          id,
          fmt(start),
          fmt(end),
          start > 0 ? `${((end / start - 1) * 100).toFixed(0)}%` : '–',
        ];
      }),
      ['left', 'right', 'right', 'right'],
    ),
  );
  out.push('');
  out.push(
    table(
      ['state', 'policy', 'insecurity mean', 'final'],
      t.states.map((id, i) => [
        id,
        r.model.policies[id],
        fmt(r.outcomes[`insecurity.${id}.mean`] ?? mean(t.insecurity, i)),
        fmt(t.insecurity[last][i]),
      ]),
      ['left', 'left', 'right', 'right'],
    ),
  );
  out.push('');
  out.push(
    `regime ${r.model.regime}: capacity ${fmt(t.capacity[0])} → ${fmt(t.capacity[last])} · effort mean ${fmt(r.outcomes['effort.mean'])} · civilian harm total ${fmt(r.outcomes['harm.total'])} · vacuum months ${fmt(r.outcomes['vacuum.months'])}`,
  );
  io.stdout(`${out.join('\n')}\n`);
  return 0;
}

function mean(rows: readonly number[][], column: number): number {
  let sum = 0;
  for (const row of rows) sum += row[column];
  return sum / rows.length;
}

/** Registers `entente simulate` on `program`. */
export function registerSimulateCommand(
  program: Command,
  io: Io,
  setCode: (code: number) => void,
): void {
  program
    .command('simulate')
    .description(
      'Run the policy model once: group strength, insecurity per state, regime capacity and harm month by month.',
    )
    .argument('[case]', 'case file; the built-in case when omitted')
    .option('--scenario <id>', "scenario to run (default: 'status-quo' or the case's first)")
    .option('--seed <n>', 'seed of the random shocks', wholeNumber(0, 0xffffffff), 1)
    .option('--months <m>', "months to simulate (default: the scenario's)", wholeNumber(1, 1200))
    .option(
      '--set <param=value>',
      'override a model parameter (repeatable)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--json', 'print the outcomes as JSON')
    .option('--csv', 'print the outcomes as CSV (metric,value)')
    .option('--out <file>', 'write the monthly trajectories (CSV, or JSON for .json) atomically')
    .addHelpText(
      'after',
      example([
        'entente simulate --scenario everyone-severs --seed 7',
        'entente simulate --scenario status-quo --set card=0 --json',
        'entente simulate my-case.yaml --scenario s1 --months 60 --out trajectories.csv',
      ]),
    )
    .action(async (path: string | undefined, opts: SimulateCommandOptions) => {
      setCode(await simulateCommand(io, path, opts));
    });
}
