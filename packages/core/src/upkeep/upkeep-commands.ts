import {
  commandBase as base,
  id,
  listOf,
  object,
  oneOf,
  optional,
  text,
  type Checked,
} from '../input/index.js';
import {
  DOOR_BOOKING_COMMAND_SHAPES,
  SINGLE_BOOKING_COMMAND_SHAPES,
} from '../rooms/booking-commands.js';
import type { RepairEquipment, ReportEquipmentFault } from '../rooms/booking-commands.js';
import { EQUIPMENT_CHECK_RESULTS } from './upkeep-records.js';

const answer = object({
  equipmentId: id(),
  result: oneOf(EQUIPMENT_CHECK_RESULTS),
  note: optional(text()),
});

/**
 * The shape of every upkeep command a door takes (K-2), checked field by field: the door parses
 * with these alone, so that the others stay out of its bundle.
 */
export const DOOR_UPKEEP_COMMAND_SHAPES = {
  ReportEquipmentFault: DOOR_BOOKING_COMMAND_SHAPES.ReportEquipmentFault,
  CompleteChecklist: object({
    type: oneOf(['CompleteChecklist']),
    ...base,
    roomId: id(),
    bookingId: id(),
    answers: listOf(answer, { max: 100 }),
  }),
  ConfirmPowerOff: object({
    type: oneOf(['ConfirmPowerOff']),
    ...base,
    roomId: id(),
    bookingId: id(),
  }),
} as const;

/**
 * The shape of every upkeep command, checked field by field; the types below follow from it. The
 * fault report and the repair are the rooms context's own commands (same shapes, same events): the
 * upkeep decider takes them too and adds the warnings a new fault calls for.
 */
export const UPKEEP_COMMAND_SHAPES = {
  ReportEquipmentFault: DOOR_UPKEEP_COMMAND_SHAPES.ReportEquipmentFault,
  RepairEquipment: SINGLE_BOOKING_COMMAND_SHAPES.RepairEquipment,
  RecordInspection: object({
    type: oneOf(['RecordInspection']),
    ...base,
    roomId: id(),
    equipmentId: id(),
    result: oneOf(EQUIPMENT_CHECK_RESULTS),
    note: optional(text()),
  }),
  CompleteChecklist: DOOR_UPKEEP_COMMAND_SHAPES.CompleteChecklist,
  ConfirmPowerOff: DOOR_UPKEEP_COMMAND_SHAPES.ConfirmPowerOff,
  IssueFaultWarnings: object({
    type: oneOf(['IssueFaultWarnings']),
    ...base,
    roomId: optional(id()),
  }),
  RecordCleaning: object({
    type: oneOf(['RecordCleaning']),
    ...base,
    roomId: id(),
    note: optional(text()),
  }),
  ReportCleaningProblem: object({
    type: oneOf(['ReportCleaningProblem']),
    ...base,
    roomId: id(),
    problemId: id(),
    note: text(),
  }),
  ResolveCleaningProblem: object({
    type: oneOf(['ResolveCleaningProblem']),
    ...base,
    roomId: id(),
    problemId: id(),
    note: optional(text()),
  }),
} as const;

/** The command a shape of {@link UPKEEP_COMMAND_SHAPES} checks. */
export type UpkeepCommandOf<K extends keyof typeof UPKEEP_COMMAND_SHAPES> = Checked<
  (typeof UPKEEP_COMMAND_SHAPES)[K]
>;

/** Record an inspection of one piece of equipment, ok or faulty with a note: room admin only. */
export type RecordInspection = UpkeepCommandOf<'RecordInspection'>;
/**
 * The organizer's pre-meeting checklist at the door: every working item of the kinds the
 * booking needs, checked ok or reported faulty (with what is wrong).
 */
export type CompleteChecklist = UpkeepCommandOf<'CompleteChecklist'>;
/** The organizer confirms everything is off once the meeting is over. */
export type ConfirmPowerOff = UpkeepCommandOf<'ConfirmPowerOff'>;
/** Warn every later booking that needs a faulty item and has not been warned yet, in a room or all. */
export type IssueFaultWarnings = UpkeepCommandOf<'IssueFaultWarnings'>;
/** Record that a room was cleaned: room admin only. */
export type RecordCleaning = UpkeepCommandOf<'RecordCleaning'>;
/** Report a problem found in a room, from the door or elsewhere. */
export type ReportCleaningProblem = UpkeepCommandOf<'ReportCleaningProblem'>;
/** Mark a reported problem resolved: room admin only. */
export type ResolveCleaningProblem = UpkeepCommandOf<'ResolveCleaningProblem'>;

/** Every command of the upkeep context, the rooms context's fault report and repair included. */
export type UpkeepCommand =
  | ReportEquipmentFault
  | RepairEquipment
  | RecordInspection
  | CompleteChecklist
  | ConfirmPowerOff
  | IssueFaultWarnings
  | RecordCleaning
  | ReportCleaningProblem
  | ResolveCleaningProblem;

/** The command types, for checking input. */
export const UPKEEP_COMMAND_TYPES = /* @__PURE__ */ Object.keys(
  UPKEEP_COMMAND_SHAPES,
) as UpkeepCommand['type'][];
