/**
 * CSV tables as RFC 4180 describes them (https://www.rfc-editor.org/rfc/rfc4180): comma-separated
 * fields, `"`-quoted when they hold a comma, quote or line break, a doubled `""` inside quotes.
 * Reading and writing go through papaparse; reading also locates every field at its 1-based line
 * and column, so importers can report a bad cell where it is.
 */
/// <reference path="./papaparse.d.ts" />
import Papa from 'papaparse/papaparse.js';

/** A 1-based line and column in CSV text. */
export interface CsvPosition {
  readonly line: number;
  readonly column: number;
}

/** One field of a record: its text (quotes removed) and where it starts. */
export interface CsvCell extends CsvPosition {
  readonly value: string;
}

/** One record (a row), located at its first character; `end` is just past its last field. */
export interface CsvRecord extends CsvPosition {
  readonly cells: readonly CsvCell[];
  readonly end: CsvPosition;
}

/** A syntax problem, such as an unterminated quoted field, located where the field starts. */
export interface CsvSyntaxError extends CsvPosition {
  readonly message: string;
}

/** A CSV text read into its header record and data records. */
export interface CsvTable {
  /** The first record that is not blank; `undefined` when the text has none. */
  readonly header: CsvRecord | undefined;
  /** Every later record that is not blank, in order. */
  readonly rows: readonly CsvRecord[];
  readonly errors: readonly CsvSyntaxError[];
}

/**
 * Reads CSV text into a header and rows, each field located at its line and column. Blank lines
 * (nothing but spaces) are skipped; a leading byte-order mark is ignored. Line breaks may be
 * CRLF, LF or CR (papaparse picks the one the text uses); fields keep their text as written,
 * spaces and line breaks inside quotes included.
 * @example readCsvTable('a,b\n1,2').rows[0]?.cells[1] // { value: '2', line: 2, column: 3 }
 */
export function readCsvTable(text: string): CsvTable {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const locate = positionIndex(body);
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  let start = 0;
  Papa.parse(body, {
    delimiter: ',',
    quoteChar: '"',
    escapeChar: '"',
    step: (result) => {
      const cursor = result.meta.cursor;
      const lb = result.meta.linebreak;
      const end =
        lb !== '' && body.startsWith(lb, cursor - lb.length) ? cursor - lb.length : cursor;
      const data = result.data;
      const blank = data.length === 1 && (data[0] ?? '').trim() === '';
      if (!blank) {
        const starts = fieldStarts(body, start, end);
        const cells = data.map((value, i) => ({
          value,
          ...locate(starts[i] ?? end),
        }));
        records.push({ ...locate(start), cells, end: locate(end) });
      }
      for (const e of result.errors) {
        let at = e.index ?? start;
        if (at > 0 && body[at - 1] === '"') at -= 1;
        errors.push({ message: e.message, ...locate(at) });
      }
      start = cursor;
    },
  });
  const [header, ...rows] = records;
  return { header, rows, errors };
}

/**
 * Writes a header and rows as CSV with CRLF line breaks (RFC 4180 §2), quoting only the fields
 * that need it (a comma, quote, line break, or leading or trailing space), and a final CRLF.
 * Fields that start with `=`, `+`, `-` or `@` are written as they are: escaping them against
 * spreadsheet formulae would change signs such as `-1`.
 */
export function writeCsvTable(
  fields: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const text = Papa.unparse({ fields, data: rows }, { newline: '\r\n', quotes: false });
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/**
 * Offsets where the fields of the record `text[start, end)` begin. A quoted field runs to its
 * closing quote (a doubled quote does not close it); a field ends at the next comma.
 */
function fieldStarts(text: string, start: number, end: number): number[] {
  const starts: number[] = [];
  let i = start;
  for (;;) {
    starts.push(i);
    if (text[i] === '"') {
      let j = i + 1;
      while (j < end) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') j += 2;
          else break;
        } else j += 1;
      }
      i = j + 1;
    }
    const comma = text.indexOf(',', i);
    if (comma === -1 || comma >= end) return starts;
    i = comma + 1;
  }
}

/** Maps a character offset to its 1-based line and column; CRLF, LF and CR each end a line. */
function positionIndex(text: string): (offset: number) => CsvPosition {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i += 1;
      lineStarts.push(i + 1);
    } else if (ch === 10 /* \n */) lineStarts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
  };
}
