/**
 * scenarioRoles: the states, groups, regime and policies of a scenario, read without simulating,
 * checked against the built-in case by hand and against compileModel's own compilation.
 */
import { compileModel, DEFAULT_POLICY, EntenteError, scenarioRoles } from '@entente/core';
import { describe, expect, it } from 'vitest';
import { builtinCase, caseFrom } from './helpers.js';

describe('scenarioRoles', () => {
  const c = builtinCase();

  it('scenarioRoles(c, id) gives every compiled role of each built-in scenario', () => {
    for (const s of c.scenarios ?? []) {
      const r = scenarioRoles(c, s.id);
      const m = compileModel(c, s.id);
      expect(r.regime).toBe(m.regime);
      expect(r.states).toEqual(m.states);
      expect(r.groups).toEqual(m.groups);
      expect(r.opposition).toBe(m.opposition);
      expect(r.start).toBe(m.start);
      expect(r.months).toBe(m.months);
      expect(r.states.map((id) => r.policies[id])).toEqual(m.policies);
      expect(Object.keys(r.policies).sort()).toEqual([...r.states].sort());
    }
  });

  it('the built-in everyone-severs scenario: regime taliban, every state severs', () => {
    const r = scenarioRoles(c, 'everyone-severs');
    expect(r.regime).toBe('taliban');
    expect(r.defaultPolicy).toBe('sever');
    expect(r.groups).toContain('isk');
    expect(r.states).toContain('pakistan');
    expect(new Set(Object.values(r.policies))).toEqual(new Set(['sever']));
  });

  it('without defaultPolicy every unnamed state gets DEFAULT_POLICY, as compileModel applies it', () => {
    const t = caseFrom(
      [
        'format: entente/1',
        'id: t',
        'title: Test',
        'actors:',
        '  - { id: reg, name: R, kind: regime, size: { value: 1 } }',
        '  - { id: grp, name: G, kind: armed-group, size: { value: 0.1 } }',
        '  - { id: a, name: A, kind: state, size: { value: 1 } }',
        '  - { id: b, name: B, kind: state, size: { value: 1 } }',
        'relations:',
        '  - { from: grp, to: a, type: threat, assumption: true, rationale: test }',
        '  - { from: b, to: reg, type: engagement, assumption: true, rationale: test }',
        'scenarios:',
        '  - { id: s, policies: { b: sever } }',
        '',
      ].join('\n'),
    );
    const r = scenarioRoles(t, 's');
    expect(DEFAULT_POLICY).toBe('engage');
    expect(r.defaultPolicy).toBe(DEFAULT_POLICY);
    expect(r.policies).toEqual({ a: DEFAULT_POLICY, b: 'sever' });
    expect(compileModel(t, 's').policies).toEqual([DEFAULT_POLICY, 'sever']);
  });

  it('an unknown scenario is refused with invalid-argument', () => {
    expect(() => scenarioRoles(c, 'nope')).toThrow(EntenteError);
    try {
      scenarioRoles(c, 'nope');
    } catch (e) {
      expect((e as EntenteError).code).toBe('invalid-argument');
    }
  });
});
