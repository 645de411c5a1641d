import { malformedCommand } from '../input/command.js';
import type { Rejection, RuleId } from '../rejection/rejection.js';

/**
 * The rejection of input whose `type` is no command the decider takes: `command.malformed` at
 * `command.type`, listing the types it takes.
 *
 * @param rule - the rule it answers to
 * @param types - the command types taken
 * @returns the rejection
 */
export function unknownCommand(rule: RuleId, types: readonly string[]): Rejection {
  return malformedCommand(rule, 'command.type', {
    'zh-CN': `以下之一：${types.join('、')}`,
    en: `one of: ${types.join(', ')}`,
  });
}
