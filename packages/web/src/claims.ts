/**
 * The Claims table (issue 9, "A Claims view"): each claim of the case with its paragraphs, the
 * hypotheses that test it and, from the latest exploration, each one's verdict — the share of
 * worlds where it holds with its interval and the effect's median and 5–95% range, or "decided by
 * assumption" when one parameter decides it — and where it fails (the PRIM box, the scenarios).
 * Hypotheses that test no listed claim get a row of their own. Pure: the workbench's Claims tab
 * and the HTML report render the same rows.
 * Each hypothesis is the contract's (`explore --json`): claimant, paragraph, comparison, effect,
 * minimum effect and `decidedBy` come from the exploration summary.
 * Observed hypotheses (issue 11), evaluated on event data instead of the model, sit beside the
 * model's: in the row of the claim they test (or of the claim made in the same paragraph), else in
 * rows of their own marked `observed`. An observed verdict without data reads "no data", never
 * "fails".
 */
import type { Case, ExplorationSummary, HypothesisResult, ObservedVerdict } from './api/types.js';

/** What one parameter decides (`decidedBy` of the contract): `parameter op value`. */
export type DecidedBy = NonNullable<HypothesisResult['decidedBy']>;

/** A hypothesis of an exploration summary (the contract's). */
export type HypothesisVerdict = HypothesisResult;

/** One hypothesis under a claim: what the case states and, when explored, the verdict. */
export interface ClaimTest {
  id: string;
  statement: string;
  /** Who makes the claim (author, an actor, the analyst), when the summary says. */
  claimant: string | null;
  /** Scenario the hypothesis is evaluated in. */
  scenario: string;
  /** Scenario it is compared with, or null for a trend within one scenario. */
  versus: string | null;
  /** `trend in status-quo` or `status-quo vs everyone-severs`. */
  comparison: string;
  /** The verdict in words, or why there is none. */
  verdict: string;
  /** True when one assumption decides the verdict. */
  decided: boolean;
  /** Where it fails (the PRIM box), or null. */
  failsWhere: string | null;
  /** Whether the latest exploration evaluated it. */
  explored: boolean;
  /**
   * The verdict in the worlds drawn from a calibration's posterior (`explore --posterior`), or
   * null when the exploration had no posterior or did not evaluate it.
   */
  posteriorVerdict: string | null;
}

/** One observed hypothesis under a claim: its verdict on the event data, in words. */
export interface ObservedTest {
  id: string;
  statement: string;
  /** Who makes the claim, when the verdict says. */
  claimant: string | null;
  /** The verdict's status, or `not-evaluated` when the server gave none (no event data). */
  status: ObservedVerdict['status'] | 'not-evaluated';
  /** `holds`, `fails`, `no data` or `not evaluated`. */
  verdict: string;
  /** The effect against the minimum effect, e.g. `effect 0.42 (min 0.05)`, or `no data`. */
  effect: string;
  /** The window compared, `2021-08 → 2023-08`. */
  window: string;
  /** Dataset and measure, e.g. `UCDP deaths_best`. */
  source: string;
  caveats: string[];
}

/** One row of the Claims table. */
export interface ClaimRow {
  /** The claim's id, or null for a hypothesis that tests no listed claim. */
  claim: string | null;
  statement: string;
  /** Where the source makes it, e.g. `¶8.1, ¶7.1`; '' when unknown. */
  paragraph: string;
  tests: ClaimTest[];
  /** The observed hypotheses of the claim, beside the model's tests. */
  observed: ObservedTest[];
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const num = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(3))) : String(x));

/** A paragraph reference as `¶p` or `¶p.s` (numbers, `{ paragraph, sentence }` or text). */
export function paragraphText(p: unknown): string {
  if (p === null || p === undefined || p === '') return '';
  if (typeof p === 'number') return `¶${p}`;
  if (typeof p === 'string') return p.startsWith('¶') ? p : `¶${p}`;
  if (typeof p === 'object' && 'paragraph' in p) {
    const { paragraph, sentence } = p as { paragraph?: unknown; sentence?: unknown };
    if (paragraph === undefined || paragraph === null) return '';
    return sentence === undefined || sentence === null
      ? `¶${paragraph}`
      : `¶${paragraph}.${sentence}`;
  }
  return '';
}

/** `parameter op value` of a deciding assumption. */
export function decidedByText(d: DecidedBy): string {
  const fit = [
    d.density === undefined ? null : `density ${pct(d.density)}`,
    d.coverage === undefined ? null : `coverage ${pct(d.coverage)}`,
  ].filter(Boolean);
  return `decided by assumption: ${d.parameter} ${d.op} ${num(d.value)}${fit.length > 0 ? ` (${fit.join(', ')})` : ''}`;
}

