/**
 * The Sources tab's logic, without React or DOM: the text cut into highlighted segments (actor
 * mentions, relation sentences, cue words), the analyst's decisions on each proposal and the
 * review file they make (`entente-extraction/1`, what `applyReview` reads), the accepted
 * relations' count, and the sentence an evidence item cites in a text held this session.
 * Type-only imports: no extraction code is loaded here.
 */
import type { Evidence } from '@entente/core/contract';
import type { Extraction } from '@entente/extract';

/** A proposal as the analyst leaves it: the decision and the edited fields. */
export interface ProposalDecision {
  readonly id: string;
  readonly status: 'pending' | 'accepted' | 'rejected';
  readonly from: string;
  readonly to: string;
  readonly type: string;
  readonly sign: -1 | 0 | 1;
}

/** A piece of the text with what covers it. */
export interface TextSegment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The actor a mention here names (not a place), or null. */
  readonly actor: string | null;
  /** Ids of the proposals whose sentence covers this piece. */
  readonly proposals: readonly string[];
  /** Whether a proposal's cue word is here. */
  readonly cue: boolean;
}

/** The decisions as the extraction proposes them: all pending, fields as proposed. */
export function initialDecisions(x: Extraction): ProposalDecision[] {
  return x.proposals.map((p) => ({
    id: p.id,
    status: 'pending',
    from: p.from,
    to: p.to,
    type: p.type,
    sign: p.sign,
  }));
}

/** `decisions` with the one of id `id` changed by `patch` (the others as they were). */
export function decide(
  decisions: readonly ProposalDecision[],
  id: string,
  patch: Partial<Omit<ProposalDecision, 'id'>>,
): ProposalDecision[] {
  return decisions.map((d) => (d.id === id ? { ...d, ...patch } : d));
}

/**
 * The review file of `x` with the analyst's decisions: each proposal's status, actors, type and
 * sign from its decision (a proposal without one stays as extracted). New actors the accepted
 * proposals name are accepted; the others keep their status.
 */
export function reviewOf(x: Extraction, decisions: readonly ProposalDecision[]): Extraction {
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const proposals = x.proposals.map((p) => {
    const d = byId.get(p.id);
    return d
      ? { ...p, status: d.status, from: d.from, to: d.to, type: d.type, sign: d.sign }
      : { ...p };
  });
  const needed = new Set(
    proposals.filter((p) => p.status === 'accepted').flatMap((p) => [p.from, p.to]),
  );
  const newActors = x.newActors.map((a) =>
    needed.has(a.id) ? { ...a, status: 'accepted' as const } : { ...a },
  );
  return { ...x, proposals, newActors };
}

/** How many decisions are accepted. */
export function acceptedCount(decisions: readonly ProposalDecision[]): number {
  return decisions.filter((d) => d.status === 'accepted').length;
}

/**
 * `text` cut at every boundary of a mention (not a place), a proposal's sentence or its cue,
 * each piece with what covers it (the first mention in the list when mentions overlap); the
 * pieces join back into `text`. Spans outside the text are clipped. One sweep over the sorted
 * boundaries, so a long report with thousands of mentions stays fast.
 */
export function segmentText(text: string, x: Extraction): TextSegment[] {
  const n = text.length;
  const clip = (v: number) => Math.max(0, Math.min(n, v));
  type Span = { kind: 'mention' | 'sentence' | 'cue'; index: number; start: number; end: number };
  const spans: Span[] = [];
  x.mentions.forEach((m, index) => {
    if (!m.place)
      spans.push({ kind: 'mention', index, start: clip(m.span[0]), end: clip(m.span[1]) });
  });
  x.proposals.forEach((p, index) => {
    const s = p.evidence.span;
    const c = p.evidence.cue.span;
    spans.push({ kind: 'sentence', index, start: clip(s[0]), end: clip(s[1]) });
    spans.push({ kind: 'cue', index, start: clip(c[0]), end: clip(c[1]) });
  });
  const live = spans.filter((s) => s.end > s.start);
  const points = [...new Set([0, n, ...live.flatMap((s) => [s.start, s.end])])].sort(
    (a, b) => a - b,
  );
  const starting = new Map<number, Span[]>();
  for (const s of live) starting.set(s.start, [...(starting.get(s.start) ?? []), s]);
  const active = new Set<Span>();
  const out: TextSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    for (const s of active) if (s.end <= start) active.delete(s);
    for (const s of starting.get(start) ?? []) active.add(s);
    let mention = -1;
    const sentences: number[] = [];
    let cue = false;
    for (const s of active) {
      if (s.kind === 'mention') mention = mention < 0 ? s.index : Math.min(mention, s.index);
      else if (s.kind === 'sentence') sentences.push(s.index);
      else cue = true;
    }
    sentences.sort((a, b) => a - b);
    out.push({
      start,
      end,
      text: text.slice(start, end),
      actor: mention >= 0 ? (x.mentions[mention]?.actor ?? null) : null,
      proposals: sentences.map((k) => x.proposals[k]?.id ?? ''),
      cue,
    });
  }
  return out;
}

/** A text read in the Sources tab this session: its source id, SHA-256 and the text itself. */
export interface HeldText {
  readonly id: string;
  readonly sha256: string;
  readonly name: string;
  /** The text the offsets count in (for HTML, the text made of it). */
  readonly text: string;
}

/**
 * The held text a source id names: one whose id is `source`, or, for an id `doc-<hex>` (how
 * `applyReview` names a document), one whose SHA-256 starts with that hex. Null when none does.
 */
export function heldTextFor(source: string, held: readonly HeldText[]): HeldText | null {
  const exact = held.find((h) => h.id === source);
  if (exact) return exact;
  const m = /^doc-([0-9a-f]{8,64})$/.exec(source);
  if (!m) return null;
  const hex = m[1] as string;
  return held.find((h) => h.sha256.startsWith(hex)) ?? null;
}

/**
 * The sentence an evidence item cites, from a held text: the characters of its span, with runs
 * of white space as one space; null when the workbench holds no text for its source, the item has
 * no span, or the span falls outside the text.
 */
export function citedSentence(e: Evidence, held: readonly HeldText[]): string | null {
  if (!e.span) return null;
  const h = heldTextFor(e.source, held);
  if (!h) return null;
  const [a, b] = e.span;
  if (a < 0 || b > h.text.length || b <= a) return null;
  return h.text.slice(a, b).replace(/\s+/g, ' ').trim();
}
