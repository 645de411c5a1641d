/**
 * Text safe in a Markdown table cell: pipes escaped, line breaks as `<br>`, ends trimmed.
 *
 * @param text - the text
 * @returns the cell's Markdown
 * @example
 * markdownCell('A|B\nC') // => 'A\\|B<br>C'
 */
export function markdownCell(text: string): string {
  return text
    .replace(/\\/gu, '\\\\')
    .replace(/\|/gu, '\\|')
    .replace(/\r?\n|\r/gu, '<br>')
    .trim();
}

/**
 * A Markdown (GFM) table.
 *
 * @param header - the column titles
 * @param rows - the rows, as text
 * @returns the table, one line per row
 * @example
 * markdownTable(['人员', '迟到'], [['李四', '2']]) // => '| 人员 | 迟到 |\n| --- | --- |\n| 李四 | 2 |'
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}
