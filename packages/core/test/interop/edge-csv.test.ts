import { describe, expect, it } from 'vitest';
import { EntenteError } from '../../src/errors.js';
import { exportEdgeCsv, exportNodeCsv } from '../../src/interop/edge-csv.js';
import { threeActors } from './three-actors.js';

const HEADER =
  'id,source,target,type,sign,weight,layer,directed,since,until,confidence,assumption,evidence\r\n';

describe('exportEdgeCsv', () => {
  it('exportEdgeCsv(case) writes resolved sign, unsigned weight, layer and directedness', () => {
    expect(exportEdgeCsv(threeActors())).toBe(
      HEADER +
        'r1,A,B,alliance,1,0.5,security,false,2001,2010,0.9,false,1\r\n' +
        ',B,C,threat,-1,0.7,security,true,2015-03,,,true,0\r\n' +
        'r3,A,C,territorial-presence,0,1,control,true,,,,true,0\r\n',
    );
  });

  it('exportEdgeCsv(case, { at }) keeps only relations active then, with both ends active', () => {
    const c = threeActors();
    expect(exportEdgeCsv(c, { at: '2012' })).toBe(
      `${HEADER}r3,A,C,territorial-presence,0,1,control,true,,,,true,0\r\n`,
    );
    expect(exportEdgeCsv(c, { at: '2016-05' }).split('\r\n')).toHaveLength(4);
    // Gamma ends in 2019-06, so by 2020 both of its ties are gone.
    expect(exportEdgeCsv(c, { at: '2020' })).toBe(HEADER);
  });

  it('exportEdgeCsv(case, { at }) rejects a date that is not a partial ISO date', () => {
    expect(() => exportEdgeCsv(threeActors(), { at: '2021-13' })).toThrow(EntenteError);
    expect(() => exportEdgeCsv(threeActors(), { at: 'soon' })).toThrow(/^exportEdgeCsv: at/);
  });
});

describe('exportNodeCsv', () => {
  it('exportNodeCsv(case) quotes names with commas and quotes per RFC 4180', () => {
    expect(exportNodeCsv(threeActors())).toBe(
      'id,name,kind,size,size_unit,since,until\r\n' +
        `A,"Alpha <&>""' é",state,0.16,cinc,2001,\r\n` +
        'B,"Beta, ""the second""",regime,0.04,cinc,,\r\n' +
        'C,Gamma 中,armed-group,,,,2019-06\r\n',
    );
  });

  it('exportNodeCsv(case, { at }) leaves out actors not in existence then', () => {
    const rows = exportNodeCsv(threeActors(), { at: '2000' }).split('\r\n');
    // Alpha starts in 2001: only Beta and Gamma remain.
    expect(rows.slice(1, -1).map((r) => r.split(',')[0])).toEqual(['B', 'C']);
  });

  it('exportNodeCsv(case) quotes line breaks and leading spaces', () => {
    const c = threeActors();
    const odd = {
      ...c,
      actors: [{ id: 'X', name: ' two\nlines', kind: 'other' as const }],
      relations: [],
    };
    expect(exportNodeCsv(odd)).toBe(
      'id,name,kind,size,size_unit,since,until\r\nX," two\nlines",other,,,,\r\n',
    );
  });
});
