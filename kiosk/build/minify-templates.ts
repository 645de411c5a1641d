import { transform as cssTransform } from 'lightningcss';
import type { Plugin } from 'vite';

/**
 * Squeezes the white space out of the kiosk's `css` and `html` templates at build time: the
 * minifier keeps template literals as written, and their indentation is bytes the budget pays for
 * (docs/decisions/kiosk-door-sign.md). In `css`, runs of white space become one space and the
 * spaces beside `{ } ; ,` and after `:` go; in `html` and `svg`, a run of white space holding a
 * line break becomes one space (as the browser renders it), and the white space before a tag's `>`
 * goes. In `css` too, a rule's last `;` goes, `0.5` becomes `.5` and `#ffffff` `#fff`; a `css`
 * template without expressions or escapes (all of the kiosk's today) is then minified whole by
 * lightningcss (no targets: nothing is lowered or dropped), which merges longhands into
 * shorthands and drops what repeats: 0.58 KB gzip less on the door
 * (docs/decisions/kiosk-bundle.md). Expressions are kept as written, and templates inside them
 * are squeezed the same way, but for a string an `html` template shows between tags (a compiled
 * message), which is written into the template's text.
 *
 * @returns the plugin
 */
export function minifyTemplates(): Plugin {
  return {
    name: 'huiyi:minify-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/kiosk\/src\/.*\.ts$/.test(id) || !/(css|html|svg)`/.test(code)) return null;
      return { code: squeeze(code), map: null };
    },
  };
}

const squeezeCss = (s: string): string =>
  s
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    // The last declaration of a rule needs no `;`, a number below 1 no leading 0, and a colour of
    // three doubled hex digits its short form.
    .replace(/;}/g, '}')
    .replace(/(^|[^\w.#-])0\.(\d)/g, '$1.$2')
    .replace(/#([\da-f])\1([\da-f])\2([\da-f])\3\b/gi, '#$1$2$3');
// The white space before a tag's `>` (a tag written over several lines) is never shown (a `>` in a
// template's text is written `&gt;`).
const squeezeHtml = (s: string): string => s.replace(/\s*\n\s*/g, ' ').replace(/\s+(\/?>)/g, '$1');

/**
 * The source with every tagged `css`, `html` and `svg` template squeezed.
 *
 * @param src - TypeScript source
 * @returns the same source, its templates squeezed
 */
export function squeeze(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const m = /\b(css|html|svg)`/g;
    m.lastIndex = i;
    const found = m.exec(src);
    if (!found) break;
    const start = found.index + found[0].length;
    out += src.slice(i, start);
    const { text, end } = template(src, start, found[1] === 'css' ? squeezeCss : squeezeHtml);
    // Only a template whose text is its value: no expressions, no escapes.
    const whole = found[1] === 'css' && !text.includes('${') && !text.includes('\\');
    out += whole ? minifyCss(text) : text;
    i = end;
  }
  return out + src.slice(i);
}

/** Reads a template from just after its backtick to just after its closing one. */
function template(
  src: string,
  from: number,
  fix: (s: string) => string,
): { text: string; end: number } {
  let text = '';
  let part = '';
  let i = from;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      part += src.slice(i, i + 2);
      i += 2;
    } else if (c === '`') {
      return { text: text + fix(part) + '`', end: i + 1 };
    } else if (c === '$' && src[i + 1] === '{') {
      const expr = expression(src, i + 2);
      const inline = fix === squeezeHtml ? inlineText(text + part, expr.text) : undefined;
      if (inline !== undefined) {
        part += inline;
      } else {
        text += fix(part) + '${';
        part = '';
        text += squeeze(expr.text);
      }
      i = expr.end;
    } else {
      part += c;
      i += 1;
    }
  }
  return { text: text + part, end: i };
}

/**
 * A text an `html` template shows as its expression, written into the template instead: a string
 * (a compiled message, `${'会议室状态'}`) between tags, with nothing that reads as markup or as
 * the template's own (as lit-localize's own transform writes its messages into templates).
 *
 * @param before - the template's text before the expression
 * @param expr - the expression, with its closing `}`
 * @returns the text, or `undefined` when the expression stays one
 */
function inlineText(before: string, expr: string): string | undefined {
  const literal = /^\s*(['"`])([^'"\\`$<>&{}]*)\1\s*}$/.exec(expr);
  if (!literal) return undefined;
  // Between tags: the last `>` after the last `<` (a `>` in a template's text is written `&gt;`).
  return before.lastIndexOf('>') > before.lastIndexOf('<') ? literal[2] : undefined;
}

/** Reads an expression from just after `${` to just after its `}` (nested braces, strings, templates). */
export function expression(src: string, from: number): { text: string; end: number } {
  let depth = 1;
  let i = from;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "'" || c === '"') {
      i = src.indexOf(c, i + 1) + 1;
      continue;
    }
    if (c === '`') {
      i = template(src, i + 1, (s) => s).end;
      continue;
    }
    if (c === '{') depth += 1;
    if (c === '}') {
      depth -= 1;
      if (depth === 0) return { text: src.slice(from, i) + '}', end: i + 1 };
    }
    i += 1;
  }
  return { text: src.slice(from), end: i };
}

/** A whole `css` template without expressions (its text and closing backtick), minified. */
function minifyCss(text: string): string {
  const css = text.slice(0, -1);
  const code = cssTransform({
    filename: 'template.css',
    code: Buffer.from(css),
    minify: true,
  }).code;
  return `${code.toString().replace(/[`\\$]/g, '\\$&')}\``;
}
