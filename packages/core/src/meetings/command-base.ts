import type { Check } from '../input/index.js';
import { formatLocalDate, parseLocalDate } from '../time/local-date.js';

// The actor check and the command base are shared by every context (input/command.ts).
export { actorCheck, commandBase } from '../input/index.js';

/**
 * A calendar date as `YYYY-MM-DD` that exists.
 *
 * @returns the check, giving the date's text
 * @example
 * localDateText()('2026-11-30', 'date') // => { ok: true, value: '2026-11-30' }
 */
export function localDateText(): Check<string> {
  return (v, path) => {
    const d = parseLocalDate(v);
    return d.ok && formatLocalDate(d.value) === v
      ? { ok: true, value: v }
      : {
          ok: false,
          path,
          expected: { 'zh-CN': 'YYYY-MM-DD 格式的日期', en: 'a date as YYYY-MM-DD' },
        };
  };
}
