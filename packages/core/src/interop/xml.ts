/**
 * Text in XML 1.0 documents (https://www.w3.org/TR/xml/): escaping for attribute values and
 * character data, and decoding of the predefined and numeric character references. Shared by the
 * GEXF and GraphML writers and the GEXF reader.
 */

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Written as references so that attribute-value normalisation (XML 1.0 §3.3.3) and
  // line-end handling (§2.11) leave them as they are.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** True when XML 1.0 can carry the code point at all (§2.2 Char), even as a reference. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * Escapes text for an XML attribute value or character data: `& < > " '` and tab, line feed and
 * carriage return become references. Code points XML 1.0 cannot carry at all (C0 controls other
 * than tab, LF and CR; lone surrogates; U+FFFE and U+FFFF) become U+FFFD, the replacement
 * character: such text cannot be written as XML, and dropping it silently would hide it.
 * @example escapeXml(`a<b & "c"`) // 'a&lt;b &amp; &quot;c&quot;'
 */
export function escapeXml(text: string): string {
  let out = '';
  for (const ch of text) {
    const escaped = ESCAPES[ch];
    if (escaped !== undefined) out += escaped;
    else out += isXmlChar(ch.codePointAt(0) ?? 0) ? ch : '\uFFFD';
  }
  return out;
}

/**
 * Decodes the five predefined entities and decimal or hexadecimal character references, in one
 * pass (so `&amp;lt;` reads as `&lt;`, never `<`). A reference to a code point XML cannot carry
 * is left as written.
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#([0-9]+)|#x([0-9A-Fa-f]+)|(lt|gt|amp|quot|apos));/g,
    (ref: string, dec?: string, hex?: string, name?: string) => {
      if (name !== undefined) return PREDEFINED[name] ?? ref;
      const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
      return isXmlChar(cp) ? String.fromCodePoint(cp) : ref;
    },
  );
}

const PREDEFINED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** Writes `name="value"` pairs, escaped, skipping undefined values; each pair led by a space. */
export function xmlAttributes(
  attrs: Readonly<Record<string, string | number | undefined>>,
): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${name}="${escapeXml(typeof value === 'number' ? formatXmlNumber(value) : value)}"`;
  }
  return out;
}

/** A number as XML Schema `double` text: JavaScript's shortest round-trip form, −0 as `0`. */
export function formatXmlNumber(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}
