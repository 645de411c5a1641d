import { localDateOf, toWall, weekdayOf, type Person } from '@huiyi/core';

/**
 * An instant as the site's wall clock, `HH:MM`.
 *
 * @param t - the instant
 * @param zone - the site's zone
 * @returns the time of day
 */
export function hhmm(t: number, zone: string): string {
  const w = toWall(t, zone);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

/**
 * A span of time as the site's wall clock, `HH:MM–HH:MM`.
 *
 * @param span - its start and end
 * @param zone - the site's zone
 * @returns the times of day
 * @example
 * hhmmSpan({ start: Date.parse('2026-03-10T09:00:00+08:00'), end: Date.parse('2026-03-10T10:30:00+08:00') }, 'Asia/Shanghai') // => '09:00–10:30'
 */
export const hhmmSpan = (span: { start: number; end: number }, zone: string): string =>
  `${hhmm(span.start, zone)}–${hhmm(span.end, zone)}`;

/**
 * A person's name as written, or their id when the directory does not know them.
 *
 * @param people - the directory
 * @param id - the person's id
 * @returns what to show
 */
export function nameOf(people: ReadonlyMap<string, Person>, id: string): string {
  return people.get(id)?.name ?? id;
}

/**
 * What separates the items of a list the door shows inside a message: the enumeration comma
 * `、` in Chinese, a comma in English.
 *
 * @param lang - the language
 * @returns the separator
 * @example
 * ['09:00–10:00', '14:00–15:00'].join(listComma('zh-CN')) // => '09:00–10:00、14:00–15:00'
 */
export const listComma = (lang: 'zh-CN' | 'en'): string => (lang === 'en' ? ',' : '、');

/** The `i`th name of a list of three-letter names written as one (`'SunMon…'`, 1 → `'Mon'`). */
const third = (names: string, i: number): string => names.slice(i * 3, i * 3 + 3);

/**
 * The date of an instant on the site's calendar, as the door shows it beside the clock, without
 * loading Intl's calendars.
 *
 * @param t - the instant
 * @param zone - the site's zone
 * @param lang - the language
 * @returns `3月10日 星期二` or `Tue 10 Mar`
 * @example
 * dayLabel(Date.parse('2026-03-10T10:02:00+08:00'), 'Asia/Shanghai', 'en') // => 'Tue 10 Mar'
 */
export function dayLabel(t: number, zone: string, lang: 'zh-CN' | 'en'): string {
  const date = localDateOf(t, zone);
  const weekday = weekdayOf(date) % 7;
  return lang === 'en'
    ? `${third('SunMonTueWedThuFriSat', weekday)} ${date.day} ${third('JanFebMarAprMayJunJulAugSepOctNovDec', date.month - 1)}`
    : `${date.month}月${date.day}日 星期${'日一二三四五六'[weekday]}`;
}

/**
 * About how many em a line of text takes: a Chinese character one, anything else a little over
 * half (bold Latin letters average about 0.62 em). Sizes a name or a word to fill its line.
 *
 * @param text - the text
 * @returns its width in em, at least 1
 * @example
 * emWidth('使用中') // => 3
 */
export const emWidth = (text: string): number =>
  Math.max(
    1,
    [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 1 : 0.62), 0),
  );
