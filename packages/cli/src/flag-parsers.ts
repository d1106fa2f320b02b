/**
 * Parsers of command-line values shared by the commands, and the help text's example block. A
 * parser throws commander's `InvalidArgumentError`, which commander reports as a usage error
 * naming the flag (exit 2).
 */
import { InvalidArgumentError } from 'commander';

/** The `Examples:` block of a command's help, one `$ command` a line. */
export const example = (lines: readonly string[]): string =>
  `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

/**
 * A parser of a whole number in [min, max] (no upper bound when `max` is omitted).
 * @example wholeNumber(1, 100_000)('2000') // 2000
 */
export const wholeNumber =
  (min: number, max?: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || (max !== undefined && n > max))
      throw new InvalidArgumentError(
        max === undefined
          ? `expected a whole number ≥ ${min}`
          : `expected a whole number ${min}..${max}`,
      );
    return n;
  };

/** A comma-separated list, trimmed, without empty items. */
export const list = (value: string): string[] =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
