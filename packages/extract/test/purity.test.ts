import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Extraction runs in the browser (the workbench) as well as in Node: no Node or DOM API, no
// unseeded clock or randomness. (Its tsconfig has `types: []`; this also catches imports.)
const SRC = resolve(import.meta.dirname, '../src');
const FORBIDDEN = [
  /from ['"]node:/,
  /from ['"](fs|path|os|crypto|child_process|url|stream|worker_threads)['"]/,
  /\bprocess\./,
  /\bBuffer\b/,
  /\brequire\(/,
  /\b(window|document|localStorage|navigator)\./,
  /\bMath\.random\b/,
  /\bDate\.now\b/,
  /\bnew Date\(\)/,
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.ts$/.test(name) ? [full] : [];
  });
}

describe('@entente/extract purity', () => {
  const files = sources(SRC);
  it('finds the extract sources', () => {
    expect(files.length).toBeGreaterThan(8);
  });
  it.each(files.map((f) => [relative(SRC, f), f]))(
    '%s uses no Node or DOM API and no unseeded clock or randomness',
    (_, file) => {
      const text = readFileSync(file, 'utf8');
      for (const pattern of FORBIDDEN) expect(text, `${pattern}`).not.toMatch(pattern);
    },
  );
});
