/** A number already written as text (money as `-12.00`): never taken for a formula. */
export interface CsvNumberText {
  readonly numberText: string;
}

/** A value in a CSV cell: text, a number (or one written as text), a yes/no, or nothing (an empty cell). */
export type CsvCell = string | number | boolean | null | undefined | CsvNumberText;

/** The byte-order mark that tells a spreadsheet the file is UTF-8 (so Chinese opens intact). */
export const CSV_BOM = '\uFEFF';

/** Text a spreadsheet would take for a formula: it is prefixed with `'` to stay text. */
const FORMULA_START = /^[=+\-@\t\r]/u;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a double quote, CR or LF, with double
 * quotes doubled. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a
 * leading `'`, so that a topic typed at the door can never run as one.
 *
 * @param cell - the value
 * @returns the field as written
 * @example
 * csvField('回访, 2 起') // => '"回访, 2 起"'
 * csvField('=1+1') // => "'=1+1"
 * csvField(12.5) // => '12.5'
 * csvField({ numberText: '-12.00' }) // => '-12.00'
 */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'object') return quoted(cell.numberText);
  return quoted(FORMULA_START.test(cell) ? `'${cell}` : cell);
}

function quoted(text: string): string {
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/**
 * A CSV file (RFC 4180) a spreadsheet opens as it is: UTF-8 with a byte-order mark, CRLF after
 * every record, fields quoted where needed.
 *
 * @param rows - the records, the header first
 * @returns the file's text, starting with the BOM
 * @example
 * toCsv([['人员', '迟到'], ['李四', 2]]) // => '\uFEFF人员,迟到\r\n李四,2\r\n'
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
