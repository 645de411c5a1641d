import type { Instant } from '../time/instant.js';

/** What an inspection or a checklist found: the item works, or it is faulty. */
export type EquipmentCheckResult = 'ok' | 'faulty';

/** Every check result, `ok` first. */
export const EQUIPMENT_CHECK_RESULTS: readonly EquipmentCheckResult[] = Object.freeze([
  'ok',
  'faulty',
]);

/** One inspection of a piece of equipment by the room admin. */
export interface InspectionRecord {
  readonly equipmentId: string;
  readonly result: EquipmentCheckResult;
  /** What was found; always given when the item is faulty. */
  readonly note?: string;
  readonly by: string;
  readonly at: Instant;
}

/** An open fault: the item is faulty from `at` until it is repaired. */
export interface FaultRecord {
  readonly equipmentId: string;
  readonly note: string;
  readonly reportedBy: string;
  readonly at: Instant;
}

/** One answer of the organizer's pre-meeting checklist. */
export interface ChecklistAnswer {
  readonly equipmentId: string;
  readonly result: EquipmentCheckResult;
  /** What is wrong; always given when the item is faulty. */
  readonly note?: string;
}

/** The checklist of one booking, as completed at the door. */
export interface ChecklistRecord {
  readonly bookingId: string;
  readonly answers: readonly ChecklistAnswer[];
  readonly by: string;
  readonly at: Instant;
}

/** The organizer's confirmation that everything is off after the meeting. */
export interface PowerOffRecord {
  readonly bookingId: string;
  readonly by: string;
  readonly at: Instant;
}

/** One cleaning of a room. */
export interface CleaningRecord {
  readonly by: string;
  readonly at: Instant;
  readonly note?: string;
}

/** A problem found in a room's cleanliness or fittings, open until resolved. */
export interface CleaningProblem {
  readonly problemId: string;
  readonly note: string;
  readonly reportedBy: string;
  readonly at: Instant;
  /** When the room admin resolved it, by whom and how; absent while open. */
  readonly resolved?: { readonly by: string; readonly at: Instant; readonly note?: string };
}
