import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { exportGraphml } from '../../src/interop/graphml.js';
import { threeActors } from './three-actors.js';

describe('exportGraphml', () => {
  it('exportGraphml(case) declares typed keys for sign, weight, type, layer, kind, size, dates and confidence', () => {
    const xml = exportGraphml(threeActors());
    expect(XMLValidator.validate(xml)).toBe(true);
    for (const key of [
      '<key id="sign" for="edge" attr.name="sign" attr.type="int"/>',
      '<key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
      '<key id="relation_type" for="edge" attr.name="relation_type" attr.type="string"/>',
      '<key id="layer" for="edge" attr.name="layer" attr.type="string"/>',
      '<key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>',
      '<key id="kind" for="node" attr.name="kind" attr.type="string"/>',
      '<key id="size" for="node" attr.name="size" attr.type="double"/>',
      '<key id="actor_since" for="node" attr.name="since" attr.type="string"/>',
      '<key id="relation_until" for="edge" attr.name="until" attr.type="string"/>',
    ]) {
      expect(xml).toContain(key);
    }
    expect(xml).toContain('<graph id="three" edgedefault="undirected">');
  });

  it("exportGraphml(case) states each edge's direction and its signed weight", () => {
    const xml = exportGraphml(threeActors());
    const opens = [...xml.matchAll(/<edge [^>]*>/g)].map((m) => m[0]);
    expect(opens).toEqual([
      '<edge id="r1" source="A" target="B" directed="false">',
      '<edge source="B" target="C" directed="true">',
      '<edge id="r3" source="A" target="C" directed="true">',
    ]);
    const weights = [...xml.matchAll(/<data key="weight">([^<]*)<\/data>/g)].map((m) => m[1]);
    const signs = [...xml.matchAll(/<data key="sign">([^<]*)<\/data>/g)].map((m) => m[1]);
    const strengths = [...xml.matchAll(/<data key="strength">([^<]*)<\/data>/g)].map((m) => m[1]);
    expect(weights).toEqual(['0.5', '-0.7', '0']);
    expect(signs).toEqual(['1', '-1', '0']);
    expect(strengths).toEqual(['0.5', '0.7', '1']);
  });

  it('exportGraphml(case) escapes names and reads back to the same text', () => {
    const xml = exportGraphml(threeActors());
    expect(xml).toContain('<data key="name">Alpha &lt;&amp;&gt;&quot;&apos; é</data>');
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'node' }).parse(xml);
    const names = (doc.graphml.graph.node as { data: { '#text': string }[] }[]).map(
      (n) => n.data[0]?.['#text'],
    );
    expect(names).toEqual([`Alpha <&>"' é`, 'Beta, "the second"', 'Gamma 中']);
  });

  it('exportGraphml(case, { at }) writes the snapshot at that date', () => {
    const xml = exportGraphml(threeActors(), { at: '2016' });
    expect([...xml.matchAll(/<node id="(\w)"/g)].map((m) => m[1])).toEqual(['A', 'B', 'C']);
    expect([...xml.matchAll(/<edge [^>]*>/g)]).toHaveLength(2);
  });
});
