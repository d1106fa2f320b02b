import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/case/load.js';
import type { Case } from '../../src/case/schema.js';
import { EntenteError } from '../../src/errors.js';
import { exportJson } from '../../src/interop/json.js';
import { threeActors } from './three-actors.js';

describe('exportJson', () => {
  it('exportJson(case) writes schema-ordered keys, 2-space indent and a final newline', () => {
    const text = exportJson(threeActors());
    expect(text.startsWith('{\n  "format": "entente/1",\n  "id": "three",\n  "title": ')).toBe(
      true,
    );
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain(
      '    {\n      "id": "A",\n      "name": "Alpha <&>\\"\' é",\n      "kind": "state",\n      "size": {\n        "value": 0.16,\n        "unit": "cinc"\n      },\n      "since": "2001"\n    },',
    );
  });

  it('exportJson(case) gives the same bytes whatever order the keys were built in', () => {
    const c = threeActors();
    const shuffled = Object.fromEntries(Object.entries(c).reverse()) as Case;
    shuffled.actors = c.actors.map(
      (a) => Object.fromEntries(Object.entries(a).reverse()) as typeof a,
    );
    expect(exportJson(shuffled)).toBe(exportJson(c));
  });

  it('loadCase(exportJson(case)) gives back an equal case', () => {
    const c = threeActors();
    const back = loadCase(exportJson(c));
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.case).toEqual(c);
  });

  it('exportJson(case, { at }) writes a snapshot that still loads', () => {
    const c: Case = {
      ...threeActors(),
      mechanisms: [
        { id: 'm1', name: 'pact', description: 'd', actors: ['A', 'C'], relations: ['r1', 'r3'] },
      ],
    };
    const text = exportJson(c, { at: '2012' });
    const back = loadCase(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.case.relations.map((r) => r.id)).toEqual(['r3']);
    expect(back.case.mechanisms?.[0]?.relations).toEqual(['r3']);
  });

  it('exportJson(case) refuses a hand-built case that does not match the schema', () => {
    const bad = { ...threeActors(), title: '' };
    expect(() => exportJson(bad)).toThrow(EntenteError);
    expect(() => exportJson(bad)).toThrow(/^exportJson: the case does not match entente\/1/);
  });
});
