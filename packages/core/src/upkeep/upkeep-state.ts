import { isBookingEvent, type BookingEvent } from '../rooms/booking-events.js';
import {
  foldBookingEvents,
  initialBookingState,
  type BookingState,
} from '../rooms/booking-state.js';
import { isUpkeepOwnEvent, type UpkeepEvent, type UpkeepLogEvent } from './upkeep-events.js';
import type {
  ChecklistRecord,
  CleaningProblem,
  CleaningRecord,
  FaultRecord,
  InspectionRecord,
  PowerOffRecord,
} from './upkeep-records.js';

/** The upkeep of one room: equipment inspections and faults, checklists, power-off, cleaning. */
export interface RoomUpkeep {
  /** Per equipment id, its inspections, oldest first. */
  readonly inspections: ReadonlyMap<string, readonly InspectionRecord[]>;
  /** Open faults by equipment id: faulty until repaired. */
  readonly faults: ReadonlyMap<string, FaultRecord>;
  /** Completed checklists by booking id. */
  readonly checklists: ReadonlyMap<string, ChecklistRecord>;
  /** Power-off confirmations by booking id. */
  readonly powerOffs: ReadonlyMap<string, PowerOffRecord>;
  /** Warnings issued, by `bookingId|equipmentId|reportedAt`: never twice. */
  readonly warned: ReadonlySet<string>;
  /** Cleanings, oldest first. */
  readonly cleanings: readonly CleaningRecord[];
  /** Problems reported, open and resolved, by id. */
  readonly problems: ReadonlyMap<string, CleaningProblem>;
}

/**
 * What the upkeep decider knows: the rooms context's state (rooms, equipment, bookings and the
 * faulty set R-2 reads), folded from the same room streams, and each room's upkeep.
 */
export interface UpkeepState {
  readonly rooms: BookingState;
  readonly upkeep: ReadonlyMap<string, RoomUpkeep>;
}

/** No rooms, no upkeep. */
export const initialUpkeepState: UpkeepState = { rooms: initialBookingState, upkeep: new Map() };

/** The upkeep of a room nothing has happened to yet. */
export const EMPTY_ROOM_UPKEEP: RoomUpkeep = {
  inspections: new Map(),
  faults: new Map(),
  checklists: new Map(),
  powerOffs: new Map(),
  warned: new Set(),
  cleanings: [],
  problems: new Map(),
};

interface Draft {
  inspections: Map<string, readonly InspectionRecord[]>;
  /** Lists already copied in this fold: appended in place. */
  copied: Set<string>;
  faults: Map<string, FaultRecord>;
  checklists: Map<string, ChecklistRecord>;
  powerOffs: Map<string, PowerOffRecord>;
  warned: Set<string>;
  cleanings: CleaningRecord[];
  problems: Map<string, CleaningProblem>;
}

const draftOf = (u: RoomUpkeep): Draft => ({
  inspections: new Map(u.inspections),
  copied: new Set(),
  faults: new Map(u.faults),
  checklists: new Map(u.checklists),
  powerOffs: new Map(u.powerOffs),
  warned: new Set(u.warned),
  cleanings: [...u.cleanings],
  problems: new Map(u.problems),
});

const freeze = (d: Draft): RoomUpkeep => ({
  inspections: d.inspections,
  faults: d.faults,
  checklists: d.checklists,
  powerOffs: d.powerOffs,
  warned: d.warned,
  cleanings: d.cleanings,
  problems: d.problems,
});

/**
 * The key of one warning: a fault (an item and when it was reported) told to one booking.
 *
 * @param bookingId - the booking warned
 * @param equipmentId - the faulty item
 * @param reportedAt - when its fault was reported
 * @returns `bookingId|equipmentId|reportedAt`
 * @example
 * warningKey('b1', 'A-proj', 0) // => 'b1|A-proj|0'
 */
export const warningKey = (bookingId: string, equipmentId: string, reportedAt: number): string =>
  `${bookingId}|${equipmentId}|${reportedAt}`;

const optionalNote = (note: string | undefined) => (note === undefined ? {} : { note });

function inspect(d: Draft, record: InspectionRecord): void {
  const id = record.equipmentId;
  const list = d.inspections.get(id) ?? [];
  if (d.copied.has(id)) (list as InspectionRecord[]).push(record);
  else {
    d.inspections.set(id, [...list, record]);
    d.copied.add(id);
  }
}

