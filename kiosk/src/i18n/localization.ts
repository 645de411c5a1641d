import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import type { Language } from '../services/settings.js';

// The runtime switch, for `vite dev` and the component tests: English is loaded when it is asked
// for. The build replaces this module: the door is built once per language with its messages
// compiled in, and a change of language reloads the page (kiosk/build/language-builds.ts,
// docs/decisions/kiosk-bundle.md). A template-literal import() breaks the build (toolchain
// notes): each locale is its own import().
const locales = new Map([['en', () => import('../generated/locales/en.js')]]);

/** Switch and read the kiosk's language (K-5): Simplified Chinese is the source, English the target. */
export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: async (locale) => {
    const templates = locales.get(locale);
    if (!templates) throw new Error(`no locale ${locale}`);
    return templates();
  },
});

/**
 * Switches the kiosk's language and says so to the page (`<html lang>`), so screen readers and
 * fonts follow (K-5).
 *
 * @param lang - the language
 */
export async function switchLanguage(lang: Language): Promise<void> {
  await setLocale(lang);
  document.documentElement.lang = lang;
}

/**
 * The current language as the core's messages name it. In a build, each call of it is the
 * build's language, written in (kiosk/build/language-builds.ts).
 */
export const language = (): Language => (getLocale() === 'en' ? 'en' : 'zh-CN');
