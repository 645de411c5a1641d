// K-5: what the door, the hub and the core say to people in Chinese is punctuated the Chinese way,
// as the Chinese pages are (zh-pages.test.ts): full-width ，：；！？（） beside Chinese text. The
// texts are read from the sources with the TypeScript compiler: every string and template literal
// of the non-test sources of the core, the store, the hub and the kiosk that holds Chinese, and
// every value of a `zh-CN` key. Times, ranges, addresses, code and the English stay ASCII: a mark
// between Latin letters or digits is not beside Chinese.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './pages.js';
import { ASCII_PUNCTUATION, IDEOGRAPH, asciiBesideChinese } from './zh-punctuation.js';

/** The packages whose sources hold words for people, each by its source folder. */
const PACKAGES = {
  core: 'packages/core/src',
  'store-idb': 'packages/store-idb/src',
  hub: 'packages/hub/src',
  kiosk: 'kiosk/src',
} as const;

/** Where a value goes into a template, while its text is read. */
const HOLE = '\u0001';
/** Tags whose templates are markup or styles, not words: only the values put into them are read. */
const MARKUP = new Set(['html', 'css', 'svg']);
/** Keys whose value is Chinese text even when it is all values (`${field}：${why}`). */
const CHINESE_KEYS = new Set(['zh-CN', 'zh']);

/** The non-test TypeScript sources under a folder, relative to the repository's root. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(path);
    return path.endsWith('.ts') && !/\.(test|test-helpers|d)\.ts$/.test(path) ? [path] : [];
  });
}

/**
 * The pieces of a text one reads as one sentence or line: its lines, and each side of a
 * bilingual ` · `. An object's shape written out (`{ from: 原日期, to: 新日期时间 }`) is code.
 */
function pieces(text: string): { text: string; from: number }[] {
  const out: { text: string; from: number }[] = [];
  let from = 0;
  for (const part of text.split(/(\n| · )/)) {
    if (part !== '\n' && part !== ' · ')
      out.push({ text: part.replace(/\{[^{}]*\}/g, (m) => ' '.repeat(m.length)), from });
    from += part.length;
  }
  return out;
}

/** What a template's values call `.join` with, when it is ASCII punctuation (`xs.join(',')`). */
function asciiJoins(expression: ts.Node): string[] {
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === 'join' &&
      n.arguments[0] !== undefined &&
      ts.isStringLiteralLike(n.arguments[0]) &&
      ASCII_PUNCTUATION.test(n.arguments[0].text)
    )
      found.push(`.join(${n.arguments[0].getText()})`);
    ts.forEachChild(n, visit);
  };
  visit(expression);
  return found;
}

/**
 * Each Chinese text of a source with ASCII punctuation beside Chinese, or a list joined with it,
 * as `file:line: marks in «text»`.
 *
 * @param file - the file's name, for the findings
 * @param source - its text
 * @returns the findings, and how many Chinese texts were read
 */
