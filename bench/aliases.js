/**
 * Aliases benchmark: a case whose relations share evidence items through YAML anchors and
 * aliases (as js-yaml's `dump` writes shared objects), loaded by `loadCase` side by side with the
 * `yaml` package's positioned document + toJS (the path entente took for any text with anchors
 * before it read them with js-yaml). The baseline resolves each alias by searching the document,
 * so it grows with the square of the size: 10,000 relations keep it to seconds.
 *
 * Run: `node bench/aliases.js` (part of `npm run bench`); it reads the built core.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import jsyaml from 'js-yaml';
import { parseDocument } from 'yaml';
import { loadCase } from '../packages/core/dist/index.js';

const RELATIONS = Number(process.env.BENCH_ALIAS_RELATIONS ?? 10_000);
const builtin = loadCase(
  readFileSync(new URL('../cases/afghanistan-2023.yaml', import.meta.url), 'utf8'),
);
if (!builtin.ok) throw new Error('the built-in case does not load');
const c = structuredClone(builtin.case);
const base = c.relations;
// Repeat the built-in relations with fresh ids; each copy shares its evidence objects with the
// original, so js-yaml's dump writes them once with an anchor and aliases everywhere else.
c.relations = Array.from({ length: RELATIONS }, (_, i) => ({
  ...base[i % base.length],
  id: `r${i}`,
}));
c.mechanisms = undefined;
c.claims = undefined;
c.alignments = undefined;
const text = jsyaml.dump(c);
const broken = text.replace(/\n(\s+)to: taliban\n/, '\n$1to: talibn\n');
const aliases = (text.match(/\*ref_\d+/g) ?? []).length;

function time(fn) {
  const t = performance.now();
  const out = fn();
  return { ms: performance.now() - t, out };
}

const valid = time(() => loadCase(text));
const error = time(() => loadCase(broken));
const baseline = time(() => parseDocument(text).toJS({ maxAliasCount: -1 }));
if (!valid.out.ok || error.out.ok || error.out.issues[0]?.code !== 'unknown-actor') {
  throw new Error('aliases bench: unexpected result');
}
console.log(
  `${RELATIONS} relations, ${(text.length / 1e6).toFixed(1)} MB of YAML, ${aliases} aliases\n`,
);
console.log('| case | loadCase ms | baseline (yaml document + toJS) ms | speed-up |');
console.log('| --- | ---: | ---: | ---: |');
console.log(
  `| valid | ${valid.ms.toFixed(0)} | ${baseline.ms.toFixed(0)} | ${(baseline.ms / valid.ms).toFixed(1)}× |`,
);
console.log(
  `| one error (located at ${error.out.issues[0].line}:${error.out.issues[0].column}) | ${error.ms.toFixed(0)} | ${baseline.ms.toFixed(0)} | ${(baseline.ms / error.ms).toFixed(1)}× |`,
);
