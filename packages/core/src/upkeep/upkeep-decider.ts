import { deciderOf } from '../decider/decider-of.js';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import type { Decider } from '../decider/decider.js';
import { parseCommand } from '../input/index.js';
import type { Result, RuleId } from '../rejection/index.js';
import { createBookingDecider, type BookingDecider } from '../rooms/booking-decider.js';
import type { UpkeepDecision } from './decide-context.js';
import { completeChecklist, confirmPowerOff } from './decide-checklist.js';
import {
  recordCleaning,
  reportCleaningProblem,
  resolveCleaningProblem,
} from './decide-cleaning.js';
import { decideFault, issueFaultWarnings, recordInspection } from './decide-equipment.js';
import { UPKEEP_COMMAND_SHAPES, type UpkeepCommand } from './upkeep-commands.js';
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
 * Makes the upkeep decider over a given rooms decider, which decides the faults and repairs: for a
 * door kiosk, {@link createDoorBookingDecider}, so that the bundle leaves series bookings out.
 *
 * @param roomsDecider - the rooms and bookings decider, judging by the same policy
 * @param policy - the parameters in force (default: the policy's defaults, always)
 * @returns the decider
 * @example
 * const upkeep = createUpkeepDeciderOver(createDoorBookingDecider());
 * upkeep.decide({ type: 'ConfirmPowerOff', now, actor, roomId: 'A', bookingId: 'b1' }, state) // => { ok: true, value: [{ type: 'PowerOffConfirmed', … }] }
 */
export function createUpkeepDeciderOver(
  roomsDecider: BookingDecider,
  policy: PolicyLookup = () => DEFAULT_PARAMETERS,
): UpkeepDecider {
  return deciderOf({
    initialState: initialUpkeepState,
    parse: parseUpkeepCommand,
    decide: (c, state) => decideCommand(c, state, policy, roomsDecider),
    evolve: evolveUpkeep,
  });
}

function decideCommand(
  c: UpkeepCommand,
  state: UpkeepState,
  policy: PolicyLookup,
  roomsDecider: BookingDecider,
): UpkeepDecision {
  switch (c.type) {
    case 'ReportEquipmentFault':
    case 'RepairEquipment':
      return decideFault(c, state, roomsDecider);
    case 'RecordInspection':
      return recordInspection(c, state, policy(c.now, { roomId: c.roomId }));
    case 'CompleteChecklist':
      return completeChecklist(c, state, policy(c.now, { roomId: c.roomId }));
    case 'ConfirmPowerOff':
      return confirmPowerOff(c, state, policy(c.now, { roomId: c.roomId }));
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
