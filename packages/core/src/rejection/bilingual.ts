import { reject, type Rejection, type RuleId } from './rejection.js';

/**
 * Builds a rejection from its two messages as they are written, Chinese first: the one builder
 * every context's rejections file uses (internal; integrators use {@link reject}).
 *
 * @param rule - the rule it breaks
 * @param code - a stable code, `area.what`
 * @param zh - the message in Simplified Chinese
 * @param en - the message in English
 * @param data - the values the message speaks of
 * @returns the rejection
 * @example
 * bilingual('R-1', 'room.unknown', '没有会议室 B', 'there is no room B', { roomId: 'B' })
 */
export const bilingual = <
  const Code extends string,
  const Data extends Readonly<Record<string, unknown>> = Readonly<Record<never, never>>,
>(
  rule: RuleId,
  code: Code,
  zh: string,
  en: string,
  data?: Data,
): Rejection<Code, Data> => reject(rule, code, { 'zh-CN': zh, en }, data);
