import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../../../test-support/shared-data.js';
import type { CaseIssue } from '../../src/case/issues.js';
import type { LoadCaseResult } from '../../src/case/load.js';
import type { Case } from '../../src/case/schema.js';
import { exportEdgeCsv, exportNodeCsv } from '../../src/interop/edge-csv.js';
import { importEdgeList } from '../../src/interop/edge-list.js';
import { relationsOf, threeActors } from './three-actors.js';

function mustLoad(result: LoadCaseResult): Case {
  if (!result.ok) throw new Error(`expected a case, got ${JSON.stringify(result.issues, null, 2)}`);
  return result.case;
}

const where = (issues: readonly CaseIssue[]) =>
  issues.map((i) => ({ code: i.code, line: i.line, column: i.column }));

describe('importEdgeList', () => {
  it('importEdgeList(csv) reads source,target,sign and creates the actors', () => {
    const c = mustLoad(
      importEdgeList('source,target,sign\r\nA,B,1\r\nB,C,-1\r\nA,C,0\r\n', undefined, {
        file: 'data/ties.csv',
      }),
    );
    expect(c.id).toBe('ties');
    expect(c.title).toBe('Edge list data/ties.csv');
    expect(c.actors).toEqual([
      { id: 'A', name: 'A', kind: 'other' },
      { id: 'B', name: 'B', kind: 'other' },
      { id: 'C', name: 'C', kind: 'other' },
    ]);
    expect(c.relations).toEqual([
      {
        from: 'A',
        to: 'B',
        type: 'alliance',
        sign: 1,
        assumption: true,
        rationale: 'imported from edge list data/ties.csv',
      },
      {
        from: 'B',
        to: 'C',
        type: 'hostility',
        sign: -1,
        assumption: true,
        rationale: 'imported from edge list data/ties.csv',
      },
      {
        from: 'A',
        to: 'C',
        type: 'neutral-tie',
        sign: 0,
        assumption: true,
        rationale: 'imported from edge list data/ties.csv',
      },
    ]);
    expect(c.vocabulary).toEqual([
      expect.objectContaining({ type: 'neutral-tie', sign: 0, directed: false }),
    ]);
  });

  it('importEdgeList(csv) loads without warnings: imported ties are marked as assumptions', () => {
    const result = importEdgeList('source,target,sign\nA,B,1\n');
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
  });

  it('importEdgeList(csv) reads a signed weight as sign and magnitude', () => {
    const c = mustLoad(importEdgeList('from,to,weight\nA,B,-0.7\nA,C,0.25\nB,C,0\n'));
    expect(c.relations.map((r) => [r.type, r.sign, r.weight])).toEqual([
      ['hostility', -1, 0.7],
      ['alliance', 1, 0.25],
      ['neutral-tie', 0, 0],
    ]);
  });

  it('importEdgeList(csv) keeps a typed row, its dates, confidence, id and extra columns', () => {
    const c = mustLoad(
      importEdgeList(
        'Source,Target,Type,Sign,Since,Until,Confidence,Id,Period\nA,B,rivalry,-1,2001-02,2003,0.4,r7,46-49\n',
      ),
    );
    expect(c.relations[0]).toEqual({
      id: 'r7',
      from: 'A',
      to: 'B',
      type: 'rivalry',
      sign: -1,
      since: '2001-02',
      until: '2003',
      confidence: 0.4,
      assumption: true,
      rationale: 'imported from edge list',
      notes: 'Period=46-49',
    });
  });

  it('importEdgeList(csv) takes a Gephi Type column (Undirected) as no relation type', () => {
    const c = mustLoad(importEdgeList('Source,Target,Type,Weight\n1,2,Undirected,-1\n'));
    expect(c.relations[0]).toMatchObject({ type: 'hostility', sign: -1, weight: 1 });
  });

  it('importEdgeList(csv, nodes) reads kinds, sizes, units, spans and notes', () => {
    const c = mustLoad(
      importEdgeList(
        'source,target,sign\nusa,irn,-1\nirn,hzb,1\n',
        'id,name,kind,size,unit,since,region\nusa,United States,state,0.14,,1776,Americas\nirn,Iran,state,3.5,troops (100k),,\n',
        { nodesFile: 'nodes.csv' },
      ),
    );
    expect(c.actors).toEqual([
      {
        id: 'usa',
        name: 'United States',
        kind: 'state',
        size: { value: 0.14, unit: 'cinc' },
        since: '1776',
        notes: 'region=Americas',
      },
      { id: 'irn', name: 'Iran', kind: 'state', size: { value: 3.5, unit: 'troops (100k)' } },
      { id: 'hzb', name: 'hzb', kind: 'other' },
    ]);
  });

  it('importEdgeList(csv) reports every CSV problem at its line and column', () => {
    const result = importEdgeList(
      [
        'source,target,sign,confidence',
        'A,B,1,0.5',
        'C,,2,x',
        '"D",E,-1,1.5',
        'F,G',
        'H,I,1,,extra',
        'J,K,one',
      ].join('\n'),
    );
    expect(result.ok).toBe(false);
    expect(where(result.issues)).toEqual([
      { code: 'missing-field', line: 3, column: 3 },
      { code: 'invalid-value', line: 3, column: 4 },
      { code: 'wrong-type', line: 3, column: 6 },
      { code: 'out-of-range', line: 4, column: 10 },
      { code: 'missing-field', line: 5, column: 4 },
      { code: 'invalid-value', line: 6, column: 8 },
      { code: 'wrong-type', line: 7, column: 5 },
    ]);
    expect(result.issues.map((i) => i.path)).toEqual([
      ['relations', 1, 'to'],
      ['relations', 1, 'sign'],
      ['relations', 1, 'confidence'],
      ['relations', 2, 'confidence'],
      ['relations', 3, 'sign'],
      ['relations', 4],
      ['relations', 5, 'sign'],
    ]);
  });

  it('importEdgeList(csv) locates validation problems (unknown type, self tie, bad date) at their cells', () => {
    const result = importEdgeList(
      'source,target,type,since\nA,B,alliace,2001\nC,C,alliance,\nA,C,rivalry,2021-02-30\n',
    );
    expect(result.ok).toBe(false);
    expect(
      result.issues.map((i) => ({
        code: i.code,
        line: i.line,
        column: i.column,
        suggestion: i.suggestion,
      })),
    ).toEqual([
      { code: 'unknown-relation-type', line: 2, column: 5, suggestion: 'alliance' },
      { code: 'self-relation', line: 3, column: 3, suggestion: undefined },
      { code: 'invalid-date', line: 4, column: 13, suggestion: undefined },
    ]);
  });

  it('importEdgeList(csv) rejects a weight beyond ±1 and a weight that contradicts the sign', () => {
    const result = importEdgeList('source,target,sign,weight\nA,B,,1.5\nA,C,1,-0.5\n');
    expect(where(result.issues)).toEqual([
      { code: 'out-of-range', line: 2, column: 6 },
      { code: 'invalid-value', line: 3, column: 7 },
    ]);
  });

  it('importEdgeList(csv) reports missing columns on the header line', () => {
    const noTarget = importEdgeList('source,sign\nA,1\n');
    expect(noTarget.ok).toBe(false);
    expect(noTarget.issues).toEqual([
      expect.objectContaining({
        code: 'missing-field',
        line: 1,
        column: 1,
        message: expect.stringContaining('"target"'),
      }),
    ]);
    const noSign = importEdgeList('source,target\nA,B\n');
    expect(noSign.issues).toEqual([
      expect.objectContaining({
        code: 'missing-field',
        line: 1,
        message: expect.stringContaining('"sign"'),
      }),
    ]);
    expect(importEdgeList('').issues).toEqual([
      expect.objectContaining({ code: 'missing-field', line: 1, column: 1 }),
    ]);
  });

  it('importEdgeList(csv) reports an unterminated quote where the field starts', () => {
    const result = importEdgeList('source,target,sign\nA,"B,1\nC,D,1\n');
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({ code: 'invalid-format', line: 2, column: 3 });
  });

  it('importEdgeList(csv, nodes) names the node file in messages about it', () => {
    const result = importEdgeList(
      'source,target,sign\nA,B,1\n',
      'id,kind,size\nA,stat,big\nA,state,1\n',
      { nodesFile: 'actors.csv' },
    );
    expect(result.ok).toBe(false);
    expect(
      result.issues.map((i) => ({
        code: i.code,
        line: i.line,
        column: i.column,
        file: i.message.split(':')[0],
      })),
    ).toEqual([
      { code: 'invalid-value', line: 2, column: 3, file: 'actors.csv' },
      { code: 'wrong-type', line: 2, column: 8, file: 'actors.csv' },
      { code: 'duplicate-id', line: 3, column: 1, file: 'actors.csv' },
    ]);
    expect(result.issues[0]?.suggestion).toBe('state');
  });

  it('importEdgeList(exportEdgeCsv(c), exportNodeCsv(c)) restores actors and relations', () => {
    const c = threeActors();
    const back = mustLoad(importEdgeList(exportEdgeCsv(c), exportNodeCsv(c)));
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
  });
});

// Real data, read from ../shared/data (see its README); never copied into the project.
const HIGHLAND_FILE = 'data/signed/highland-tribes.csv';
const HIGHLAND = sharedPath(HIGHLAND_FILE);

describeShared(HIGHLAND_FILE, 'importEdgeList on highland-tribes.csv (Read 1954)', () => {
  it('importEdgeList(highland-tribes.csv) gives 16 tribes and 58 ties, 29 + and 29 −', () => {
    const text = readFileSync(HIGHLAND, 'utf8');
    const result = importEdgeList(text, undefined, { file: 'highland-tribes.csv' });
    const c = mustLoad(result);
    expect(result.issues).toEqual([]);
    expect(c.id).toBe('highland-tribes');
    expect(c.actors).toHaveLength(16);
    expect(c.relations).toHaveLength(58);
    // Hage & Harary (1983): 29 alliances (rova) and 29 oppositions (hina).
    expect(c.relations.filter((r) => r.sign === 1 && r.type === 'alliance')).toHaveLength(29);
    expect(c.relations.filter((r) => r.sign === -1 && r.type === 'hostility')).toHaveLength(29);
    expect(c.relations[0]).toMatchObject({ from: 'Kotun', to: 'Gavev', sign: 1 });
  });
});
