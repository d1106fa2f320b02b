import { describe, expect, it } from 'vitest';
import { readCsvTable, writeCsvTable } from '../../src/interop/csv-table.js';

describe('readCsvTable', () => {
  it('readCsvTable(text) locates each field, across quoted line breaks and blank lines', () => {
    const table = readCsvTable('\uFEFFa,b\r\n\r\n"x\r\ny",  z\r\n""""," "\r\n');
    expect(table.errors).toEqual([]);
    expect(table.header?.cells).toEqual([
      { value: 'a', line: 1, column: 1 },
      { value: 'b', line: 1, column: 3 },
    ]);
    expect(table.rows.map((r) => r.cells)).toEqual([
      [
        { value: 'x\r\ny', line: 3, column: 1 },
        { value: '  z', line: 4, column: 4 },
      ],
      [
        { value: '"', line: 5, column: 1 },
        { value: ' ', line: 5, column: 6 },
      ],
    ]);
    expect(table.rows[0]?.end).toEqual({ line: 4, column: 7 });
  });

  it('readCsvTable(text) reports an unterminated quote at the field it opens', () => {
    const table = readCsvTable('a,b\n1,"open\n2,3\n');
    expect(table.errors).toEqual([{ message: 'Quoted field unterminated', line: 2, column: 3 }]);
  });
});

describe('writeCsvTable', () => {
  it('writeCsvTable(fields, rows) quotes only what needs it and ends every line with CRLF', () => {
    expect(
      writeCsvTable(
        ['a', 'b'],
        [
          ['x,y', 'q"q'],
          ['-1', ' s'],
          ['', 'l\nm'],
        ],
      ),
    ).toBe('a,b\r\n"x,y","q""q"\r\n-1," s"\r\n,"l\nm"\r\n');
    expect(writeCsvTable(['a'], [])).toBe('a\r\n');
  });
});
