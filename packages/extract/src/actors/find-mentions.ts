/**
 * Actor mentions in a sentence: the longest known name starting at each token, left to right
 * (greedy longest match, as dictionary-based coders such as PETRARCH do). A country name after a
 * preposition of place ("in Afghanistan", "to Kabul") is marked as a place, not an actor.
 */
import type { Sentence, Token } from '../text/segment.js';
import { type ActorIndex, type NameEntry, nameKey } from './actor-index.js';

/** One mention: the name entry, the tokens it covers, its span and text. */
export interface Mention {
  readonly entry: NameEntry;
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly place: boolean;
}

const PLACE_PREPOSITIONS = new Set([
  'in',
  'into',
  'to',
  'from',
  'across',
  'within',
  'over',
  'throughout',
  'inside',
  'near',
  'at',
  'outside',
]);

// Words near "Uyghurs" that make it name the militants, not the people.
const MILITANT_CONTEXT = new Set([
  'militant',
  'militants',
  'terrorist',
  'terrorists',
  'terrorism',
  'group',
  'groups',
  'etim',
  'fighter',
  'fighters',
  'attack',
  'threaten',
  'insurgent',
  'jihadist',
  'suppress',
  'armed',
  'movement',
]);

const startsName = (t: Token) => /^[A-Z0-9]/.test(t.text);
const joinable = (t: Token) => /^[\p{L}\p{N}]/u.test(t.text) || t.text === '-' || t.text === '.';

/** Mentions in one sentence, left to right, none overlapping. */
export function findMentions(sentence: Sentence, index: ActorIndex): Mention[] {
  const tokens = sentence.tokens;
  const out: Mention[] = [];
  let militant: boolean | undefined;
  let afterGlued = -1;
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i] as Token;
    if (!startsName(first) && !index.lowerStarts.has(first.text)) continue;
    let found: { entry: NameEntry; last: number } | undefined;
    let key = '';
    const keys: string[] = [];
    for (let j = i; j < tokens.length && j - i < index.maxTokens; j++) {
      const t = tokens[j] as Token;
      if (!joinable(t)) break;
      key += nameKey(t.text);
      keys.push(key);
    }
    for (let j = keys.length - 1; j >= 0 && !found; j--) {
      const lastToken = tokens[i + j] as Token;
      // A name ends in a letter or digit, or is an abbreviation like "U.S." (never a bare ".").
      if (!/[\p{L}\p{N}]$/u.test(lastToken.text) && !/[\p{L}]\.$/u.test(lastToken.text)) continue;
      const k = keys[j] as string;
      // A possessive glued to the name ("Taliban‘s") is not part of it.
      const candidates = [k];
      if (/['’‘]s$/i.test(lastToken.text)) candidates.unshift(k.slice(0, -1));
      for (const c of candidates) {
        const entry = index.names.get(c);
        if (!entry) continue;
        let spaced = false;
        for (let k = i + 1; k <= i + j && !spaced; k++) {
          const t = tokens[k] as Token;
          const glued = t.start === (tokens[k - 1] as Token).end;
          if (!glued && /^[a-z]/.test(t.text) && !entry.lowerWords.includes(t.text)) spaced = true;
        }
        if (spaced) continue;
        const written = sentenceText(tokens, i, i + j);
        if (entry.acronym && /[a-z]/.test(written.replace(/['’‘]s$/, ''))) continue;
        if (entry.via === 'context') {
          militant ??= tokens.some(
            (t) => MILITANT_CONTEXT.has(t.lemma) || MILITANT_CONTEXT.has(t.text.toLowerCase()),
          );
          if (!militant) continue;
        }
        found = { entry, last: i + j };
        break;
      }
    }
    if (!found) {
      // "Taliban-controlled Afghanistan", "Talibancontrolled": the actor, then a place.
      const glued =
        /^(\p{Lu}[\p{L}]+?)-?(controlled|led|backed|held|ruled|run|allied|aligned)$/u.exec(
          first.text,
        );
      const entry = glued ? index.names.get(nameKey(glued[1] as string)) : undefined;
      if (glued && entry) {
        const prefix = glued[1] as string;
        out.push({
          entry,
          first: i,
          last: i,
          start: first.start,
          end: first.start + prefix.length,
          text: prefix,
          place: false,
        });
        afterGlued = i + 1;
      }
      continue;
    }
    const last = tokens[found.last] as Token;
    const before = tokens[i - 1];
    const after = tokens[found.last + 1];
    const stateLike = found.entry.kind === 'state' && found.entry.via !== 'demonym';
    let place = afterGlued === i;
    if (stateLike && before && PLACE_PREPOSITIONS.has(before.lemma)) place = true;
    // "outside of Afghanistan", "out of Kabul"
    const before2 = tokens[i - 2];
    if (
      stateLike &&
      before?.lemma === 'of' &&
      before2 &&
      /^(outside|out|part|rest|north|south|east|west|parts|areas|regions|provinces|cities)$/.test(
        before2.lemma,
      )
    )
      place = true;
    if (
      found.entry.via === 'capital' &&
      !(after && (after.pos === 'VERB' || after.pos === 'AUX' || /^['’]s$/.test(after.text)))
    ) {
      place = true;
    }
    out.push({
      entry: found.entry,
      first: i,
      last: found.last,
      start: first.start,
      end: last.end,
      text: sentenceText(tokens, i, found.last),
      place,
    });
    i = found.last;
  }
  return out;
}

function sentenceText(tokens: readonly Token[], a: number, b: number): string {
  let s = '';
  for (let k = a; k <= b; k++) {
    const t = tokens[k] as Token;
    if (k > a && t.start > (tokens[k - 1] as Token).end) s += ' ';
    s += t.text;
  }
  return s;
}

const NOT_NAMES = new Set(
  'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mr Mrs Ms Dr President Minister I The A An This That These Those It Its He She They We You Our Their His Her'.split(
    ' ',
  ),
);

/** Runs of proper nouns no mention covers: candidates for "new actor?". */
export function unknownNames(
  sentence: Sentence,
  mentions: readonly Mention[],
): { text: string; start: number; end: number }[] {
  const covered = new Set<number>();
  for (const m of mentions) for (let k = m.first; k <= m.last; k++) covered.add(k);
  const out: { text: string; start: number; end: number }[] = [];
  const tokens = sentence.tokens;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (t.pos !== 'PROPN' || covered.has(i) || !/^\p{Lu}/u.test(t.text) || NOT_NAMES.has(t.text)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const n = tokens[j + 1] as Token;
      if (covered.has(j + 1)) break;
      if (n.pos === 'PROPN' && /^\p{Lu}/u.test(n.text)) j++;
      else if (n.text === '.' && /^\p{Lu}$/u.test((tokens[j] as Token).text)) j++;
      // "Director of National Intelligence": "of" between two capitalised names.
      else if (
        n.text === 'of' &&
        tokens[j + 2]?.pos === 'PROPN' &&
        /^\p{Lu}/u.test(tokens[j + 2]?.text ?? '')
      )
        j += 2;
      else break;
    }
    const text = sentenceText(tokens, i, j);
    // A lone capitalised word opening the sentence is usually not a name ("Countries such as").
    const lone = i === 0 && j === 0;
    if (nameKey(text).length >= 3 && !lone) {
      out.push({ text, start: t.start, end: (tokens[j] as Token).end });
    }
    i = j + 1;
  }
  return out;
}
