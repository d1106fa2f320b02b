/**
 * The Claims table (issue 9, "A Claims view"): each claim of the case with its paragraphs, the
 * hypotheses that test it and, from the latest exploration, each one's verdict — the share of
 * worlds where it holds with its interval and the effect's median and 5–95% range, or "decided by
 * assumption" when one parameter decides it — and where it fails (the PRIM box, the scenarios).
 * Hypotheses that test no listed claim get a row of their own. Pure: the workbench's Claims tab
 * and the HTML report render the same rows.
 * Each hypothesis is the contract's (`explore --json`): claimant, paragraph, comparison, effect,
 * minimum effect and `decidedBy` come from the exploration summary.
 */
import type { Case, ExplorationSummary, HypothesisResult } from './api/types.js';

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

/** One row of the Claims table. */
export interface ClaimRow {
  /** The claim's id, or null for a hypothesis that tests no listed claim. */
  claim: string | null;
  statement: string;
  /** Where the source makes it, e.g. `¶8.1, ¶7.1`; '' when unknown. */
  paragraph: string;
  tests: ClaimTest[];
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
 * yet). Claims keep the case's order; each lists its hypotheses in the case's order, then
 * hypotheses of the summary the case does not state (text edited since) under their own claim.
 */
export function claimRows(c: Case, x: ExplorationSummary | null): ClaimRow[] {
  const explored = new Map<string, HypothesisVerdict>(
    ((x?.hypotheses ?? []) as HypothesisVerdict[]).map((h) => [h.id, h]),
  );
  const underPosterior = new Map<string, HypothesisVerdict>(
    ((x?.posterior?.hypotheses ?? []) as HypothesisVerdict[]).map((h) => [h.id, h]),
  );
  const stated: CaseHypothesis[] = (c.hypotheses ?? []).filter(
    (h): h is ModelHypothesis => h.kind !== 'observed',
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
    };
  });
  for (const h of all) {
    if (h.claim !== undefined && claimIds.has(h.claim)) continue;
    rows.push({
      claim: null,
      statement: h.statement,
      paragraph: hypothesisParagraph(h, explored.get(h.id)),
      tests: [test(h)],
    });
  }
  return rows;
}
