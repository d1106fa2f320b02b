import { EntenteError } from '@entente/core';
import { describe, expect, it } from 'vitest';
import { createReader, extract, htmlToText, MAX_DOCUMENT_CHARS } from '../src/index.js';

const reader = createReader();

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof EntenteError ? error.code : `not an EntenteError: ${String(error)}`;
  }
  return undefined;
}

describe('extract on hostile input', () => {
  it('binary input is an unsupported-format error', () => {
    const bytes = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
    expect(codeOf(() => extract(bytes, { reader }))).toBe('unsupported-format');
    expect(codeOf(() => extract(`%PDF-1.7\n\u0000\u0000stream`, { reader }))).toBe(
      'unsupported-format',
    );
  });
  it('empty and blank input give an empty extraction with a diagnostic', () => {
    for (const text of ['', '   \n\n\t ']) {
      const x = extract(text, { reader });
      expect(x.proposals).toEqual([]);
      expect(x.mentions).toEqual([]);
      expect(x.diagnostics).toEqual(['extract: the document is empty']);
    }
  });
  it('non-English input gives an empty extraction with a diagnostic', () => {
    const x = extract(
      'Россия и Иран обеспокоены угрозой ИГИЛ-Хорасан. Пакистан обеспокоен ТТП. Talibanы и Россия сотрудничают. '.repeat(
        3,
      ),
      { reader },
    );
    expect(x.proposals).toEqual([]);
    expect(x.diagnostics[0]).toMatch(/does not look English/);
  });
  it('a 200,000-character run without spaces is skipped, not tokenized (wink is quadratic on it)', () => {
    const x = extract(`Iran fought Iraq. ${'a'.repeat(200_000)} Iran fought Iraq.`, { reader });
    expect(x.mentions.map((m) => m.actor)).toEqual(['iran', 'iraq', 'iran', 'iraq']);
    expect(x.mentions[2]?.span[0]).toBe(18 + 200_001);
  });
  it('a sentence naming thousands of actors proposes nothing and ends', () => {
    const x = extract('Iran and Iraq fought with '.repeat(20_000), { reader });
    expect(x.mentions).toHaveLength(40_000);
    expect(x.proposals).toEqual([]);
  });
  it('a malformed date is an invalid-argument error', () => {
    expect(codeOf(() => extract('Iran met Iraq.', { date: '2023-13', reader }))).toBe(
      'invalid-argument',
    );
  });
  it('HTML is read as text: scripts dropped, blocks become paragraphs, entities decoded', () => {
    expect(
      htmlToText(
        '<html><head><title>x</title></head><body><p>Iran &amp; Iraq</p><script>var a=1</script><p>met.</p></body></html>',
      ),
    ).toBe('Iran & Iraq\n\nmet.');
    const x = extract('<p>Iran is worried about the TTP.</p>', { format: 'html', reader });
    expect(x.proposals[0]?.evidence.text).toBe('Iran is worried about the TTP.');
  });
  it('a 50 MB text is refused at once with resource-limit', { tags: ['slow'] }, () => {
    const big = 'Iran is worried about the TTP. '.repeat(Math.ceil(50_000_000 / 30));
    expect(big.length).toBeGreaterThan(MAX_DOCUMENT_CHARS);
    expect(codeOf(() => extract(big, { reader }))).toBe('resource-limit');
  });
});
