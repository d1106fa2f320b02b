/**
 * Rewrites the example blocks of README.md and docs/*.md (see scripts/examples.js) with what each
 * command prints now (`npm run examples`; `npm run goldens` runs it too). Runs the built CLI
 * (`packages/cli/bin/entente.js`, so `npx tsc -b` first; the npm scripts do) from the project's
 * root, one command at a time, and fails if a command fails. Review the result with `git diff`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_FILES, exampleText, replaceExamples } from './examples.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/entente.js');

// The README's prior-versus-posterior table reads a calibration of the built-in case on UCDP's
// yearly deaths (docs/calibration.md): written first, into examples/calibration (posterior.json,
// fit.json, forecast.json), from the shared data, which must be present.
const ANNUAL = join(ROOT, '..', 'shared', 'data', 'events', 'ucdp-afpak-annual-1989-2021.csv');
if (!existsSync(ANNUAL)) throw new Error(`examples: ${ANNUAL} is missing (../shared/data)`);
const CALIBRATE = ['calibrate', '--observed', ANNUAL, '--from', '2015', '--until', '2020'];
const cal = spawnSync(
  process.execPath,
  [BIN, ...CALIBRATE, '--forecast', '2021', '--seed', '1', '--out', 'examples/calibration'],
  { cwd: ROOT, encoding: 'utf8' },
);
if (cal.status !== 0) {
  console.error(cal.stderr);
  throw new Error(`examples: calibrate exited with ${cal.status}`);
}
console.error('examples: wrote examples/calibration');

let changed = 0;
for (const file of EXAMPLE_FILES) {
  const path = join(ROOT, file);
  if (!existsSync(path)) continue;
  const before = readFileSync(path, 'utf8');
  const after = await replaceExamples(before, (example) => {
    console.error(`examples: ${file}: ${example.command}`);
    const r = spawnSync(process.execPath, [BIN, ...example.argv], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) {
      console.error(r.stderr);
      throw new Error(`examples: \`${example.command}\` exited with ${r.status}`);
    }
    return exampleText(r.stdout, example.lines, example.from);
  });
  if (after !== before) {
    writeFileSync(path, after);
    changed++;
    console.error(`examples: rewrote ${file}`);
  }
}
console.error(`examples: ${changed} file(s) changed`);
