/**
 * No hidden mutable state in the core (issue 10, Deliver 5): no module-level `let`/`var`, and every
 * table the package exports is frozen, so no caller can change what another caller reads.
 * PENDING lists what other work in progress still has to fix; shrink it, never grow it.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import * as core from '@entente/core';
import { describe, expect, it } from 'vitest';
import { SRC, sources } from './sources.js';

/** Module-level state still to remove, file → why it is there. */
const PENDING_MODULE_STATE: Readonly<Record<string, string>> = {
  'analysis/frustration/milp.ts': 'the HiGHS module, loaded once (make the caller pass a loader)',
};

/** Exported tables still mutable (none: every exported table is frozen). */
const PENDING_TABLES: readonly string[] = [];

/** True when `v` and every array or plain object inside it is frozen. */
function deepFrozen(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return true;
  return Object.isFrozen(v) && Object.values(v).every(deepFrozen);
}

/** Exported plain data: arrays and plain objects (not functions, classes or zod schemas). */
const tables = Object.entries(core).filter(
  ([, v]) =>
    Array.isArray(v) ||
    (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype),
);

describe('no hidden state in core', () => {
  it('no module-level let or var outside the pending list', () => {
    const found = sources(SRC)
      .filter((f) => /^(export )?(let|var) /m.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(found.sort()).toEqual(Object.keys(PENDING_MODULE_STATE).sort());
  });

  it('finds the exported tables (LAYERS, BUILTIN_VOCABULARY, ENTENTE_ERROR_CODES …)', () => {
    const names = tables.map(([k]) => k);
    for (const name of ['LAYERS', 'BUILTIN_VOCABULARY', 'ENTENTE_ERROR_CODES', 'NEUTRAL_TIE'])
      expect(names).toContain(name);
  });

  it('every exported table is frozen, entries too (outside the pending list)', () => {
    const mutable = tables.filter(([, v]) => !deepFrozen(v)).map(([k]) => k);
    expect(mutable.sort()).toEqual([...PENDING_TABLES].sort());
  });

  it('a frozen table refuses a change instead of passing it on to every caller', () => {
    expect(() => {
      (core.LAYERS as unknown as string[]).push('x');
    }).toThrow(TypeError);
    expect(() => {
      (core.BUILTIN_VOCABULARY[0] as { sign: number }).sign = -1;
    }).toThrow(TypeError);
    expect(core.LAYERS).toHaveLength(5);
  });
});
