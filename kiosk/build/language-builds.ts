import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { Plugin } from 'vite';
import { MIRROR_KEY } from '../src/services/settings.js';
import { expression } from './minify-templates.js';

/** The kiosk's languages (K-5): Simplified Chinese is the source, English the one target. */
export type BuildLanguage = 'zh-CN' | 'en';

/** The page's global the language picker in index.html sets (see {@link languagePicker}). */
const PICKER = '__huiyiLanguage';

/**
 * One build of the door per language, its messages compiled in (docs/decisions/kiosk-bundle.md):
 * each `msg(…, { id })` in the app's source becomes its text in `language` (the source's own for
 * Chinese, the generated English table's for English), with no table, no ids and no localize
 * runtime in the script. `@localized()` goes, `@lit/localize` is a shim of what is left
 * (`msg`, `str`, `localized`, all idle), and `src/i18n/localization.ts` becomes the build's fixed
 * language, whose `switchLanguage` reloads the page into the other build when the page's picker
 * (index.html) now picks it. In `vite dev` and in the component tests nothing changes: the runtime
 * switches as before.
 *
 * @param root - the kiosk's folder
 * @param language - this build's language
 * @returns the plugin
 */
export function compiledMessages(root: string, language: BuildLanguage): Plugin {
  const table = resolvePath(root, 'src/generated/locales/en.ts');
  const localization = resolvePath(root, 'src/i18n/localization.ts');
  const english = new Map(
    [...readFileSync(table, 'utf8').matchAll(/^\s*'([^']+)': (str)?`((?:[^`\\]|\\.)*)`,$/gm)].map(
      (m) => [m[1]!, m[3]!],
    ),
  );
  if (english.size === 0) throw new Error(`huiyi:messages: no messages in ${table}`);
  const SHIM = '\0huiyi:localize-shim';
  return {
    name: 'huiyi:compiled-messages',
    apply: 'build',
    enforce: 'pre',
    resolveId(id) {
      return id === '@lit/localize' ? SHIM : null;
    },
    load(id) {
      if (id === SHIM)
        return `export const msg = (s) => s;
export const str = (strings, ...values) => String.raw({ raw: strings }, ...values);
export const localized = () => () => undefined;`;
      if (id.replace(/\?.*$/, '') === localization)
        return `const LANGUAGE = ${JSON.stringify(language)};
export const language = () => LANGUAGE;
export async function switchLanguage(lang) {
  document.documentElement.lang = LANGUAGE;
  if (lang !== LANGUAGE && globalThis.${PICKER}?.() === lang) {
    location.reload();
    await new Promise(() => undefined);
  }
}`;
      return null;
    },
    transform(code, id) {
      if (id === table) return null;
      const own = /\/kiosk\/src\/.*\.ts$/.test(id);
      if (!own && !/\/packages\/(core|store-idb)\/dist\/.*\.js$/.test(id)) return null;
      let out = oneLanguage(code, language);
      if (own && (out.includes('msg(') || out.includes('@localized()')))
        out = compile(out, id, language, english);
      if (own) out = fixedLanguage(out, language);
      return out === code ? null : { code: out, map: null };
    },
  };
}

/** A string or template literal (a template's expressions hold no braces and no templates). */
const LITERAL =
  String.raw`(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|` +
  '`' +
  String.raw`(?:[^\\$` +
  '`' +
  String.raw`]|\\.|\$(?!\{)|\$\{[^{}` +
  '`' +
  String.raw`]*\})*` +
  '`)';
/**
 * A Chinese text and its English, side by side: two arguments, or `'zh-CN': …, en: …`. The
 * second is not a key (`'checked-in': …` after a Chinese value is the next entry of a table).
 */
const PAIR = new RegExp(`(${LITERAL})(\\s*,\\s*(?:en\\s*:\\s*)?)(${LITERAL})(?!\\s*:)`, 'g');
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/**
 * The source with each message written in both languages (a rejection's, a field's, a label's,
 * in the door's source and in the core's and the store's) left in `language` only: the other
 * text becomes `''`. A pair is a literal holding Chinese, then a literal holding English and no
 * Chinese: after `en:` (`{ 'zh-CN': zh, en }`), or as the next argument when it reads as words
 * (`bilingual(rule, code, zh, en)`: a space between two words, so an id such as `'inProgress'`
 * is never taken). Each literal is tried as the first of a pair, so a code before the Chinese
 * does not hide it. The door shows one language, and the hub's refusals reach it in both over the
 * wire.
 */
function oneLanguage(src: string, language: BuildLanguage): string {
  let out = '';
  let last = 0;
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(src); m; m = PAIR.exec(src)) {
    const [all, zh = '', between = '', en = ''] = m;
    const english = between.includes('en') || /[a-z]{2,} [a-z]/i.test(en);
    if (CJK.test(zh) && !CJK.test(en) && /[a-z]{2}/i.test(en) && english) {
      out +=
        src.slice(last, m.index) +
        (language === 'zh-CN' ? `${zh}${between}''` : `''${between}${en}`);
      last = m.index + all.length;
    } else {
      // The second literal may begin a pair of its own.
      PAIR.lastIndex = m.index + zh.length + between.length;
    }
  }
  return out + src.slice(last);
}

