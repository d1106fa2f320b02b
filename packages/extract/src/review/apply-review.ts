/**
 * `applyReview(caseData, review)`: merges the accepted proposals of a review into a case. Each
 * accepted relation gets evidence that cites the document (added to `sources` when missing) by
 * paragraph, sentence and character span; a relation the case already has (same actors and type)
 * gains the evidence instead of being duplicated. Actors the proposals need and the case lacks
 * are added from the review's `newActors`. The result is validated like a case file.
 */
import {
  type Actor,
  type Case,
  EntenteError,
  type Evidence,
  ExtractionSchema,
  type Relation,
  resolveVocabulary,
  validateCaseData,
} from '@entente/core';
import type { Extraction } from '../extract.js';

/** Options of {@link applyReview}. */
export interface ApplyReviewOptions {
  /** Source date when the review has none (YYYY, YYYY-MM or YYYY-MM-DD). */
  readonly date?: string;
  /** Author written into the new source entry. @default 'unknown' */
  readonly author?: string;
  /** Title of the new source entry. @default the document's title, else "Document <sha8>" */
  readonly title?: string;
}

const MAX_PARAPHRASE = 600;

/**
 * The case with the review's accepted proposals merged in.
 * @throws EntenteError `invalid-argument` for a malformed review, an unknown relation type or
 *   actor, or a missing source date; `invalid-case` when the merged case does not validate.
 */
export function applyReview(
  caseData: Case,
  review: unknown,
  options: ApplyReviewOptions = {},
): Case {
  const parsed = ExtractionSchema.safeParse(review);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new EntenteError(
      'invalid-argument',
      `applyReview: not a review file: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid'}`,
    );
  }
  const r: Extraction = parsed.data;
  const doc = r.document;
  const vocabulary = resolveVocabulary(caseData.vocabulary ?? []);
  const actors: Actor[] = [...caseData.actors];
  const known = new Set(actors.map((a) => a.id));
  const sources = [...caseData.sources];
  const relations: Relation[] = caseData.relations.map((x) => ({
    ...x,
    ...(x.evidence ? { evidence: [...x.evidence] } : {}),
  }));
  const accepted = r.proposals.filter((p) => p.status === 'accepted');
  const acceptedActors = r.newActors.filter((a) => a.status === 'accepted');
  if (accepted.length === 0 && acceptedActors.length === 0) return caseData;
  if (!sources.some((s) => s.id === doc.id)) {
    const date = doc.date ?? options.date;
    if (!date) {
      throw new EntenteError(
        'invalid-argument',
        `applyReview: the document ${doc.id} has no date; give one (--date YYYY[-MM[-DD]])`,
      );
    }
    sources.push({
      id: doc.id,
      title: options.title ?? doc.title ?? `Document ${doc.sha256.slice(0, 8)}`,
      author: options.author ?? 'unknown',
      kind: 'other',
      date,
      notes: `Extracted by @entente/extract ${r.version}; text sha256 ${doc.sha256}.`,
    });
  }
  const addActor = (id: string) => {
    if (known.has(id)) return;
    const offered = r.newActors.find((a) => a.id === id);
    if (!offered)
      throw new EntenteError(
        'invalid-argument',
        `applyReview: actor "${id}" is neither in the case nor among the review's new actors`,
      );
    if (offered.status === 'rejected')
      throw new EntenteError(
        'invalid-argument',
        `applyReview: a proposal is accepted but its actor "${id}" is rejected`,
      );
    actors.push({ id, name: offered.name, kind: offered.kind ?? 'other' });
    known.add(id);
  };
  for (const a of acceptedActors) addActor(a.id);
  const taken = new Set(relations.map((x) => x.id).filter((x): x is string => x !== undefined));
  for (const p of accepted) {
    const def = vocabulary.get(p.type);
    if (!def)
      throw new EntenteError(
        'invalid-argument',
        `applyReview: proposal ${p.id} has type "${p.type}", which the case's vocabulary lacks`,
      );
    addActor(p.from);
    addActor(p.to);
    const text = p.evidence.text.replace(/\s+/g, ' ').trim();
    const evidence: Evidence = {
      source: doc.id,
      paragraph: p.evidence.paragraph,
      sentence: p.evidence.sentence,
      span: p.evidence.span,
      paraphrase:
        text.length > MAX_PARAPHRASE
          ? `${text.slice(0, MAX_PARAPHRASE - 1)}…`
          : text || p.evidence.rule,
    };
    const same = relations.find(
      (x) =>
        x.type === p.type &&
        ((x.from === p.from && x.to === p.to) ||
          (!def.directed && x.from === p.to && x.to === p.from)),
    );
    if (same) {
      if (!same.evidence) same.evidence = [];
      const list = same.evidence as Evidence[];
      if (
        !list.some(
          (e) =>
            e.source === doc.id &&
            e.span?.[0] === evidence.span?.[0] &&
            e.span?.[1] === evidence.span?.[1],
        )
      )
        list.push(evidence);
      continue;
    }
    let id = `${p.from}-${p.type}-${p.to}`;
    for (let k = 2; taken.has(id); k++) id = `${p.from}-${p.type}-${p.to}-${k}`;
    taken.add(id);
    const since = p.dates.find((d) => d.role === 'since')?.value;
    const until = p.dates.find((d) => d.role === 'until')?.value;
    relations.push({
      id,
      from: p.from,
      to: p.to,
      type: p.type,
      ...(p.sign !== def.sign ? { sign: p.sign } : {}),
      ...(since ? { since } : {}),
      ...(until && (!since || until >= since) ? { until } : {}),
      confidence: p.confidence,
      evidence: [evidence],
    });
  }
  const result = validateCaseData({ ...caseData, sources, actors, relations });
  if (!result.ok) {
    const errors = result.issues.filter((i) => i.severity === 'error');
    throw new EntenteError(
      'invalid-case',
      `applyReview: the merged case does not validate: ${errors.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      result.issues,
    );
  }
  return result.case;
}
