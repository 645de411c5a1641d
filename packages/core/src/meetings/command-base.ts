import { instant, type Check } from '../input/index.js';
import { isActor, type Actor } from '../people/actor.js';
import { formatLocalDate, parseLocalDate } from '../time/local-date.js';

/**
 * The check of a command's actor: an id and known roles, copied fresh.
 *
 * @param v - anything
 * @param path - where it sits in the command
 * @returns the actor, or what was expected there
 * @example
 * actorCheck({ id: 'li', roles: [] }, 'command.actor') // => { ok: true, value: { id: 'li', roles: [] } }
 */
export const actorCheck: Check<Actor> = (v, path) =>
  isActor(v)
    ? { ok: true, value: { id: v.id, roles: [...v.roles] } }
    : {
        ok: false,
        path,
        expected: { 'zh-CN': '操作人(编号和角色)', en: 'an actor (id and roles)' },
      };

/** Every command carries who asks and when (T-4). */
export const commandBase = { now: instant(), actor: actorCheck };

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
