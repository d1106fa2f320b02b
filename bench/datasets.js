// Loaders for the published signed networks used by bench/frustration.js (plain ESM, Node only).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { signedGraph } from '../packages/core/dist/analysis/signed-graph.js';

export const DATA = resolve(import.meta.dirname, '../../shared/data/signed');

function rows(file) {
  const lines = readFileSync(resolve(DATA, file), 'utf8').trim().split(/\r?\n/);
  return lines.slice(1).map((l) => l.split(','));
}

/** Undirected ties from (a, b, value) rows: a pair's values are summed, zero sums dropped. */
function merge(triples) {
  const sum = new Map();
  for (const [a, b, x] of triples) {
    if (a === b) continue;
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    sum.set(key, (sum.get(key) ?? 0) + x);
  }
  const edges = [];
  for (const [key, x] of sum) {
    if (x === 0) continue;
    const [source, target] = key.split('\u0000');
    edges.push({ source, target, sign: x > 0 ? 1 : -1 });
  }
  return signedGraph(edges);
}

export const has = (file) => existsSync(resolve(DATA, file));
export const tribes = () =>
  merge(rows('highland-tribes.csv').map(([a, b, s]) => [a, b, Number(s)]));
/** COW: one graph per period, in file order; a pair listed twice keeps the sign of its sum. */
export function cow() {
  const byPeriod = new Map();
  for (const [p, a, b, s] of rows('cow-international-1946-1999.csv')) {
    if (!byPeriod.has(p)) byPeriod.set(p, []);
    byPeriod.get(p).push([a, b, Number(s)]);
  }
  return [...byPeriod].map(([period, t]) => ({ period, graph: merge(t) }));
}
/**
 * Bitcoin: both directions of a pair merged by the sign of their summed rating (the rule);
 * with `agreeingOnly`, pairs whose two directions disagree in sign are dropped instead.
 */
export function bitcoin(file, agreeingOnly = false) {
  const triples = rows(file).map(([a, b, x]) => [a, b, Math.sign(Number(x))]);
  if (!agreeingOnly) return merge(rows(file).map(([a, b, x]) => [a, b, Number(x)]));
  const signs = new Map();
  for (const [a, b, s] of triples) {
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (!signs.has(key)) signs.set(key, new Set());
    signs.get(key).add(s);
  }
  const edges = [];
  for (const [key, set] of signs) {
    if (set.size !== 1) continue;
    const [source, target] = key.split('\u0000');
    edges.push({ source, target, sign: [...set][0] > 0 ? 1 : -1 });
  }
  return signedGraph(edges);
}
