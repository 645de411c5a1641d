import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * Shortens the ids of the kiosk's translated messages at build time (docs/decisions/kiosk-bundle.md):
 * each `msg(…, { id: 'settings.title' })` in the source and its key in the English table become the
 * same short name (`0`, `1`, … `a`, … `10`, …), numbered in base 36 in the table's order. The runtime only looks an id up
 * in the table, so nothing else changes; the ids stay readable in the source and in the XLIFF.
 *
 * @param table - the generated English table (src/generated/locales/en.ts)
 * @returns the plugin
 */
export function shortMessageIds(table: string): Plugin {
  const keys = [...readFileSync(table, 'utf8').matchAll(/^\s*'([^']+)':/gm)].map((m) => m[1]!);
  const short = new Map(keys.map((k, i) => [k, i.toString(36)]));
  if (short.size === 0) throw new Error(`huiyi:short-ids: no message ids in ${table}`);
  return {
    name: 'huiyi:short-ids',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/kiosk\/src\/.*\.ts$/.test(id)) return null;
      if (id === table) {
        return {
          code: code.replace(/^(\s*)'([^']+)':/gm, (all, space: string, k: string) =>
            short.has(k) ? `${space}'${short.get(k)}':` : all,
          ),
          map: null,
        };
      }
      if (!code.includes('id:')) return null;
      return {
        code: code.replace(
          /\bid:(\s*)(['"`])([a-z0-9.-]+)\2/g,
          (all, space: string, q, k: string) =>
            short.has(k) ? `id:${space}${q}${short.get(k)}${q}` : all,
        ),
        map: null,
      };
    },
  };
}
