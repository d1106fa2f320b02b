/**
 * Loading a case from text: parse YAML or JSON, check the schema, check cross-references, and
 * locate every issue at `line:column`. All issues are reported at once; bad input never throws
 * out of `loadCase` (it returns issues), never hangs (input size and alias expansion are
 * bounded) and never half-succeeds.
 */
import jsyaml from 'js-yaml';
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { EntenteError } from '../errors.js';
import { type CaseIssue, type CaseIssueCode, formatIssue, hasErrors } from './issues.js';
import { locatePath, type Position } from './locate.js';
import { locateWithSpans, spanIndex } from './locate-spans.js';
import { type Case, CaseSchema } from './schema.js';
import { checkSemantics } from './semantics.js';
import { didYouMean } from './suggest.js';

/** Options of {@link loadCase}. */
export interface LoadCaseOptions {
  /** `auto` treats text that starts with `{` as JSON, anything else as YAML. @default 'auto' */
  readonly format?: 'auto' | 'yaml' | 'json';
  /** Texts longer than this many characters are refused with `too-large`. @default 268435456 */
  readonly maxLength?: number;
  /**
   * How issues are located: `document` builds the `yaml` package's positioned document of the
   * whole text; `spans` cuts out only the containers that hold issues (fast on large texts);
   * `auto` uses spans above 64 KiB, and for any text with anchors. Positions are the same either way. @default 'auto'
   */
  readonly locate?: 'auto' | 'document' | 'spans';
}

/** The outcome of loading a case: the case when there is no error, and every issue found. */
export type LoadCaseResult =
  | { readonly ok: true; readonly case: Case; readonly issues: readonly CaseIssue[] }
  | { readonly ok: false; readonly issues: readonly CaseIssue[] };

/** Default bound on input size: 256 MiB of text. */
export const DEFAULT_MAX_LENGTH = 256 * 1024 * 1024;

/**
 * Parses and validates a case from YAML or JSON text. Never throws for bad input.
 * @example const r = loadCase(text); if (!r.ok) console.log(r.issues);
 */
export function loadCase(text: string, options: LoadCaseOptions = {}): LoadCaseResult {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (text.length > maxLength) {
    return fail('too-large', `input is ${text.length} characters; the limit is ${maxLength}`);
  }
  // A byte-order mark is not content; editors on Windows add one.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const format = options.format ?? 'auto';
  try {
    if (format === 'json' || (format === 'auto' && /^\s*\{/.test(body))) {
      // Fast path: a valid JSON case needs no positions. Only when there is something to
      // report is the text parsed again, by the YAML parser, to locate each issue.
      let data: unknown;
      let jsonError: Error | undefined;
      try {
        data = JSON.parse(body);
      } catch (e) {
        jsonError = e as Error;
      }
      if (jsonError === undefined) {
        const result = validateCaseData(data);
        if (result.issues.length === 0) return result;
        return locateIssues(result, body, options.locate);
      }
      if (format === 'json') {
        const located = parseYaml(body);
        if (located.issues.length > 0) {
          return {
            ok: false,
            issues: located.issues.map((i) => ({ ...i, code: 'json-syntax' as const })),
          };
        }
        // The YAML parser accepts some JSON errors (a trailing comma); V8 names the offset.
        const at = /at position (\d+)/.exec(jsonError.message);
        if (at) {
          const pos = countLines(body).linePos(Number(at[1]));
          return {
            ok: false,
            issues: [
              {
                code: 'json-syntax',
                severity: 'error',
                message: `invalid JSON: ${jsonError.message}`,
                path: [],
                line: pos.line,
                column: pos.col,
              },
            ],
          };
        }
        return fail('json-syntax', `invalid JSON: ${jsonError.message}`);
      }
      // `auto`: YAML flow style also starts with `{`; it is read as YAML below.
    }
    const quick = quickYaml(body);
    if (quick !== undefined) {
      if (ANCHOR.test(body)) {
        // Aliases may only repeat values so far: at most as many values as a text of this
        // length could spell out, and never below a million.
        const limit = Math.max(1_000_000, body.length);
        if (expandedSize(quick, limit) > limit) {
          return fail('too-large', `aliases expand the input to more than ${limit} values`);
        }
      }
      const result = validateCaseData(quick);
      if (result.issues.length === 0) return result;
      // js-yaml read it, so only positions are missing.
      return locateIssues(result, body, options.locate);
    }
    const parsed = parseYaml(body);
    if (!parsed.doc) return { ok: false, issues: parsed.issues };
    // Only texts js-yaml could not read come here. Bounds alias expansion (billion laughs);
    // the yaml package resolves each alias by a search, so many aliases are slow as well.
    const data = parsed.doc.toJS({ maxAliasCount: 1_000 });
    const doc = parsed.doc;
    return locateAll(validateCaseData(data), (path, atKey) =>
      locatePath(doc, parsed.counter, path, atKey),
    );
  } catch (e) {
    if (e instanceof RangeError) {
      return fail('too-deep', `input is nested too deeply to read (${e.message})`);
    }
    return fail('invalid', `could not read input: ${(e as Error).message}`);
  }
}

/**
 * Validates already-parsed case data (e.g. from JSON.parse or a CSV import). Issues carry paths
 * but no positions.
 */
export function validateCaseData(data: unknown): LoadCaseResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('not-an-object', 'a case is a mapping with format, id, title, actors, relations');
  }
  const parsed = CaseSchema.safeParse(data);
  const issues: CaseIssue[] = parsed.success
    ? []
    : parsed.error.issues.flatMap((i) => fromZod(i, data));
  issues.push(...checkSemantics(data));
  const sorted = dedupe(issues);
  if (parsed.success && !hasErrors(sorted)) return { ok: true, case: parsed.data, issues: sorted };
  return { ok: false, issues: sorted };
}

