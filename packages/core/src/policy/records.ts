/**
 * Whether a value is an object with named fields (not null, not an array): what JSON calls an
 * object.
 *
 * @param value - anything
 * @returns true for `{}` and `{ a: 1 }`, false for `[]`, `null` and `'x'`
 * @example
 * isRecord({ a: 1 }) // => true
 */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The first own key of a record that is not among the allowed ones.
 *
 * @param record - the record
 * @param allowed - the keys it may have
 * @returns the first stray key, or undefined when there is none
 * @example
 * strayKey({ a: 1, b: 2 }, ['a']) // => 'b'
 */
export function strayKey(
  record: Readonly<Record<string, unknown>>,
  allowed: readonly string[],
): string | undefined {
  return Object.keys(record).find((key) => !allowed.includes(key));
}

/**
 * An own field of a record, never one inherited from `Object.prototype` (`toString`, `__proto__`).
 *
 * @param record - the record
 * @param key - the field
 * @returns its value, or undefined when the record has no such own field
 * @example
 * own({}, 'toString') // => undefined
 */
export function own(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Whether two JSON-like values are equal, field by field (key order aside).
 *
 * @param a - one value
 * @param b - the other
 * @returns true when they hold the same data
 * @example
 * deepEqual({ a: [1, 2], b: 'x' }, { b: 'x', a: [1, 2] }) // => true
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (!isRecord(a) || !isRecord(b) || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]))
  );
}
