// The command reference pages are the command shapes, written out: every field of every command
// with its limits, in English (guide/commands.md) and in Chinese (zh/guide/commands.md). Regenerate
// both with UPDATE_COMMAND_REFERENCE=1 after a shape changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandReference, CONTEXTS, type Language } from './command-reference.js';
import { DOCS } from './pages.js';

const START = '<!-- generated from the command shapes: start -->';
const END = '<!-- generated from the command shapes: end -->';

const PAGES: readonly { readonly page: string; readonly lang: Language }[] = [
  { page: 'guide/commands.md', lang: 'en' },
  { page: 'zh/guide/commands.md', lang: 'zh-CN' },
];

describe.each(PAGES)('the command reference ($page)', ({ page, lang }) => {
  it('T-4: lists every field of every command with its limits, as the shapes check them', () => {
    const file = join(DOCS, page);
    const text = readFileSync(file, 'utf8');
    const [head, rest] = text.split(START);
    const tail = rest?.split(END)[1];
    expect(head, 'the page has its generated part').toBeDefined();
    expect(tail, 'the generated part is closed').toBeDefined();
    const generated = `${START}\n\n${commandReference(lang)}\n${END}`;
    const now = `${head}${generated}${tail}`;
    if (process.env['UPDATE_COMMAND_REFERENCE'] === '1') writeFileSync(file, now);
    expect(text).toBe(now);
  });

  it('T-4: every command of every context has its section, with its now and its actor', () => {
    const reference = commandReference(lang);
    for (const { title, parse, shapes } of CONTEXTS) {
      expect(reference).toContain(`## ${title[lang]}\n`);
      expect(reference).toContain(`\`${parse}\``);
      for (const type of Object.keys(shapes)) {
        const section = reference.split(`### ${type}\n`)[1]?.split('\n### ')[0];
        expect(section, type).toBeDefined();
        expect(section).toMatch(/^\| `now` \| \S+ \| .+ \|$/m);
        expect(section).toMatch(/^\| `actor` \| \S+ \| .+ \|$/m);
      }
    }
  });
});

it('T-4: each page says what a field must be in its own language, from the shapes’ messages', () => {
  const en = commandReference('en');
  const zh = commandReference('zh-CN');
  expect(en).toContain('| `headcount` | yes | a whole number from 1 to 10000 |');
  expect(en).toContain('| `topic` | yes | text of 1 to 200 characters |');
  expect(zh).toContain('| `headcount` | 是 | 1 到 10000 之间的整数 |');
  expect(zh).toContain('| `topic` | 是 | 1 到 200 个字符的文字 |');
  expect(zh).toContain(
    '| `participants` | 否 | 含 0 到 500 项的列表，每项为有效的编号（1 到 100 个字符，不含空格） |',
  );
  // The same commands and fields, in the same order, in both.
  const skeleton = (md: string) => md.split('\n').map((l) => /^(###? |\| `)[^|]*/.exec(l)?.[0]);
  expect(skeleton(zh).filter((l) => l?.startsWith('### ') || l?.startsWith('| `'))).toEqual(
    skeleton(en).filter((l) => l?.startsWith('### ') || l?.startsWith('| `')),
  );
  // No English left in the Chinese reference but code, the shapes' own values (`以下之一：…`) and
  // the notations a value is written in (a date as YYYY-MM-DD, true/false, a path's dx dy).
  const NOTATION = new Set(['YYYY', 'MM', 'DD', 'true', 'false', 'dx', 'dy']);
  const english = zh
    .split('\n')
    .filter((l) => !l.startsWith('### '))
    .map((l) => l.replace(/`[^`]*`/g, '').replace(/以下之一[:：][^|]*/g, ''))
    .flatMap((l) => l.match(/[A-Za-z]{2,}/g) ?? [])
    .filter((w) => !NOTATION.has(w));
  expect(english).toEqual([]);
});
