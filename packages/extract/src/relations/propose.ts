/**
 * Relations proposed from one sentence. Rules, in order:
 * 1. the sentence is cut into clauses at ";", ":", "while", "whereas", "but", "although" and at
 *    ", and" before a new subject ("…, and Pakistan is concerned …");
 * 2. in a clause, each pair of actor mentions (a before b) takes the cue word nearest to b among
 *    the tokens between them — entente's cue table first, then the CAMEO class of a verb;
 * 3. actors joined only by "," / "and" / "or" / "nor" are co-ordinated — on the same side of the
 *    verb — and are related only by a reciprocal cue of their clause ("are competing");
 * 4. direction: a → b, unless the cue points back ("worried about", "threat of") or b follows
 *    "by" (passive);
 * 5. confidence starts at {@link BASE_CONFIDENCE} and is lowered by negation and hedging
 *    (hedges.ts).
 * PETRARCH (Schrodt 2014, "PETRARCH: Python Engine for Text Resolution and Related Coding
 * Hierarchy") codes source–verb–target from full parses; this is a shallower, parse-free cousin
 * tuned for analytic prose rather than news leads.
 */
import type { Sign, Vocabulary } from '@entente/core';
import type { Mention } from '../actors/find-mentions.js';
import type { Sentence, Token } from '../text/segment.js';
import { CAMEO_CLASSES, CUES, type Cue, LIGHT_VERBS } from './cues.js';
import { HEDGE_FACTOR, hedgesOf, NEGATION_FACTOR, negationOf } from './hedges.js';

/** Confidence of a tie a cue states plainly, before negation and hedging. */
export const BASE_CONFIDENCE = 0.7;

/** Clauses naming more actors than this propose nothing (a list, a table, or junk). */
export const MAX_CLAUSE_ACTORS = 24;

/** A relation found in a sentence, before ids, dates and evidence are attached. */
export interface SentenceRelation {
  readonly from: string;
  readonly to: string;
  readonly type: string;
  readonly sign: Sign;
  readonly directed: boolean;
  readonly confidence: number;
  readonly cue: { readonly text: string; readonly start: number; readonly end: number };
  readonly rule: string;
  readonly hedges: readonly string[];
}

const COORDINATORS = new Set([
  ',',
  'and',
  'or',
  'nor',
  'neither',
  'either',
  'both',
  'the',
  'as',
  'well',
  '&',
]);
const BOUNDARIES = new Set([';', ':', 'while', 'whereas', 'but', 'although', 'though', 'however']);
const TERROR =
  /^(terror|terrorism|terrorist|terrorists|militant|militants|insurgent|insurgents|jihadist|extremism|extremist)$/i;

interface FoundCue {
  readonly at: number;
  readonly cue: Cue;
  readonly rule: string;
}

function cueAt(
  tokens: readonly Token[],
  i: number,
  cameo: Readonly<Record<string, string>>,
): FoundCue | undefined {
  const t = tokens[i] as Token;
  const word = t.text.toLowerCase();
  if (!/^[a-z]/.test(word)) return undefined;
  const own =
    CUES[word] ?? CUES[t.lemma] ?? (/^work(s|ed|ing)?$/.test(word) ? CUES.work : undefined);
  if (own) {
    if (/^work/.test(word) && (tokens[i + 1]?.text.toLowerCase() ?? '') !== 'with')
      return undefined;
    if (word === 'against' && i > 0 && (tokens[i - 1] as Token).pos === 'AUX') return undefined;
    return { at: i, cue: own, rule: `cue:${CUES[word] ? word : CUES[t.lemma] ? t.lemma : 'work'}` };
  }
  if (t.pos !== 'VERB') return undefined;
  if (LIGHT_VERBS.has(t.lemma)) return undefined;
  const cls = cameo[word] ?? cameo[t.lemma];
  const mapped = cls ? CAMEO_CLASSES[cls] : undefined;
  return mapped ? { at: i, cue: mapped, rule: `cameo:${cls} ${t.lemma}` } : undefined;
}

/**
 * The sign of a sentence's first cue word or classed verb, whatever actors it names (0 when it
 * has none): in an event sentence the main verb comes first, what follows is context.
 */
export function sentencePolarity(
  sentence: Sentence,
  cameo: Readonly<Record<string, string>>,
): -1 | 0 | 1 {
  for (let i = 0; i < sentence.tokens.length; i++) {
    const c = cueAt(sentence.tokens, i, cameo);
    if (c && c.cue.sign !== 0) return c.cue.sign;
  }
  return 0;
}