/** How a source imports the door's language from `src/i18n/localization.ts`. */
const IMPORTS_LANGUAGE =
  /\bimport\s*\{[^}]*\blanguage\b[^}]*\}\s*from\s*'[./]*\/?i18n\/localization\.js'/;

/**
 * The source with each call of `language()` (imported from `src/i18n/localization.ts`) replaced by
 * the build's language, so the minifier drops what the other language would show (the door's
 * English line under the state, the other language's list punctuation): the function is one
 * constant in a build of its own, but the minifier does not inline a function called from many
 * places.
 */
function fixedLanguage(src: string, language: BuildLanguage): string {
  return IMPORTS_LANGUAGE.test(src)
    ? src.replace(/(?<![\w$.])language\(\)/g, JSON.stringify(language))
    : src;
}

/** The source with each `msg(…, { id })` call replaced by its text in `language`. */
function compile(
  src: string,
  file: string,
  language: BuildLanguage,
  english: ReadonlyMap<string, string>,
): string {
  let out = '';
  let i = 0;
  const call = /\bmsg\(\s*(str`|`|'|")/g;
  for (let m = call.exec(src); m; m = call.exec(src)) {
    const open = m[1]!;
    const from = m.index + m[0].length;
    // The message as written: a string, or a template and its expressions.
    const parts: string[] = [];
    const values: string[] = [];
    let end: number;
    if (open === "'" || open === '"') {
      end = src.indexOf(open, from);
      parts.push(src.slice(from, end));
      end += 1;
    } else {
      let part = '';
      let j = from;
      for (;;) {
        const c = src[j];
        if (c === undefined) throw new Error(`huiyi:messages: ${file}: an unclosed message`);
        if (c === '\\') {
          part += src.slice(j, j + 2);
          j += 2;
        } else if (c === '`') {
          parts.push(part);
          end = j + 1;
          break;
        } else if (c === '$' && src[j + 1] === '{') {
          parts.push(part);
          part = '';
          const e = expression(src, j + 2);
          values.push(e.text.slice(0, -1));
          j = e.end;
        } else {
          part += c;
          j += 1;
        }
      }
    }
    const options = /^\s*,\s*\{\s*id:\s*'([a-z0-9.-]+)',?\s*\}\s*,?\s*\)/.exec(src.slice(end));
    if (!options) throw new Error(`huiyi:messages: ${file}: a message without its id`);
    const id = options[1]!;
    let text: string;
    if (language === 'zh-CN') {
      text = parts.map((p, k) => (k === 0 ? p : `\${${values[k - 1]}}${p}`)).join('');
    } else {
      const en = english.get(id);
      if (en === undefined) throw new Error(`huiyi:messages: ${file}: ${id} is not in English`);
      text = en.replace(/\$\{(\d+)\}/g, (_, n: string) => {
        const v = values[Number(n)];
        if (v === undefined) throw new Error(`huiyi:messages: ${id}: no value ${n}`);
        return `\${${v}}`;
      });
    }
    const quote = open === "'" || open === '"' ? open : '`';
    out +=
      src.slice(i, m.index) +
      `(${language === 'zh-CN' ? quote : '`'}${text}${language === 'zh-CN' ? quote : '`'})`;
    i = end + options[0].length;
    call.lastIndex = i;
  }
  return (out + src.slice(i)).replace(/^\s*@localized\(\)\s*$/gm, '');
}

/**
 * The page's language picker, for the built index.html: which build a start loads, by the rule the
 * app reads its settings with (`src/services/settings.ts`): `?lang=` in the address, else the copy
 * of the settings this door keeps in localStorage for its first frame, else Chinese. It sets a
 * global the app asks again before it reloads into the other language. The door's address and the
 * key it keeps the copy under are `doorAddress` (`src/sync/door-address.ts`) and `MIRROR_KEY`,
 * restated in the page's own script because it runs before any of the app's code.
 *
 * @param scripts - each language's script
 * @returns the script element's HTML, for the end of the body
 */
export function languagePicker(scripts: Readonly<Record<BuildLanguage, string>>): string {
  return `<script>
globalThis.${PICKER} = function () {
  var l = new URLSearchParams(location.search).get('lang');
  if (l === 'en' || l === 'zh-CN') return l;
  var m = /^\\/door\\/([^/]{1,100})\\/?$/u.exec(location.pathname);
  try {
    l = JSON.parse(localStorage.getItem((m ? 'door:' + decodeURIComponent(m[1]) + ':' : '') + ${JSON.stringify(MIRROR_KEY)})).language;
  } catch (e) {}
  return l === 'en' ? 'en' : 'zh-CN';
};
(function () {
  var s = document.createElement('script');
  s.src = ${PICKER}() === 'en' ? ${JSON.stringify(scripts.en)} : ${JSON.stringify(scripts['zh-CN'])};
  document.body.append(s);
})();
</script>`;
}