/**
 * Like {@link loadCase} but throws an {@link EntenteError} (`invalid-case`, with every issue)
 * instead of returning them.
 * @throws {EntenteError} when the case has errors
 */
export function parseCase(text: string, options: LoadCaseOptions & { file?: string } = {}): Case {
  const result = loadCase(text, options);
  if (result.ok) return result.case;
  const errors = result.issues.filter((i) => i.severity === 'error');
  const first = errors[0];
  const summary = first ? formatIssue(first, options.file) : 'invalid case';
  throw new EntenteError(
    'invalid-case',
    `parseCase: ${errors.length} error(s); first: ${summary}`,
    result.issues,
  );
}

function fail(code: CaseIssueCode, message: string): LoadCaseResult {
  return { ok: false, issues: [{ code, severity: 'error', message, path: [] }] };
}

/** Anchors in a YAML text (`&name`); aliased values are shared, not copied, by js-yaml. */
const ANCHOR = /(?:^|[\s[{,:-])&[^\s]/;

/**
 * Fast path for YAML: js-yaml (YAML 1.2 core schema) reads ten times faster than building the
 * positioned document of the `yaml` package, which is only needed to locate issues. js-yaml
 * shares aliased values instead of copying them, so an alias bomb ("billion laughs") costs it
 * nothing to read; what it would cost to validate is bounded by {@link expandedSize}.
 * Returns undefined when js-yaml cannot read the text.
 */
function quickYaml(text: string): unknown {
  try {
    return jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
}

/**
 * Number of values `data` holds once every shared (aliased) value is counted at each place it
 * is used, counting no further than `limit`. Linear in the number of distinct values.
 */
function expandedSize(data: unknown, limit: number): number {
  const memo = new Map<object, number>();
  const size = (v: unknown): number => {
    if (typeof v !== 'object' || v === null) return 1;
    const known = memo.get(v);
    if (known !== undefined) return known;
    memo.set(v, limit + 1); // a cycle (recursive alias) counts as too large
    let n = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      n += size(child);
      if (n > limit) break;
    }
    const total = Math.min(n, limit + 1);
    memo.set(v, total);
    return total;
  };
  return size(data);
}

interface ParsedYaml {
  readonly doc?: Document;
  readonly counter: LineCounter;
  readonly issues: CaseIssue[];
}

/** Most syntax errors worth listing; past this, one more issue says how many were left out. */
const MAX_SYNTAX_ISSUES = 100;

/**
 * Line starts counted from the text itself: the parser's own LineCounter misses line breaks it
 * skips while recovering from some errors, which would misplace later positions.
 */
function countLines(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
    counter.addNewLine(i + 1);
  return counter;
}

function parseYaml(text: string): ParsedYaml {
  const doc = parseDocument(text, {
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
  });
  const counter = countLines(text);
  if (doc.errors.length === 0) return { doc, counter, issues: [] };
  if (doc.errors.some((err) => /call stack/i.test(err.message))) {
    return {
      counter,
      issues: [
        {
          code: 'too-deep',
          severity: 'error',
          message: 'input is nested too deeply to read',
          path: [],
        },
      ],
    };
  }
  const shown = doc.errors.slice(0, MAX_SYNTAX_ISSUES);
  const issues = shown.map((err): CaseIssue => {
    const pos = counter.linePos(err.pos[0]);
    const message = err.message.split('\n')[0] ?? err.message;
    return {
      code: 'yaml-syntax',
      severity: 'error',
      message: `${message} (${err.code})`,
      path: [],
      line: pos.line,
      column: pos.col,
    };
  });
  if (doc.errors.length > shown.length) {
    issues.push({
      code: 'yaml-syntax',
      severity: 'error',
      message: `${doc.errors.length - shown.length} more syntax errors not listed`,
      path: [],
    });
  }
  return { counter, issues };
}

/** Texts longer than this locate issues through container spans (see locate-spans.ts). */
const SPANS_THRESHOLD = 1 << 16;

/**
 * Adds positions to the issues of text that parsed: through the positioned `yaml` document for
 * small texts, through js-yaml container spans and fragment parses for large ones.
 */
function locateIssues(
  result: LoadCaseResult,
  text: string,
  strategy: LoadCaseOptions['locate'],
): LoadCaseResult {
  // Anchors also take the span path: the yaml package resolves every alias by searching the
  // document, which is quadratic in a text with many of them.
  const useSpans =
    strategy === 'spans' ||
    (strategy !== 'document' && (text.length > SPANS_THRESHOLD || ANCHOR.test(text)));
  const index = useSpans ? spanIndex(text) : undefined;
  if (index) {
    const counter = countLines(text);
    return locateAll(result, (path, atKey) => {
      const offset = locateWithSpans(text, index, path, atKey);
      if (offset === undefined) return undefined;
      const pos = counter.linePos(offset);
      return { line: pos.line, column: pos.col };
    });
  }
  const parsed = parseYaml(text);
  const doc = parsed.doc;
  if (!doc) return result;
  return locateAll(result, (path, atKey) => locatePath(doc, parsed.counter, path, atKey));
}

function locateAll(
  result: LoadCaseResult,
  locate: (path: readonly (string | number)[], atKey: boolean) => Position | undefined,
): LoadCaseResult {
  const issues = result.issues.map((issue) => {
    const pos = locate(issue.path, issue.code === 'unknown-key');
    return pos ? { ...issue, line: pos.line, column: pos.column } : issue;
  });
  // Report in reading order; Array.prototype.sort is stable, so ties keep check order.
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return result.ok ? { ...result, issues } : { ok: false, issues };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** The keys an object schema accepts at `path`, for "did you mean" on unknown keys. */
function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: z.ZodType = CaseSchema;
  for (const key of path) {
    schema = unwrap(schema);
    const def = schema.def as {
      type: string;
      shape?: Record<string, z.ZodType>;
      element?: z.ZodType;
    };
    if (def.type === 'object' && typeof key === 'string' && def.shape?.[key])
      schema = def.shape[key];
    else if (def.type === 'array' && typeof key === 'number' && def.element) schema = def.element;
    else return [];
  }
  const def = unwrap(schema).def as { type: string; shape?: Record<string, z.ZodType> };
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = s.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (
      (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') &&
      def.innerType
    )
      s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else return s;
  }
}

const issue = (
  code: CaseIssueCode,
  path: (string | number)[],
  message: string,
  suggestion?: string,
): CaseIssue =>
  suggestion === undefined
    ? { code, severity: 'error', message, path }
    : {
        code,
        severity: 'error',
        message: `${message}; did you mean "${suggestion}"?`,
        path,
        suggestion,
      };

const DATE_KEYS = new Set(['since', 'until', 'date', 'start', 'end']);

function fromZod(zi: z.core.$ZodIssue, data: unknown): CaseIssue[] {
  const path = zi.path.filter((p): p is string | number => typeof p !== 'symbol');
  const where = path.length > 0 ? `${formatPathShort(path)}: ` : '';
  const lastKey = path[path.length - 1];
  switch (zi.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(path);
      return zi.keys.map((key) =>
        issue(
          'unknown-key',
          [...path, key],
          `${where}unknown key "${key}"`,
          didYouMean(key, known),
        ),
      );
    }
    case 'invalid_type': {
      if (valueAt(data, path) === undefined) {
        return [
          issue(
            'missing-field',
            path,
            `${where}required field is missing (expected ${zi.expected})`,
          ),
        ];
      }
      return [
        issue(
          'wrong-type',
          path,
          `${where}expected ${zi.expected}, got ${describe(valueAt(data, path))}`,
        ),
      ];
    }
    case 'too_big':
    case 'too_small': {
      const value = valueAt(data, path);
      const bound =
        zi.code === 'too_big' ? `at most ${String(zi.maximum)}` : `at least ${String(zi.minimum)}`;
      if (typeof value === 'number') {
        return [issue('out-of-range', path, `${where}${value} is out of range: must be ${bound}`)];
      }
      return [issue('out-of-range', path, `${where}${zi.message}`)];
    }
    case 'invalid_value': {
      const options = zi.values.map(String);
      const got = valueAt(data, path);
      if (path.length === 1 && lastKey === 'format') {
        return got === undefined
          ? [
              issue(
                'missing-field',
                path,
                'format: required field is missing (write format: entente/1)',
              ),
            ]
          : [
              issue(
                'unsupported-format',
                path,
                `format: ${JSON.stringify(got)} is not supported; this version reads entente/1`,
              ),
            ];
      }
      const suggestion = typeof got === 'string' ? didYouMean(got, options) : undefined;
      return [
        issue(
          'invalid-value',
          path,
          `${where}${JSON.stringify(got) ?? 'undefined'} is not one of ${options.join(', ')}`,
          suggestion,
        ),
      ];
    }
    case 'invalid_format': {
      const code: CaseIssueCode =
        typeof lastKey === 'string' && DATE_KEYS.has(lastKey) ? 'invalid-date' : 'invalid-format';
      return [issue(code, path, `${where}${zi.message}`)];
    }
    case 'invalid_union': {
      const value = valueAt(data, path);
      if (value === undefined)
        return [issue('missing-field', path, `${where}required field is missing`)];
      if (typeof lastKey === 'string' && DATE_KEYS.has(lastKey)) {
        return [
          issue(
            'invalid-date',
            path,
            `${where}${JSON.stringify(value)} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`,
          ),
        ];
      }
      if (lastKey === 'sign')
        return [issue('invalid-value', path, `${where}sign must be -1, 0 or 1`)];
      return [issue('invalid-value', path, `${where}${zi.message}`)];
    }
    default:
      return [issue('invalid', path, `${where}${zi.message}`)];
  }
}

function formatPathShort(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' && !Number.isFinite(value))
    return `a number too large to represent (${value})`;
  if (typeof value === 'string')
    return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

/** Zod may report one problem twice (e.g. a union branch); keep the first of each. */
function dedupe(issues: CaseIssue[]): CaseIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.code}|${i.path.join('.')}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
