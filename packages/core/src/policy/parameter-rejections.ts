import { reject, type Message } from '../rejection/rejection.js';

/**
 * A parameter (or a group of them) that holds the wrong thing (P-1).
 *
 * @param path - where, as `rooms.maxLengthMinutes`
 * @param expected - what it should hold, in both languages
 * @returns the rejection `policy.parameter-invalid`
 * @example
 * parameterInvalid('rooms.maxLengthMinutes', { 'zh-CN': '整数', en: 'an integer' }).data
 * // => { path: 'rooms.maxLengthMinutes', expected: 'an integer' }
 */
export function parameterInvalid(path: string, expected: Message) {
  return reject(
    'P-1',
    'policy.parameter-invalid',
    {
      'zh-CN': `策略参数 ${path} 无效，应为${expected['zh-CN']}`,
      en: `policy parameter ${path} is invalid: expected ${expected.en}`,
    },
    { path, expected: expected.en },
  );
}

/**
 * A parameter that a complete set of parameters lacks (P-1).
 *
 * @param path - which
 * @returns the rejection `policy.parameter-missing`
 * @example
 * parameterMissing('kiosk.idleReturnSeconds').code // => 'policy.parameter-missing'
 */
export function parameterMissing(path: string) {
  return reject(
    'P-1',
    'policy.parameter-missing',
    { 'zh-CN': `缺少策略参数 ${path}`, en: `policy parameter ${path} is missing` },
    { path },
  );
}

/**
 * A name that is no policy parameter: most often a typing slip (P-1).
 *
 * @param path - the name, as given
 * @returns the rejection `policy.parameter-unknown`
 * @example
 * parameterUnknown('rooms.maxLenght').code // => 'policy.parameter-unknown'
 */
export function parameterUnknown(path: string) {
  return reject(
    'P-1',
    'policy.parameter-unknown',
    { 'zh-CN': `没有名为 ${path} 的策略参数`, en: `there is no policy parameter ${path}` },
    { path },
  );
}

/**
 * Parameters each valid on their own that contradict each other (P-1), such as a minimum booking
 * length above the maximum.
 *
 * @param path - the parameter that gives way
 * @param why - the contradiction in both languages
 * @param data - the values and the scope it arises in
 * @returns the rejection `policy.parameters-inconsistent`
 * @example
 * parametersInconsistent('rooms.minLengthMinutes', msg, { min: 300, max: 240 }).data.path
 * // => 'rooms.minLengthMinutes'
 */
export function parametersInconsistent(
  path: string,
  why: Message,
  data: Readonly<Record<string, unknown>>,
) {
  return reject(
    'P-1',
    'policy.parameters-inconsistent',
    {
      'zh-CN': `策略参数 ${path} 与其他参数矛盾：${why['zh-CN']}`,
      en: `policy parameter ${path} contradicts another: ${why.en}`,
    },
    { ...data, path },
  );
}

/** Every rejection of the policy's parameters (P-1, P-3), with its literal code and data. */
export type ParameterRejection = ReturnType<
  | typeof parameterInvalid
  | typeof parameterMissing
  | typeof parameterUnknown
  | typeof parametersInconsistent
>;

/** The codes of {@link ParameterRejection}. */
export type ParameterRejectionCode = ParameterRejection['code'];
