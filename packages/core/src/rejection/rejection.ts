/**
 * A rule's ID, as the rules reference in the guide (rules.md) lists them: `T-2`, `R-4`, `M-6`,
 * `P-2`, `S-1` …
 */
export type RuleId = `${'T' | 'P' | 'M' | 'N' | 'F' | 'E' | 'R' | 'K' | 'S' | 'C'}-${number}`;

/** A message in both languages the dealership uses. */
export interface Message {
  readonly 'zh-CN': string;
  readonly en: string;
}

/**
 * Why something a person or an integrator asked for was refused: the rule it breaks, a stable
 * machine code, the data behind it, and a ready message in Chinese and English.
 *
 * A rejection is a value, never an exception: bad input changes nothing and throws nothing. Each
 * context's catalog types its rejections with their literal code and data (for example
 * `BookingRejection`), and {@link DealershipRejection} is their union: a `switch` on its `code` narrows
 * `data` to what that code carries.
 *
 * @typeParam Code - its code (default: any)
 * @typeParam Data - the data it carries (default: any record)
 */
export interface Rejection<
  Code extends string = string,
  Data extends Readonly<Record<string, unknown>> = Readonly<Record<string, unknown>>,
> {
  readonly kind: 'rejection';
  readonly rule: RuleId;
  readonly code: Code;
  readonly data: Data;
  readonly message: Message;
}

/** Either a value or the rejection that explains why there is none. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly rejection: Rejection };

/**
 * Builds a rejection.
 *
 * @param rule - the rule it breaks
 * @param code - a stable code, `area.what`
 * @param message - the message in both languages
 * @param data - the values the message speaks of
 * @returns the rejection
 * @example
 * reject('T-2', 'interval.empty', { 'zh-CN': '结束须晚于开始', en: 'end must be after start' })
 * // => { kind: 'rejection', rule: 'T-2', code: 'interval.empty', data: {}, message: … }
 */
export function reject<
  const Code extends string,
  const Data extends Readonly<Record<string, unknown>> = Readonly<Record<never, never>>,
>(rule: RuleId, code: Code, message: Message, data?: Data): Rejection<Code, Data> {
  return { kind: 'rejection', rule, code, data: data ?? ({} as Data), message };
}

/**
 * Wraps a value as a successful result.
 *
 * @param value - the value
 * @returns `{ ok: true, value }`
 * @example
 * ok(3) // => { ok: true, value: 3 }
 */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * Wraps a rejection as a failed result.
 *
 * @param rejection - why
 * @returns `{ ok: false, rejection }`
 * @example
 * fail(reject('T-2', 'interval.empty', msg)).ok // => false
 */
export function fail<T = never>(rejection: Rejection): Result<T> {
  return { ok: false, rejection };
}
