import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addClientScenarios,
  type CaseIssue,
  compileModel,
  defaultScenario,
  EntenteError,
  loadCase,
  MODEL_PARAMETERS,
  outcomeNames,
  requestJsonSchema,
  responseJsonSchema,
  SimulateRequestSchema,
  SimulationResultSchema,
  simulateOutcomes,
  simulateScenario,
} from '../../src/index.js';
import { builtinCase as builtin } from '../simulation/helpers.js';

const _ROOT = resolve(import.meta.dirname, '../../../..');

const c = builtin();

/** Issues as loadCase reports them for `c` with `scenario` appended, renumbered as the client's 0. */
function asLoadCaseSees(scenario: object): CaseIssue[] {
  const n = c.scenarios?.length ?? 0;
  const r = loadCase(JSON.stringify({ ...c, scenarios: [...(c.scenarios ?? []), scenario] }));
  return r.issues
    .filter((i) => i.path[0] === 'scenarios' && i.path[1] === n)
    .map(({ line: _l, column: _c, ...i }) => ({
      ...i,
      path: ['scenarios', 0, ...i.path.slice(2)],
      message: i.message.replace(`scenarios[${n}]`, 'scenarios[0]'),
    }));
}

describe('addClientScenarios', () => {
  const candidates: [string, object][] = [
    ['valid', { id: 'mine', months: 12, policies: { us: 'sever' } }],
    ['uncertain range outside the parameter', { id: 'wide', uncertain: { card: [0, 5] } }],
    ['fixed value outside the parameter', { id: 'fixed', parameters: { card: 3 } }],
    ['reversed range', { id: 'rev', uncertain: { card: [0.8, 0.2] } }],
    ['unknown parameter', { id: 'unk', parameters: { crad: 0.5 } }],
    ['policy for an unknown actor', { id: 'who', policies: { nobody: 'engage' } }],
    ['policy for an armed group', { id: 'grp', policies: { 'isis-k': 'engage' } }],
    ['unknown policy', { id: 'pol', defaultPolicy: 'bomb' }],
    ['unknown key', { id: 'key', uncertian: { card: [0, 1] } }],
  ];

  for (const [what, scenario] of candidates) {
    it(`reports what loadCase reports for a case file holding it: ${what}`, () => {
      const r = addClientScenarios(c, [scenario]);
      const expected = asLoadCaseSees(scenario);
      expect(r.issues).toEqual(expected);
      expect(r.ok).toBe(!expected.some((i) => i.severity === 'error'));
    });
  }

  it('refuses the out-of-range uncertain range naming the parameter and its range', () => {
    const r = addClientScenarios(c, [{ id: 'wide', uncertain: { card: [0, 5] } }]);
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({
      code: 'parameter-out-of-range',
      severity: 'error',
      path: ['scenarios', 0, 'uncertain', 'card'],
    });
    expect(r.issues[0].message).toContain('[0, 1]');
  });

  it("adds scenarios after the case's, a client scenario replacing the one of the same id", () => {
    const r = addClientScenarios(c, [
      { id: 'status-quo', months: 6 },
      { id: 'new', months: 3 },
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const ids = r.case.scenarios?.map((s) => s.id) ?? [];
    expect(ids.filter((id) => id === 'status-quo')).toHaveLength(1);
    expect(ids.slice(-2)).toEqual(['status-quo', 'new']);
    expect(r.case.scenarios?.find((s) => s.id === 'status-quo')?.months).toBe(6);
    expect(addClientScenarios(c, [])).toEqual({ ok: true, case: c, issues: [] });
  });
});

describe('simulateScenario', () => {
  it('gives the outcomes of compileModel + simulateOutcomes, and months+1 rows per series', () => {
    const r = simulateScenario(c, { scenario: 'status-quo', seed: 9, months: 12 });
    const model = compileModel(c, 'status-quo', { months: 12 });
    const values = simulateOutcomes(model, model.base, 9);
    expect(Object.keys(r.outcomes)).toEqual([...outcomeNames(model)]);
    outcomeNames(model).forEach((name, i) => {
      expect(r.outcomes[name]).toBe(values[i]);
    });
    expect(r.trajectory.strength).toHaveLength(13);
    expect(r.trajectory.capacity).toHaveLength(13);
    expect(r.trajectory.strength[0]).toHaveLength(model.groups.length);
    expect(SimulationResultSchema.parse(r)).toEqual(r);
  });

  it('defaults: status-quo (else the first scenario) and seed 1', () => {
    expect(defaultScenario(c)).toBe('status-quo');
    const r = simulateScenario(c, { months: 6 });
    expect(r.scenario).toBe('status-quo');
    expect(r.seed).toBe(1);
    const first = { ...c, scenarios: (c.scenarios ?? []).filter((s) => s.id !== 'status-quo') };
    expect(defaultScenario(first)).toBe(first.scenarios[0]?.id);
  });

  it('sets parameters at their range ends; outside the range is out-of-range, unknown ids invalid', () => {
    for (const p of MODEL_PARAMETERS) {
      for (const value of p.range) {
        const r = simulateScenario(c, { months: 2, parameters: { [p.id]: value } });
        expect(r.parameters[p.id]).toBe(value);
      }
    }
    const card = MODEL_PARAMETERS.find((p) => p.id === 'card');
    const outside = () => simulateScenario(c, { parameters: { card: 5 } });
    expect(outside).toThrow(EntenteError);
    expect(outside).toThrow(
      `simulate: parameter "card" = 5 is outside its range [${card?.range.join(', ')}]`,
    );
    try {
      outside();
    } catch (e) {
      expect((e as EntenteError).code).toBe('out-of-range');
    }
    try {
      simulateScenario(c, { parameters: { crad: 0.5 } });
      expect.unreachable();
    } catch (e) {
      expect((e as EntenteError).code).toBe('invalid-argument');
      expect((e as Error).message).toMatch(/unknown parameter "crad"/);
    }
    expect(() => simulateScenario(c, { parameters: { card: Number.NaN } })).toThrow(/outside/);
    expect(() => simulateScenario({ ...c, scenarios: [] })).toThrow(/has no scenarios/);
  });
});

describe('route JSON Schemas from the contract', () => {
  it('are draft-07 without $schema; requests closed as the zod schema is; responses closed', () => {
    const body = requestJsonSchema(SimulateRequestSchema);
    expect(body.$schema).toBeUndefined();
    expect(body.additionalProperties).toBe(false);
    expect(body.required).toEqual(['scenario']);
    const out = responseJsonSchema(SimulationResultSchema);
    expect(out.additionalProperties).toBe(false);
    expect(
      (out.properties as Record<string, { additionalProperties?: unknown }>).model
        .additionalProperties,
    ).toBe(false);
  });
});
