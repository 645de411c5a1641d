import { toWall, type Person } from '@huiyi/core';

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
 * A person's name as written, or their id when the directory does not know them.
 *
 * @param people - the directory
 * @param id - the person's id
 * @returns what to show
 */
export function nameOf(people: ReadonlyMap<string, Person>, id: string): string {
  return people.get(id)?.name ?? id;
}
