// The site's Markdown pages, for the tests that check what they say against the code.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The docs folder (VitePress's source root, `@` in includes). */
export const DOCS = fileURLToPath(new URL('..', import.meta.url));
/** The repository's root. */
export const ROOT = join(DOCS, '..');

/** Folders that hold no hand-written pages. */
const SKIP = new Set([
  'node_modules',
  'api',
  '.vitepress',
  'examples',
  'test',
  'public',
  'typedoc',
]);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return SKIP.has(e.name) ? [] : walk(join(dir, e.name));
    return e.name.endsWith('.md') && !SKIP.has(e.name) ? [join(dir, e.name)] : [];
  });
}

/** Every hand-written page, as its path relative to docs/ (`guide/kiosk.md`). */
export function pages(): string[] {
  return walk(DOCS)
    .map((p) => relative(DOCS, p))
    .sort();
}

/**
 * A page's text.
 *
 * @param page - its path relative to docs/
 * @returns the Markdown
 */
export function page(page: string): string {
  return readFileSync(join(DOCS, page), 'utf8');
}

/**
 * The rows of the Markdown tables of a page, each split into its cells (trimmed).
 *
 * @param text - the page
 * @returns the body rows (not the header or the `---` line)
 */
export function tableRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line
      .slice(1, line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : undefined)
      .split('|')
      .map((c) => c.trim());
    if (cells.every((c) => /^-+$/.test(c))) continue;
    rows.push(cells);
  }
  return rows;
}

/**
 * The `code` spans of a cell.
 *
 * @param cell - Markdown text
 * @returns the text inside each pair of backticks
 */
export function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
}