/** Token index ranges [a, b) of the clauses of a sentence. */
export function clauses(
  tokens: readonly Token[],
  mentions: readonly Mention[],
): [number, number][] {
  const byFirst = new Map(mentions.map((m) => [m.first, m]));
  const byLast = new Map(mentions.map((m) => [m.last, m]));
  const startsMention = new Set(byFirst.keys());
  // The token ends a mention that follows a "," or "and": an item of a list ("China, Russia,").
  const inList = (k: number) => {
    const m = byLast.get(k);
    const before = m ? tokens[m.first - 1]?.text.toLowerCase() : undefined;
    return before === ',' || before === 'and';
  };
  const out: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const w = (tokens[i] as Token).text.toLowerCase();
    let cut = BOUNDARIES.has(w);
    // ", and" before a new subject ends a clause; in a list ("Russia, and Iran have") it does not.
    if (
      !cut &&
      w === ',' &&
      tokens[i + 1]?.text.toLowerCase() === 'and' &&
      startsMention.has(i + 2) &&
      !inList(i - 1)
    ) {
      const m = byFirst.get(i + 2) as Mention;
      const next = tokens[m.last + 1];
      const next2 = tokens[m.last + 2];
      cut = [next, next2].some((t) => t !== undefined && (t.pos === 'AUX' || t.pos === 'VERB'));
    }
    if (cut) {
      if (i > from) out.push([from, i]);
      from = i + 1;
    }
  }
  if (tokens.length > from) out.push([from, tokens.length]);
  return out;
}

/** The relations one sentence proposes. */
export function proposeRelations(
  sentence: Sentence,
  mentions: readonly Mention[],
  vocabulary: Vocabulary,
  cameo: Readonly<Record<string, string>>,
): SentenceRelation[] {
  const tokens = sentence.tokens;
  const actors = mentions.filter((m) => !m.place);
  if (new Set(actors.map((m) => m.entry.actor)).size < 2) return [];
  const hedges = hedgesOf(tokens);
  const armed =
    actors.some((m) => m.entry.kind === 'armed-group') || tokens.some((t) => TERROR.test(t.text));
  const out: SentenceRelation[] = [];
  const seen = new Set<string>();
  let next = 0;
  for (const [ca, cb] of clauses(tokens, actors)) {
    // Mentions are in text order, and so are clauses: one pass over both.
    while (next < actors.length && (actors[next] as Mention).first < ca) next++;
    const inClause: Mention[] = [];
    for (let k = next; k < actors.length && (actors[k] as Mention).first < cb; k++) {
      if ((actors[k] as Mention).last < cb) inClause.push(actors[k] as Mention);
    }
    // Pairs grow with the square of the actors: a "clause" naming more than MAX_CLAUSE_ACTORS is a
    // list or junk, not a statement about each pair.
    if (inClause.length > MAX_CLAUSE_ACTORS) continue;
    const cues: FoundCue[] = [];
    const covered = new Set<number>();
    for (const m of inClause) for (let k = m.first; k <= m.last; k++) covered.add(k);
    for (let i = ca; i < cb; i++) {
      if (covered.has(i)) continue;
      const c = cueAt(tokens, i, cameo);
      if (c) cues.push(c);
    }
    if (cues.length === 0) continue;
    for (let x = 0; x < inClause.length; x++) {
      for (let y = x + 1; y < inClause.length; y++) {
        const a = inClause[x] as Mention;
        const b = inClause[y] as Mention;
        if (a.entry.actor === b.entry.actor) continue;
        const between = cues.filter((c) => c.at > a.last && c.at < b.first);
        let chosen: FoundCue | undefined = between[between.length - 1];
        if (!chosen) {
          let coordinated = true;
          for (let k = a.last + 1; k < b.first && coordinated; k++) {
            coordinated =
              covered.has(k) || COORDINATORS.has((tokens[k] as Token).text.toLowerCase());
          }
          if (!coordinated) continue;
          chosen =
            cues.find((c) => c.cue.reciprocal && c.at > b.last) ??
            cues.find((c) => c.cue.reciprocal);
          if (!chosen) continue;
        }
        // Another actor between a and the cue that a verb of a governs is the cue's own subject:
        // "Pakistan accused the Taliban of sheltering the TTP" — the Taliban shelters, not Pakistan.
        const cueAt2 = chosen.at;
        const governed = inClause.some(
          (m) =>
            m.first > a.last &&
            m.last < cueAt2 &&
            m.entry.actor !== a.entry.actor &&
            tokens.slice(a.last + 1, m.first).some((t) => t.pos === 'VERB'),
        );
        // A purpose clause ("… with the Taliban to avert ISSK") keeps the main subject.
        const purpose = tokens
          .slice(Math.max(0, cueAt2 - 3), cueAt2)
          .some((t) => t.text.toLowerCase() === 'to');
        if (governed && !purpose) continue;
        const cue = chosen.cue;
        let type = cue.type;
        if (cue.cooperation && armed) type = 'counter-terrorism-cooperation';
        const def = vocabulary.get(type);
        if (!def) continue;
        let [from, to] = [a, b];
        const passive = tokens[b.first - 1]?.text.toLowerCase() === 'by';
        if ((cue.reverse === true && cue.reciprocal !== true) !== passive) [from, to] = [b, a];
        const negation = negationOf(tokens, chosen.at);
        let confidence = BASE_CONFIDENCE;
        if (negation.length > 0) confidence *= NEGATION_FACTOR;
        if (hedges.length > 0) confidence *= HEDGE_FACTOR;
        const key = `${from.entry.actor}\u0000${to.entry.actor}\u0000${type}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const t = tokens[chosen.at] as Token;
        out.push({
          from: from.entry.actor,
          to: to.entry.actor,
          type,
          sign: cue.sign,
          directed: def.directed,
          confidence: Math.round(confidence * 100) / 100,
          cue: { text: t.text, start: t.start, end: t.end },
          rule: chosen.rule,
          hedges: [...negation, ...hedges],
        });
      }
    }
  }
  return out;
}
