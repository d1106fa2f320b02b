/**
 * Types for the part of papaparse 5 the core uses (string in, string out), imported through the
 * deep path `papaparse/papaparse.js`. `@types/papaparse` is not used here on purpose: it starts
 * with `/// <reference types="node" />`, which would pull all of Node's globals into the core's
 * program, so that Node-only APIs would type-check in code that must also run in browsers.
 * API reference: https://www.papaparse.com/docs
 */
declare module 'papaparse/papaparse.js' {
  /** A problem papaparse found while reading, e.g. an unterminated quoted field. */
  interface PapaParseError {
    readonly type: string;
    readonly code: string;
    readonly message: string;
    readonly row?: number;
    /** Character offset into the input, when papaparse knows it. */
    readonly index?: number;
  }

  /** One record delivered to `step`, with the offset just past it (its line break included). */
  interface PapaStepResult {
    readonly data: string[];
    readonly errors: PapaParseError[];
    readonly meta: { readonly cursor: number; readonly linebreak: string };
  }

  interface PapaParseConfig {
    readonly delimiter?: string;
    readonly newline?: string;
    readonly quoteChar?: string;
    readonly escapeChar?: string;
    readonly header?: false;
    readonly dynamicTyping?: false;
    readonly skipEmptyLines?: boolean | 'greedy';
    readonly step?: (result: PapaStepResult) => void;
  }

  interface PapaUnparseConfig {
    readonly quotes?: boolean;
    readonly delimiter?: string;
    readonly newline?: string;
    readonly header?: boolean;
    readonly escapeFormulae?: boolean | RegExp;
  }

  const Papa: {
    parse(input: string, config: PapaParseConfig): unknown;
    unparse(
      input: { readonly fields: readonly string[]; readonly data: readonly (readonly string[])[] },
      config?: PapaUnparseConfig,
    ): string;
  };
  export default Papa;
}
