/**
 * Scenarios and hypotheses in a case: loadCase reports every bad input as a located issue (line
 * and column counted by hand below), and compileModel refuses what only the model can judge;
 * the built-in case's scenarios start as the case describes its start date (no vacuum).
 */
import {
  compileModel,
  EntenteError,
  latestCaseDate,
  latinHypercube,
  loadCase,
  MODEL_PARAMETERS,
  runSeed,
  simulate,
} from '@entente/core';
import { describe, expect, it } from 'vitest';
import { builtinCase, caseFrom } from './helpers.js';

const text = (...lines: string[]): string => `${lines.join('\n')}\n`;

/** Lines 1–22: a case with a regime, a group, two states, a claim; `scenarios:` on line 22. */
const HEAD = [
  'format: entente/1', // 1
  'id: t', // 2
  'title: Test', // 3
  'actors:', // 4
  '  - { id: reg, name: R, kind: regime, size: { value: 1 } }', // 5
  '  - { id: grp, name: G, kind: armed-group, size: { value: 0.1 } }', // 6
  '  - { id: pakistan, name: P, kind: state, size: { value: 1 } }', // 7
  '  - { id: qatar, name: Q, kind: state, size: { value: 0.1 } }', // 8
  '  - { id: loner, name: L, kind: state }', // 9
  'relations:', // 10
  '  - from: grp', // 11
  '    to: pakistan', // 12
  '    type: threat', // 13
  '    assumption: true', // 14
  '    rationale: test', // 15
  '  - { from: qatar, to: reg, type: engagement, assumption: true, rationale: test }', // 16
  'claims:', // 17
  '  - id: c1', // 18
  '    statement: A claim.', // 19
  '    kind: causal', // 20
  '  - { id: c2, statement: Another., kind: causal }', // 21
  'scenarios:', // 22
];

const where = (t: string) => {
  const r = loadCase(t);
  return r.issues.map((i) => ({ code: i.code, line: i.line, column: i.column }));
};

describe('loadCase(text) validates scenarios', () => {
  it('accepts a well-formed scenario and hypothesis', () => {
    const r = loadCase(
      text(
        ...HEAD,
        '  - id: s1', // 23
        '    defaultPolicy: sever',
        '    policies: { pakistan: targeted-ct }',
        '    parameters: { card: 0.9 }',
        '    uncertain: { regime-risk: [0, 1] }',
        '    strengthFactor: { grp: 0.5 }',
        'hypotheses:',
        '  - { id: h1, claim: c1, statement: S., scenario: s1, metric: strength.grp.change, op: ">", value: 0 }',
      ),
    );
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
  });

  // Issues inside `policies` point at the value of the offending key (same line as the key).
  it('locates an unknown actor in policies, with a suggestion', () => {
    const r = loadCase(text(...HEAD, '  - id: s1', '    policies: { pakistn: sever }'));
    expect(where(text(...HEAD, '  - id: s1', '    policies: { pakistn: sever }'))).toEqual([
      { code: 'unknown-actor', line: 24, column: 26 },
    ]);
    expect(r.issues[0].message).toBe(
      'scenarios[0].policies.pakistn: no actor has id "pakistn"; did you mean "pakistan"?',
    );
  });

  it('locates a policy given to a non-state actor', () => {
    const t = text(...HEAD, '  - id: s1', '    policies:', '      grp: engage');
    expect(where(t)).toEqual([{ code: 'policy-not-state', line: 25, column: 12 }]);
    expect(loadCase(t).issues[0].message).toMatch(/armed-group, not a state/);
  });

  it('locates an unknown policy name', () => {
    expect(where(text(...HEAD, '  - id: s1', '    defaultPolicy: severe'))).toEqual([
      { code: 'invalid-value', line: 24, column: 20 },
    ]);
  });

  it('locates an unknown parameter with "did you mean"', () => {
    const t = text(...HEAD, '  - id: s1', '    parameters:', '      regime-supression: 0.1');
    expect(where(t)).toEqual([{ code: 'unknown-parameter', line: 25, column: 26 }]);
    expect(loadCase(t).issues[0].suggestion).toBe('regime-suppression');
  });

  it('locates a fixed value outside the plausible range', () => {
    const t = text(...HEAD, '  - id: s1', '    parameters:', '      card: 1.5');
    expect(where(t)).toEqual([{ code: 'parameter-out-of-range', line: 25, column: 13 }]);
    expect(loadCase(t).issues[0].message).toMatch(
      /card = 1.5 lies outside its plausible range \[0, 1\]/,
    );
  });

  it('locates a reversed range and a range outside the plausible one', () => {
    const t = text(
      ...HEAD,
      '  - id: s1',
      '    uncertain:',
      '      card: [0.8, 0.2]', // 25
      '      shock: [0, 5]', // 26
    );
    expect(where(t)).toEqual([
      { code: 'invalid-range', line: 25, column: 13 },
      { code: 'parameter-out-of-range', line: 26, column: 14 },
    ]);
  });

  it('locates a strength factor on an actor that is not an armed group', () => {
    expect(where(text(...HEAD, '  - id: s1', '    strengthFactor:', '      qatar: 2'))).toEqual([
      { code: 'policy-not-state', line: 25, column: 14 },
    ]);
  });

  it('reports duplicate scenario ids', () => {
    expect(where(text(...HEAD, '  - id: s1', '  - id: s1'))).toEqual([
      { code: 'duplicate-id', line: 24, column: 9 },
    ]);
  });
});

