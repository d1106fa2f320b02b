/**
 * The case's `events` section: rules that map a dataset's actors (UCDP names, GDELT CAMEO codes,
 * ACLED names) to the case's actors, with date ranges and an optional location (docs/events.md,
 * "Mapping"). Compiled once, a mapping answers for one {@link EventGroup} which case actors its
 * two sides are — or none.
 *
 * Rule precedence, for one dataset key in one date segment: an exact `name` beats a CAMEO `code`
 * prefix (the longest prefix first), which beats a `pattern`; among equals the first rule written
 * wins. A rule with `countries` applies only to rows every one of whose countries is listed
 * (UCDP writes multi-country rows as "Afghanistan, Pakistan").
 */
import { z } from 'zod';
import { DATE_PATTERN, dateBounds } from '../case/dates.js';
import { IdSchema } from '../ids.js';
import { datasetOfFormat, EVENT_DATASETS, type EventDataset, type EventGroup } from './types.js';

const partialDate = z
  .union([
    z.string().regex(DATE_PATTERN, 'dates are YYYY, YYYY-MM or YYYY-MM-DD'),
    z.int().min(1000).max(9999),
  ])
  .transform((v) => String(v));

/** One mapping rule: a dataset key (by exactly one of name, code, pattern) → a case actor. */
export const EventMappingRuleSchema = z
  .strictObject({
    dataset: z.enum(EVENT_DATASETS).describe('The dataset family whose actors the rule maps.'),
    name: z.string().min(1).max(1000).optional().describe('The actor name exactly as written.'),
    code: z
      .string()
      .regex(/^[A-Z0-9]{1,30}$/, 'CAMEO codes are capital letters and digits')
      .optional()
      .describe('A CAMEO actor code prefix (GDELT): "USA" matches USA, USAGOV, USAMIL …'),
    pattern: z
      .string()
      .min(1)
      .max(1000)
      .optional()
      .describe('A regular expression (JavaScript syntax) the whole key must match.'),
    actor: IdSchema.describe('The case actor the dataset actor is.'),
    from: partialDate.optional().describe('First day the rule holds (inclusive).'),
    until: partialDate.optional().describe('Last day the rule holds (inclusive).'),
    countries: z
      .array(z.string().min(1).max(200))
      .min(1)
      .max(1000)
      .optional()
      .describe('Only rows all of whose countries are among these (as the dataset writes them).'),
    note: z.string().max(10_000).optional(),
  })
  .describe('Maps one dataset actor to a case actor, within dates and places.');

/** The `events` section of a case. */
export const EventMappingSchema = z
  .strictObject({
    map: z.array(EventMappingRuleSchema).max(100_000).default([]),
  })
  .describe('How event datasets name the case actors (docs/events.md).');

/** One mapping rule as written. */
export type EventMappingRule = z.output<typeof EventMappingRuleSchema>;
/** The `events` section, validated. */
export type EventMapping = z.output<typeof EventMappingSchema>;

interface CompiledRule {
  readonly index: number;
  readonly rule: EventMappingRule;
  readonly first: string;
  readonly last: string;
  readonly countries?: ReadonlySet<string>;
  readonly regex?: RegExp;
}

/** A mapping ready to answer: rules by dataset, and the breakpoints its dates make. */
export interface CompiledEventMapping {
  readonly rules: ReadonlyMap<EventDataset, readonly CompiledRule[]>;
  /** Sorted `YYYY-MM-DD` dates where some rule starts or stops holding. */
  readonly breakpoints: readonly string[];
  /** The case actors some rule maps to. */
  readonly actors: ReadonlySet<string>;
}

/** The day after `YYYY-MM-DD`. */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The sorted breakpoint dates of a mapping: each `from`'s first day and each `until`'s next. */
export function mappingBreakpoints(mapping: EventMapping): string[] {
  const set = new Set<string>();
  for (const r of mapping.map) {
    if (r.from !== undefined) set.add(dateBounds(r.from).first);
    if (r.until !== undefined) set.add(nextDay(dateBounds(r.until).last));
  }
  return [...set].sort();
}

/**
 * Compiles a validated mapping.
 * @throws {SyntaxError} when a pattern is not a valid regular expression (the case check
 *   reports it first, located).
 */
export function compileEventMapping(mapping: EventMapping): CompiledEventMapping {
  const rules = new Map<EventDataset, CompiledRule[]>();
  mapping.map.forEach((rule, index) => {
    const compiled: CompiledRule = {
      index,
      rule,
      first: rule.from === undefined ? '0000-01-01' : dateBounds(rule.from).first,
      last: rule.until === undefined ? '9999-12-31' : dateBounds(rule.until).last,
      ...(rule.countries === undefined ? {} : { countries: new Set(rule.countries) }),
      ...(rule.pattern === undefined ? {} : { regex: new RegExp(`^(?:${rule.pattern})$`, 'u') }),
    };
    rules.set(rule.dataset, [...(rules.get(rule.dataset) ?? []), compiled]);
  });
  return {
    rules,
    breakpoints: mappingBreakpoints(mapping),
    actors: new Set(mapping.map.map((r) => r.actor)),
  };
}

/** The countries a row names: UCDP joins several with ", ". */
export function rowCountries(country: string): string[] {
  return country === '' ? [] : country.split(', ');
}

