/**
 * loadCase speed on the robustness suite's inputs (the timings that used to be assertions in
 * packages/core/test/case/robustness.test.ts, where they failed at random on two loaded cores):
 *   1. the built-in case, valid, and with one unknown actor (positions looked up);
 *   2. a YAML case grown past BENCH_MB megabytes (default 50) by repeating the built-in case's
 *      relations, with a duplicate id and an unknown actor at the end;
 *   3. BENCH_MB megabytes of random bytes;
 *   4. a text one character over DEFAULT_MAX_LENGTH (256 MiB), refused on its length.
 * Median and max of BENCH_REPS runs (default 5; one run for the large inputs). Uses the built
 * `packages/core/dist` (`npx tsc -b` first). Run: `node bench/load-case.js`; prints a Markdown
 * table.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import jsyaml from 'js-yaml';

const path = (p) => fileURLToPath(new URL(p, import.meta.url));
const { DEFAULT_MAX_LENGTH, loadCase } = await import(path('../packages/core/dist/index.js'));

const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 5));
const MB = Math.max(1, Number(process.env.BENCH_MB ?? 50));
const BUILTIN = readFileSync(path('../cases/afghanistan-2023.yaml'), 'utf8');

/** Median and max milliseconds of `reps` calls of `f`. */
function time(f, reps) {
  if (reps > 1) f(); // warm-up, not counted
  const ms = [];
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    f();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], max: ms[ms.length - 1] };
}

/** The built-in case grown past `mb` MB with two errors at the end (as the robustness test). */
function bigCase(mb) {
  const data = jsyaml.load(BUILTIN);
  const block = jsyaml
    .dump({ relations: data.relations }, { lineWidth: -1, noRefs: true })
    .replace(/^relations:\n/, '');
  const head = jsyaml
    .dump({ ...data, relations: [] }, { lineWidth: -1, noRefs: true })
    .replace(/^relations: \[\]\n/m, '');
  const parts = [head, 'relations:\n', block];
  const copies = Math.ceil((mb * 1e6) / block.length);
  for (let copy = 1; copy < copies; copy++)
    parts.push(block.replace(/^( {2}- id: )(.*)$/gm, (_, key, id) => `${key}${id}-${copy}`));
  const first = data.relations[0];
  const tail = (extra) =>
    jsyaml
      .dump([{ ...first, ...extra }], { lineWidth: -1, noRefs: true })
      .replace(/^(?=.)/gm, '  ');
  parts.push(tail({ id: 'dup' }), tail({ id: 'dup' }), tail({ id: 'last', to: `${first.to}x` }));
  return parts.join('');
}

/** `mb` MB of random bytes (Numerical Recipes LCG, fixed seed), read as Latin-1. */
function randomBytes(mb) {
  let s = 20_240_601;
  const bytes = new Uint8Array(mb * 1024 * 1024);
  for (let i = 0; i < bytes.length; i++) {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    bytes[i] = s >>> 24;
  }
  return new TextDecoder('latin1').decode(bytes);
}

const broken = BUILTIN.replace(/(\n\s+to: )[a-z-]+/, '$1nobody');
const big = bigCase(MB);
const garbage = randomBytes(MB);
const huge = ' '.repeat(DEFAULT_MAX_LENGTH + 1);
const rows = [
  ['built-in case, valid', BUILTIN.length, time(() => loadCase(BUILTIN), REPS)],
  ['built-in case, one unknown actor', broken.length, time(() => loadCase(broken), REPS)],
  [`YAML case, two errors at the end`, big.length, time(() => loadCase(big), 1)],
  ['random bytes', garbage.length, time(() => loadCase(garbage), 1)],
  ['256 MiB + 1 (refused on length)', huge.length, time(() => loadCase(huge), REPS)],
];

console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}`);
console.log('\n| input | characters | median ms | max ms |\n|---|---:|---:|---:|');
for (const [name, length, { median, max }] of rows)
  console.log(
    `| ${name} | ${length.toLocaleString('en')} | ${median.toFixed(1)} | ${max.toFixed(1)} |`,
  );