describe('loadCase(text) validates hypotheses', () => {
  const H = [...HEAD, '  - id: s1', '  - id: s2', 'hypotheses:']; // hypotheses start on line 26
  it('locates an unknown scenario, versus, claim and metric', () => {
    const t = text(
      ...H,
      '  - id: h1', // 26
      '    statement: S.', // 27
      '    claim: c3', // 28
      '    scenario: s3', // 29
      '    versus: s4', // 30
      '    metric: strenght.total.change', // 31
      '    op: ">"', // 32
    );
    expect(where(t)).toEqual([
      { code: 'unknown-claim', line: 28, column: 12 },
      { code: 'unknown-scenario', line: 29, column: 15 },
      { code: 'unknown-scenario', line: 30, column: 13 },
      { code: 'unknown-metric', line: 31, column: 13 },
    ]);
    const issues = loadCase(t).issues;
    expect(issues[3].suggestion).toBe('strength.total.change');
  });

  it('locates a metric naming an unknown actor', () => {
    const t = text(
      ...H,
      '  - { id: h1, statement: S., scenario: s1, metric: strength.isk.change, op: ">", value: 0 }',
    );
    expect(where(t)).toEqual([{ code: 'unknown-metric', line: 26, column: 52 }]);
  });

  it('requires exactly one of value and versus', () => {
    const both = text(
      ...H,
      '  - { id: h1, statement: S., scenario: s1, metric: harm.total, op: ">", value: 0, versus: s2 }',
    );
    const neither = text(
      ...H,
      '  - { id: h1, statement: S., scenario: s1, metric: harm.total, op: ">" }',
    );
    expect(where(both)).toEqual([{ code: 'value-or-versus', line: 26, column: 5 }]);
    expect(where(neither)).toEqual([{ code: 'value-or-versus', line: 26, column: 5 }]);
    expect(loadCase(neither).issues[0].message).toMatch(
      /needs a threshold \(value\) or a scenario/,
    );
  });

  it('locates a bad operator', () => {
    expect(
      where(
        text(
          ...H,
          '  - { id: h1, statement: S., scenario: s1, metric: harm.total, op: "=", value: 0 }',
        ),
      ),
    ).toEqual([{ code: 'invalid-value', line: 26, column: 68 }]);
  });
});

