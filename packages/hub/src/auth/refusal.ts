import type { Bilingual } from '../http/engine.js';

/** Why a request was refused, as the wire carries it: an HTTP status, a code, the rule, a message. */
export interface Refusal {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415;
  readonly code: string;
  readonly rule: string;
  readonly message: Bilingual;
}

/**
 * Builds a refusal.
 *
 * @param status - the HTTP status
 * @param code - a stable code, `area.what`
 * @param rule - the rule it answers to (`S-3`, or `HTTP` for a malformed request)
 * @param zh - the message in Simplified Chinese
 * @param en - the message in English
 * @returns the refusal
 * @example
 * refusal(401, 'auth.missing', 'S-3', '缺少令牌', 'no token').status // => 401
 */
export function refusal(
  status: Refusal['status'],
  code: string,
  rule: string,
  zh: string,
  en: string,
): Refusal {
  return { status, code, rule, message: { 'zh-CN': zh, en } };
}

/** The refusals of the auth layer (S-3), each with its code and message. */
export const AUTH = {
  missing: () =>
    refusal(
      401,
      'auth.missing',
      'S-3',
      '缺少令牌：请在请求头中发送 Authorization: Bearer <令牌>',
      'no token: send Authorization: Bearer <token>',
    ),
  unknown: () =>
    refusal(401, 'auth.unknown', 'S-3', '令牌无效或不存在', 'the token is not valid or unknown'),
  revoked: () => refusal(401, 'auth.revoked', 'S-3', '令牌已被吊销', 'the token has been revoked'),
  scope: (scope: string) =>
    refusal(
      403,
      'auth.scope',
      'S-3',
      `该 API 密钥没有权限 ${scope}`,
      `this API key does not hold the scope ${scope}`,
    ),
  room: (own: string, asked: string) =>
    refusal(
      403,
      'auth.room',
      'S-3',
      `门口屏只能操作和查看本会议室（${own}），不能操作 ${asked}`,
      `a door acts and reads only for its own room (${own}), not ${asked}`,
    ),
  doorNotAllowed: () =>
    refusal(403, 'auth.door', 'S-3', '门口屏不能使用此接口', 'a door may not use this endpoint'),
  codeUnknown: () =>
    refusal(401, 'enrol.unknown', 'S-3', '登记码无效', 'the enrolment code is not valid'),
  codeUsed: () =>
    refusal(
      401,
      'enrol.used',
      'S-3',
      '登记码已被使用（每个登记码只能使用一次）',
      'the enrolment code has already been used (each code works once)',
    ),
  codeExpired: () =>
    refusal(401, 'enrol.expired', 'S-3', '登记码已过期', 'the enrolment code has expired'),
} as const;