/** Rank of a rule matching `key` (lower is stronger), or undefined when it does not match. */
function matchRank(r: CompiledRule, key: string): number | undefined {
  if (r.rule.name !== undefined) return r.rule.name === key ? 0 : undefined;
  if (r.rule.code !== undefined) {
    return key.startsWith(r.rule.code) ? 1 + (100 - r.rule.code.length) / 1000 : undefined;
  }
  if (r.regex !== undefined) return r.regex.test(key) ? 2 : undefined;
  return undefined;
}

/**
 * The case actor a dataset key is, in a date segment and country, or undefined. `segment` is an
 * index into the mapping's breakpoints (see EventGroup.segment).
 */
export function mapKey(
  compiled: CompiledEventMapping,
  dataset: EventDataset,
  key: string,
  segment: number,
  country: string,
): { actor: string; rule: number } | undefined {
  if (key === '') return undefined;
  const start = segment === 0 ? '0000-01-01' : (compiled.breakpoints[segment - 1] as string);
  const countries = rowCountries(country);
  let best: { rank: number; rule: CompiledRule } | undefined;
  for (const r of compiled.rules.get(dataset) ?? []) {
    if (r.first > start || r.last < start) continue;
    if (r.countries !== undefined) {
      if (countries.length === 0 || !countries.every((c) => r.countries?.has(c))) continue;
    }
    const rank = matchRank(r, key);
    if (rank === undefined) continue;
    if (best === undefined || rank < best.rank) best = { rank, rule: r };
  }
  return best === undefined ? undefined : { actor: best.rule.rule.actor, rule: best.rule.index };
}

/** A group's two sides as case actors (undefined where unmapped), with the rules used. */
export interface MappedGroup {
  readonly a?: string;
  readonly b?: string;
  readonly rules: readonly number[];
}

/** Maps both sides of an engine's group to case actors. */
export function mapGroup(compiled: CompiledEventMapping, group: EventGroup): MappedGroup {
  const dataset = datasetOfFormat(group.format);
  const a = mapKey(compiled, dataset, group.sideA, group.segment, group.country);
  const b = mapKey(compiled, dataset, group.sideB, group.segment, group.country);
  return {
    ...(a === undefined ? {} : { a: a.actor }),
    ...(b === undefined ? {} : { b: b.actor }),
    rules: [a?.rule, b?.rule].filter((x): x is number => x !== undefined),
  };
}

/** A problem in a raw `events` section, located by path (reported by the case check). */
export interface EventMappingIssue {
  readonly code: 'unknown-actor' | 'invalid-value' | 'invalid-range';
  readonly path: (string | number)[];
  readonly message: string;
}

/**
 * Cross-checks of a raw `events` section: actors exist, exactly one of name/code/pattern, patterns
 * compile, `from` ≤ `until`, and no two rules for the same dataset key (and the same countries)
 * hold on the same day.
 */
export function eventMappingIssues(
  raw: unknown,
  actorIds: ReadonlySet<string>,
): EventMappingIssue[] {
  const issues: EventMappingIssue[] = [];
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as { map?: unknown }).map)) {
    return issues;
  }
  const rules = (raw as { map: unknown[] }).map;
  const seen: { key: string; first: string; last: string; index: number }[] = [];
  rules.forEach((item, i) => {
    if (typeof item !== 'object' || item === null) return;
    const r = item as Record<string, unknown>;
    const at = ['events', 'map', i];
    if (typeof r.actor === 'string' && !actorIds.has(r.actor)) {
      issues.push({
        code: 'unknown-actor',
        path: [...at, 'actor'],
        message: `no actor has id "${r.actor}"`,
      });
    }
    const keys = (['name', 'code', 'pattern'] as const).filter((k) => typeof r[k] === 'string');
    if (keys.length !== 1) {
      issues.push({
        code: 'invalid-value',
        path: at,
        message: `a mapping rule names its dataset actor by exactly one of name, code or pattern (found ${keys.length === 0 ? 'none' : keys.join(', ')})`,
      });
    }
    if (typeof r.pattern === 'string') {
      try {
        new RegExp(r.pattern, 'u');
      } catch (error) {
        issues.push({
          code: 'invalid-value',
          path: [...at, 'pattern'],
          message: `not a valid regular expression: ${(error as Error).message}`,
        });
      }
    }
    const text = (v: unknown) => (typeof v === 'number' ? String(v) : v);
    const from = text(r.from);
    const until = text(r.until);
    const ok = (v: unknown): v is string => typeof v === 'string' && DATE_PATTERN.test(v);
    if (from !== undefined && !ok(from)) return;
    if (until !== undefined && !ok(until)) return;
    const first = from === undefined ? '0000-01-01' : dateBounds(from).first;
    const last = until === undefined ? '9999-12-31' : dateBounds(until).last;
    if (first > last) {
      issues.push({
        code: 'invalid-range',
        path: [...at, 'until'],
        message: `until (${String(until)}) is before from (${String(from)})`,
      });
      return;
    }
    if (keys.length !== 1) return;
    const k = keys[0] as 'name' | 'code' | 'pattern';
    const countries = Array.isArray(r.countries) ? [...r.countries].map(String).sort() : [];
    const key = JSON.stringify([r.dataset, k, r[k], countries]);
    for (const s of seen) {
      if (s.key === key && s.first <= last && first <= s.last) {
        issues.push({
          code: 'invalid-range',
          path: at,
          message: `the dates of this rule overlap those of events.map[${s.index}] for the same ${k} "${String(r[k])}"; one dataset actor is one case actor on a given day`,
        });
      }
    }
    seen.push({ key, first, last, index: i });
  });
  return issues;
}
