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
  /<!-- example: entente (.+?)(?: \(from "([^"]+)"\))?(?: \(first (\d+) lines\))? -->\n```text\n([\s\S]*?)```\n<!-- \/example -->/g;

/**
 * The example blocks of a Markdown text, in order: the command's arguments (split on spaces;
 * no quoting), where the shown output starts (`(from "PREFIX")`: at the first line starting with
 * PREFIX; or null), the line limit (or null) and the block's current text.
 */
export function findExamples(markdown) {
  return [...markdown.matchAll(BLOCK)].map((m) => ({
    command: `entente ${m[1]}`,
    argv: m[1].split(' ').filter((a) => a !== ''),
    from: m[2] === undefined ? null : m[2],
    lines: m[3] === undefined ? null : Number(m[3]),
    text: m[4],
  }));
}

/**
 * What a block shows of a command's output: its lines without trailing blanks, from the first
 * line starting with `from` (when given; all of them otherwise), cut after `lines` lines (then a
 * line "…"), ending with a newline.
 * @throws {Error} when no line starts with `from`
 */
export function exampleText(output, lines, from = null) {
  let all = output.replace(/\s+$/, '').split('\n');
  if (from !== null) {
    const start = all.findIndex((line) => line.startsWith(from));
    if (start < 0) throw new Error(`examples: no output line starts with "${from}"`);
    all = all.slice(start);
  }
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
