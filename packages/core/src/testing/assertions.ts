/**
 * Assertions for suites that must run under any test runner (vitest in Node, mocha in a browser):
 * they throw a plain `Error` and import nothing.
 */

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Map && b instanceof Map) {
    return (
      a.size === b.size && [...a].every(([k, v]) => b.has(k) && deepEqual(v, b.get(k) as unknown))
    );
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.hasOwn(b, k) &&
      deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

const show = (v: unknown): string => {
  try {
    return JSON.stringify(v, (_k, x: unknown) => (x instanceof Map ? [...x] : x));
  } catch {
    return String(v);
  }
};

/**
 * Asserts deep equality (plain objects, arrays, Maps; `undefined` fields count as absent).
 *
 * @param actual - what happened
 * @param expected - what should have
 * @param what - what is compared, for the message
 * @returns nothing; throws when they differ
 * @example
 * assertEqual([1, { a: 2 }], [1, { a: 2 }], 'list') // passes
 */
export function assertEqual(actual: unknown, expected: unknown, what = 'value'): void {
  if (!deepEqual(actual, expected)) {
    throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/**
 * Asserts that a condition holds.
 *
 * @param condition - the condition
 * @param what - what it means, for the message
 * @returns nothing; throws when it is false
 * @example
 * assertTrue(1 < 2, 'order') // passes
 */
export function assertTrue(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`expected: ${what}`);
}

/**
 * Asserts that an async call rejects, and that its error passes a test.
 *
 * @param run - the call
 * @param test - what the error must satisfy
 * @param what - what is expected, for the message
 * @returns the error, for further checks
 * @example
 * await assertRejects(() => store.append([bad]), (e) => isStoreError(e, 'invalid-event'), 'invalid-event')
 */
export async function assertRejects(
  run: () => Promise<unknown>,
  test: (error: unknown) => boolean,
  what: string,
): Promise<unknown> {
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    if (!test(error))
      throw new Error(`expected a rejection with ${what}, got ${show(error)}: ${String(error)}`, {
        cause: error,
      });
    return error;
  }
  throw new Error(`expected a rejection with ${what}, but it resolved to ${show(result)}`);
}