/** The verdict of an explored hypothesis in words. */
export function verdictText(h: HypothesisVerdict): string {
  if (h.decidedBy) return decidedByText(h.decidedBy);
  if (h.holds === null || h.holds === undefined) return 'no world finished';
  const parts = [`holds in ${pct(h.holds)} of worlds`];
  if (h.ci) parts[0] += ` (95% CI ${(100 * h.ci[0]).toFixed(1)}–${pct(h.ci[1])})`;
  if (h.effect) {
    // A relative effect is a share of the reference: written as a percentage, as the CLI does.
    const e = h.effect.scale === 'relative' ? (x: number) => `${num(100 * x)}%` : num;
    parts.push(`effect median ${e(h.effect.median)} [${e(h.effect.q05)}–${e(h.effect.q95)}]`);
  }
  return parts.join('; ');
}

/**
 * Where an explored hypothesis fails: its PRIM box; `never fails` when it holds in every world;
 * null when there is no box (nothing varies).
 */
export function failsWhereText(h: HypothesisVerdict): string | null {
  if (!h.failBox) return h.holds === 1 ? 'never fails' : null;
  const limits = h.failBox.limits
    .map((l) => `${l.parameter} ∈ [${l.lo.toPrecision(3)}, ${l.hi.toPrecision(3)}]`)
    .join(', ');
  return `${limits || 'not confined to a box: no parameter range separates the failures'} (coverage ${(100 * h.failBox.coverage).toFixed(0)}%, density ${(100 * h.failBox.density).toFixed(0)}%)`;
}

const DATASET_NAMES: Record<string, string> = { ucdp: 'UCDP', gdelt: 'GDELT', acled: 'ACLED' };

/** A minimum effect in words: `0.05` or `10%` (relative), `none` without one. */
function minEffectText(m: ObservedVerdict['minEffect']): string {
  if (m === null) return 'none';
  return 'absolute' in m ? num(m.absolute) : `${num(100 * m.relative)}%`;
}

/** A window in words: `2021-08–2023-07: mean 12.5`, with its coverage when partial. */
function windowText(w: ObservedVerdict['from'], aggregate: string): string {
  const value = w.value === null ? 'not covered' : `${aggregate} ${num(w.value)}`;
  const covered = w.covered < w.periods ? ` (${w.covered} of ${w.periods} periods covered)` : '';
  return `${w.start}–${w.end}: ${value}${covered}`;
}

/**
 * An observed verdict in words: status, the effect of the later window against the earlier next to
 * the minimum effect (or why there is no data), both windows, the series read and the caveats
 * (the data's coverage first). `no-data` reads "no data", never "fails".
 */
export function observedTest(v: ObservedVerdict): ObservedTest {
  const min = `min effect ${v.op} ${minEffectText(v.minEffect)}`;
  const effect =
    v.status === 'no-data' || v.effect === null
      ? `no data${v.reason ? `: ${v.reason}` : ''} (${min})`
      : `effect ${v.scale === 'relative' ? `${num(100 * v.effect)}%` : num(v.effect)} against ${min}`;
  const versions = v.versions.filter(Boolean).join(', ');
  return {
    id: v.id,
    statement: v.statement,
    claimant: v.claimant || null,
    status: v.status,
    verdict: v.status === 'no-data' ? 'no data' : v.status,
    effect,
    window: `${windowText(v.from, v.aggregate)} → ${windowText(v.to, v.aggregate)}`,
    source: `${DATASET_NAMES[v.dataset] ?? v.dataset}${versions ? ` ${versions}` : ''} ${v.measure}${v.normalised ? ' (normalised)' : ''} of ${v.series} per ${v.by}`,
    caveats: [
      ...(v.coverage ? [`the data cover ${v.coverage.from} to ${v.coverage.until}`] : []),
      ...v.caveats,
    ],
  };
}

/** A hypothesis as the case states it (the fields the table reads). */
type ModelHypothesis = Exclude<NonNullable<Case['hypotheses']>[number], { kind: 'observed' }>;
type CaseHypothesis = Pick<
  ModelHypothesis,
  'id' | 'claim' | 'statement' | 'scenario' | 'versus' | 'claimant' | 'paragraph' | 'sentence'
>;

/** `¶p.s` of a hypothesis: the exploration's record when it ran, else the case's. */
function hypothesisParagraph(h: CaseHypothesis, v: HypothesisVerdict | undefined): string {
  return paragraphText({
    paragraph: v?.paragraph ?? h.paragraph,
    sentence: v?.sentence ?? h.sentence,
  });
}

function comparisonText(scenario: string, versus: string | null): string {
  return versus ? `${scenario} vs ${versus}` : `trend in ${scenario}`;
}

/**
 * The rows of the Claims table of case `c`, with the verdicts of exploration `x` (null: none ran
 * yet) and the observed verdicts `observed` (null or absent: none asked or no event data). Claims
 * keep the case's order; each lists its hypotheses in the case's order, then hypotheses of the
 * summary the case does not state (text edited since) under their own claim. An observed verdict
 * goes to the claim it tests (the verdict's `claim`, else its hypothesis's in the case), else to
 * the first claim made in the same paragraph, else to a row of its own after the others.
 */
