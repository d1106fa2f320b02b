/**
 * Paragraphs, sentences and tokens with exact character offsets. Sentence splitting, tokens,
 * part-of-speech tags, lemmas and negation come from wink-nlp with its English "lite web" model
 * (the choice against Intl.Segmenter is argued in docs/extraction.md); paragraphs are blocks
 * separated by blank lines, and a short one-line block without closing punctuation is a heading,
 * not a body paragraph (so the essay's title and byline do not shift paragraph numbers).
 */

import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

/** A prepared wink-nlp reader: create it once ({@link createReader}) and pass it to each call. */
export type Reader = ReturnType<typeof winkNLP>;

/** A reader with the parts of wink's pipe the extractor uses (sentences, negation, POS). */
export function createReader(): Reader {
  return winkNLP(model, ['sbd', 'negation', 'pos']);
}

/** One token: its span in the document, text, part of speech, lemma, and wink's negation flag. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly pos: string;
  readonly lemma: string;
  readonly negated: boolean;
}

/** One sentence: its span, paragraph (1-based body number), number within the paragraph. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
  readonly index: number;
  readonly tokens: readonly Token[];
}

/** One paragraph: span, body number (null for a heading) and its sentences. */
export interface Paragraph {
  readonly start: number;
  readonly end: number;
  readonly index: number | null;
  readonly sentences: readonly Sentence[];
}

/** A run of non-space characters longer than any word or name (see `segment`). */
const LONG_RUN = /\S{65,}/g;

/** Blocks of `text` separated by blank lines, as [start, end) spans without outer whitespace. */
export function blocks(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /\n[ \t\r\f\v]*\n/g;
  let from = 0;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a] as string)) a++;
    while (b > a && /\s/.test(text[b - 1] as string)) b--;
    if (b > a) out.push([a, b]);
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

/** True for a heading-like block: one line, at most 12 words, no closing punctuation. */
export function isHeading(block: string): boolean {
  if (block.includes('\n') && !/^#+ /.test(block)) return false;
  if (/^#{1,6} /.test(block)) return true;
  return block.split(/\s+/).length <= 12 && !/[.!?:;"”’)]$/.test(block);
}

/** Splits `text` into paragraphs, sentences and tokens with offsets into `text`. */
export function segment(text: string, reader: Reader): Paragraph[] {
  const its = reader.its;
  const paragraphs: Paragraph[] = [];
  let body = 0;
  for (const [start, end] of blocks(text)) {
    const chunk = text.slice(start, end);
    const heading = isHeading(chunk);
    const index = heading ? null : ++body;
    // wink's tokenizer takes quadratic time on a very long run without spaces (50,000 characters
    // take 5 s): such runs (URLs, base64, junk) are blanked to spaces of the same length, which
    // keeps every offset and leaves them out of the analysis.
    const doc = reader.readDoc(chunk.replace(LONG_RUN, (run) => ' '.repeat(run.length)));
    const values = doc.tokens().out(its.value) as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const lemma = doc.tokens().out(its.lemma as never) as unknown as string[];
    const neg = doc.tokens().out(its.negationFlag) as unknown as boolean[];
    const tokens: Token[] = [];
    let at = 0;
    for (let i = 0; i < values.length; i++) {
      at += (spaces[i] as string).length;
      const value = values[i] as string;
      // wink's tokens are lossless; should one ever differ from the text, find it from here.
      if (chunk.startsWith(value, at) === false) {
        const found = chunk.indexOf(value, at);
        if (found >= 0) at = found;
      }
      tokens.push({
        start: start + at,
        end: start + at + value.length,
        text: value,
        pos: pos[i] as string,
        lemma: (lemma[i] as string).toLowerCase(),
        negated: neg[i] === true,
      });
      at += value.length;
    }
    const sentences: Sentence[] = [];
    const spans = doc.sentences().out(its.span) as unknown as [number, number][];
    for (const [a, b] of spans) {
      const toks = tokens.slice(a, b + 1).filter((t) => t.pos !== 'SPACE');
      if (toks.length === 0) continue;
      sentences.push({
        start: (toks[0] as Token).start,
        end: (toks[toks.length - 1] as Token).end,
        paragraph: index ?? 0,
        index: sentences.length + 1,
        tokens: toks,
      });
    }
    paragraphs.push({ start, end, index, sentences });
  }
  return paragraphs;
}
