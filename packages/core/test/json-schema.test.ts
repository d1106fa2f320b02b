import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { caseJsonSchema } from '../src/index.js';

const ROOT = resolve(import.meta.dirname, '../../..');

// The JSON Schema editors use is generated from the zod schemas; an independent validator (Ajv)
// must agree with zod on the built-in case and on typical mistakes.
describe('caseJsonSchema()', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(caseJsonSchema());
  const builtin = parse(readFileSync(resolve(ROOT, 'cases/afghanistan-2023.yaml'), 'utf8'));

  it('accepts the built-in case', () => {
    const ok = validate(builtin);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects an unknown key, a weight above 1 and a bad actor kind', () => {
    const bad = structuredClone(builtin);
    bad.relatons = [];
    bad.relations[0].weight = 1.5;
    bad.actors[0].kind = 'stat';
    expect(validate(bad)).toBe(false);
    const keywords = (validate.errors ?? []).map((e) => e.keyword);
    expect(keywords).toEqual(expect.arrayContaining(['additionalProperties', 'maximum', 'enum']));
  });

  it('accepts a bare year number as a date, as the loader does', () => {
    const c = structuredClone(builtin);
    c.relations[0].since = 2015;
    expect(validate(c)).toBe(true);
    c.relations[0].since = '2015-13';
    expect(validate(c)).toBe(false);
  });
});
