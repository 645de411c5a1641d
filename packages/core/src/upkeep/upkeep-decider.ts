import { deciderOf } from '../decider/decider-of.js';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import type { Decider } from '../decider/decider.js';
import { parseCommand, parseDoorCommandOf } from '../input/index.js';
import {
  fail,
  notAtDoor,
  takenAtDoor,
  type DoorCommandType,
  type Result,
  type RuleId,
} from '../rejection/index.js';
import {
  createBookingDecider,
  createDoorBookingDecider,
  type BookingDecider,
} from '../rooms/booking-decider.js';
import type { UpkeepDecision } from './decide-context.js';
import { completeChecklist, confirmPowerOff } from './decide-checklist.js';
import {
  recordCleaning,
  reportCleaningProblem,
  resolveCleaningProblem,
} from './decide-cleaning.js';
import { decideFault, issueFaultWarnings, recordInspection } from './decide-equipment.js';
import {
  DOOR_UPKEEP_COMMAND_SHAPES,
  UPKEEP_COMMAND_SHAPES,
  type UpkeepCommand,
} from './upkeep-commands.js';
import type { UpkeepEvent, UpkeepLogEvent } from './upkeep-events.js';
import { evolveUpkeep, initialUpkeepState, type UpkeepState } from './upkeep-state.js';

/** The rule each command answers to first, for a malformed one. */
const COMMAND_RULE: Record<UpkeepCommand['type'], RuleId> = {
  ReportEquipmentFault: 'R-7',
  RepairEquipment: 'R-7',
  RecordInspection: 'R-7',
  CompleteChecklist: 'R-7',
  ConfirmPowerOff: 'R-7',
  IssueFaultWarnings: 'R-7',
  RecordCleaning: 'R-9',
  ReportCleaningProblem: 'R-9',
  ResolveCleaningProblem: 'R-9',
};

/**
 * Whether a type is one of the upkeep context's commands (read from the rules above, not the shapes).
 *
 * @param type - a command's type
 * @returns true for a upkeep command
 * @example
 * isUpkeepCommandType('SignIn') // => false
 */
export function isUpkeepCommandType(type: string): boolean {
  return Object.hasOwn(COMMAND_RULE, type);
}

/**
 * Reads an upkeep command from outside (arbitrary JSON): a typed command, or a rejection saying
 * which field is wrong. Never throws.
 *
 * @param input - anything
 * @returns the command or why it is malformed
 * @example
 * parseUpkeepCommand({ type: 'Nope' }).ok // => false
 */
export function parseUpkeepCommand(input: unknown): Result<UpkeepCommand> {
  return parseCommand<UpkeepCommand>(UPKEEP_COMMAND_SHAPES, COMMAND_RULE, 'R-7', input);
}

/**
 * Reads an upkeep command from outside for a door ({@link createDoorUpkeepDecider}): a command a
 * door takes (`DOOR_COMMAND_TYPES`) as {@link parseUpkeepCommand} reads it; any other upkeep
 * command (the repair, the inspection, the cleaning, …) is refused before its shape is read (K-2,
 * `door.not-taken`, naming it), and their shapes are left out of a bundle that imports it alone.
 * Never throws.
 *
 * @param input - anything
 * @returns the command or why it is malformed or not taken at the door
 * @example
 * parseDoorUpkeepCommand({ type: 'RecordCleaning' }).ok // => false (door.not-taken)
 */
export function parseDoorUpkeepCommand(input: unknown): Result<UpkeepCommand> {
  return parseDoorCommandOf<UpkeepCommand>(DOOR_UPKEEP_COMMAND_SHAPES, COMMAND_RULE, 'R-7', input);
}

/**
 * The upkeep decider: a {@link Decider} of {@link UpkeepCommand}s. Its state folds the rooms'
 * streams: the rooms context's events and its own. Its `decide` checks the command again at run
 * time, so a value that is not one is refused as `command.malformed`.
 */
export type UpkeepDecider = Decider<UpkeepCommand, UpkeepState, UpkeepEvent, UpkeepLogEvent>;

/**
 * Makes the upkeep decider, judging each command by the policy in force at its `now`
 * for its room (P-1, P-3).
 *
 * Faults are the rooms context's: a fault reported here (`ReportEquipmentFault`, a faulty
 * inspection, a faulty checklist answer) is an `EquipmentFaultReported` event and a repair an
 * `EquipmentRepaired`, the very events the rooms state folds into the faulty set R-2 reads. One
 * log, one fault: an item is faulty for both contexts from its report until its repair, and never
 * offered as working in between.
 *
 * @param policy - the parameters in force (default: the policy's defaults, always)
 * @returns the decider
 * @example
 * const { decide } = createUpkeepDecider();
 * decide({ type: 'RecordCleaning', now, actor: admin, roomId: 'A' }, state) // => { ok: true, value: [{ type: 'RoomCleaned', … }] }
 */
export function createUpkeepDecider(
  policy: PolicyLookup = () => DEFAULT_PARAMETERS,
): UpkeepDecider {
  return createUpkeepDeciderOver(createBookingDecider(policy), policy);
}