function findings(file: string, source: string): { found: string[]; read: string[] } {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const read: string[] = [];
  const check = (node: ts.Node, parts: readonly string[], values: readonly ts.Node[]): void => {
    const text = parts.join(HOLE);
    const parent = node.parent;
    const keyed =
      parent !== undefined &&
      ts.isPropertyAssignment(parent) &&
      parent.initializer === node &&
      (ts.isStringLiteral(parent.name) || ts.isIdentifier(parent.name)) &&
      CHINESE_KEYS.has(parent.name.text);
    const holes = [...text].flatMap((c, i) => (c === HOLE ? [i] : []));
    const chinese = pieces(text).filter((p) => keyed || IDEOGRAPH.test(p.text));
    if (chinese.length === 0) return;
    const shown = text.replaceAll(HOLE, '${…}');
    read.push(shown);
    const line = `${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    for (const p of chinese) {
      const marks = asciiBesideChinese(p.text, HOLE).map((m) => m.replaceAll(HOLE, '${…}'));
      const joins = values.flatMap((v, i) => {
        const at = holes[i] ?? -1;
        return at >= p.from && at <= p.from + p.text.length ? asciiJoins(v) : [];
      });
      if (marks.length + joins.length > 0)
        found.push(`${line}: ${[...marks, ...joins].join('  ')}  in «${shown}»`);
    }
  };
  const visit = (n: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(n) && MARKUP.has(n.tag.getText(sf))) {
      if (ts.isTemplateExpression(n.template))
        for (const span of n.template.templateSpans) visit(span.expression);
      return;
    }
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) check(n, [n.text], []);
    else if (ts.isTemplateExpression(n))
      check(
        n,
        [n.head.text, ...n.templateSpans.map((s) => s.literal.text)],
        n.templateSpans.map((s) => s.expression),
      );
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { found, read };
}

describe('K-5: the door’s, the hub’s and the core’s words for people punctuate Chinese the Chinese way (full-width ，：；！？（）)', () => {
  const scanned = Object.fromEntries(
    Object.entries(PACKAGES).map(([name, dir]) => {
      const files = sources(dir);
      const results = files.map((f) => findings(f, readFileSync(join(ROOT, f), 'utf8')));
      return [
        name,
        { files, found: results.flatMap((r) => r.found), read: results.flatMap((r) => r.read) },
      ];
    }),
  );

  it.each(Object.keys(PACKAGES))('%s: no ASCII ,:;!?() beside Chinese in its texts', (name) => {
    expect(scanned[name]?.found).toEqual([]);
  });

  it('reads the texts it holds to the rule (the scan is not empty)', () => {
    const read = (name: string) => scanned[name]?.read ?? [];
    expect(read('core')).toContain(
      '周末必须是 1（周一）到 7（周日）之间的星期几，且一周至少有一个工作日',
    );
    expect(read('core')).toContain('收费（元）');
    expect(read('hub')).toContain('${…}的全部预订（慧议）');
    expect(read('kiosk')).toContain('未连接中心：单机模式，只服务一个会议室，日程靠导入文件');
    expect(read('kiosk')).toContain('预订冲突：${…} 与 ${…} 重叠，请会议室管理员处理');
    expect(read('core').length).toBeGreaterThan(150);
    expect(read('hub').length).toBeGreaterThan(50);
    expect(read('kiosk').length).toBeGreaterThan(150);
    expect(scanned['store-idb']?.files.length).toBeGreaterThan(0);
    expect(read('hub')).toContain('登记码已被使用（每个登记码只能使用一次）');
  });

  it('tells ASCII punctuation beside Chinese from times, addresses, code and English', () => {
    const source = [
      `const a = '未连接中心:单机模式,只服务一个会议室';`,
      `const b = msg(str\`一次性连接码(\${who})\`);`,
      `const c = { 'zh-CN': \`\${field}:\${why}\`, en: \`\${field}: \${why}\` };`,
      `const d = \`中心已接受：\${xs.join(',')}\`;`,
      `const e = '真的吗?';`,
      `const f = \`进程（\${pid}）\\nthe hub is running (process \${pid}): \${xs.join(', ')}\`;`,
      `const g = '请输入如 192.168.1.20:4173 的地址，14:12 至 15:00，BYDAY=MO,WE';`,
      `const h = '调整的场次必须是 { from: 原日期, to: 新日期时间 } 的列表';`,
      `const i = html\`<p class="a:b">会议</p>\${x}\`;`,
      `const j = \`用法 · usage: npm run hub (a, b)\`;`,
    ].join('\n');
    const { found } = findings('x.ts', source);
    expect(found.map((f) => f.split(':')[1])).toEqual(['1', '2', '3', '4', '5']);
    expect(found[0]).toContain('心:单机');
    expect(found[2]).toContain('${…}:${…}');
    expect(found[3]).toContain(".join(',')");
  });
});
