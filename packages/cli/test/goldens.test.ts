/**
 * Golden files of the CLI's tables on the built-in case: the text `analyze`, `balance` and
 * `explore` print (standard output only: progress and timings go to standard error), with a fixed
 * seed and few runs. A change in any figure or in the layout shows up as a diff of the file in
 * test/goldens/. To accept a change on purpose, `npm run goldens` rewrites them (and the README
 * and docs examples); review the diff before committing. Under CI a missing golden fails.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');

/** One golden file per command line, named after it. */
const GOLDENS: [file: string, argv: string[]][] = [
  ['analyze-at-2023.txt', ['analyze', '--at', '2023']],
  ['balance-at-2023.txt', ['balance', '--at', '2023']],
  ['balance-over-2015-2023.txt', ['balance', '--over', '2015..2023', '--step', '2y']],
  ['explore-runs-64-seed-1.txt', ['explore', '--runs', '64', '--seed', '1', '--workers', '1']],
];

describe('CLI tables on the built-in case', { tags: ['golden'] }, () => {
  it.each(GOLDENS.map(([file, argv]) => [file, argv.join(' '), argv] as const))(
    'goldens/%s: the output of entente %s',
    async (file, _command, argv) => {
      const r = await runCli(argv, ROOT);
      expect(r.code).toBe(0);
      await expect(r.stdout).toMatchFileSnapshot(`./goldens/${file}`);
    },
  );
});
