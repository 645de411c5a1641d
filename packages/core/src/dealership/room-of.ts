import type { FeeBooks } from './dealership-state.js';
import type { DoorDeciderState } from './door-state.js';
import { routeCommand, type DealershipCommand, type DealershipEvent } from './contexts.js';
import { routeEvent } from './event-context.js';

/** What {@link roomOfCommand} and {@link roomOfEvent} read: a door's state, or the dealership's. */
export type RoomLookupState = DoorDeciderState & { readonly fees?: FeeBooks };

const roomOfMeeting = (
  state: RoomLookupState,
  meetingId: string | undefined,
): string | undefined =>
  meetingId === undefined ? undefined : state.meetings.meetings.get(meetingId)?.booking?.roomId;

/**
 * The room a command concerns, if any: the room whose commands a sync hub takes one at a time
 * (S-1), and the only room a door may act for (S-3). Read from the command, or, for a command that
 * names a meeting or a waiver, from the state: a meeting's room is its booking's.
 *
 * `undefined` means the command concerns no single room: minutes, actions, the directory, the
 * policy, a meeting with no room yet, and the commands that may span rooms (`ReleaseNoShows` and
 * `IssueFaultWarnings` without a `roomId`, an expense without one). A door takes none of these for
 * a room it is not at.
 *
 * @param command - a command of any context
 * @param state - the state it will be decided against (a door's, or the dealership's)
 * @returns the room's id, or `undefined`
 * @example
 * roomOfCommand({ type: 'CheckIn', now, actor, roomId: 'A', bookingId: 'b1' }, state) // => 'A'
 * roomOfCommand({ type: 'SignIn', now, actor, meetingId: 'm1', personId: 'li' }, state) // => the room of m1's booking
 */
export function roomOfCommand(
  command: DealershipCommand,
  state: RoomLookupState,
): string | undefined {
  const r = routeCommand(command);
  if (r === undefined) return undefined;
  switch (r.context) {
    case 'rooms': {
      const c = r.command;
      return c.type === 'RegisterRoom' || c.type === 'UpdateRoom' ? c.room.id : c.roomId;
    }
    case 'upkeep':
      return r.command.roomId;
    case 'meetings': {
      const c = r.command;
      switch (c.type) {
        case 'PlanMeeting':
          return c.booking?.roomId;
        case 'EditMeeting':
        case 'RescheduleMeeting':
          return c.booking?.roomId ?? roomOfMeeting(state, c.meetingId);
        default:
          return roomOfMeeting(state, c.meetingId);
      }
    }
    case 'fees': {
      const c = r.command;
      switch (c.type) {
        case 'GrantWaiver':
        case 'RefuseWaiver':
          return state.fees?.waivers.get(c.waiverId)?.roomId;
        default:
          return c.roomId;
      }
    }
    case 'minutes':
    case 'actions':
    case 'directory':
    case 'policy':
      return undefined;
  }
}

/**
 * The room an event concerns, if any: what a door may read (S-3). Read from the event, or, for a
 * meeting's event that names no room, from the meeting's booking in the state (before or after the
 * event: a meeting's room is known from its first event on).
 *
 * `undefined` for the events of no single room: minutes, actions, the directory, the policy, an
 * expense without a room, and a meeting with no room.
 *
 * @param event - an event of any context
 * @param state - a state the event's meeting is known in
 * @returns the room's id, or `undefined`
 * @example
 * roomOfEvent({ type: 'RoomCleaned', roomId: 'A', by: 'admin', at: 0 }, state) // => 'A'
 */
export function roomOfEvent(event: DealershipEvent, state: RoomLookupState): string | undefined {
  const r = routeEvent(event);
  if (r === undefined) return undefined;
  switch (r.context) {
    case 'rooms':
    case 'upkeep':
      return r.event.roomId;
    case 'meetings': {
      const e = r.event;
      switch (e.type) {
        case 'MeetingPlanned':
        case 'MeetingEdited':
          return e.plan.booking?.roomId;
        case 'MeetingRescheduled':
          return e.booking.roomId;
        default:
          return roomOfMeeting(state, e.meetingId);
      }
    }
    case 'fees': {
      const e = r.event;
      return e.type === 'ExpenseRecorded' ? e.expense.roomId : e.roomId;
    }
    case 'minutes':
    case 'actions':
    case 'directory':
    case 'policy':
      return undefined;
  }
}
