import type { Language } from '../policy/parameters.js';
import type { TimeZone } from '../time/zone.js';
import type { CsvCell } from '../csv/csv.js';
import { label, type ReportLabel } from './labels.js';

/** How a report is rendered: its language, and the names to show for person ids. */
export interface RenderOptions {
  /** Default `zh-CN` (K-5). */
  readonly lang?: Language;
  /** A person's name for their id (from the directory); unknown ids are shown as they are. */
  readonly nameOf?: (personId: string) => string | undefined;
}

/** A table of a rendered report: its title, column titles and rows (the totals row last, if any). */
export interface ReportTable<N extends string = string> {
  readonly name: N;
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}

/** What rendering a table needs: the language, the zone, and how to show a person. */
export type RenderContext = {
  lang: Language;
  zone: TimeZone;
  who: (id: string | undefined) => string;
};

/**
 * The context of a rendering.
 *
 * @param zone - the site's zone
 * @param o - the options
 * @returns the language (default `zh-CN`), the zone, and a person's name or id
 * @example
 * renderContext('Asia/Shanghai', {}).who('li') // => 'li'
 */
export const renderContext = (zone: TimeZone, o: RenderOptions): RenderContext => {
  const lang = o.lang ?? 'zh-CN';
  return { lang, zone, who: (id) => (id === undefined ? '' : (o.nameOf?.(id) ?? id)) };
};

/**
 * Column titles in the context's language.
 *
 * @param c - the context
 * @param keys - the words
 * @returns the titles
 * @example
 * titles(renderContext('UTC', { lang: 'en' }), ['late']) // => ['Late']
 */
export const titles = (c: RenderContext, keys: readonly ReportLabel[]): string[] =>
  keys.map((k) => label(k, c.lang));
