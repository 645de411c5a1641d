/**
 * Upkeep: equipment inspections with their interval, overdue inspections, the
 * organizer's checklist at the door, faults with warnings to the later bookings that need them,
 * the power-off confirmation after a meeting; cleaning with its interval, overdue cleaning and
 * problems reported like faults.
 *
 * One fault, two contexts: a fault is the rooms context's own `EquipmentFaultReported` event and a
 * repair its `EquipmentRepaired`, whichever decider decides them (the rooms decider's
 * `ReportEquipmentFault` and `RepairEquipment`, which the upkeep decider also takes; a faulty
 * inspection; a faulty checklist answer). Both go to the room's stream, so the rooms state R-2
 * reads and the upkeep state fold the very same events: an item is faulty for both from its report
 * until its repair. The upkeep state holds the rooms state (`state.rooms`) folded from those
 * streams, so R-2 can be asked against it directly.
 *
 * Intervals count calendar days on the site's wall clock: done on day D, due again by the end of
 * day D + interval, overdue from the next midnight.
 *
 * @packageDocumentation
 */
export { EQUIPMENT_CHECK_RESULTS } from './upkeep-records.js';
export type {
  EquipmentCheckResult,
  InspectionRecord,
  FaultRecord,
  ChecklistAnswer,
  ChecklistRecord,
  PowerOffRecord,
  CleaningRecord,
  CleaningProblem,
} from './upkeep-records.js';
export { UPKEEP_COMMAND_SHAPES, UPKEEP_COMMAND_TYPES } from './upkeep-commands.js';
export type {
  UpkeepCommand,
  UpkeepCommandOf,
  RecordInspection,
  CompleteChecklist,
  ConfirmPowerOff,
  IssueFaultWarnings,
  RecordCleaning,
  ReportCleaningProblem,
  ResolveCleaningProblem,
} from './upkeep-commands.js';
export { UPKEEP_OWN_EVENT_TYPES, isUpkeepOwnEvent, upkeepStreamOf } from './upkeep-events.js';
export type * from './upkeep-events.js';
export { upkeepRejections } from './upkeep-rejections.js';
export type { UpkeepRejection, UpkeepRejectionCode } from './upkeep-rejections.js';
export {
  initialUpkeepState,
  EMPTY_ROOM_UPKEEP,
  foldUpkeepEvents,
  evolveUpkeep,
  roomUpkeep,
  warningKey,
} from './upkeep-state.js';
export type { UpkeepState, RoomUpkeep } from './upkeep-state.js';
export { faultWarnings, faultWarningEvents } from './fault-warnings.js';
export type { FaultWarning } from './fault-warnings.js';
export { overdueFrom, overdueInspections, overdueCleanings } from './overdue.js';
export type { OverdueInspection, OverdueCleaning } from './overdue.js';
export {
  actualEnd,
  faultyEquipment,
  checklistFor,
  powerOffPending,
  openCleaningProblems,
} from './upkeep-queries.js';
export type {
  FaultyItem,
  ChecklistItem,
  PowerOffPending,
  OpenCleaningProblem,
} from './upkeep-queries.js';
export { checklistWindow } from './decide-checklist.js';
export {
  createUpkeepDecider,
  createUpkeepDeciderOver,
  createDoorUpkeepDecider,
  parseUpkeepCommand,
  parseDoorUpkeepCommand,
} from './upkeep-decider.js';
export type { UpkeepDecider } from './upkeep-decider.js';