describe('compileModel(case, scenarioId)', () => {
  const ok = caseFrom(text(...HEAD, '  - { id: s1, policies: { pakistan: sever } }'));

  it('reads roles by kind and leaves out states with no part', () => {
    const m = compileModel(ok, 's1');
    expect(m.regime).toBe('reg');
    expect(m.groups).toEqual(['grp']);
    expect(m.states).toEqual(['pakistan', 'qatar']);
    expect(m.policies).toEqual(['sever', 'engage']);
    expect(m.notes.join('\n')).toMatch(/state "loner" is left out/);
    expect(m.months).toBe(120);
    expect(compileModel(ok, 's1', { months: 12 }).months).toBe(12);
  });

  it('names the scenario and the problem when it cannot compile', () => {
    expect(() => compileModel(ok, 's2')).toThrow(/^compileModel: case "t" has no scenario "s2"/);
    expect(() => compileModel(ok, 's1', { months: 0 })).toThrow(
      /^compileModel: scenario "s1": months 0 is not a whole number in 1..1200/,
    );
    const loner = caseFrom(text(...HEAD, '  - { id: s1, policies: { loner: sever } }'));
    expect(() => compileModel(loner, 's1')).toThrow(/state "loner", which plays no part/);
    const noRegime = caseFrom(
      text(...HEAD, '  - { id: s1 }').replace('kind: regime', 'kind: state'),
    );
    expect(() => compileModel(noRegime, 's1')).toThrow(EntenteError);
    expect(() => compileModel(noRegime, 's1')).toThrow(/no actor of kind "regime"/);
    const twoRegimes = caseFrom(
      text(...HEAD, '  - { id: s1 }').replace('kind: armed-group', 'kind: regime'),
    );
    expect(() => compileModel(twoRegimes, 's1')).toThrow(/2 actors of kind "regime"/);
  });

  it('uses defaults plus fixed values, and explores the rest over the plausible ranges', () => {
    const c = builtinCase();
    const m = compileModel(c, 'severance-unified-opposition');
    expect(m.fixed).toEqual(['opposition-unity']);
    expect(m.uncertain.map((u) => u.id)).not.toContain('opposition-unity');
    expect(m.uncertain.length).toBe(m.base.length - 1);
    expect(m.start).toBe('2023');
    expect(latestCaseDate(c)).toBe('2023');
    expect(m.states).toEqual(['us', 'china', 'russia', 'iran', 'pakistan', 'qatar']);
    expect(m.groups).toEqual(['isk', 'ttp', 'etim']);
    expect(m.opposition).toBe('opposition');
  });
});

describe('the built-in scenarios start as the case describes 2023', () => {
  const c = builtinCase();

  it('month 0 has no vacuum (V = 0) in any scenario over the plausible range', () => {
    // A Latin hypercube of 500 worlds plus the two corners of the box; with the absolute vacuum
    // threshold of the first model, 27% of 1,000 uniformly drawn status-quo worlds started in one.
    const n = 500;
    const d = MODEL_PARAMETERS.length;
    const u = latinHypercube(n, d, 4);
    const worlds = Array.from({ length: n }, (_, w) =>
      Float64Array.from(
        MODEL_PARAMETERS,
        (p, j) => p.range[0] + (p.range[1] - p.range[0]) * u[w * d + j],
      ),
    );
    worlds.push(Float64Array.from(MODEL_PARAMETERS, (p) => p.range[0]));
    worlds.push(Float64Array.from(MODEL_PARAMETERS, (p) => p.range[1]));
    for (const s of c.scenarios ?? []) {
      const model = compileModel(c, s.id, { months: 1 });
      worlds.forEach((p, w) => {
        const t = simulate(model, p, runSeed(4, w));
        if (t.vacuum[0] !== 0) throw new Error(`${s.id}, world ${w}: V(0) = ${t.vacuum[0]}`);
      });
    }
    expect(worlds.length).toBe(n + 2);
  });

  it('a vacuum threshold above 1 (outside the plausible range) does start in a vacuum', () => {
    const model = compileModel(c, 'status-quo', { months: 1 });
    const p = Float64Array.from(model.base);
    p[MODEL_PARAMETERS.findIndex((q) => q.id === 'vacuum-threshold')] = 1.25;
    // M2: V(0) = (1.25·C(0) − C(0)) / (1.25·C(0)) = 0.2 whatever C(0) is.
    expect(simulate(model, p, 1).vacuum[0]).toBeCloseTo(0.2, 14);
  });
});
