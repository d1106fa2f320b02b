/**
 * `entente simulate [case] --scenario ID --seed N`: one run of the model — an outcome table (each
 * group's strength start → end, insecurity per state, regime capacity, harm) and, with `--out`,
 * the monthly trajectories as CSV or JSON.
 */
import {
  type Case,
  type CompiledModel,
  compileModel,
  MODEL_PARAMETERS,
  outcomeNames,
  parameterIndex,
  simulate,
  simulateOutcomes,
  type Trajectory,
} from '@entente/core';
import { type Command, InvalidArgumentError } from 'commander';
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

/** The scenario a command runs when none is named: 'status-quo', else the case's first. */
export function defaultScenario(c: Case): string | undefined {
  const ids = (c.scenarios ?? []).map((s) => s.id);
  return ids.includes('status-quo') ? 'status-quo' : ids[0];
}

const fmt = (x: number, digits = 3) =>
  Number.isFinite(x) ? (Math.abs(x) >= 1000 ? x.toFixed(0) : x.toPrecision(digits)) : String(x);

/** Parses `--set id=value` pairs against the model's parameters. Exit 2 on a malformed pair. */
function applySets(
  io: Io,
  params: Float64Array,
  sets: readonly string[],
): { ok: true; warnings: string[] } | { ok: false } {
  const warnings: string[] = [];
  for (const pair of sets) {
    const eq = pair.indexOf('=');
    const id = pair.slice(0, eq).trim();
    const value = Number(pair.slice(eq + 1));
    if (eq < 1 || !Number.isFinite(value) || pair.slice(eq + 1).trim() === '') {
      io.stderr(`entente simulate: --set expects id=number, got "${pair}"\n`);
      return { ok: false };
    }
    const index = parameterIndex(id); // throws EntenteError naming the known ids
    const p = MODEL_PARAMETERS[index];
    if (value < p.range[0] || value > p.range[1])
      warnings.push(
        `warning: ${id} = ${value} is outside its plausible range [${p.range[0]}, ${p.range[1]}]`,
      );
    params[index] = value;
  }
  return { ok: true, warnings };
}

function trajectoryColumns(model: CompiledModel, t: Trajectory): [string, (m: number) => number][] {
  const g = t.groups.length;
  const s = t.states.length;
  return [
    ...t.groups.map((id, i): [string, (m: number) => number] => [
      `strength.${id}`,
      (m) => t.strength[m * g + i],
    ]),
    ...t.states.map((id, i): [string, (m: number) => number] => [
      `insecurity.${id}`,
      (m) => t.insecurity[m * s + i],
    ]),
    ...t.states.map((id, i): [string, (m: number) => number] => [
      `engagement.${id}`,
      (m) => t.engagement[m * s + i],
    ]),
    ['capacity', (m) => t.capacity[m]],
    ['effort', (m) => t.effort[m]],
    ['harm', (m) => t.harm[m]],
    ...(model.opposition === null
      ? []
      : [['opposition', (m: number) => t.opposition[m]] as [string, (m: number) => number]]),
    ['vacuum', (m) => t.vacuum[m]],
  ];
}

/** The monthly trajectories as CSV (one row per month) or JSON (one array per series). */
export function renderTrajectory(model: CompiledModel, t: Trajectory, as: 'csv' | 'json'): string {
  const columns = trajectoryColumns(model, t);
  const months = Array.from({ length: t.months + 1 }, (_, m) => m);
  if (as === 'json') {
    const series = Object.fromEntries(columns.map(([name, at]) => [name, months.map(at)]));
    return `${JSON.stringify({ case: model.caseId, scenario: model.scenarioId, start: model.start, months: t.months, groups: t.groups, states: t.states, series }, null, 2)}\n`;
  }
  const lines = [['month', ...columns.map(([name]) => name)].join(',')];
  for (const m of months)
    lines.push([String(m), ...columns.map(([, at]) => String(at(m)))].join(','));
  return `${lines.join('\n')}\n`;
}

