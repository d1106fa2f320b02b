import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SRC, sources } from './sources.js';

// Node and DOM names the pure core must not touch. (Its tsconfig has `types: []` and
// `lib: ES2022`, so the type-checker catches most; this also catches imports and `any` casts.)
const FORBIDDEN = [
  /from ['"]node:/,
  /from ['"](fs|path|os|crypto|child_process|url|stream|worker_threads)['"]/,
  /\bprocess\./,
  /\bBuffer\b/,
  /\brequire\(/,
  /\b(window|document|localStorage|navigator)\./,
  /\bMath\.random\b/,
  /\bDate\.now\b/,
];

describe('@entente/core purity', () => {
  const files = sources(SRC);
  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  it.each(files.map((f) => [relative(SRC, f), f]))(
    '%s uses no Node or DOM API and no unseeded clock or randomness',
    (_, file) => {
      const text = readFileSync(file, 'utf8');
      for (const pattern of FORBIDDEN) expect(text, `${pattern}`).not.toMatch(pattern);
    },
  );
});
