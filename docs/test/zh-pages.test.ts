// The Chinese pages read as Chinese: punctuation full-width beside Chinese text (，：；（）, as the
// kiosk sets the core's messages), and no paragraph broken across lines between Chinese
// characters, which a browser shows as a stray space. Code, link targets and HTML are left alone.
import { describe, expect, it } from 'vitest';
import { page, pages } from './pages.js';
import { HAN, asciiPunctuation } from './zh-punctuation.js';

const ZH = pages().filter((p) => p.startsWith('zh/'));
/** What is not prose: code spans, link targets, HTML tags, addresses. */
const NOT_PROSE = /`[^`]*`|\]\([^)]*\)|<[^>]+>|(?:https?|webcal):\/\/\S+/g;
/** YAML keys whose values are shown (the home page's hero and features). */
const SHOWN_KEYS = /^(\s*(?:- )?(?:name|text|tagline|title|details): )(.*)$/;

/** Each prose line of a page with its number: no fences, includes, tables' rules or front matter keys. */
function prose(text: string): { line: number; text: string; yaml?: boolean }[] {
  const out: { line: number; text: string; yaml?: boolean }[] = [];
  let fenced = false;
  let front = false;
  text.split('\n').forEach((l, i) => {
    if (i === 0 && l === '---') return void (front = true);
    if (front) {
      if (l === '---') front = false;
      const shown = SHOWN_KEYS.exec(l);
      if (shown) out.push({ line: i + 1, text: shown[2] as string, yaml: true });
      return;
    }
    if (/^\s*(```|~~~)/.test(l)) return void (fenced = !fenced);
    if (fenced || l.startsWith('<<<') || l.startsWith('<!--') || /^\|[\s|-]+\|$/.test(l)) return;
    out.push({ line: i + 1, text: l });
  });
  return out;
}

/** ASCII punctuation a Chinese line should not carry, outside its code, links and HTML. */
const marks = (line: string): string[] => asciiPunctuation(line.replace(NOT_PROSE, ' '));

describe.each(ZH)('%s', (name) => {
  const lines = prose(page(name));

  it('punctuates Chinese the Chinese way (full-width ，：；（）)', () => {
    const found = lines
      .filter((l) => HAN.test(l.text) && marks(l.text).length > 0)
      .map((l) => `${name}:${l.line}: ${marks(l.text).join(' ')}`);
    expect(found).toEqual([]);
  });

  it('keeps each paragraph of Chinese on one line (a break between characters shows as a space)', () => {
    const found: string[] = [];
    lines.forEach((l, i) => {
      const next = lines[i + 1];
      if (next === undefined || next.line !== l.line + 1 || l.yaml) return;
      const continues = next.text.trim() !== '' && !/^\s*([-*+] |\d+\. |#|\||>)/.test(next.text);
      if (continues && l.text.trim() !== '' && !l.text.startsWith('|') && !l.text.startsWith('#'))
        if (HAN.test(l.text.trimEnd().slice(-1)) || HAN.test(next.text.trim().slice(0, 1)))
          found.push(`${name}:${l.line}`);
    });
    expect(found).toEqual([]);
  });
});

it('the Chinese pages are checked at all (the scan works)', () => {
  expect(ZH).toContain('zh/guide/commands.md');
  expect(ZH).toContain('zh/guide/changelog.md');
  expect(marks('规则(R-2),见 `a(b, c)` 与 [链接](./x:y) 09:00')).toEqual(['(', ')', ',']);
});
