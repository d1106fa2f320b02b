/** Types of scripts/examples.js (plain JavaScript, so the update script runs without a build). */

/** One example block: the command it shows, its arguments, its line limit and its text. */
export interface Example {
  readonly command: string;
  readonly argv: string[];
  /** Where the shown output starts: the first line starting with this text (or null). */
  readonly from: string | null;
  readonly lines: number | null;
  readonly text: string;
}

/** Files whose example blocks are kept in step with the commands, relative to the root. */
export const EXAMPLE_FILES: readonly string[];

/** The example blocks of a Markdown text, in order. */
export function findExamples(markdown: string): Example[];

/** What a block shows of a command's output (from the line starting with `from`, cut after `lines` lines, then "…"). */
export function exampleText(output: string, lines: number | null, from?: string | null): string;

/** `markdown` with each example block's text replaced by `render(example)`. */
export function replaceExamples(
  markdown: string,
  render: (example: Example) => string | Promise<string>,
): Promise<string>;
