import {
  DEALERSHIP_COMMAND_TYPES,
  DOOR_COMMAND_TYPES,
  OPEN_ACTION_STATUSES,
  commandContext,
  createDealershipDecider,
  eventContext,
  meetingAttendance,
  parametersIn,
  parseDealershipCommand,
  roomOfCommand,
  streamOf,
  type DealershipCommand,
  type DealershipEvent,
  type DealershipOptions,
  type DealershipState,
  type Meeting,
} from '@huiyi/core';
import type { HubDecider } from './hub-decider.js';
import type { HubRules } from './hub-rules.js';
import type { ActionRow, MeetingRow } from './read-model-rows.js';
import { bookingReadModelRows, findBooking, redactBookingForDoor } from './booking-rows.js';

/** Commands only the room admin, the directory's keepers or leadership issue: a key needs `admin`, a door never. */
const ADMIN_COMMANDS = new Set<string>([
  'RegisterRoom',
  'UpdateRoom',
  'ApproveBooking',
  'DeclineBooking',
  'RepairEquipment',
  'ReleaseNoShows',
  'SetTariff',
  'GrantWaiver',
  'RefuseWaiver',
  'RecordExpense',
  'CorrectLedgerEntry',
  ...DEALERSHIP_COMMAND_TYPES.filter((t) => {
    const c = commandContext({ type: t });
    return c === 'directory' || c === 'policy';
  }),
]);

/**
 * What a door may push (S-3): the commands a door issues (K-2, `DOOR_COMMAND_TYPES`) and no other,
 * less those only the admin issues (registering a room or a person, releasing no-shows).
 */
const DOOR_COMMANDS: ReadonlySet<string> = new Set(
  DOOR_COMMAND_TYPES.filter((t) => !ADMIN_COMMANDS.has(t)),
);

/** The keys whose text a confidential meeting keeps from a door (S-4): what it is about, not who. */
const SECRET_TEXT = new Set([
  'topic',
  'goals',
  'title',
  'text',
  'notes',
  'note',
  'summary',
  'description',
  'result',
]);

/** A copy with every secret text blanked and the informed list emptied, at any depth. */
function blank(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(blank);
  // Stryker disable next-line ConditionalExpression: the core's events hold no null (a field without a value is left out)
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // Stryker disable next-line ConditionalExpression: every field of a meeting's events with one of these names holds text
    if (SECRET_TEXT.has(k) && typeof v === 'string') out[k] = '';
    else if (k === 'informed' && Array.isArray(v)) out[k] = [];
    else out[k] = blank(v);
  }
  return out;
}

const meetingIdOf = (e: DealershipEvent): string | undefined => {
  const id = (e as { meetingId?: unknown }).meetingId;
  // Stryker disable next-line ConditionalExpression: every event that names a meeting names it by a string id; an event without one reads undefined either way
  return typeof id === 'string' ? id : undefined;
};

const isConfidentialMeetingEvent = (e: DealershipEvent, state: DealershipState): boolean => {
  const plan = (e as { plan?: { confidential?: unknown } }).plan;
  if (plan?.confidential === true) return true;
  const id = meetingIdOf(e);
  // Stryker disable next-line OptionalChaining,ConditionalExpression: a meeting's events name a meeting the state holds; none is kept under undefined
  return id !== undefined && state.meetings.meetings.get(id)?.confidential === true;
};

const meetingRow = (m: Meeting, state: DealershipState): MeetingRow => {
  const b = m.booking;
  const params = parametersIn(state.policy)(b?.start ?? m.plannedAt, {
    kind: m.kind,
    ...(b ? { roomId: b.roomId } : {}),
  });
  return {
    meeting_id: m.id,
    room_id: b?.roomId ?? null,
    topic: m.topic,
    status: m.status,
    start_at: b?.start ?? null,
    end_at: b?.end ?? null,
    confidential: m.confidential,
    chair_id: m.chairId ?? '',
    participants: [...m.participants],
    attendance: meetingAttendance(m, params.meetings) ?? null,
  };
};

/**
 * The dealership decider of `@huiyi/core` behind the hub's port: every command of every context,
 * serialized per room (a meeting's by the room it is booked in; minutes, actions, the directory
 * and the policy site-wide).
 *
 * @param options - the policy lookup and working calendar (default: read from the state / the default calendar)
 * @returns the decider port
 * @example
 * dealershipHubDecider().roomOf({ type: 'SignIn', meetingId: 'm1', … }, state) // => the meeting's room
 */
