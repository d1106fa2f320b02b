import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/index.js';

const ROOT = resolve(import.meta.dirname, '../../../..');
const YAML_TEXT = readFileSync(resolve(ROOT, 'cases/afghanistan-2023.yaml'), 'utf8');
const builtin = loadCase(YAML_TEXT);
if (!builtin.ok) throw new Error('built-in case does not load');
const JSON_TEXT = JSON.stringify(builtin.case, null, 2);

/** Text-level mistakes that keep the syntax valid, so that only positions are at stake. */
const YAML_MUTATIONS: [RegExp, string][] = [
  [/(\n\s+to: )[a-z-]+/g, '$1nobody'],
  [/(\n\s+from: )[a-z-]+/g, '$1nowhere'],
  [/(\n\s+weight: )[0-9.]+/g, '$17'],
  [/(\n\s+)since:/g, '$1sinc:'],
  [/(\n\s+type: )[a-z-]+/g, '$1frenemy'],
];
const JSON_MUTATIONS: [RegExp, string][] = [
  [/("to": ")[a-z-]+"/g, '$1nobody"'],
  [/("weight": )[0-9.]+/g, '$17'],
  [/("since":)/g, '"sinc":'],
  [/("paragraph": )\d+/g, '$10'],
];

function mutate(text: string, json: boolean, picks: number[]): string {
  const mutations = json ? JSON_MUTATIONS : YAML_MUTATIONS;
  let out = text;
  picks.forEach((pick, i) => {
    const [pattern, replacement] = mutations[i % mutations.length] as [RegExp, string];
    const hits = [...out.matchAll(pattern)];
    if (hits.length === 0) return;
    const hit = hits[pick % hits.length] as RegExpMatchArray;
    const at = hit.index ?? 0;
    out =
      out.slice(0, at) +
      hit[0].replace(new RegExp(pattern.source), replacement) +
      out.slice(at + hit[0].length);
  });
  return out;
}

const positions = (text: string, locate: 'document' | 'spans') =>
  loadCase(text, { locate }).issues.map((i) => `${i.line}:${i.column} ${i.code} ${i.message}`);

describe("loadCase(text, { locate: 'spans' })", () => {
  // Each issue is one comparison of the two locators, so a case carries up to 40 mistakes: 80
  // cases compare ~1,500 issue positions, as many as the earlier 300 cases of up to 9 (~1,400),
  // in a quarter of the parses (the positioned document takes ~70 ms on a case with errors).
  // Still ~10 s of parsing: in the slow tier.
  it('places every issue where the positioned document does, in YAML and JSON (80 cases with up to 40 mistakes)', {
    tags: ['slow'],
  }, () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.nat(10_000), { minLength: 1, maxLength: 40, size: 'max' }),
        (json, picks) => {
          const text = mutate(json ? JSON_TEXT : YAML_TEXT, json, picks);
          const byDocument = positions(text, 'document');
          expect(byDocument.length).toBeGreaterThan(0);
          expect(positions(text, 'spans')).toEqual(byDocument);
        },
      ),
      { numRuns: 80, seed: 20_261_126 },
    );
  });

  it('locates an unknown actor in a flow mapping nested in a block sequence', () => {
    const text =
      'format: entente/1\nid: t\ntitle: T\nactors:\n  - {id: a, name: A, kind: state}\nrelations:\n  - {from: a, to: zz, type: aid, assumption: true, rationale: r}\n';
    const [issue] = loadCase(text, { locate: 'spans' }).issues;
    // `  - {from: a, to: zz`: zz starts at column 19.
    expect(issue).toMatchObject({ code: 'unknown-actor', line: 7, column: 19 });
  });
});
