import type { Person } from '@huiyi/core';

/**
 * The one person whose employee number or full name is exactly what was typed (case and
 * surrounding spaces aside): where the list of names is secret, a part of a name or a number
 * finds nobody, so the list cannot be read letter by letter.
 *
 * @param people - the directory
 * @param entry - what was typed
 * @returns the person, or `undefined` (also when the entry is ambiguous: two people of one name)
 * @example
 * findExactly(directory, 's1003')?.name // => '黄磊'
 * findExactly(directory, 'S100') // => undefined
 */
export function findExactly(people: readonly Person[], entry: string): Person | undefined {
  const q = entry.trim().toLowerCase();
  if (q === '') return undefined;
  const byNumber = people.filter((p) => p.employeeNumber.toLowerCase() === q);
  const found = byNumber.length > 0 ? byNumber : people.filter((p) => p.name.toLowerCase() === q);
  return found.length === 1 ? found[0] : undefined;
}
