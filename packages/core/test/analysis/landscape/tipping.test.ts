import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerEnvelope } from '../../../src/analysis/landscape/envelope.js';
import type { LandscapeInput } from '../../../src/analysis/landscape/input.js';
import {
  applyParameter,
  resolveParameter,
  type TippingParameter,
} from '../../../src/analysis/landscape/parameter.js';
import { tippingPoints } from '../../../src/analysis/landscape/tipping.js';
import { coalitionKey, energyOf, landscapeInputArb, makeInput, sidesOf } from './brute.js';

const SEED = 20260611;

/** The lowest-energy configurations at θ, by brute force, and the lowest energy. */
function bruteArgmin(input: LandscapeInput, parameter: TippingParameter, theta: number) {
  const moved = applyParameter(input, parameter, theta);
  const n = input.actors.length;
  let best = Number.POSITIVE_INFINITY;
  let keys: string[] = [];
  for (let c = 0; c < 2 ** (n - 1); c++) {
    const sides = sidesOf(n, c);
    const e = energyOf(moved, sides);
    if (e < best) {
      best = e;
      keys = [coalitionKey(input.actors, sides)];
    } else if (e === best) keys.push(coalitionKey(input.actors, sides));
  }
  return { best, keys };
}

const parameterArb = (input: LandscapeInput): fc.Arbitrary<TippingParameter> => {
  const ids = input.actors;
  const id = fc.constantFrom(...ids);
  return fc.oneof(
    fc.record({
      kind: fc.constant('actor-ties' as const),
      actor: id,
      sign: fc.constantFrom('negative' as const, 'positive' as const, 'all' as const),
    }),
    fc.record({ kind: fc.constant('size' as const), actor: id }),
    fc
      .tuple(
        fc.integer({ min: 0, max: ids.length - 1 }),
        fc.integer({ min: 1, max: ids.length - 1 }),
      )
      .map(([i, d]) => ({
        kind: 'pair' as const,
        source: ids[i],
        target: ids[(i + d) % ids.length],
      })),
  );
};

