/**
 * `extract(text, options)`: reads an English text and proposes the actors and the signed, typed
 * relations it finds, each with its evidence (document SHA-256, paragraph, sentence, character
 * span, cue and rule), all `pending` for an analyst to review. Pure: runs in Node and browsers.
 */
import {
  type Case,
  EntenteError,
  EXTRACTION_FORMAT,
  type ExtractionJson,
  type ExtractMentionJson,
  type ExtractNewActorJson,
  type ProposalJson,
  resolveVocabulary,
} from '@entente/core';
import { type ActorIndex, buildActorIndex } from './actors/actor-index.js';
import { findMentions, unknownNames } from './actors/find-mentions.js';
import { cameoVerbs, type GazetteerEntry, gazetteerEntries } from './actors/gazetteer.js';
import { resolveDates } from './relations/dates.js';
import { proposeRelations, sentencePolarity } from './relations/propose.js';
import { compareWithCase } from './review/compare-case.js';
import { sha256 } from './sha256.js';
import { type DocumentFormat, documentText } from './text/document-text.js';
import { createReader, type Reader, segment } from './text/segment.js';

/** Version of the extractor written into each extraction. */
export const EXTRACT_VERSION = '0.1.0';

/** Options of {@link extract}. */
export interface ExtractOptions {
  /** The document's date (YYYY, YYYY-MM or YYYY-MM-DD), for relative dates. */
  readonly date?: string;
  /** A case whose actors (and aliases) are looked for first; proposals are compared with it. */
  readonly caseData?: Case;
  /** Source id for the evidence. @default `doc-` + the first 8 hex digits of the SHA-256 */
  readonly documentId?: string;
  /** How to read `text`. @default 'text' */
  readonly format?: DocumentFormat;
  /** A reader from {@link createReader}, to reuse across calls (it takes ~0.2 s to build). */
  readonly reader?: Reader;
  /** Gazetteer entries. @default the built-in gazetteer */
  readonly gazetteer?: readonly GazetteerEntry[];
  /**
   * A prepared index (`buildActorIndex(caseData.actors, gazetteer)`), to reuse across calls on
   * many short texts; it must have been built from the same case. Building one takes ~50 ms.
   */
  readonly actorIndex?: ActorIndex;
}

/** An extraction; the same shape is the review file (`ExtractionSchema` in core's contract). */
export type Extraction = ExtractionJson;

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
// The commonest English words: a text with almost none of them is not English.
const ENGLISH = new Set(
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were'.split(
    ' ',
  ),
);

/**
 * Reads `text` and proposes actors and relations.
 * @throws EntenteError `invalid-argument` for a malformed date, `unsupported-format` for binary
 *   input, `resource-limit` beyond MAX_DOCUMENT_CHARS.
 */
