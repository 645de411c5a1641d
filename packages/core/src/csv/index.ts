/**
 * CSV that a spreadsheet opens as it is (R-12, E-2): UTF-8 with a byte-order mark, CRLF, RFC 4180
 * quoting, and text that would run as a formula kept as text.
 *
 * @packageDocumentation
 */
export { CSV_BOM, csvField, toCsv } from './csv.js';
export type { CsvCell, CsvNumberText } from './csv.js';
