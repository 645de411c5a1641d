// Docs code is tested code: every snippet on the site is included from a file the tests
// run, by a region that exists. VitePress includes the whole file when a region's name is misspelt,
// silently; this test is what makes that fail.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS, page, pages } from './pages.js';

/** VitePress's own reading of `<<< path#region{lang}` (vitepress/dist/node, rawPathRegexp). */
const RAW_PATH =
  /^(.+?(?:(?:\.([a-z0-9]+))?))(?:(#[\w-]+))?(?: ?(?:{(\d+(?:[,-]\d+)*)? ?(\S+)? ?(\S+)?}))? ?(?:\[(.+)\])?$/;
/** The region markers VitePress recognises in TypeScript and JavaScript. */
const REGION = /^\/\/ ?#?((?:end)?region) ([\w*-]+)$/;

interface Include {
  readonly page: string;
  readonly line: number;
  readonly file: string;
  readonly region: string | undefined;
  readonly lang: string;
}

function includesOf(name: string): Include[] {
  const out: Include[] = [];
  let fenced = false;
  page(name)
    .split('\n')
    .forEach((text, i) => {
      if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
      if (fenced || !text.startsWith('<<<')) return;
      const raw = text.slice(3).trim();
      const m = RAW_PATH.exec(raw.replace(/^@/, DOCS));
      const path = m?.[1] ?? raw;
      out.push({
        page: name,
        line: i + 1,
        file: raw.startsWith('@') ? path : join(DOCS, dirname(name), path),
        region: m?.[3]?.slice(1),
        lang: m?.[5] ?? m?.[2] ?? '',
      });
    });
  return out;
}

/** The regions of a file: name → [first line, end line), as VitePress finds them. */
function regionsOf(file: string): Map<string, { start: number; end: number; count: number }> {
  const lines = readFileSync(file, 'utf8').split('\n');
  const regions = new Map<string, { start: number; end: number; count: number }>();
  lines.forEach((line, i) => {
    const [, tag, name] = REGION.exec(line.trim()) ?? [];
    if (!tag || !name) return;
    const r = regions.get(name) ?? { start: -1, end: -1, count: 0 };
    if (tag === 'region') regions.set(name, { ...r, start: i + 1, count: r.count + 1 });
    else if (r.end === -1) regions.set(name, { ...r, end: i });
  });
  return regions;
}

const all = pages().flatMap(includesOf);
const where = (i: Include) => `${i.page}:${i.line}`;

describe('code on the site', () => {
  it('the pages include snippets at all (the scan works)', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it.each(all.map((i) => [where(i), i] as const))('%s: points at a file that exists', (_, i) => {
    expect(existsSync(i.file), relative(DOCS, i.file)).toBe(true);
  });

  const code = all.filter((i) => /\.(ts|js|mjs)$/.test(i.file));

  it.each(code.map((i) => [where(i), i] as const))(
    '%s: a region of a test the docs run, that exists once and is not empty',
    (_, i) => {
      expect(relative(DOCS, i.file)).toMatch(/^examples\/[\w-]+\.test\.ts$/);
      expect(i.region, 'a TypeScript include names its region').toBeDefined();
      expect(i.lang).toBe('ts');
      const region = regionsOf(i.file).get(i.region as string);
      expect(region, `#region ${i.region} in ${relative(DOCS, i.file)}`).toBeDefined();
      expect(region?.count).toBe(1);
      expect(region?.end).toBeGreaterThan(region?.start ?? Infinity);
    },
  );

  it('every region of the examples is shown somewhere', () => {
    const shown = new Set(code.map((i) => `${relative(DOCS, i.file)}#${i.region}`));
    const examples = readdirSync(join(DOCS, 'examples')).filter((f) => f.endsWith('.test.ts'));
    const regions = examples.flatMap((f) =>
      [...regionsOf(join(DOCS, 'examples', f)).keys()].map((r) => `examples/${f}#${r}`),
    );
    expect(regions.filter((r) => !shown.has(r))).toEqual([]);
  });

  it('other includes are example data (JSON, a report or a calendar the examples render) or schemas', () => {
    for (const i of all.filter((x) => !code.includes(x)))
      expect(relative(DOCS, i.file)).toMatch(
        /^(examples\/data\/[\w.-]+\.(json|md|ics)|public\/schemas\/[\w.-]+\.json)$/,
      );
  });

  it.each(pages())('%s: pastes no code: every ts/js/json block is an include', (name) => {
    const fences = [...page(name).matchAll(/^\s*(?:```|~~~)\s*([\w-]+)/gm)].map((m) => m[1]);
    const pasted = fences.filter((lang) =>
      /^(ts|typescript|tsx|js|javascript|jsx|mjs|cjs|json|jsonc|json5|vue)$/i.test(lang ?? ''),
    );
    expect(pasted).toEqual([]);
  });
});