describe('tippingPoints(input, parameter, range)', () => {
  it('lowerEnvelope(a, b, lo, hi) finds the hand-computed breakpoints', () => {
    // y = 0, y = 1 − x, y = 3 − 2x on [0, 4]: 0 until x = 1, then 1 − x until 2, then 3 − 2x.
    const pieces = lowerEnvelope([0, 1, 3], [0, -1, -2], 0, 4);
    expect(pieces).toEqual([
      { from: 0, to: 1, line: 0 },
      { from: 1, to: 2, line: 1 },
      { from: 2, to: 4, line: 2 },
    ]);
    // Three lines through one point: the smallest slope takes over.
    expect(lowerEnvelope([0, 1, 2], [0, -1, -2], 0, 4)).toEqual([
      { from: 0, to: 1, line: 0 },
      { from: 1, to: 4, line: 2 },
    ]);
  });

  it('tippingPoints(input, parameter, range) gives the hand-computed tipping point of three actors', () => {
    // a–b friends (p = θ), both enemies of c (p = −1), unit sizes. E(ab|c) = −2, E(a|bc) = θ − 1,
    // E(b|ac) = θ − 1. For θ > −1 the split ab|c wins; below −1 the two others tie at θ − 1.
    const input = makeInput([1, 1, 1], [1, -1, -1], ['a', 'b', 'c']);
    const result = tippingPoints(input, { kind: 'pair', source: 'a', target: 'b' }, [-3, 1]);
    expect(result.method).toBe('exact');
    expect(result.tippingPoints.map((p) => p.value)).toEqual([-1]);
    expect(result.tippingPoints[0].after).toEqual([['a', 'b'], ['c']]);
    expect(result.segments.at(-1)?.energyAtTo).toBe(-2);
    expect(result.segments[0].energyAtFrom).toBe(-4);
  });

  it('applyParameter(input, parameter, θ) energies are the lines W⁰ + θW¹ the exact method uses', () => {
    fc.assert(
      fc.property(
        landscapeInputArb(3, 7, 'wide').chain((input) =>
          fc.tuple(
            fc.constant(input),
            parameterArb(input),
            fc.integer({ min: 1, max: 50 }),
            fc.nat(),
          ),
        ),
        ([input, parameter, theta, c]) => {
          const n = input.actors.length;
          const sides = sidesOf(n, c % 2 ** (n - 1));
          const r = resolveParameter(input, parameter);
          let a = 0;
          let b = 0;
          for (let i = 0; i < n; i++) {
            for (let j = i + 1; j < n; j++) {
              if (sides[i] !== sides[j]) {
                a += r.w0[i * n + j];
                b += r.w1[i * n + j];
              }
            }
          }
          expect(a + theta * b).toBe(energyOf(applyParameter(input, parameter, theta), sides));
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('tippingPoints(input, parameter, range) equals a dense brute-force sweep on random inputs', () => {
    fc.assert(
      fc.property(
        landscapeInputArb(3, 8, 'wide').chain((input) =>
          fc.tuple(fc.constant(input), parameterArb(input)),
        ),
        ([input, parameter]) => {
          const [lo, hi] = parameter.kind === 'size' ? [1, 2000] : [-3, 3];
          const result = tippingPoints(input, parameter, [lo, hi]);
          // Segments tile the range.
          expect(result.segments[0].from).toBe(lo);
          expect(result.segments.at(-1)?.to).toBe(hi);
          for (let q = 1; q < result.segments.length; q++) {
            expect(result.segments[q].from).toBe(result.segments[q - 1].to);
          }
          const steps = 250;
          const h = (hi - lo) / steps;
          const points = result.tippingPoints.map((p) => p.value);
          let prev = '';
          for (let q = 0; q <= steps; q++) {
            const theta = lo + q * h;
            const near = points.some((p) => Math.abs(p - theta) < 1e-9 * (hi - lo));
            const brute = bruteArgmin(input, parameter, theta);
            const seg = result.segments.find((s) => s.from <= theta && theta <= s.to);
            expect(seg).toBeDefined();
            if (!seg) return;
            // The exact configuration is a lowest-energy one at every sample (ties allowed).
            const e =
              seg.energyAtFrom +
              ((seg.energyAtTo - seg.energyAtFrom) * (theta - seg.from)) / (seg.to - seg.from || 1);
            expect(Math.abs(e - brute.best)).toBeLessThanOrEqual(
              1e-9 * Math.max(1, Math.abs(brute.best)),
            );
            if (!near && brute.keys.length === 1) {
              expect(JSON.stringify(seg.configuration)).toBe(brute.keys[0]);
              // Every change of the unique brute-force argmin has an exact tipping point within the step.
              if (prev !== '' && prev !== brute.keys[0]) {
                expect(points.some((p) => p > theta - h - 1e-9 && p <= theta + 1e-9)).toBe(true);
              }
              prev = brute.keys[0];
            }
          }
        },
      ),
      { seed: SEED, numRuns: 50 },
    );
  });

  it("tippingPoints(input, parameter, range, { method: 'sweep' }) brackets each exact tipping point", () => {
    const input = makeInput([1, 1, 1], [1, -1, -1], ['a', 'b', 'c']);
    const result = tippingPoints(input, { kind: 'pair', source: 'a', target: 'b' }, [-3, 1], {
      method: 'sweep',
      steps: 41,
    });
    expect(result.method).toBe('sweep');
    expect(result.tippingPoints).toHaveLength(1);
    const [p] = result.tippingPoints;
    // The change lies in [bracket[0], bracket[1]]; at θ = −1 itself all three splits tie.
    expect(p.bracket?.[0]).toBeLessThan(-1);
    expect(p.bracket?.[1]).toBeGreaterThanOrEqual(-1 - 1e-12);
    expect((p.bracket?.[1] ?? 0) - (p.bracket?.[0] ?? 0)).toBeCloseTo(4 / 41, 12);
    expect(p.after).toEqual([['a', 'b'], ['c']]);
    expect(result.sweep?.samples).toHaveLength(42);
    // Below −1 the minima are a|bc and b|ac; above −1 only ab|c (no sample falls on −1 itself).
    expect(result.sweep?.minimaChanges).toHaveLength(1);
    expect(result.sweep?.minimaChanges[0].appeared).toEqual([[['a', 'b'], ['c']]]);
    expect(result.sweep?.minimaChanges[0].disappeared).toEqual([
      [['a', 'c'], ['b']],
      [['a'], ['b', 'c']],
    ]);
  });

  it('tippingPoints(input, parameter, range) samples beyond maxExact actors and agrees with exact', () => {
    const input = makeInput([1, 2, 1, 3], [2, -1, 1, -1, -2, 1], ['a', 'b', 'c', 'd']);
    const parameter = { kind: 'size', actor: 'a' } as const;
    const exact = tippingPoints(input, parameter, [0.1, 10]);
    // By hand, with s_a = θ: E(ab|cd) = 2θ − 14 is lowest until E(abd|c) = 1 − θ meets it at θ = 5.
    expect(exact.tippingPoints.map((p) => p.value)).toEqual([5]);
    expect(exact.tippingPoints[0].before).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(exact.tippingPoints[0].after).toEqual([['a', 'b', 'd'], ['c']]);
    const sampled = tippingPoints(input, parameter, [0.1, 10], { maxExact: 3, steps: 97 });
    expect(sampled.method).toBe('sweep');
    expect(sampled.diagnostics.join(' ')).toContain('within one step');
    expect(sampled.tippingPoints.map((p) => p.after)).toEqual(
      exact.tippingPoints.map((p) => p.after),
    );
    for (const [q, p] of sampled.tippingPoints.entries()) {
      const v = exact.tippingPoints[q].value;
      expect(p.bracket?.[0]).toBeLessThanOrEqual(v);
      expect(p.bracket?.[1]).toBeGreaterThanOrEqual(v);
    }
  });

  it("tippingPoints(input, { kind: 'actor-ties' }) scales only that actor's ties of the sign", () => {
    const input = makeInput([1, 2, 3, 4], [1, -2, 3, -1, 2, -3], ['a', 'b', 'c', 'd']);
    const r = resolveParameter(input, { kind: 'actor-ties', actor: 'a', sign: 'negative' });
    expect(r.pairs).toEqual([['a', 'c']]);
    const moved = applyParameter(input, { kind: 'actor-ties', actor: 'a' }, 0.5);
    expect(moved.propensity[0 * 4 + 2]).toBe(-1);
    expect(moved.propensity[2 * 4 + 0]).toBe(-1);
    expect(moved.propensity[0 * 4 + 1]).toBe(1);
    expect(input.propensity[0 * 4 + 2]).toBe(-2);
  });

  it('tippingPoints(input, parameter, range) throws on a bad range, actor or method', () => {
    const input = makeInput([1, 1, 1], [1, -1, -1], ['a', 'b', 'c']);
    const p = { kind: 'actor-ties', actor: 'c' } as const;
    expect(() => tippingPoints(input, p, [1, 0])).toThrow(/^tippingPoints: range/);
    expect(() => tippingPoints(input, { kind: 'size', actor: 'a' }, [0, 1])).toThrow(
      /size must stay > 0/,
    );
    expect(() => tippingPoints(input, { kind: 'actor-ties', actor: 'zz' }, [0, 1])).toThrow(
      /unknown actor "zz"/,
    );
    expect(() => tippingPoints(input, p, [0, 1], { method: 'nope' as 'exact' })).toThrow(
      /unknown method/,
    );
  });
});
