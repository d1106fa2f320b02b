// fast-check arbitraries for valid `entente/1` cases, shared by the interop property tests.
// Every generated case passes validateCaseData (the generator builds it valid by construction and
// throws otherwise, so a broken generator fails loudly instead of shrinking the test's reach).
import fc from 'fast-check';
import { validateCaseData } from '../../src/case/load.js';
import { ACTOR_KINDS, type Case } from '../../src/case/schema.js';
import { BUILTIN_VOCABULARY } from '../../src/case/vocabulary.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Valid case ids: a letter or digit, then letters, digits and `_ . : -`. */
export const idArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,11}$/);

/** Characters that need care somewhere: markup, quotes, separators, whitespace, non-ASCII. */
const ODD = [
  '<',
  '&',
  '>',
  '"',
  "'",
  ',',
  ';',
  '=',
  ' ',
  '\t',
  '\n',
  '\r',
  'é',
  'ß',
  '中',
  'א',
  '😀',
  '\u00a0',
  '\u200b',
];

/** Names XML 1.0 can carry: printable ASCII plus the odd characters above. */
export const xmlNameArb = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...ODD),
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
  ),
  minLength: 1,
  maxLength: 12,
});

/** Any names at all, control characters and lone surrogates included (JSON and CSV carry them). */
export const anyNameArb = fc.oneof(
  xmlNameArb,
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
);

/** Four-digit years, 0000–0999 included (valid as text, though YAML numbers start at 1000). */
const yearArb = fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, '0'));

/** Partial ISO dates YYYY, YYYY-MM and YYYY-MM-DD. */
export const dateArb = fc.oneof(
  yearArb,
  fc.tuple(yearArb, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${pad(m)}`),
  fc
    .tuple(yearArb, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
);

/** Compares partial dates by the first day they name (YYYY < YYYY-MM < … in text order works). */
const startKey = (d: string) => `${d}-00-00`.slice(0, 10);

/** An optional since/until pair, ordered so that until is never before since. */
const spanArb = fc
  .record({
    since: fc.option(dateArb, { nil: undefined }),
    until: fc.option(dateArb, { nil: undefined }),
  })
  .map(({ since, until }) =>
    since !== undefined && until !== undefined && startKey(until) < startKey(since)
      ? { since: until, until: since }
      : { since, until },
  );

/** A unit-interval number, the ends and a middle value included; never −0. */
const unitArb = fc.oneof(
  fc.constantFrom(0, 0.5, 1),
  fc.double({ min: 0, max: 1, noNaN: true }).map((v) => v + 0),
);

const TYPES = BUILTIN_VOCABULARY.map((d) => d.type);

interface Options {
  /** The name arbitrary (XML formats need XML-safe names). */
  readonly names: fc.Arbitrary<string>;
  /** Add sources, evidence, aliases, notes and periods (for the lossless JSON format). */
  readonly rich: boolean;
}

function actorArb(id: string, options: Options) {
  return fc
    .record(
      {
        name: options.names,
        kind: fc.constantFrom(...ACTOR_KINDS),
        size: fc.option(
          fc.record(
            {
              value: fc.oneof(
                fc.constantFrom(0, 0.16),
                fc.double({ min: 0, max: 1e6, noNaN: true }).map((v) => v + 0),
              ),
              unit: fc.constantFrom('cinc', 'troops', 'USD bn'),
            },
            { requiredKeys: ['value'] },
          ),
          { nil: undefined },
        ),
        span: spanArb,
        aliases: options.rich
          ? fc.option(fc.array(options.names, { minLength: 1, maxLength: 3 }), { nil: undefined })
          : fc.constant(undefined),
        notes: options.rich ? fc.option(options.names, { nil: undefined }) : fc.constant(undefined),
      },
      { requiredKeys: ['name', 'kind', 'span'] },
    )
    .map(({ span, ...a }) => ({ id, ...a, ...span }));
}

function relationArb(ids: readonly string[], options: Options) {
  const n = ids.length;
  return fc
    .record({
      ends: fc.tuple(fc.nat(n - 1), fc.nat(n - 2)),
      type: fc.constantFrom(...TYPES),
      sign: fc.option(fc.constantFrom(-1 as const, 0 as const, 1 as const), { nil: undefined }),
      weight: fc.option(unitArb, { nil: undefined }),
      confidence: fc.option(unitArb, { nil: undefined }),
      span: spanArb,
      named: fc.boolean(),
      support: options.rich
        ? fc.constantFrom('evidence', 'assumption', 'none')
        : fc.constantFrom('assumption', 'none'),
      paragraph: fc.integer({ min: 1, max: 40 }),
      notes: options.rich ? fc.option(options.names, { nil: undefined }) : fc.constant(undefined),
    })
    .map(({ ends: [a, b], span, support, paragraph, named, ...r }) => ({
      named,
      relation: {
        from: ids[a] as string,
        to: ids[b >= a ? b + 1 : b] as string,
        ...r,
        ...span,
        ...(support === 'assumption' && { assumption: true, rationale: 'assumed for the test' }),
        ...(support === 'evidence' && {
          evidence: [{ source: 'src', paragraph, paraphrase: 'the source says so' }],
        }),
      },
    }));
}

/** Random valid cases: 2–7 actors with unique ids, up to 10 relations of built-in types. */
export function caseArb(options: Options): fc.Arbitrary<Case> {
  return fc
    .uniqueArray(idArb, { minLength: 2, maxLength: 7 })
    .chain((ids) =>
      fc.record({
        id: idArb,
        title: options.names,
        actors: fc.tuple(...ids.map((id) => actorArb(id, options))),
        relations: fc.array(relationArb(ids, options), { maxLength: 10 }),
        periods: options.rich
          ? fc.option(
              fc.tuple(dateArb).map(([start]) => [{ id: 'p1', label: 'Period one', start }]),
              { nil: undefined },
            )
          : fc.constant(undefined),
      }),
    )
    .map(({ relations, ...rest }) => {
      const data = {
        format: 'entente/1',
        ...rest,
        sources: options.rich
          ? [{ id: 'src', title: 'Source', author: 'Author', kind: 'report', date: '2020-05' }]
          : [],
        relations: relations.map(({ named, relation }, i) =>
          named ? { id: `r${i}`, ...relation } : relation,
        ),
      };
      const result = validateCaseData(JSON.parse(JSON.stringify(data)));
      if (!result.ok)
        throw new Error(`caseArb built an invalid case: ${JSON.stringify(result.issues)}`);
      return result.case;
    });
}