export function dealershipHubDecider(
  options?: DealershipOptions,
): HubDecider<DealershipCommand, DealershipEvent, DealershipState> {
  const d = createDealershipDecider(options);
  return {
    initialState: d.initialState,
    parse: parseDealershipCommand,
    decide: (command, state) => d.decide(command, state),
    // Stryker disable next-line ConditionalExpression: folding no events gives the state back as it was; the test only spares the call
    fold: (state, events) => (events.length === 0 ? state : d.fold(state, events)),
    streamOf,
    roomOf: (command, state) => roomOfCommand(command, state),
  };
}

/**
 * The dealership's rules at the hub: what a door takes (K-2) and what needs the admin scope
 * (S-3), which site-wide events a door reads (the directory and the policy), what a door may see
 * of a confidential booking or meeting (S-4), and the rows of every read model.
 *
 * @param options - as for {@link dealershipHubDecider}
 * @returns the rules
 * @example
 * dealershipHubRules().doorCommands.has('SignIn') // => true
 */
export function dealershipHubRules(
  options?: DealershipOptions,
): HubRules<DealershipCommand, DealershipEvent, DealershipState> {
  return {
    decider: dealershipHubDecider(options),
    doorCommands: DOOR_COMMANDS,
    adminCommands: ADMIN_COMMANDS,
    doorSees: (event) => {
      const c = eventContext(event);
      return c === 'directory' || c === 'policy';
    },
    directoryRoles: (personId, state) => state.directory.people.get(personId)?.roles,
    isConfidential: (id, state) =>
      findBooking(state.rooms, id)?.confidential === true ||
      state.meetings.meetings.get(id)?.confidential === true,
    redactForDoor(event, state) {
      // A drawn signature is kept at the hub, as the agreement's proof; a door needs only to know
      // that the agreement was signed, and which version (R-8, S-4). The door where it was drawn
      // keeps its own picture of it.
      // Stryker disable next-line ConditionalExpression,LogicalOperator: only an agreement carries a signature, and a copy of an agreement without one is the agreement as it is
      if (event.type === 'ConfidentialityAgreementSigned' && event.signature !== undefined) {
        const signed: Record<string, unknown> = { ...event };
        delete signed['signature'];
        return signed as unknown as DealershipEvent;
      }
      const booked = redactBookingForDoor(event, state.rooms);
      // Stryker disable next-line ConditionalExpression: of the events that name a meeting only a meeting's own reach a door (minutes and actions do not, S-3): blanking others too changes nothing a door reads
      if (eventContext(event) !== 'meetings' || !isConfidentialMeetingEvent(event, state))
        return booked;
      return blank(booked) as DealershipEvent;
    },
    readModelRows(events, state) {
      const base = bookingReadModelRows(events, state.rooms);
      const meetings = new Map<string, MeetingRow>();
      const actions = new Map<string, ActionRow>();
      for (const e of events) {
        const c = eventContext(e);
        if (c === 'meetings') {
          const id = meetingIdOf(e);
          // Stryker disable next-line ConditionalExpression: no meeting is kept under undefined, so looking it up finds none either
          const m = id === undefined ? undefined : state.meetings.meetings.get(id);
          // Stryker disable next-line ConditionalExpression: every meeting's event names a meeting the state holds after it
          if (m) meetings.set(m.id, meetingRow(m, state));
        } else if (
          // Stryker disable next-line ConditionalExpression: an event of another context names no action
          c === 'actions'
        ) {
          const id = (e as { actionId?: unknown }).actionId;
          // Stryker disable next-line ConditionalExpression: an action is kept under a text id; looking up another finds none
          const a = typeof id === 'string' ? state.actions.actions.get(id) : undefined;
          // Stryker disable next-line ConditionalExpression: an action's events name an action the state holds after them
          if (a) {
            actions.set(a.id, {
              action_id: a.id,
              meeting_id: a.meetingId,
              owner_id: a.ownerId,
              text: a.text,
              status: a.status,
              open: OPEN_ACTION_STATUSES.includes(a.status),
              due: a.due,
              urgency: a.urgency,
            });
          }
        }
      }
      return { ...base, meetings: [...meetings.values()], actions: [...actions.values()] };
    },
  };
}