export function extract(raw: string, options: ExtractOptions = {}): Extraction {
  if (options.date !== undefined && !DATE.test(options.date)) {
    throw new EntenteError(
      'invalid-argument',
      `extract: date "${options.date}" is not YYYY, YYYY-MM or YYYY-MM-DD`,
    );
  }
  const text = documentText(raw, options.format ?? 'text');
  const hash = sha256(text);
  const id = options.documentId ?? `doc-${hash.slice(0, 8)}`;
  const diagnostics: string[] = [];
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  let english = 0;
  for (let i = 0; i < Math.min(words.length, 2000); i++)
    if (ENGLISH.has((words[i] as string).toLowerCase())) english++;
  // Judged on 20 words or more: a short English headline may hold none of the common words.
  const isEnglish = words.length < 20 || english / Math.min(words.length, 2000) >= 0.05;
  if (!isEnglish)
    diagnostics.push(
      'extract: the text does not look English (few common English words); nothing was extracted',
    );
  if (words.length === 0) diagnostics.push('extract: the document is empty');
  const paragraphs =
    isEnglish && words.length > 0 ? segment(text, options.reader ?? createReader()) : [];
  const caseActors = options.caseData?.actors ?? [];
  const index =
    options.actorIndex ?? buildActorIndex(caseActors, options.gazetteer ?? gazetteerEntries());
  const vocabulary = resolveVocabulary(options.caseData?.vocabulary ?? []);
  const cameo = cameoVerbs();
  const mentions: ExtractMentionJson[] = [];
  const proposals: ProposalJson[] = [];
  const fresh = new Map<string, ExtractNewActorJson>();
  const unknown = new Map<string, ExtractNewActorJson>();
  const title = paragraphs.find((p) => p.index === null);
  for (const p of paragraphs) {
    if (p.index === null) continue;
    for (const s of p.sentences) {
      const found = findMentions(s, index);
      for (const m of found) {
        mentions.push({
          actor: m.entry.actor,
          origin: m.entry.origin,
          text: m.text,
          span: [m.start, m.end],
          paragraph: p.index,
          sentence: s.index,
          via: m.entry.via,
          place: m.place,
        });
        if (m.entry.origin === 'gazetteer' && !m.place) {
          const prior = fresh.get(m.entry.actor);
          if (prior) fresh.set(m.entry.actor, { ...prior, mentions: prior.mentions + 1 });
          else {
            fresh.set(m.entry.actor, {
              id: m.entry.actor,
              name: m.entry.actorName,
              kind: m.entry.kind,
              origin: 'gazetteer',
              mentions: 1,
              span: [m.start, m.end],
              status: 'pending',
            });
          }
        }
      }
      for (const u of unknownNames(s, found)) {
        const key = u.text.toLowerCase();
        const prior = unknown.get(key);
        if (prior) unknown.set(key, { ...prior, mentions: prior.mentions + 1 });
        else {
          const slug = key
            .normalize('NFKD')
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '');
          unknown.set(key, {
            id: slug || 'actor',
            name: u.text,
            kind: null,
            origin: 'unknown',
            mentions: 1,
            span: [u.start, u.end],
            status: 'pending',
          });
        }
      }
      const relations = proposeRelations(s, found, vocabulary, cameo);
      if (relations.length === 0) continue;
      const dates = resolveDates(text.slice(s.start, s.end), options.date);
      for (const r of relations) {
        proposals.push({
          id: `p${proposals.length + 1}`,
          status: 'pending',
          from: r.from,
          to: r.to,
          type: r.type,
          sign: r.sign,
          directed: r.directed,
          confidence: r.confidence,
          dates,
          evidence: {
            sha256: hash,
            paragraph: p.index,
            sentence: s.index,
            span: [s.start, s.end],
            text: text.slice(s.start, s.end),
            cue: { text: r.cue.text, span: [r.cue.start, r.cue.end] },
            rule: r.rule,
            hedges: [...r.hedges],
          },
        });
      }
    }
  }
  const extraction: Extraction = {
    format: EXTRACTION_FORMAT,
    version: EXTRACT_VERSION,
    document: {
      id,
      sha256: hash,
      title: title ? text.slice(title.start, title.end).replace(/^#+\s*/, '') : null,
      date: options.date ?? null,
      characters: text.length,
      words: words.length,
      paragraphs: paragraphs.map((p) => ({
        index: p.index,
        span: [p.start, p.end],
        sentences: p.sentences.length,
      })),
    },
    mentions,
    newActors: [...fresh.values(), ...[...unknown.values()].filter((u) => !fresh.has(u.id))],
    proposals,
    diagnostics,
  };
  return options.caseData ? compareWithCase(extraction, options.caseData) : extraction;
}

/**
 * Cooperation (+1) or conflict (−1): the sign of the text's first cue word or classed verb, 0
 * when it has none — the polarity of an event sentence even when it names fewer than two actors.
 */
export function textPolarity(text: string, options: { readonly reader?: Reader } = {}): -1 | 0 | 1 {
  const cameo = cameoVerbs();
  for (const p of segment(documentText(text), options.reader ?? createReader())) {
    for (const s of p.sentences) {
      const sign = sentencePolarity(s, cameo);
      if (sign !== 0) return sign;
    }
  }
  return 0;
}
