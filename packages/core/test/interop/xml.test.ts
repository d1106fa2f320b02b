import { describe, expect, it } from 'vitest';
import { decodeXmlEntities, escapeXml } from '../../src/interop/xml.js';

describe('escapeXml', () => {
  it('escapeXml(text) escapes markup characters and whitespace that parsers normalise', () => {
    expect(escapeXml(`<a href="x">&'</a>\t\r\n`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;&#9;&#13;&#10;',
    );
  });

  it('escapeXml(text) keeps non-ASCII and replaces what XML 1.0 cannot carry by U+FFFD', () => {
    expect(escapeXml('é中😀\u0000\u001f\ufffe\udc00')).toBe('é中😀\ufffd\ufffd\ufffd\ufffd');
  });
});

describe('decodeXmlEntities', () => {
  it('decodeXmlEntities(text) decodes in one pass, so escaped references stay literal', () => {
    expect(decodeXmlEntities('&amp;lt; &lt; &#10;&#x1F600;&apos;&quot;&gt;')).toBe(
      '&lt; < \n😀\'">',
    );
    expect(decodeXmlEntities('&#0; &nbsp;')).toBe('&#0; &nbsp;');
  });

  it('decodeXmlEntities(escapeXml(text)) gives text back for any XML-safe text', () => {
    const text = ` <&>"'\t\r\n é 中 😀 `;
    expect(decodeXmlEntities(escapeXml(text))).toBe(text);
  });
});
