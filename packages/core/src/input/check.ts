import { isInstant, type Instant } from '../time/instant.js';
import type { Message } from '../rejection/rejection.js';

/**
 * A tiny, dependency-free checker for input from outside (arbitrary JSON from an integrator, an
 * import file, a tablet): each check turns `unknown` into a typed, fresh value or says where and
 * what was expected. Nothing here throws.
 */
export type CheckResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly path: string; readonly expected: Message };

/** A check of one value at a path (`booking.start`). */
export type Check<T> = (value: unknown, path: string) => CheckResult<T>;

/** The type a check produces. */
export type Checked<C> = C extends Check<infer T> ? T : never;

const good = <T>(value: T): CheckResult<T> => ({ ok: true, value });
const bad = (path: string, zh: string, en: string): CheckResult<never> => ({
  ok: false,
  path,
  expected: { 'zh-CN': zh, en },
});

/**
 * How a composite check is built, for a reference generated from the shapes themselves (the docs'
 * command reference): an object's fields, an optional value's check, a list's item and bounds.
 */
export type CheckAnatomy =
  | { readonly kind: 'object'; readonly shape: Shape }
  | { readonly kind: 'optional'; readonly check: Check<unknown> }
  | {
      readonly kind: 'list';
      readonly item: Check<unknown>;
      readonly min: number;
      readonly max: number;
    };

const anatomies = new WeakMap<Check<unknown>, CheckAnatomy>();
// Each check maker below is marked `@__NO_SIDE_EFFECTS__`: making a check does nothing else but
// record how it is built (`anatomyOf`, for a check of an object, a list or an optional field), so a
// bundler may drop a check nobody keeps: the shapes of the commands a door does not take.
const withAnatomy = <C extends Check<unknown>>(check: C, anatomy: CheckAnatomy): C => {
  anatomies.set(check, anatomy);
  return check;
};

/**
 * How a check made by {@link object}, {@link optional} or {@link listOf} is built; `undefined` for
 * any other check (a leaf, described by what it expects).
 *
 * @param check - the check
 * @returns its anatomy, or `undefined`
 * @example
 * anatomyOf(optional(int(0, 9)))?.kind // => 'optional'
 */
export function anatomyOf(check: Check<unknown>): CheckAnatomy | undefined {
  return anatomies.get(check);
}

/** The longest free text accepted anywhere (a topic, a reason), in characters. */
export const MAX_TEXT = 500;
/** The longest id accepted, in characters. */
export const MAX_ID = 100;

/**
 * A string of 1 to `max` characters (trimmed ends kept; blank refused).
 *
 * @param max - the most characters allowed (default {@link MAX_TEXT})
 * @returns the check
 * @example
 * text(10)('hello', 'topic') // => { ok: true, value: 'hello' }
 */
/* @__NO_SIDE_EFFECTS__ */
export function text(max = MAX_TEXT): Check<string> {
  return (v, path) =>
    typeof v === 'string' && v.trim().length > 0 && v.length <= max
      ? good(v)
      : bad(path, `1 到 ${max} 个字符的文字`, `text of 1 to ${max} characters`);
}

/**
 * An id: 1 to {@link MAX_ID} visible characters, no spaces.
 *
 * @returns the check
 * @example
 * id()('room-A', 'roomId') // => { ok: true, value: 'room-A' }
 */
/* @__NO_SIDE_EFFECTS__ */
export function id(): Check<string> {
  return (v, path) =>
    typeof v === 'string' && /^[^\s]{1,100}$/u.test(v) && v.length <= MAX_ID
      ? good(v)
      : bad(
          path,
          '有效的编号（1 到 100 个字符，不含空格）',
          'an id (1 to 100 characters, no spaces)',
        );
}

/**
 * A whole number in a range.
 *
 * @param min - the least allowed
 * @param max - the most allowed
 * @returns the check
 * @example
 * int(1, 500)(12, 'headcount') // => { ok: true, value: 12 }
 */
/* @__NO_SIDE_EFFECTS__ */
export function int(min: number, max: number): Check<number> {
  return (v, path) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? good(v)
      : bad(path, `${min} 到 ${max} 之间的整数`, `a whole number from ${min} to ${max}`);
}

/** The earliest instant a command may carry: 1970-01-01T00:00Z (event ids count from it). */
export const EARLIEST_INSTANT: Instant = 0;
/**
 * The latest instant a command may carry: 3000-01-01T00:00Z, exclusive. Far enough for any
 * meeting, and far enough from year 9999 that adding working days or a horizon never leaves the
 * calendar that wall-clock conversion accepts.
 */
export const LATEST_INSTANT: Instant = Date.UTC(3000, 0, 1);

/**
 * An instant a command may carry: integer epoch milliseconds from 1970 up to (not including) 3000.
 *
 * @returns the check
 * @example
 * instant()(1795741200000, 'start').ok // => true
 * instant()(-62135971543001, 'now').ok // => false (the year 0)
 */
