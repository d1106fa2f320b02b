/**
 * Example blocks in README.md and docs/*.md that show what an `entente` command prints. Each
 * sits between markers naming the command, and optionally how many lines of its output to show:
 *
 *     <!-- example: entente analyze --at 2023 (first 40 lines) -->
 *     ```text
 *     …the command's standard output, cut after 40 lines with a final "…"…
 *     ```
 *     <!-- /example -->
 *
 * `scripts/update-examples.js` (`npm run examples`, also part of `npm run goldens`) runs each
 * command and rewrites its block; `packages/cli/test/examples.test.ts` fails when a block differs
 * from what the command prints now. Only standard output is shown: progress and timings go to
 * standard error. Plain JavaScript, so the script runs without a build; types in examples.d.ts.
 */

/** Files whose example blocks are kept in step with the commands, relative to the root. */
export const EXAMPLE_FILES = [
  'README.md',
  'docs/analysis.md',
  'docs/model.md',
  'docs/case-format.md',
  'docs/ARCHITECTURE.md',
  'docs/extraction.md',
];

const BLOCK =
  /<!-- example: entente (.+?)(?: \(first (\d+) lines\))? -->\n```text\n([\s\S]*?)```\n<!-- \/example -->/g;

/**
 * The example blocks of a Markdown text, in order: the command's arguments (split on spaces;
 * no quoting), the line limit (or null) and the block's current text.
 */
export function findExamples(markdown) {
  return [...markdown.matchAll(BLOCK)].map((m) => ({
    command: `entente ${m[1]}`,
    argv: m[1].split(' ').filter((a) => a !== ''),
    lines: m[2] === undefined ? null : Number(m[2]),
    text: m[3],
  }));
}

/**
 * What a block shows of a command's output: its lines without trailing blanks, cut after
 * `lines` lines (then a line "…"), ending with a newline.
 */
export function exampleText(output, lines) {
  const all = output.replace(/\s+$/, '').split('\n');
  const shown = lines !== null && all.length > lines ? [...all.slice(0, lines), '…'] : all;
  return `${shown.join('\n')}\n`;
}

/**
 * `markdown` with each example block's text replaced by `render(example)` (a string, or a
 * promise of one), in the order the blocks appear.
 */
export async function replaceExamples(markdown, render) {
  const examples = findExamples(markdown);
  const texts = [];
  for (const example of examples) texts.push(await render(example));
  const open = '```text\n';
  const close = '```\n<!-- /example -->';
  let i = 0;
  return markdown.replace(
    BLOCK,
    (whole) => whole.slice(0, whole.indexOf(open) + open.length) + texts[i++] + close,
  );
}
