/**
 * Freezes a tree of plain objects and arrays, through. An object already frozen is taken to be
 * frozen through (everything this folder freezes is).
 *
 * @param value - the tree
 * @returns the same value, frozen through
 * @example
 * Object.isFrozen(deepFreeze({ a: [1] }).a) // => true
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
