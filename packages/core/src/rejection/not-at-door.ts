import { reject, type Rejection } from './rejection.js';

/**
 * The rejection of a command a door kiosk's decider does not take (K-2): the door books one meeting
 * at a time and signs people in; the rest is done in the booking and meeting systems.
 *
 * @param type - the command's type
 * @returns the rejection, rule K-2, code `door.not-taken`
 * @example
 * notAtDoor('RequestSeries').code // => 'door.not-taken'
 */
export function notAtDoor(type: string): Rejection<'door.not-taken', { readonly type: string }> {
  return reject(
    'K-2',
    'door.not-taken',
    {
      'zh-CN': `门口屏不受理此操作（${type}），请在预订或会议系统中办理`,
      en: `the door does not take ${type}: use the booking or meeting system`,
    },
    { type },
  );
}
