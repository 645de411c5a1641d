import type { MeetingEvent } from '../meetings/meeting-events.js';
import { isMeetingEvent } from '../meetings/meeting-events.js';
import {
  foldMeetingEvents,
  initialMeetingState,
  type MeetingState,
} from '../meetings/meeting-state.js';
import type { DirectoryState, PersonRegistered } from '../people/directory.js';
import type { Person } from '../people/person.js';
import { isBookingEvent } from '../rooms/booking-events.js';
import { initialBookingState, type BookingState } from '../rooms/booking-state.js';
import { isUpkeepOwnEvent, type UpkeepLogEvent } from '../upkeep/upkeep-events.js';
import { foldUpkeepEvents, type RoomUpkeep, type UpkeepState } from '../upkeep/upkeep-state.js';

/**
 * What a door's decider knows: the rooms (their equipment, faults and bookings) and their upkeep,
 * the meetings, and the people directory. A whole {@link DealershipState} is one too.
 */
export interface DoorDeciderState {
  /** The people directory. */
  readonly directory: DirectoryState;
  /** The rooms, their equipment and faults, and their bookings. */
  readonly rooms: BookingState;
  /** Each room's upkeep, by room id. */
  readonly upkeep: ReadonlyMap<string, RoomUpkeep>;
  /** The meetings and the confidentiality agreements signed. */
  readonly meetings: MeetingState;
}

/** Nothing known yet: no people, no rooms, no meetings. */
export const initialDoorDeciderState: DoorDeciderState = Object.freeze({
  directory: Object.freeze({ people: new Map() }),
  rooms: initialBookingState,
  upkeep: new Map(),
  meetings: initialMeetingState,
});

/**
 * The upkeep context's view of a door's (or the dealership's) state: its rooms and their upkeep.
 *
 * @param state - the state
 * @returns the upkeep state, sharing the state's parts (not a copy)
 * @example
 * upkeepStateOf(initialDoorDeciderState).rooms === initialDoorDeciderState.rooms // => true
 */
export function upkeepStateOf(state: DoorDeciderState): UpkeepState {
  return { rooms: state.rooms, upkeep: state.upkeep };
}

/**
 * Whether a registration holds a person the door can show and decide with: its id, and a person of
 * that id with a name, a department, an employee number and roles.
 */
function isPersonEntry(e: PersonRegistered): boolean {
  const p = e.person as Partial<Record<keyof Person, unknown>> | null | undefined;
  return (
    typeof e.personId === 'string' &&
    typeof p === 'object' &&
    p !== null &&
    p.id === e.personId &&
    typeof p.name === 'string' &&
    typeof p.department === 'string' &&
    typeof p.employeeNumber === 'string' &&
    Array.isArray(p.roles)
  );
}

/** A door's events by the context whose state they change, each list in log order. */
interface DoorParts {
  readonly rooms: UpkeepLogEvent[];
  readonly meetings: MeetingEvent[];
  readonly directory: PersonRegistered[];
}

/**
 * Folds the door's events among some (the rooms', upkeep's, meetings' and directory's) into a
 * state, and returns the others, in log order, for the caller. Each context's fold runs once.
 *
 * @param state - the state to start from
 * @param events - events in log order
 * @returns the new state (the other fields of `state` kept) and the events left
 */
export function foldDoorPart<S extends DoorDeciderState, E extends { readonly type: string }>(
  state: S,
  events: Iterable<E>,
): { readonly state: S; readonly rest: readonly E[] } {
  const parts: DoorParts = { rooms: [], meetings: [], directory: [] };
  const rest: E[] = [];
  for (const e of events) {
    // What has no type is no context's: left to the caller, never thrown on.
    if (typeof e !== 'object' || e === null || typeof e.type !== 'string') rest.push(e);
    else if (isBookingEvent(e) || isUpkeepOwnEvent(e)) parts.rooms.push(e);
    else if (isMeetingEvent(e)) parts.meetings.push(e);
    else if (e.type === 'PersonRegistered') parts.directory.push(e as unknown as PersonRegistered);
    else rest.push(e);
  }
  let next: S = state;
  if (parts.rooms.length > 0) {
    const folded = foldUpkeepEvents(upkeepStateOf(state), parts.rooms);
    next = { ...next, rooms: folded.rooms, upkeep: folded.upkeep };
  }
  if (parts.meetings.length > 0) {
    next = { ...next, meetings: foldMeetingEvents(state.meetings, parts.meetings) };
  }
  if (parts.directory.length > 0) {
    const people = new Map(state.directory.people);
    // A registration that does not read as a person is passed over (the door shows names).
    for (const e of parts.directory) if (isPersonEntry(e)) people.set(e.personId, e.person);
    next = { ...next, directory: { people } };
  }
  return { state: next, rest };
}

/**
 * Folds events into a door's state: the rooms', upkeep's, meetings' and directory's; any other
 * (minutes, actions, fees, the policy, a kiosk's own) is no door decider's business and is skipped.
 *
 * @param state - the state to start from
 * @param events - events in log order
 * @returns the new state; `state` itself is not changed
 * @example
 * foldDoorEvents(initialDoorDeciderState, [{ type: 'RoomRegistered', roomId: 'A', room }]).rooms.rooms.has('A') // => true
 */
export function foldDoorEvents(
  state: DoorDeciderState,
  events: Iterable<{ readonly type: string }>,
): DoorDeciderState {
  return foldDoorPart(state, events).state;
}