/** Runs one simulation and prints its outcomes. */
export async function simulateCommand(
  io: Io,
  path: string | undefined,
  options: SimulateCommandOptions,
): Promise<number> {
  const { case: c } = await loadCaseFile(io, path, { quiet: options.json === true });
  const scenario = options.scenario ?? defaultScenario(c);
  if (scenario === undefined) {
    io.stderr(`entente simulate: case "${c.id}" has no scenarios; add one under \`scenarios\`\n`);
    return 1;
  }
  const model = compileModel(
    c,
    scenario,
    options.months === undefined ? {} : { months: options.months },
  );
  const params = Float64Array.from(model.base);
  const sets = applySets(io, params, options.set ?? []);
  if (!sets.ok) return 2;
  for (const w of sets.warnings) io.stderr(`${w}\n`);
  const seed = options.seed ?? 1;
  const trajectory = simulate(model, params, seed);
  const names = outcomeNames(model);
  const values = simulateOutcomes(model, params, seed);
  const outcomes = Object.fromEntries(names.map((n, i) => [n, values[i]]));
  if (options.out) {
    const as = /\.json$/i.test(options.out) ? 'json' : 'csv';
    await writeFileAtomic(io, options.out, renderTrajectory(model, trajectory, as));
    if (!options.json)
      io.stderr(`wrote ${options.out} (${trajectory.months + 1} months, ${as.toUpperCase()})\n`);
  }
  const g = trajectory.groups.length;
  const s = trajectory.states.length;
  const last = trajectory.months;
  const groups = trajectory.groups.map((id, i) => ({
    id,
    start: trajectory.strength[i],
    end: trajectory.strength[last * g + i],
  }));
  const states = trajectory.states.map((id, i) => ({
    id,
    policy: model.policies[i],
    insecurityMean: outcomes[`insecurity.${id}.mean`] ?? mean(trajectory.insecurity, i, s),
    insecurityFinal: trajectory.insecurity[last * s + i],
  }));
  if (options.json) {
    const parameters = Object.fromEntries(MODEL_PARAMETERS.map((p, i) => [p.id, params[i]]));
    io.stdout(
      `${JSON.stringify({ case: c.id, scenario, seed, start: model.start, months: model.months, regime: model.regime, opposition: model.opposition, parameters, groups, states, outcomes }, null, 2)}\n`,
    );
    return 0;
  }
  if (options.csv) {
    io.stdout(`metric,value\n${names.map((n, i) => `${n},${values[i]}`).join('\n')}\n`);
    return 0;
  }
  const out: string[] = [];
  out.push(
    `${c.title} (${c.id}) · scenario ${scenario} · from ${model.start}, ${model.months} months · seed ${seed}`,
  );
  out.push('');
  out.push(
    table(
      ['group', 'strength start', 'end', 'change'],
      groups.map((row) => [
        row.id,
        fmt(row.start),
        fmt(row.end),
        `${row.start > 0 ? `${((row.end / row.start - 1) * 100).toFixed(0)}%` : '–'}`,
      ]),
      ['left', 'right', 'right', 'right'],
    ),
  );
  out.push('');
  out.push(
    table(
      ['state', 'policy', 'insecurity mean', 'final'],
      states.map((row) => [row.id, row.policy, fmt(row.insecurityMean), fmt(row.insecurityFinal)]),
      ['left', 'left', 'right', 'right'],
    ),
  );
  out.push('');
  out.push(
    `regime ${model.regime}: capacity ${fmt(trajectory.capacity[0])} → ${fmt(trajectory.capacity[last])} · effort mean ${fmt(outcomes['effort.mean'] ?? Number.NaN)} · civilian harm total ${fmt(outcomes['harm.total'] ?? Number.NaN)} · vacuum months ${fmt(outcomes['vacuum.months'] ?? Number.NaN)}`,
  );
  io.stdout(`${out.join('\n')}\n`);
  return 0;
}

function mean(a: Float64Array, column: number, width: number): number {
  const rows = a.length / width;
  let sum = 0;
  for (let r = 0; r < rows; r++) sum += a[r * width + column];
  return sum / rows;
}

const example = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

const wholeNumber = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`expected a whole number ${min}..${max}`);
  return n;
};

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
