import { reject, type Rejection } from './rejection.js';

/**
 * The commands a door kiosk issues, and so the only ones it takes (K-2): the walk-up, the booking
 * request and the check-in, extending and ending early, the fault report, the organizer's
 * checklist and the power-off, sign-in, sign-out and the confidentiality agreement, and what a
 * schedule file brings (`RegisterRoom`, `RegisterPerson`, `PlanMeeting`, `ScheduleMeeting`,
 * `ReleaseNoShows`). The door's parsers and deciders take these and refuse every other command of
 * their contexts (`door.not-taken`); the hub lets a door push these and no other (S-3).
 */
export const DOOR_COMMAND_TYPES = [
  'RegisterRoom',
  'RequestBooking',
  'WalkUp',
  'CheckIn',
  'ExtendBooking',
  'EndEarly',
  'ReleaseNoShows',
  'ReportEquipmentFault',
  'CompleteChecklist',
  'ConfirmPowerOff',
  'RegisterPerson',
  'PlanMeeting',
  'ScheduleMeeting',
  'SignIn',
  'SignOut',
  'SignConfidentialityAgreement',
] as const;

/** A command type a door takes ({@link DOOR_COMMAND_TYPES}). */
export type DoorCommandType = (typeof DOOR_COMMAND_TYPES)[number];

const DOOR_TYPES: ReadonlySet<string> = new Set(DOOR_COMMAND_TYPES);

/**
 * Whether a door takes commands of this type (K-2, {@link DOOR_COMMAND_TYPES}).
 *
 * @param type - a command's type
 * @returns true for a command a door issues
 * @example
 * takenAtDoor('CheckIn') // => true
 * takenAtDoor('CancelBooking') // => false
 */
export function takenAtDoor(type: string): type is DoorCommandType {
  return DOOR_TYPES.has(type);
}

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
