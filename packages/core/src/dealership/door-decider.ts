import type { Decider } from '../decider/decider.js';
import type { UpkeepCommand } from '../upkeep/upkeep-commands.js';
import type { MeetingCommand } from '../meetings/meeting-commands.js';
import type { MeetingEvent } from '../meetings/meeting-events.js';
import {
  createDoorMeetingDecider,
  isMeetingCommandType,
  parseDoorMeetingCommand,
} from '../meetings/meeting-decider.js';
import {
  directoryDecider,
  parseDirectoryCommand,
  type DirectoryCommand,
  type PersonRegistered,
} from '../people/directory.js';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import { malformedCommand } from '../input/command.js';
import { fail, type Rejection, type Result } from '../rejection/index.js';
import type { BookingCommand } from '../rooms/booking-commands.js';
import {
  createDoorBookingDecider,
  isBookingCommandType,
  parseDoorBookingCommand,
} from '../rooms/booking-decider.js';
import type { BookingEvent } from '../rooms/booking-events.js';
import {
  createDoorUpkeepDecider,
  isUpkeepCommandType,
  parseDoorUpkeepCommand,
} from '../upkeep/upkeep-decider.js';
import type { UpkeepOwnEvent } from '../upkeep/upkeep-events.js';
import type { DealershipCommand, DealershipContext } from './contexts.js';
import {
  foldDoorEvents,
  initialDoorDeciderState,
  upkeepStateOf,
  type DoorDeciderState,
} from './door-state.js';

/** The events a door decides: the rooms', upkeep's, meetings' and directory's. */
export type DoorEvent = BookingEvent | UpkeepOwnEvent | MeetingEvent | PersonRegistered;

/** How a door's decider judges. */
export interface DoorOptions {
  /** The parameters in force, by instant and scope (P-1, P-3). Default: the policy's defaults. */
  readonly policy?: PolicyLookup;
}

/**
 * The decider of a door kiosk (K-2), over the dealership's commands: it decides the rooms',
 * upkeep's, meetings' and directory's commands a door takes exactly as the door's variant of each
 * context's decider does, against a {@link DoorDeciderState}: `WalkUp`, `RequestBooking`,
 * `CheckIn`, `ExtendBooking`, `EndEarly`, `ReleaseNoShows`, `ReportEquipmentFault`,
 * `CompleteChecklist`, `ConfirmPowerOff`, `SignIn`, `SignOut`, `SignConfidentialityAgreement`, and
 * what a schedule file brings (`RegisterRoom`, `RegisterPerson`, `PlanMeeting`,
 * `ScheduleMeeting`): `DOOR_COMMAND_TYPES`, the one list its parser and the contexts' door
 * deciders share. It refuses the other commands of those contexts as it reads them, before their
 * shape (K-2, `door.not-taken`): a series, approving, changing or cancelling a booking, changing a
 * room, the repair, the inspection, the cleaning, changing or cancelling a meeting, its run and
 * the invitations. A command of the
 * minutes, actions, fees or policy is no command to it (K-2, `command.malformed` at
 * `command.type`). It leaves the rules and shapes of all of these (and recurrence) out of a bundle
 * that imports it alone.
 * Its fold takes every event a door's state holds, those of the commands it refuses included, and
 * skips the rest.
 */
export interface DoorDecider extends Decider<
  DealershipCommand,
  DoorDeciderState,
  DoorEvent,
  { readonly type: string }
> {
  /**
   * Reads a command from outside ({@link parseDoorCommand}): the typed command of a command a door
   * takes, `door.not-taken` for another command of its contexts, or `command.malformed`. Never
   * throws.
   *
   * @param input - anything
   * @returns the command or why it is not taken
   */
  parse(input: unknown): Result<DealershipCommand>;
  /**
   * Folds many events at once ({@link foldDoorEvents}).
   *
   * @param state - the state to start from (`initialState` for a whole log)
   * @param events - events in log order
   * @returns the new state
   */
  fold(state: DoorDeciderState, events: Iterable<{ readonly type: string }>): DoorDeciderState;
}

/** The contexts a door takes commands of. */
type DoorContext = Extract<DealershipContext, 'rooms' | 'upkeep' | 'meetings' | 'directory'>;

