/**
 * Exploration-method timings: PRIM on 100,000 × 20 uniform points with a planted 2-D box, and
 * Sobol indices with 1,000 bootstrap resamples for n = 1,024, d = 10 (22,528 outputs of a
 * quadratic test function). Median of 7 runs after 3 warm-ups. Run:
 * `npx tsc -b packages/core && node bench/methods.js`.
 */
import { performance } from 'node:perf_hooks';
import { createRng } from '../packages/core/dist/analysis/random.js';
import { prim } from '../packages/core/dist/exploration/discovery/prim.js';
import { saltelliDesign } from '../packages/core/dist/exploration/sampling/saltelli-design.js';
import { sobolIndices } from '../packages/core/dist/exploration/sensitivity/sobol-indices.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
function time(f) {
  for (let k = 0; k < 3; k++) f();
  const t = [];
  for (let k = 0; k < 7; k++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return median(t);
}

const n = 100_000;
const d = 20;
const rng = createRng(1);
const x = new Float64Array(n * d);
for (let k = 0; k < x.length; k++) x[k] = rng();
const y = new Uint8Array(n);
for (let i = 0; i < n; i++) y[i] = x[i * d + 3] > 0.5 && x[i * d + 7] < 0.4 ? 1 : 0;
const primMs = time(() => prim(x, n, d, y));

const design = saltelliDesign(1024, 10);
const out = new Float64Array(design.rows);
for (let r = 0; r < design.rows; r++) {
  let s = 0;
  for (let j = 0; j < 10; j++) s += (j + 1) * design.matrix[r * 10 + j] ** 2;
  out[r] = s;
}
const sobolMs = time(() => sobolIndices(out, 1024, 10, { bootstrap: 1000 }));
const designMs = time(() => saltelliDesign(1024, 10));

console.log('| method | size | median ms |');
console.log('| --- | --- | ---: |');
console.log(`| prim | 100,000 × 20 | ${primMs.toFixed(1)} |`);
console.log(`| sobolIndices, 1,000 bootstrap | n = 1,024, d = 10 | ${sobolMs.toFixed(1)} |`);
console.log(`| saltelliDesign | n = 1,024, d = 10 (22,528 rows) | ${designMs.toFixed(1)} |`);
