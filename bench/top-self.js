/**
 * Lists the functions with the most self time in a V8 CPU profile (`node --cpu-prof`).
 * Usage: node bench/top-self.js <file.cpuprofile> [count = 10]
 */
import { readFileSync } from 'node:fs';

const [file, count = '10'] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: node bench/top-self.js <file.cpuprofile> [count]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
// Self time of a node = its samples × the interval between them (timeDeltas, in µs).
const selfUs = new Map();
profile.samples.forEach((id, i) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const byFunction = new Map();
let total = 0;
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const where =
    url === ''
      ? ''
      : ` ${url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*\/packages\//, 'packages/')}:${lineNumber + 1}`;
  const key = `${functionName || '(anonymous)'}${where}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  total += us;
}
const top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(count));
console.log(`total ${(total / 1000).toFixed(0)} ms sampled`);
for (const [name, us] of top) {
  console.log(
    `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`,
  );
}
