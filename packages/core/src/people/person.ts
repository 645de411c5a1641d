import { id, listOf, object, oneOf, optional, text, type CheckResult } from '../input/index.js';
import { ROLES, type Role } from './actor.js';

/**
 * A person in the directory: a name as written (usually Chinese), a department, an employee
 * number, and the standing roles they may hold. Confidentiality agreements they sign are events of
 * the meetings context.
 */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly department: string;
  readonly employeeNumber: string;
  readonly roles: readonly Role[];
}

const personShape = object({
  id: id(),
  name: text(50),
  department: text(100),
  employeeNumber: id(),
  roles: optional(listOf(oneOf(ROLES), { max: ROLES.length, unique: true })),
});

/**
 * Checks a person from outside (an import file, another system).
 *
 * @param value - anything
 * @param path - where it sits, for the message (default `person`)
 * @returns the person (no roles when none are given), or where and what was expected
 * @example
 * checkPerson({ id: 'p1', name: '王伟', department: '售后服务部', employeeNumber: 'S001' }).ok // => true
 */
export function checkPerson(value: unknown, path = 'person'): CheckResult<Person> {
  const r = personShape(value, path);
  return r.ok ? { ok: true, value: { ...r.value, roles: r.value.roles ?? [] } } : r;
}

/**
 * Finds people by a part of their name or the start of their employee number, as the kiosk's
 * search box does: exact name matches first, then names that start with the query, then the rest,
 * each group in the directory's order. Case and surrounding spaces are ignored.
 *
 * @param people - the directory
 * @param query - what was typed
 * @param limit - how many to return (default 20)
 * @returns the matching people
 * @example
 * findPeople(directory, '王') // => [{ name: '王伟', … }, { name: '王芳', … }]
 * findPeople(directory, 's00') // => people whose employee number starts with S00
 */
export function findPeople(people: readonly Person[], query: string, limit = 20): Person[] {
  const q = query.trim().toLowerCase();
  if (q === '') return people.slice(0, limit);
  const rank = (p: Person): number => {
    const name = p.name.toLowerCase();
    if (name === q || p.employeeNumber.toLowerCase() === q) return 0;
    if (name.startsWith(q) || p.employeeNumber.toLowerCase().startsWith(q)) return 1;
    return name.includes(q) ? 2 : -1;
  };
  return people
    .map((p, i) => ({ p, i, r: rank(p) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.p);
}
