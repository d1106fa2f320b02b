/**
 * README and docs never drift from the commands they quote: every example block (between
 * `<!-- example: entente … -->` and `<!-- /example -->`, see scripts/examples.js) must equal what
 * the command prints now. After a change that alters an output, `npm run examples` (or `npm run
 * goldens`, which also rewrites the CLI goldens) regenerates the blocks; review them in the diff.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_FILES, exampleText, findExamples } from '../../../scripts/examples.js';
import { runCli } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');

const blocks = EXAMPLE_FILES.filter((f) => existsSync(join(ROOT, f))).flatMap((file) =>
  findExamples(readFileSync(join(ROOT, file), 'utf8')).map((e) => ({ file, ...e })),
);

describe('README and docs examples', { tags: ['golden'] }, () => {
  it('the README quotes analyze and explore through example blocks', () => {
    const commands = blocks.filter((b) => b.file === 'README.md').map((b) => b.argv[0]);
    expect(commands).toEqual(expect.arrayContaining(['analyze', 'explore']));
  });

  /** Compares a block with what its command prints now. */
  async function check(block: (typeof blocks)[number]): Promise<void> {
    const r = await runCli(block.argv, ROOT);
    expect(r.code).toBe(0);
    expect(
      exampleText(r.stdout, block.lines, block.from),
      'run `npm run examples` and review the diff',
    ).toBe(block.text);
  }
  const rows = (slow: boolean) =>
    blocks.filter((b) => isSlow(b.argv) === slow).map((b) => [b.file, b.command, b] as const);

  it.each(rows(false))('%s: `%s` prints what the block shows', (_f, _c, block) => check(block));
  it.each(rows(true))('%s: `%s` prints what the block shows', { tags: ['slow'] }, (_f, _c, block) =>
    check(block),
  );
});

/** Explorations of 1,000 worlds or more take seconds: they belong to the slow tier. */
function isSlow(argv: readonly string[]): boolean {
  const runs = argv.indexOf('--runs');
  return argv[0] === 'explore' && runs >= 0 && Number(argv[runs + 1]) >= 1000;
}
