import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  compileModel,
  loadCase,
  outcomeNames,
  SimulationResultSchema,
  simulateOutcomes,
  simulateScenario,
} from '@entente/core';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerSimulateCommand, simulateCommand } from '../src/commands/simulate.js';
import { captureIo, tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');

const builtin = (() => {
  const r = loadCase(readFileSync(join(ROOT, 'cases/afghanistan-2023.yaml'), 'utf8'));
  if (!r.ok) throw new Error('built-in case invalid');
  return r.case;
})();

describe('entente simulate', () => {
  it('simulateCommand --json prints the outcomes the core computes for the scenario and seed', async () => {
    const scenario = (builtin.scenarios ?? [])[1]?.id ?? 'status-quo';
    const { io, out } = captureIo();
    expect(await simulateCommand(io, undefined, { scenario, seed: 7, json: true })).toBe(0);
    const json = JSON.parse(out.stdout);
    const model = compileModel(builtin, scenario);
    const values = simulateOutcomes(model, model.base, 7);
    expect(json.scenario).toBe(scenario);
    expect(json.seed).toBe(7);
    outcomeNames(model).forEach((name, i) => {
      expect(json.outcomes[name]).toBe(values[i]);
    });
    expect(json.model.groups).toEqual([...model.groups]);
    expect(json.trajectory.strength).toHaveLength(model.months + 1);
    expect(SimulationResultSchema.parse(json)).toEqual(json);
  });

  it('simulateCommand prints a table of every group and state of the model', async () => {
    const { io, out } = captureIo();
    expect(await simulateCommand(io, undefined, { seed: 1 })).toBe(0);
    const model = compileModel(builtin, 'status-quo');
    for (const id of [...model.groups, ...model.states]) expect(out.stdout).toContain(id);
    expect(out.stdout).toContain('strength start');
    expect(out.stdout).toContain(`regime ${model.regime}`);
  });

  it('simulateCommand --set changes the parameter; an unknown id exits 1 naming the flag, a malformed pair 2', async () => {
    const model = compileModel(builtin, 'status-quo');
    const { io, out } = captureIo();
    const id = 'card';
    await simulateCommand(io, undefined, { json: true, set: [`${id}=0`] });
    expect(JSON.parse(out.stdout).parameters[id]).toBe(0);
    expect(out.stderr).not.toContain('warning');
    expect(model.base.length).toBeGreaterThan(0);
    const unknown = captureIo();
    expect(await simulateCommand(unknown.io, undefined, { set: ['no-such-parameter=1'] })).toBe(1);
    expect(unknown.out.stderr).toMatch(
      /^entente simulate: --set no-such-parameter=1: unknown parameter "no-such-parameter"; known: /,
    );
    const bad = captureIo();
    expect(await simulateCommand(bad.io, undefined, { set: ['card'] })).toBe(2);
    expect(bad.out.stderr).toContain('--set expects id=number');
  });

  it("simulateCommand --set outside the parameter's range exits 1 naming the flag and the range, printing nothing", async () => {
    const { io, out } = captureIo();
    expect(await simulateCommand(io, undefined, { json: true, set: ['card=5'] })).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      'entente simulate: --set card=5: parameter "card" = 5 is outside its range [0, 1]\n',
    );
  });

  it("simulateCommand --json prints exactly core's simulateScenario result", async () => {
    const { io, out } = captureIo();
    expect(await simulateCommand(io, undefined, { seed: 3, months: 12, json: true })).toBe(0);
    const expected = simulateScenario(builtin, { seed: 3, months: 12 });
    expect(JSON.parse(out.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('simulateCommand --out writes months+1 rows of trajectories (CSV) or series (JSON)', async () => {
    const dir = tempDir();
    const { io } = captureIo(dir);
    await simulateCommand(io, undefined, { months: 24, out: 'traj.csv' });
    const lines = readFileSync(join(dir, 'traj.csv'), 'utf8').trimEnd().split('\n');
    expect(lines.length).toBe(1 + 25);
    expect(lines[0].split(',')[0]).toBe('month');
    await simulateCommand(io, undefined, { months: 24, out: 'traj.json', json: true });
    const json = JSON.parse(readFileSync(join(dir, 'traj.json'), 'utf8'));
    expect(json.months).toBe(24);
    for (const values of Object.values(json.series) as number[][]) expect(values.length).toBe(25);
  });

  it('registerSimulateCommand parses argv into simulateCommand', async () => {
    const { io, out } = captureIo();
    let code = -1;
    const program = new Command('entente').exitOverride();
    registerSimulateCommand(program, io, (c) => {
      code = c;
    });
    await program.parseAsync(['simulate', '--seed', '3', '--months', '12', '--csv'], {
      from: 'user',
    });
    expect(code).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('metric,value');
    expect(out.stdout).toContain('strength.total.change,');
  });
});