/**
 * Makes the upkeep decider over a given rooms decider, which decides the faults and repairs.
 * {@link createUpkeepDecider} is this over `createBookingDecider(policy)`; it takes every upkeep
 * command, whatever rooms decider it is given (a repair or a fault that rooms decider refuses, it
 * refuses too).
 *
 * @param roomsDecider - the rooms and bookings decider, judging by the same policy
 * @param policy - the parameters in force (default: the policy's defaults, always)
 * @returns the decider
 * @example
 * const upkeep = createUpkeepDeciderOver(createBookingDecider());
 * upkeep.decide({ type: 'ConfirmPowerOff', now, actor, roomId: 'A', bookingId: 'b1' }, state) // => { ok: true, value: [{ type: 'PowerOffConfirmed', … }] }
 */
export function createUpkeepDeciderOver(
  roomsDecider: BookingDecider,
  policy: PolicyLookup = () => DEFAULT_PARAMETERS,
): UpkeepDecider {
  return makeUpkeepDecider(policy, roomsDecider, parseUpkeepCommand, decideCommand);
}

/**
 * Makes the upkeep decider for a door kiosk: the fault seen at the door (over
 * `createDoorBookingDecider(policy)`, which warns the later bookings that need the item), the
 * organizer's checklist and the power-off confirmation, decided as
 * {@link createUpkeepDecider} decides them. It refuses the rest (K-2, `door.not-taken`): the
 * repair, the inspection, the fault warnings on demand and the cleaning, done by the room
 * admin and the cleaners elsewhere. It folds every event alike, and leaves their rules out of a
 * bundle that imports it alone.
 *
 * @param policy - the parameters in force (default: the policy's defaults, always)
 * @returns the decider
 * @example
 * const upkeep = createDoorUpkeepDecider();
 * upkeep.decide({ type: 'ConfirmPowerOff', now, actor, roomId: 'A', bookingId: 'b1' }, state) // => { ok: true, value: [{ type: 'PowerOffConfirmed', … }] }
 * upkeep.decide({ type: 'RecordCleaning', now, actor, roomId: 'A' }, state) // => { ok: false, rejection: { rule: 'K-2', code: 'door.not-taken', … } }
 */
export function createDoorUpkeepDecider(
  policy: PolicyLookup = () => DEFAULT_PARAMETERS,
): UpkeepDecider {
  return makeUpkeepDecider(
    policy,
    createDoorBookingDecider(policy),
    parseDoorUpkeepCommand,
    decideAtDoor,
  );
}

type DecideCommand = (
  c: UpkeepCommand,
  state: UpkeepState,
  policy: PolicyLookup,
  roomsDecider: BookingDecider,
) => UpkeepDecision;

function makeUpkeepDecider(
  policy: PolicyLookup,
  roomsDecider: BookingDecider,
  parse: (input: unknown) => Result<UpkeepCommand>,
  decideWith: DecideCommand,
): UpkeepDecider {
  return deciderOf({
    initialState: initialUpkeepState,
    parse,
    decide: (c, state) => decideWith(c, state, policy, roomsDecider),
    evolve: evolveUpkeep,
  });
}

/** An upkeep command a door takes (K-2, `DOOR_COMMAND_TYPES`). */
type DoorCommand = Extract<UpkeepCommand, { type: DoorCommandType }>;

const isDoorCommand = (c: UpkeepCommand): c is DoorCommand => takenAtDoor(c.type);

/** What a door takes; the rest is refused (K-2). */
const decideAtDoor: DecideCommand = (c, state, policy, roomsDecider) =>
  isDoorCommand(c) ? decideDoorCommand(c, state, policy, roomsDecider) : fail(notAtDoor(c.type));

/** Every command: the door's, and the rest. */
const decideCommand: DecideCommand = (c, state, policy, roomsDecider) =>
  isDoorCommand(c)
    ? decideDoorCommand(c, state, policy, roomsDecider)
    : decideOther(c, state, policy, roomsDecider);

function decideDoorCommand(
  c: DoorCommand,
  state: UpkeepState,
  policy: PolicyLookup,
  roomsDecider: BookingDecider,
): UpkeepDecision {
  switch (c.type) {
    case 'ReportEquipmentFault':
      return decideFault(c, state, roomsDecider);
    case 'CompleteChecklist':
      return completeChecklist(c, state, policy(c.now, { roomId: c.roomId }));
    case 'ConfirmPowerOff':
      return confirmPowerOff(c, state, policy(c.now, { roomId: c.roomId }));
  }
}

function decideOther(
  c: Exclude<UpkeepCommand, DoorCommand>,
  state: UpkeepState,
  policy: PolicyLookup,
  roomsDecider: BookingDecider,
): UpkeepDecision {
  switch (c.type) {
    case 'RepairEquipment':
      return decideFault(c, state, roomsDecider);
    case 'RecordInspection':
      return recordInspection(c, state, policy(c.now, { roomId: c.roomId }));
    case 'IssueFaultWarnings':
      return issueFaultWarnings(c, state);
    case 'RecordCleaning':
      return recordCleaning(c, state);
    case 'ReportCleaningProblem':
      return reportCleaningProblem(c, state);
    case 'ResolveCleaningProblem':
      return resolveCleaningProblem(c, state);
    default: {
      const never: never = c;
      throw new TypeError(`unhandled command ${JSON.stringify(never)}`);
    }
  }
}
