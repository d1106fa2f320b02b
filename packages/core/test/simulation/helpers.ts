import { readFileSync } from 'node:fs';
import { type Case, loadCase, MODEL_PARAMETERS, parameterIndex } from '@entente/core';
import { expect } from 'vitest';

/** The built-in case, loaded and checked. */
export function builtinCase(): Case {
  const text = readFileSync(
    new URL('../../../../cases/afghanistan-2023.yaml', import.meta.url),
    'utf8',
  );
  const result = loadCase(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
  expect(result.issues).toEqual([]);
  return result.case;
}

/** Loads a case from YAML text and fails the test on errors. */
export function caseFrom(text: string): Case {
  const result = loadCase(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.case;
}

/** A copy of `base` with the named parameters set. */
export function withParameters(
  base: Float64Array,
  values: Readonly<Record<string, number>>,
): Float64Array {
  const p = Float64Array.from(base);
  for (const [id, v] of Object.entries(values)) p[parameterIndex(id)] = v;
  return p;
}

/** A parameter vector drawn uniformly from the plausible ranges, with some ranges overridden. */
export function drawParameters(
  rng: () => number,
  ranges: Readonly<Record<string, readonly [number, number]>> = {},
): Float64Array {
  return Float64Array.from(MODEL_PARAMETERS, (p) => {
    const [lo, hi] = ranges[p.id] ?? p.range;
    return lo + (hi - lo) * rng();
  });
}