export function claimRows(
  c: Case,
  x: ExplorationSummary | null,
  observed?: readonly ObservedVerdict[] | null,
): ClaimRow[] {
  const explored = new Map<string, HypothesisVerdict>(
    ((x?.hypotheses ?? []) as HypothesisVerdict[]).map((h) => [h.id, h]),
  );
  const underPosterior = new Map<string, HypothesisVerdict>(
    ((x?.posterior?.hypotheses ?? []) as HypothesisVerdict[]).map((h) => [h.id, h]),
  );
  const observedIds = new Set((observed ?? []).map((v) => v.id));
  // Observed hypotheses are not the model's: they get no model verdict (and no "explore" button).
  const stated: CaseHypothesis[] = (c.hypotheses ?? []).filter(
    (h): h is ModelHypothesis => h.kind !== 'observed' && !observedIds.has(h.id),
  );
  const statedIds = new Set(stated.map((h) => h.id));
  const all: CaseHypothesis[] = [
    ...stated,
    ...[...explored.values()]
      .filter((h) => !statedIds.has(h.id))
      .map((h) => ({
        id: h.id,
        claim: h.claim ?? undefined,
        statement: h.statement,
        scenario: h.policy,
        versus: h.versus ?? undefined,
      })),
  ];
  const test = (h: CaseHypothesis): ClaimTest => {
    const v = explored.get(h.id);
    const scenario = v?.policy ?? h.scenario;
    const versus = (v ? v.versus : h.versus) ?? null;
    return {
      id: h.id,
      statement: h.statement,
      claimant: v?.claimant ?? h.claimant ?? null,
      scenario,
      versus,
      comparison: comparisonText(scenario, versus),
      verdict: v
        ? verdictText(v)
        : x
          ? `not explored: run ${[scenario, versus].filter(Boolean).join(' and ')}`
          : 'no exploration yet',
      decided: !!v?.decidedBy,
      failsWhere: v ? failsWhereText(v) : null,
      explored: v !== undefined,
      posteriorVerdict: ((p) => (p ? verdictText(p) : null))(underPosterior.get(h.id)),
    };
  };
  const claims = c.claims ?? [];
  const claimIds = new Set(claims.map((cl) => cl.id));
  const rows: ClaimRow[] = claims.map((cl) => {
    const tests = all.filter((h) => h.claim === cl.id);
    const fromEvidence = (cl.evidence ?? []).map((e) =>
      paragraphText({ paragraph: e.paragraph, sentence: e.sentence }),
    );
    const fromSummary = tests.map((h) => hypothesisParagraph(h, explored.get(h.id)));
    const paragraphs = [...new Set([...fromEvidence, ...fromSummary].filter(Boolean))];
    return {
      claim: cl.id,
      statement: cl.statement,
      paragraph: paragraphs.join(', '),
      tests: tests.map(test),
      observed: [],
    };
  });
  for (const h of all) {
    if (h.claim !== undefined && claimIds.has(h.claim)) continue;
    rows.push({
      claim: null,
      statement: h.statement,
      paragraph: hypothesisParagraph(h, explored.get(h.id)),
      tests: [test(h)],
      observed: [],
    });
  }
  const claimOf = new Map((c.hypotheses ?? []).map((h) => [h.id, h.claim]));
  const claimRowsOnly = rows.filter((r) => r.claim !== null);
  /** The paragraph numbers of a row (`¶8.2, ¶7` → 8, 7). */
  const paragraphsOf = (r: ClaimRow) =>
    new Set([...r.paragraph.matchAll(/¶(\d+)/g)].map((m) => Number(m[1])));
  // The verdicts, then the case's observed hypotheses the server did not evaluate.
  type Entry = {
    id: string;
    statement: string;
    claim: string | null;
    paragraph: number | null;
    sentence: number | null;
    test: ObservedTest;
  };
  const entries: Entry[] = (observed ?? []).map((v) => ({ ...v, test: observedTest(v) }));
  for (const h of c.hypotheses ?? []) {
    if (h.kind !== 'observed' || observedIds.has(h.id)) continue;
    entries.push({
      id: h.id,
      statement: h.statement,
      claim: h.claim ?? null,
      paragraph: h.paragraph ?? null,
      sentence: h.sentence ?? null,
      test: {
        id: h.id,
        statement: h.statement,
        claimant: h.claimant ?? null,
        status: 'not-evaluated',
        verdict: 'not evaluated',
        effect: 'no event data loaded',
        window: '—',
        source: '—',
        caveats: [],
      },
    });
  }
  const unmatched: ClaimRow[] = [];
  for (const v of entries) {
    const claim = v.claim ?? claimOf.get(v.id);
    const { paragraph } = v;
    const row =
      (claim ? claimRowsOnly.find((r) => r.claim === claim) : undefined) ??
      (paragraph !== null ? claimRowsOnly.find((r) => paragraphsOf(r).has(paragraph)) : undefined);
    if (row) row.observed.push(v.test);
    else {
      unmatched.push({
        claim: null,
        statement: v.statement,
        paragraph: paragraphText({ paragraph: v.paragraph, sentence: v.sentence }),
        tests: [],
        observed: [v.test],
      });
    }
  }
  return [...rows, ...unmatched];
}
