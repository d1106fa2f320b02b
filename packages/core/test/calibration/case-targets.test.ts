import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/index.js';

const base = `format: entente/1
id: t
title: T
actors:
  - { id: a, name: A, kind: state }
  - { id: g, name: G, kind: armed-group }
`;

describe('the case check of the calibration section', () => {
  it('reports unknown actors, a dyad of one actor and repeated ids, located', () => {
    const r = loadCase(`${base}calibration:
  targets:
    - dyad: [a, zz]
    - dyad: [g, g]
    - dyad: [a, g]
    - { dyad: [g, a], id: a--g }
`);
    expect(r.ok).toBe(false);
    const msgs = r.issues.map((i) => `${i.line}:${i.code}:${i.message}`);
    expect(msgs).toContainEqual(
      expect.stringMatching(
        /^9:unknown-actor:calibration\.targets\[0\]\.dyad\[1\]: no actor has id "zz"/,
      ),
    );
    expect(msgs).toContainEqual(
      expect.stringMatching(
        /^10:invalid-value:calibration\.targets\[1\]\.dyad: a target dyad needs two different actors/,
      ),
    );
    expect(msgs).toContainEqual(
      expect.stringMatching(
        /^12:duplicate-id:calibration\.targets\[3\]\.id: target id "a--g" is also calibration\.targets\[2\]'s/,
      ),
    );
  });

  it('accepts targets and refuses unknown keys', () => {
    expect(loadCase(`${base}calibration:\n  targets:\n    - dyad: [a, g]\n`).ok).toBe(true);
    const r = loadCase(`${base}calibration:\n  targets:\n    - { dyad: [a, g], year: 2020 }\n`);
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.code).toBe('unknown-key');
  });
});