/* @__NO_SIDE_EFFECTS__ */
export function instant(): Check<Instant> {
  return (v, path) =>
    isInstant(v) && v >= EARLIEST_INSTANT && v < LATEST_INSTANT
      ? good(v)
      : bad(
          path,
          '1970 年至 2999 年之间的有效时刻（毫秒时间戳整数）',
          'an instant from 1970 to 2999 (integer epoch milliseconds)',
        );
}

/**
 * A boolean.
 *
 * @returns the check
 * @example
 * bool()(true, 'flag') // => { ok: true, value: true }
 */
/* @__NO_SIDE_EFFECTS__ */
export function bool(): Check<boolean> {
  return (v, path) =>
    typeof v === 'boolean' ? good(v) : bad(path, '是或否（true/false）', 'true or false');
}

/**
 * One of a fixed set of values.
 *
 * @param values - the allowed values
 * @returns the check
 * @example
 * oneOf(['a', 'b'] as const)('b', 'x') // => { ok: true, value: 'b' }
 */
/* @__NO_SIDE_EFFECTS__ */
export function oneOf<const T extends string | number>(values: readonly T[]): Check<T> {
  return (v, path) =>
    (values as readonly unknown[]).includes(v)
      ? good(v as T)
      : bad(path, `以下之一：${values.join('、')}`, `one of: ${values.join(', ')}`);
}

/**
 * A list whose every item passes a check.
 *
 * @param item - the check of one item
 * @param options - `max` items (default 100), `min` (default 0), `unique` items
 * @returns the check, giving a fresh array
 * @example
 * listOf(int(1, 7), { max: 7 })([1, 3], 'days') // => { ok: true, value: [1, 3] }
 */
/* @__NO_SIDE_EFFECTS__ */
export function listOf<T>(
  item: Check<T>,
  options: { readonly max?: number; readonly min?: number; readonly unique?: boolean } = {},
): Check<T[]> {
  const max = options.max ?? 100;
  const min = options.min ?? 0;
  return withAnatomy<Check<T[]>>(
    (v, path) => {
      if (!Array.isArray(v) || v.length > max || v.length < min) {
        return bad(path, `含 ${min} 到 ${max} 项的列表`, `a list of ${min} to ${max} items`);
      }
      const out: T[] = [];
      for (let i = 0; i < v.length; i++) {
        const r = item(v[i], `${path}[${i}]`);
        if (!r.ok) return r;
        if (options.unique && out.includes(r.value))
          return bad(`${path}[${i}]`, '不重复的项', 'no repeated items');
        out.push(r.value);
      }
      return good(out);
    },
    { kind: 'list', item, min, max },
  );
}

/**
 * A field that may be absent (`undefined`); present, it must pass the check.
 *
 * @param check - the check of a present value
 * @returns the check
 * @example
 * optional(int(0, 9))(undefined, 'n') // => { ok: true, value: undefined }
 */
/* @__NO_SIDE_EFFECTS__ */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return withAnatomy<Check<T | undefined>>(
    (v, path) => (v === undefined ? good(undefined) : check(v, path)),
    { kind: 'optional', check },
  );
}

/** A check per field of an object. */
export type Shape = Readonly<Record<string, Check<unknown>>>;
/** The fields of a shape whose check allows `undefined`. */
export type OptionalKeys<S extends Shape> = {
  [K in keyof S]: undefined extends Checked<S[K]> ? K : never;
}[keyof S];
/** The object a shape of checks produces; fields whose check allows `undefined` are optional. */
export type ShapeOf<S extends Shape> = {
  -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: Checked<S[K]>;
} & {
  -readonly [K in OptionalKeys<S>]?: Exclude<Checked<S[K]>, undefined>;
};

/**
 * An object with exactly the named fields (an unknown field is refused, so a misspelt one is never
 * silently ignored). Only own fields are read; absent optional fields stay absent.
 *
 * @param shape - a check per field
 * @returns the check, giving a fresh object
 * @example
 * object({ n: int(0, 9) })({ n: 3 }, 'cmd') // => { ok: true, value: { n: 3 } }
 */
/* @__NO_SIDE_EFFECTS__ */
export function object<S extends Shape>(shape: S): Check<ShapeOf<S>> {
  return withAnatomy<Check<ShapeOf<S>>>(
    (v, path) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v))
        return bad(path, '一个对象', 'an object');
      const record = v as Record<string, unknown>;
      const stray = Object.keys(record).find((k) => !Object.hasOwn(shape, k));
      if (stray !== undefined) return bad(`${path}.${stray}`, '不存在此字段', 'no such field');
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(shape)) {
        const r = (shape[key] as Check<unknown>)(
          Object.hasOwn(record, key) ? record[key] : undefined,
          `${path}.${key}`,
        );
        if (!r.ok) return r;
        if (r.value !== undefined) out[key] = r.value;
      }
      return good(out as ShapeOf<S>);
    },
    { kind: 'object', shape },
  );
}
