/**
 * From what the user gave to the text the extractor reads: refuses binary and oversized input,
 * turns HTML into plain text (blocks become paragraphs), and leaves plain text and Markdown as
 * they are, so that every offset the extraction reports points into the text it returns.
 */
import { EntenteError } from '@entente/core';

/** The formats `documentText` reads. */
export type DocumentFormat = 'text' | 'markdown' | 'html';

/**
 * The longest text extraction accepts, in UTF-16 code units: 20 million characters (about three
 * million words, ten 300-page reports). Beyond it extraction would take minutes and the review
 * would be unreadable; split the document instead.
 */
export const MAX_DOCUMENT_CHARS = 20_000_000;

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Plain text of an HTML document: scripts and styles dropped, block elements as paragraphs. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(
      /<\/?(p|div|section|article|h[1-6]|li|ul|ol|table|tr|blockquote|header|footer|title|main|aside|figure|figcaption|pre)\b[^>]*>/gi,
      '\n\n',
    )
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t\f\v\r]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The format a file name implies: `.html`/`.htm` HTML, `.md`/`.markdown` Markdown, else text. */
export function formatOfName(name: string): DocumentFormat {
  if (/\.x?html?$/i.test(name)) return 'html';
  if (/\.(md|markdown)$/i.test(name)) return 'markdown';
  return 'text';
}

/**
 * The text to extract from. Refuses binary input (NUL or many control characters) and text
 * longer than {@link MAX_DOCUMENT_CHARS}; HTML is converted with {@link htmlToText}.
 * @throws EntenteError `unsupported-format` for binary input, `resource-limit` when too long.
 */
export function documentText(raw: string, format: DocumentFormat = 'text'): string {
  if (raw.length > MAX_DOCUMENT_CHARS) {
    throw new EntenteError(
      'resource-limit',
      `extract: the document has ${raw.length} characters; the limit is ${MAX_DOCUMENT_CHARS} — split it into parts`,
    );
  }
  // Binary: a NUL, or more than 1 % control characters (other than tab/newline/CR/form feed)
  // or replacement characters (bytes that were not UTF-8) in the first 64 KiB.
  const head = raw.slice(0, 65_536);
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) odd = head.length;
    else if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) odd++;
  }
  if (head.length > 0 && odd > head.length / 100) {
    throw new EntenteError(
      'unsupported-format',
      'extract: the input looks binary (NUL, control or non-UTF-8 bytes); give a .txt, .md or .html file',
    );
  }
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return format === 'html' ? htmlToText(text) : text;
}