/**
 * The context a command goes to, as `commandContext` says, for the contexts a door takes, read
 * from the rules each context names its commands by (not their shapes); `undefined` for any other.
 */
function doorContextOf(input: unknown): DoorContext | undefined {
  const type =
    typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  if (typeof type !== 'string') return undefined;
  // Faults and repairs are the upkeep's first: it warns the later bookings that need the item.
  if (isUpkeepCommandType(type)) return 'upkeep';
  if (isBookingCommandType(type)) return 'rooms';
  if (isMeetingCommandType(type)) return 'meetings';
  return type === 'RegisterPerson' ? 'directory' : undefined;
}

/**
 * The rejection of a command a door does not take at all: the minutes, actions, fees and policy
 * are kept elsewhere, and the door's bundle does not even hold their names (K-2).
 */
const notACommand = (): Rejection =>
  malformedCommand('K-2', 'command.type', {
    'zh-CN': '门口屏受理的操作类型',
    en: 'the type of a command the door takes',
  });

/**
 * Reads a command from outside for a door (K-2): a command a door takes (`DOOR_COMMAND_TYPES`) as
 * `parseDealershipCommand` reads it; any other command of the door's contexts (a series, a
 * cancellation, starting a meeting, the cleaning, …) is `door.not-taken`, naming it, before its
 * shape is read, so that those shapes stay out of the door's bundle; and a command of another
 * context (minutes, actions, fees, policy) or of none is `command.malformed` at `command.type`.
 * Never throws.
 *
 * @param input - anything
 * @returns the command or why it is malformed or not taken at the door
 * @example
 * parseDoorCommand({ type: 'CancelBooking' }) // => { ok: false, rejection: { rule: 'K-2', code: 'door.not-taken', … } }
 * parseDoorCommand({ type: 'PublishMinutes' }) // => { ok: false, rejection: { rule: 'K-2', code: 'command.malformed', … } }
 */
export function parseDoorCommand(input: unknown): Result<DealershipCommand> {
  switch (doorContextOf(input)) {
    case 'rooms':
      return parseDoorBookingCommand(input);
    case 'upkeep':
      return parseDoorUpkeepCommand(input);
    case 'meetings':
      return parseDoorMeetingCommand(input);
    case 'directory':
      return parseDirectoryCommand(input);
    case undefined:
      return fail(notACommand());
  }
}

/**
 * Makes a door kiosk's decider ({@link DoorDecider}): the door's rooms, upkeep and meetings
 * deciders, and the directory, behind one `decide`.
 *
 * @param options - the policy in force (default: the policy's defaults)
 * @returns the decider
 * @example
 * const door = createDoorDecider();
 * door.decide({ type: 'WalkUp', now, actor, roomId: 'A', bookingId: 'w1', minutes: 30 }, state)
 * // => { ok: true, value: [{ type: 'RoomBooked', … }, { type: 'BookingCheckedIn', … }] }
 */
export function createDoorDecider(options: DoorOptions = {}): DoorDecider {
  const policy = options.policy ?? (() => DEFAULT_PARAMETERS);
  const rooms = createDoorBookingDecider(policy);
  const upkeep = createDoorUpkeepDecider(policy);
  const meetings = createDoorMeetingDecider(policy);
  const decide = (
    command: DealershipCommand,
    state: DoorDeciderState,
  ): Result<readonly DoorEvent[]> => {
    switch (doorContextOf(command)) {
      case 'rooms':
        return rooms.decide(command as BookingCommand, state.rooms);
      case 'upkeep':
        return upkeep.decide(command as UpkeepCommand, upkeepStateOf(state));
      case 'meetings':
        return meetings.decide(command as MeetingCommand, state.meetings);
      case 'directory':
        return directoryDecider.decide(command as DirectoryCommand, state.directory);
      case undefined:
        return fail(notACommand());
    }
  };
  return {
    initialState: initialDoorDeciderState,
    decide,
    evolve: (state, event) => foldDoorEvents(state, [event]),
    fold: foldDoorEvents,
    parse: parseDoorCommand,
  };
}
