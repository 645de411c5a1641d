import type { Recipient } from '../people/recipient.js';
import type {
  BookingEvent,
  EquipmentFaultReported,
  EquipmentRepaired,
} from '../rooms/booking-events.js';
import type { EquipmentKind } from '../rooms/room.js';
import type { Instant } from '../time/instant.js';
import type { ChecklistAnswer, EquipmentCheckResult } from './upkeep-records.js';

/** The room admin inspected a piece of equipment. */
export interface EquipmentInspected {
  readonly type: 'EquipmentInspected';
  readonly roomId: string;
  readonly equipmentId: string;
  readonly result: EquipmentCheckResult;
  readonly note?: string;
  readonly by: string;
  readonly at: Instant;
}
/** The organizer went through the equipment checklist of a booking at the door. */
export interface ChecklistCompleted {
  readonly type: 'ChecklistCompleted';
  readonly roomId: string;
  readonly bookingId: string;
  readonly answers: readonly ChecklistAnswer[];
  readonly by: string;
  readonly at: Instant;
}
/** The organizer confirmed everything is off after the meeting. */
export interface PowerOffConfirmed {
  readonly type: 'PowerOffConfirmed';
  readonly roomId: string;
  readonly bookingId: string;
  readonly by: string;
  readonly at: Instant;
}
/** One fault a warning speaks of: the item, its kind, what is wrong and since when. */
export interface WarnedFault {
  readonly equipmentId: string;
  readonly kind: EquipmentKind;
  readonly note: string;
  readonly reportedAt: Instant;
}
/**
 * A later booking needs equipment that is faulty with no working item of its kind left in the room:
 * tell its organizer. Data, not delivery; each fault is told to each booking once.
 */
export interface FaultWarningIssued {
  readonly type: 'FaultWarningIssued';
  readonly roomId: string;
  readonly bookingId: string;
  /** The organizer to tell, `{ personId }`. */
  readonly to: Recipient;
  /** `bookingId:fault:at`: unique, for delivery without duplicates. */
  readonly noticeId: string;
  readonly start: Instant;
  readonly faults: readonly WarnedFault[];
  readonly at: Instant;
}
/** A room was cleaned. */
export interface RoomCleaned {
  readonly type: 'RoomCleaned';
  readonly roomId: string;
  readonly by: string;
  readonly at: Instant;
  readonly note?: string;
}
/** A problem was found in a room: open until resolved. */
export interface CleaningProblemReported {
  readonly type: 'CleaningProblemReported';
  readonly roomId: string;
  readonly problemId: string;
  readonly note: string;
  readonly reportedBy: string;
  readonly at: Instant;
}
/** The room admin resolved a reported problem. */
export interface CleaningProblemResolved {
  readonly type: 'CleaningProblemResolved';
  readonly roomId: string;
  readonly problemId: string;
  readonly by: string;
  readonly at: Instant;
  readonly note?: string;
}

/** The events only the upkeep context decides. */
export type UpkeepOwnEvent =
  | EquipmentInspected
  | ChecklistCompleted
  | PowerOffConfirmed
  | FaultWarningIssued
  | RoomCleaned
  | CleaningProblemReported
  | CleaningProblemResolved;

/**
 * Every event the upkeep decider decides: its own, and the rooms context's fault and repair, so
 * that one event marks an item faulty for both contexts.
 */
export type UpkeepEvent = UpkeepOwnEvent | EquipmentFaultReported | EquipmentRepaired;

/** What the upkeep state folds: the rooms' streams, holding both contexts' events. */
export type UpkeepLogEvent = UpkeepOwnEvent | BookingEvent;

/** The types of {@link UpkeepOwnEvent}. */
export const UPKEEP_OWN_EVENT_TYPES: readonly UpkeepOwnEvent['type'][] = Object.freeze([
  'EquipmentInspected',
  'ChecklistCompleted',
  'PowerOffConfirmed',
  'FaultWarningIssued',
  'RoomCleaned',
  'CleaningProblemReported',
  'CleaningProblemResolved',
]);

/**
 * Whether an event of the log is one of the upkeep context's own (the rest are the rooms').
 *
 * @param e - an event of a room's stream
 * @returns true for {@link UpkeepOwnEvent}
 * @example
 * isUpkeepOwnEvent({ type: 'RoomCleaned', roomId: 'A', by: 'admin', at: 0 }) // => true
 */
export function isUpkeepOwnEvent(e: { readonly type: string }): e is UpkeepOwnEvent {
  return (UPKEEP_OWN_EVENT_TYPES as readonly string[]).includes(e.type);
}

/**
 * The stream an upkeep event belongs to: its room's, beside the rooms context's events.
 *
 * @param e - the event
 * @returns `room:<roomId>`
 * @example
 * upkeepStreamOf({ type: 'RoomCleaned', roomId: 'A', by: 'admin', at: 0 }) // => 'room:A'
 */
export function upkeepStreamOf(e: UpkeepEvent): string {
  return `room:${e.roomId}`;
}
