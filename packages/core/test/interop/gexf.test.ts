import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { LoadCaseResult } from '../../src/case/load.js';
import type { Case } from '../../src/case/schema.js';
import { exportGexf, importGexf, signStyle } from '../../src/interop/gexf.js';
import { relationsOf, threeActors } from './three-actors.js';

function mustLoad(result: LoadCaseResult): Case {
  if (!result.ok) throw new Error(`expected a case, got ${JSON.stringify(result.issues, null, 2)}`);
  return result.case;
}

/** The `<edge …>` opening line and body of every edge, in order. */
function edges(xml: string): { open: string; body: string }[] {
  return [...xml.matchAll(/^ *(<edge [^\n]*>)\n([\s\S]*?)<\/edge>/gm)].map((m) => ({
    open: m[1] ?? '',
    body: m[2] ?? '',
  }));
}

const minimal = (patch: Partial<Case>): Case => ({
  format: 'entente/1',
  id: 'm',
  title: 'm',
  sources: [],
  actors: [
    { id: 'A', name: 'A', kind: 'state' },
    { id: 'B', name: 'B', kind: 'state' },
  ],
  relations: [],
  ...patch,
});

describe('exportGexf', () => {
  it('exportGexf(case) writes a GEXF 1.3 document with a dynamic, date-timed graph', () => {
    const xml = exportGexf(threeActors());
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"',
      ),
    ).toBe(true);
    expect(xml).toContain(' version="1.3">');
    expect(xml).toContain(
      '<graph defaultedgetype="undirected" idtype="string" mode="dynamic" timeformat="date">',
    );
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('exportGexf(case) marks positive ties green and solid, with their weight', () => {
    const [r1] = edges(exportGexf(threeActors()));
    expect(r1?.open).toBe(
      '<edge id="r1" source="A" target="B" type="undirected" weight="0.5" label="Alliance" start="2001-01-01" end="2010-12-31">',
    );
    expect(r1?.body).toContain('<viz:color r="26" g="152" b="80"/>');
    expect(r1?.body).toContain('<viz:shape value="solid"/>');
    expect(r1?.body).toContain('<attvalue for="sign" value="1"/>');
    expect(r1?.body).toContain('<attvalue for="confidence" value="0.9"/>');
    expect(r1?.body).toContain('<attvalue for="evidence" value="1"/>');
  });

  it('exportGexf(case) marks negative ties red and dashed, with a negative weight', () => {
    const [, threat] = edges(exportGexf(threeActors()));
    expect(threat?.open).toBe(
      '<edge source="B" target="C" type="directed" weight="-0.7" label="Threat" start="2015-03-01">',
    );
    expect(threat?.body).toContain('<viz:color r="215" g="48" b="39"/>');
    expect(threat?.body).toContain('<viz:shape value="dashed"/>');
    expect(threat?.body).toContain('<attvalue for="sign" value="-1"/>');
    expect(threat?.body).toContain('<attvalue for="strength" value="0.7"/>');
    expect(threat?.body).toContain('<attvalue for="assumption" value="true"/>');
  });

  it('exportGexf(case) marks sign-0 ties grey and dotted, keeping their strength', () => {
    const [, , presence] = edges(exportGexf(threeActors()));
    expect(presence?.open).toBe(
      '<edge id="r3" source="A" target="C" type="directed" weight="0" label="Territorial presence">',
    );
    expect(presence?.body).toContain('<viz:color r="150" g="150" b="150"/>');
    expect(presence?.body).toContain('<viz:shape value="dotted"/>');
    expect(presence?.body).toContain('<attvalue for="strength" value="1"/>');
    expect(signStyle(0).shape).toBe('dotted');
  });

  it('exportGexf(case) escapes <&>"\' in labels and text and keeps non-ASCII', () => {
    const xml = exportGexf(threeActors());
    expect(xml).toContain(
      '<node id="A" label="Alpha &lt;&amp;&gt;&quot;&apos; é" start="2001-01-01">',
    );
    expect(xml).toContain('<node id="B" label="Beta, &quot;the second&quot;">');
    expect(xml).toContain('<node id="C" label="Gamma 中" end="2019-06-30">');
    expect(xml).toContain('<description>Three &lt;actors&gt; &amp; &quot;ties&quot;</description>');
  });

  it('exportGexf(case) sizes nodes by area relative to the largest actor', () => {
    const xml = exportGexf(threeActors());
    // Alpha 0.16 is the largest (50); Beta 0.04 = a quarter of it: 4 + 46 × √0.25 = 27.
    const sizes = [...xml.matchAll(/<node id="(\w)"[\s\S]*?<\/node>/g)].map((m) => [
      m[1],
      /<viz:size value="([\d.]+)"\/>/.exec(m[0])?.[1],
    ]);
    expect(sizes).toEqual([
      ['A', '50'],
      ['B', '27'],
      ['C', undefined],
    ]);
    expect(xml).toContain('<attvalue for="size" value="0.16"/>');
  });

  it('exportGexf(case) widens partial dates: since to the first day, until to the last', () => {
    const xml = exportGexf(
      minimal({
        relations: [
          { from: 'A', to: 'B', type: 'hostility', since: '2020-02', until: '2020-02' },
          { from: 'A', to: 'B', type: 'alliance', since: '1999', until: '2000-12-05' },
        ],
      }),
    );
    const [a, b] = edges(xml);
    expect(a?.open).toContain('start="2020-02-01" end="2020-02-29"');
    expect(b?.open).toContain('start="1999-01-01" end="2000-12-05"');
  });

  it('exportGexf(case) writes a static graph when nothing has a span', () => {
    const xml = exportGexf(minimal({ relations: [{ from: 'A', to: 'B', type: 'rivalry' }] }));
    expect(xml).toContain('<graph defaultedgetype="undirected" idtype="string" mode="static">');
    expect(xml).not.toContain('timeformat');
    expect(xml).not.toContain('start=');
  });

  it('exportGexf(case) replaces characters XML cannot hold by U+FFFD and stays well-formed', () => {
    const c = minimal({
      actors: [
        { id: 'A', name: 'bell\u0007 nul\u0000 lone\ud800', kind: 'state' },
        { id: 'B', name: 'tab\tline\nreturn\r', kind: 'state' },
      ],
    });
    const xml = exportGexf(c);
    expect(xml).toContain('label="bell\uFFFD nul\uFFFD lone\uFFFD"');
    expect(xml).toContain('label="tab&#9;line&#10;return&#13;"');
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});

describe('importGexf', () => {
  it('importGexf(exportGexf(case)) restores actors, signs, weights and partial dates', () => {
    const c = threeActors();
    const back = mustLoad(importGexf(exportGexf(c), { file: 'three.gexf' }));
    expect(back.id).toBe('three');
    expect(back.title).toBe(c.title);
    expect(back.actors).toEqual([
      {
        id: 'A',
        name: `Alpha <&>"' é`,
        kind: 'state',
        size: { value: 0.16, unit: 'cinc' },
        since: '2001',
      },
      { id: 'B', name: 'Beta, "the second"', kind: 'regime', size: { value: 0.04, unit: 'cinc' } },
      { id: 'C', name: 'Gamma 中', kind: 'armed-group', until: '2019-06' },
    ]);
    expect(relationsOf(back)).toEqual(relationsOf(c));
    expect(back.relations.every((r) => r.assumption === true)).toBe(true);
    expect(back.relations[0]?.rationale).toBe('imported from GEXF three.gexf');
  });

  it('importGexf(gephi file) reads labels, weights as signs and unknown attributes as notes', () => {
    const xml = readFileSync(
      new URL('../fixtures/interop/gephi-signed.gexf', import.meta.url),
      'utf8',
    );
    const result = importGexf(xml, { file: 'gephi-signed.gexf' });
    const c = mustLoad(result);
    expect(result.issues).toEqual([]);
    expect(c.id).toBe('gephi-signed');
    expect(c.title).toBe('GEXF graph gephi-signed.gexf');
    expect(c.actors).toEqual([
      { id: '0', name: 'Gahuku', kind: 'other', notes: 'Modularity Class=0' },
      { id: '1', name: 'Gama & Asaro', kind: 'other', notes: 'Modularity Class=1' },
      { id: '2', name: '2', kind: 'other' },
    ]);
    const rationale = 'imported from GEXF gephi-signed.gexf';
    expect(c.relations).toEqual([
      {
        id: '0',
        from: '0',
        to: '1',
        type: 'hostility',
        sign: -1,
        weight: 1,
        assumption: true,
        rationale,
        notes: 'tie=hina',
      },
      {
        id: '1',
        from: '1',
        to: '2',
        type: 'alliance',
        sign: 1,
        weight: 0.5,
        assumption: true,
        rationale,
        notes: 'tie=unknown',
      },
      {
        id: '2',
        from: '0',
        to: '2',
        type: 'alliance',
        sign: 1,
        weight: 1,
        assumption: true,
        rationale,
        notes: 'tie=unknown',
      },
    ]);
  });

  it('importGexf(xml) reads dateTime starts, spells and character references', () => {
    const xml = `<?xml version="1.0"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph mode="dynamic" timeformat="dateTime">
    <nodes>
      <node id="a" label="line&#10;break &amp;#10; &#x1F600;" start="2001-05-03T10:00:00"/>
      <node id="b">
        <spells>
          <spell start="1990" end="1995"/>
          <spell start="2001-01-01" end="2003-06-30"/>
        </spells>
      </node>
    </nodes>
    <edges>
      <edge source="a" target="b" weight="-0.25" start="2002-01-01"/>
    </edges>
  </graph>
</gexf>`;
    const result = importGexf(xml);
    const c = mustLoad(result);
    expect(c.actors[0]).toEqual({
      id: 'a',
      name: 'line\nbreak &#10; 😀',
      kind: 'other',
      since: '2001-05-03',
    });
    expect(c.actors[1]).toEqual({
      id: 'b',
      name: 'b',
      kind: 'other',
      since: '1990',
      until: '2003-06-30',
    });
    expect(c.relations[0]).toMatchObject({
      type: 'hostility',
      sign: -1,
      weight: 0.25,
      since: '2002-01-01',
    });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'invalid-value', severity: 'warning', path: ['actors', 1] }),
    ]);
  });

  it('importGexf(xml) reports weights it cannot read as signed ties', () => {
    const result = importGexf(
      '<gexf version="1.3"><graph><nodes><node id="a"/><node id="b"/></nodes><edges>' +
        '<edge source="a" target="b" weight="3"/><edge source="b" target="a" weight="heavy"/>' +
        '</edges></graph></gexf>',
    );
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['out-of-range', ['relations', 0, 'weight']],
      ['wrong-type', ['relations', 1, 'weight']],
    ]);
  });

  it('importGexf(text) reports XML that is not well-formed at its line and column', () => {
    const result = importGexf('<gexf version="1.3">\n  <graph>\n</gexf>');
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ code: 'invalid-format', line: 3 });
    expect(importGexf('<graphml/>').issues[0]).toMatchObject({
      code: 'invalid-format',
      message: expect.stringContaining('not a GEXF document'),
    });
  });

  it('importGexf(xml) passes unknown actors and types on to validation', () => {
    const result = importGexf(
      '<gexf version="1.3"><graph><attributes class="edge"><attribute id="t" title="relation_type" type="string"/></attributes>' +
        '<nodes><node id="a"/></nodes><edges><edge source="a" target="z"><attvalues><attvalue for="t" value="alliace"/></attvalues></edge></edges></graph></gexf>',
    );
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.code).sort()).toEqual([
      'unknown-actor',
      'unknown-relation-type',
    ]);
  });
});