/** Applies one event to a writable room; the decider guarantees the event fits the state. */
function apply(d: Draft, e: UpkeepEvent): void {
  switch (e.type) {
    case 'EquipmentInspected': {
      const { equipmentId, result, by, at } = e;
      inspect(d, { equipmentId, result, ...optionalNote(e.note), by, at });
      return;
    }
    case 'EquipmentFaultReported':
      if (!d.faults.has(e.equipmentId)) {
        const { equipmentId, note, reportedBy, at } = e;
        d.faults.set(equipmentId, { equipmentId, note, reportedBy, at });
      }
      return;
    case 'EquipmentRepaired':
      d.faults.delete(e.equipmentId);
      return;
    case 'ChecklistCompleted':
      // A second checklist for one booking (two tabs, each deciding against the same state): the
      // first stands, as the decider would have kept it.
      if (d.checklists.has(e.bookingId)) return;
      d.checklists.set(e.bookingId, {
        bookingId: e.bookingId,
        answers: e.answers,
        by: e.by,
        at: e.at,
      });
      // Whoever reported a fault on the checklist knows of it: no warning to its own booking.
      for (const a of e.answers) {
        const f = a.result === 'faulty' ? d.faults.get(a.equipmentId) : undefined;
        if (f) d.warned.add(warningKey(e.bookingId, a.equipmentId, f.at));
      }
      return;
    case 'PowerOffConfirmed':
      if (d.powerOffs.has(e.bookingId)) return;
      d.powerOffs.set(e.bookingId, { bookingId: e.bookingId, by: e.by, at: e.at });
      return;
    case 'FaultWarningIssued':
      for (const f of e.faults) d.warned.add(warningKey(e.bookingId, f.equipmentId, f.reportedAt));
      return;
    case 'RoomCleaned':
      d.cleanings.push({ by: e.by, at: e.at, ...optionalNote(e.note) });
      return;
    case 'CleaningProblemReported': {
      const { problemId, note, reportedBy, at } = e;
      d.problems.set(problemId, { problemId, note, reportedBy, at });
      return;
    }
    case 'CleaningProblemResolved': {
      const p = d.problems.get(e.problemId);
      if (p && !p.resolved)
        d.problems.set(p.problemId, {
          ...p,
          resolved: { by: e.by, at: e.at, ...optionalNote(e.note) },
        });
      return;
    }
    default: {
      // An event this version does not know (a later one's): left as it is, never thrown.
      const never: never = e;
      return never;
    }
  }
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isRecord = (v: unknown): boolean => typeof v === 'object' && v !== null;

/**
 * Whether an upkeep event has what its fold reads: the log may hold anything (an older version,
 * an import, a bug), and the fold goes past what it cannot read rather than throw.
 */
function isReadable(e: UpkeepEvent): boolean {
  if (!isRecord(e) || !isText(e.roomId)) return false;
  switch (e.type) {
    case 'EquipmentInspected':
    case 'EquipmentFaultReported':
    case 'EquipmentRepaired':
      return isText(e.equipmentId);
    case 'ChecklistCompleted':
      return (
        isText(e.bookingId) &&
        Array.isArray(e.answers) &&
        e.answers.every((a) => isRecord(a) && isText(a.equipmentId))
      );
    case 'PowerOffConfirmed':
      return isText(e.bookingId);
    case 'FaultWarningIssued':
      return (
        isText(e.bookingId) &&
        Array.isArray(e.faults) &&
        e.faults.every((f) => isRecord(f) && isText(f.equipmentId))
      );
    case 'CleaningProblemReported':
    case 'CleaningProblemResolved':
      return isText(e.problemId);
    default:
      return true;
  }
}

/**
 * Folds many events of the rooms' streams at once: the rooms context's own events into `rooms`
 * (with its own fold), the upkeep events and the faults into each room's upkeep; each touched room
 * is copied once. Events for a room never registered, and events of other contexts, are ignored.
 * Total over whatever a log holds: an event it cannot read is passed over; a second checklist or
 * power-off confirmation for one booking, or a second resolution of a problem, leaves the first
 * standing (R-7, R-9). It never throws.
 *
 * @param state - the state to start from
 * @param events - events in log order
 * @returns the new state; `state` itself is not changed
 * @example
 * foldUpkeepEvents(initialUpkeepState, [{ type: 'RoomRegistered', roomId: 'A', room }]).rooms.rooms.has('A') // => true
 */
export function foldUpkeepEvents(
  state: UpkeepState,
  events: Iterable<UpkeepLogEvent>,
): UpkeepState {
  const roomEvents: BookingEvent[] = [];
  const registered = new Set<string>();
  const drafts = new Map<string, Draft>();
  for (const e of events) {
    if (!isUpkeepOwnEvent(e)) {
      if (!isBookingEvent(e)) continue;
      roomEvents.push(e);
      if (e.type === 'RoomRegistered') registered.add(e.roomId);
      if (e.type !== 'EquipmentFaultReported' && e.type !== 'EquipmentRepaired') continue;
    }
    if (!state.rooms.rooms.has(e.roomId) && !registered.has(e.roomId)) continue;
    if (!isReadable(e)) continue;
    let d = drafts.get(e.roomId);
    if (d === undefined) {
      d = draftOf(state.upkeep.get(e.roomId) ?? EMPTY_ROOM_UPKEEP);
      drafts.set(e.roomId, d);
    }
    apply(d, e);
  }
  const rooms = roomEvents.length > 0 ? foldBookingEvents(state.rooms, roomEvents) : state.rooms;
  if (drafts.size === 0) return rooms === state.rooms ? state : { rooms, upkeep: state.upkeep };
  const upkeep = new Map(state.upkeep);
  for (const [roomId, d] of drafts) upkeep.set(roomId, freeze(d));
  return { rooms, upkeep };
}

/**
 * Applies one event (a decider's `evolve`). Pure: the state given is left as it was.
 *
 * @param state - the current state
 * @param event - an event of a room's stream
 * @returns the next state
 * @example
 * evolveUpkeep(initialUpkeepState, { type: 'RoomRegistered', roomId: 'A', room }).rooms.rooms.size // => 1
 */
export function evolveUpkeep(state: UpkeepState, event: UpkeepLogEvent): UpkeepState {
  return foldUpkeepEvents(state, [event]);
}

/**
 * The upkeep of a room, empty when nothing has happened to it yet.
 *
 * @param state - the upkeep state
 * @param roomId - the room
 * @returns its upkeep
 * @example
 * roomUpkeep(initialUpkeepState, 'A').cleanings // => []
 */
export function roomUpkeep(state: UpkeepState, roomId: string): RoomUpkeep {
  return state.upkeep.get(roomId) ?? EMPTY_ROOM_UPKEEP;
}
