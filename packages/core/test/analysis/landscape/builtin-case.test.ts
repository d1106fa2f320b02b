import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { landscapeInputFromProjection } from '../../../src/analysis/landscape/input.js';
import { landscape } from '../../../src/analysis/landscape/landscape.js';
import { applyParameter } from '../../../src/analysis/landscape/parameter.js';
import { tippingPoints } from '../../../src/analysis/landscape/tipping.js';
import { projectSigned } from '../../../src/analysis/project.js';
import { loadCase } from '../../../src/case/load.js';
import { bruteLandscape, coalitionKey, energyOf, sidesOf } from './brute.js';

const ROOT = resolve(import.meta.dirname, '../../../../..');
const loaded = loadCase(readFileSync(resolve(ROOT, 'cases/afghanistan-2023.yaml'), 'utf8'));
if (!loaded.ok) throw new Error('the built-in case does not load');
const c = loaded.case;

describe('landscape on the built-in case (afghanistan-2023)', () => {
  const projection = projectSigned(c, { at: '2023' });
  const input = landscapeInputFromProjection(projection, c);

  it('landscapeInputFromProjection(projection, case) takes sizes and signed tie weights from the case', () => {
    const n = input.actors.length;
    expect(n).toBeGreaterThan(2);
    for (let i = 0; i < n; i++) {
      expect(input.sizes[i]).toBe(c.actors.find((a) => a.id === input.actors[i])?.size?.value);
    }
    for (const t of projection.ties) {
      const i = input.actors.indexOf(t.source);
      const j = input.actors.indexOf(t.target);
      if (i < 0 || j < 0) continue;
      expect(input.propensity[i * n + j]).toBe(t.sign * t.weight);
      expect(input.propensity[j * n + i]).toBe(t.sign * t.weight);
    }
    // Left-out actors are exactly the projected ones without a size, and are named.
    const left = projection.graph.nodes.filter((id) => !input.actors.includes(id));
    for (const id of left) {
      expect(c.actors.find((a) => a.id === id)?.size?.value ?? 0).toBe(0);
      expect(input.diagnostics.join(' ')).toContain(id);
    }
    const all = landscapeInputFromProjection(projection, c, { defaultSize: 0.001 });
    expect(all.actors).toEqual(projection.graph.nodes);
  });

  it('landscape(input) at 2023 equals a brute-force scan', () => {
    const result = landscape(input);
    const brute = bruteLandscape(input);
    expect(result.exhaustive).toBe(true);
    expect(result.minima.map((m) => JSON.stringify(m.coalitions))).toEqual(brute.map((m) => m.key));
    expect(result.minima.map((m) => m.basinCount)).toEqual(brute.map((m) => m.basinCount));
    for (const [q, m] of result.minima.entries()) expect(m.energy).toBeCloseTo(brute[q].energy, 15);
    // Each actor's frustration in the global minimum, recomputed from its definition.
    const sides = input.actors.map((id) =>
      result.globalMinimum.coalitions[0].includes(id) ? 0 : 1,
    );
    const n = input.actors.length;
    input.actors.forEach((id, i) => {
      let f = 0;
      for (let j = 0; j < n; j++)
        if (sides[i] !== sides[j]) f += input.sizes[j] * input.propensity[i * n + j];
      expect(result.actors[id].frustration).toBeCloseTo(f, 15);
    });
  });

  it("tippingPoints(input, { kind: 'actor-ties', actor: 'isk' }, [0, 1]) agrees with brute force at 101 values", () => {
    const parameter = { kind: 'actor-ties', actor: 'isk', sign: 'negative' } as const;
    const result = tippingPoints(input, parameter, [0, 1]);
    expect(result.parameter.pairs.length).toBeGreaterThan(0);
    const n = input.actors.length;
    for (let q = 0; q <= 100; q++) {
      const theta = q / 100;
      const moved = applyParameter(input, parameter, theta);
      let best = Number.POSITIVE_INFINITY;
      let bestKey = '';
      for (let m = 0; m < 2 ** (n - 1); m++) {
        const e = energyOf(moved, sidesOf(n, m));
        if (e < best) {
          best = e;
          bestKey = coalitionKey(input.actors, sidesOf(n, m));
        }
      }
      const near = result.tippingPoints.some((p) => Math.abs(p.value - theta) < 1e-9);
      const seg = result.segments.find((s) => s.from <= theta && theta <= s.to);
      if (!near) expect(JSON.stringify(seg?.configuration)).toBe(bestKey);
    }
  });
});
