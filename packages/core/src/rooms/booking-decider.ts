import { deciderOf } from '../decider/decider-of.js';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyParameters } from '../policy/parameters.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import type { Actor } from '../people/actor.js';
import type { Decider } from '../decider/decider.js';
import { parseCommand, parseDoorCommandOf } from '../input/index.js';
import {
  fail,
  notAtDoor,
  ok,
  takenAtDoor,
  type DoorCommandType,
  type Result,
  type RuleId,
} from '../rejection/index.js';
import { MINUTE } from '../time/instant.js';
import type { Booking } from './booking.js';
import {
  DOOR_BOOKING_COMMAND_SHAPES,
  type ApproveBooking,
  type BookingCommand,
  type CancelBooking,
  type ChangeBooking,
  type CheckIn,
  type DeclineBooking,
  type EndEarly,
  type ExtendBooking,
  type RegisterRoom,
  type ReleaseNoShows,
  type RepairEquipment,
  type ReportEquipmentFault,
  type RequestBooking,
  type UpdateRoom,
  type WalkUp,
} from './booking-commands.js';
import { requestSeries } from './series-booking.js';
import { BOOKING_COMMAND_SHAPES } from './series-commands.js';
import { findBooking, firstRejection, isAdmin, sameJson, sameRequest } from './decide-helpers.js';
import type { BookingEvent } from './booking-events.js';
import { bookingRejections as why } from './booking-rejections.js';
import {
  evolveBookings,
  initialBookingState,
  type BookingState,
  type RoomState,
} from './booking-state.js';
import { checkBooking } from './check-booking.js';
import { dueReleases, settleReleases } from './due-releases.js';
import { extensionEnd } from './extension.js';
import { walkUpSpan } from './walk-up.js';

/** The rule each command answers to first, for a malformed one. */
const COMMAND_RULE: Record<BookingCommand['type'], RuleId> = {
  RegisterRoom: 'R-1',
  UpdateRoom: 'R-1',
  ReportEquipmentFault: 'R-7',
  RepairEquipment: 'R-7',
  RequestBooking: 'R-2',
  ApproveBooking: 'R-2',
  DeclineBooking: 'R-2',
  ChangeBooking: 'R-3',
  CancelBooking: 'R-3',
  CheckIn: 'R-4',
  ReleaseNoShows: 'R-4',
  WalkUp: 'R-5',
  ExtendBooking: 'R-5',
  EndEarly: 'R-5',
  RequestSeries: 'R-2',
};

/**
 * Whether a type is one of the rooms context's commands, the series included (read from the rules
 * above, not the shapes).
 *
 * @param type - a command's type
 * @returns true for a booking command
 * @example
 * isBookingCommandType('CancelBooking') // => true
 */
export function isBookingCommandType(type: string): boolean {
  return Object.hasOwn(COMMAND_RULE, type);
}

/**
 * Reads a command from outside (arbitrary JSON): a typed command, or a rejection saying which
 * field is wrong. Never throws.
 *
 * @param input - anything
 * @returns the command or why it is malformed
 * @example
 * parseBookingCommand({ type: 'Nope' }).ok // => false
 */
export function parseBookingCommand(input: unknown): Result<BookingCommand> {
  return parseCommand<BookingCommand>(BOOKING_COMMAND_SHAPES, COMMAND_RULE, 'R-2', input);
}

/**
 * The rooms and bookings decider: a {@link Decider} of {@link BookingCommand}s. Its `decide` checks
 * the command again at run time, so a value that is not one is refused as `command.malformed`.
 */
export type BookingDecider = Decider<BookingCommand, BookingState, BookingEvent>;

/**
 * Makes the rooms and bookings decider, judging each command by the policy in force at its `now`
 * for its room (P-1, P-3).
 *
 * @param policy - the parameters in force (default: the policy's defaults, always)
 * @returns the decider
 * @example
 * const { decide } = createBookingDecider();
 * decide({ type: 'CheckIn', now, actor, roomId: 'A', bookingId: 'b1' }, state) // => { ok: true, value: [{ type: 'BookingCheckedIn', … }] }
 */
export function createBookingDecider(
  policy: PolicyLookup = () => DEFAULT_PARAMETERS,
): BookingDecider {
  return makeBookingDecider(policy, parseBookingCommand, decideCommand);
}

/**
 * Makes the rooms and bookings decider for a door kiosk: the commands a door issues (`WalkUp`,
 * `RequestBooking`, `CheckIn`, `ExtendBooking`, `EndEarly`, `ReleaseNoShows`,
 * `ReportEquipmentFault`, and `RegisterRoom` from a schedule file), decided as
 * {@link createBookingDecider} decides them. It refuses the rest (K-2, `door.not-taken`): the
 * series, changing a room, approving, declining, changing and cancelling a booking, and the
 * repair, all done in the booking system. It folds every event alike, those included, and leaves
 * their rules and recurrence out of a bundle that imports it alone.
 *
 * @param policy - the parameters in force (default: the policy's defaults, always)
 * @returns the decider
 * @example
 * createDoorBookingDecider().decide({ type: 'CancelBooking', … }, state) // => { ok: false, rejection: { rule: 'K-2', code: 'door.not-taken', … } }
 */
export function createDoorBookingDecider(
  policy: PolicyLookup = () => DEFAULT_PARAMETERS,
): BookingDecider {
  return makeBookingDecider(policy, parseDoorBookingCommand, decideAtDoor);
}

/**
 * Reads a command from outside for a door ({@link createDoorBookingDecider}): a command a door
 * takes (`DOOR_COMMAND_TYPES`) as {@link parseBookingCommand} reads it; any other booking command
 * (the series, a cancellation, …) is refused before its shape is read (K-2, `door.not-taken`,
 * naming it), and their shapes and recurrence are left out of a bundle that imports it alone.
 * Never throws.
 *
 * @param input - anything
 * @returns the command or why it is malformed or not taken at the door
 * @example
 * parseDoorBookingCommand({ type: 'RequestSeries' }).ok // => false (door.not-taken)
 * parseDoorBookingCommand({ type: 'CancelBooking' }).ok // => false (door.not-taken)
 */
export function parseDoorBookingCommand(input: unknown): Result<BookingCommand> {
  return parseDoorCommandOf<BookingCommand>(
    DOOR_BOOKING_COMMAND_SHAPES,
    COMMAND_RULE,
    'R-2',
    input,
  );
}

type DecideCommand = (
  c: BookingCommand,
  state: BookingState,
  policy: PolicyLookup,
) => Result<BookingEvent[]>;

function makeBookingDecider(
  policy: PolicyLookup,
  parse: (input: unknown) => Result<BookingCommand>,
  decideWith: DecideCommand,
): BookingDecider {
  return deciderOf({
    initialState: initialBookingState,
    parse,
    decide: (c, state) => decideWith(c, state, policy),
    evolve: evolveBookings,
  });
}

/** A booking command a door takes (K-2, `DOOR_COMMAND_TYPES`). */
type DoorCommand = Extract<BookingCommand, { type: DoorCommandType }>;

const isDoorCommand = (c: BookingCommand): c is DoorCommand => takenAtDoor(c.type);

/** What a door takes; the rest is refused (K-2). */
const decideAtDoor: DecideCommand = (c, state, policy) =>
  isDoorCommand(c) ? decideDoorCommand(c, state, policy) : fail(notAtDoor(c.type));

/** Every command: the door's, and the rest. */
const decideCommand: DecideCommand = (c, state, policy) =>
  isDoorCommand(c) ? decideDoorCommand(c, state, policy) : decideOther(c, state, policy);

const done = (events: BookingEvent[] = []): Result<BookingEvent[]> => ok(events);

/** A command of one room: the room's state after the releases due, and the policy for it. */
type InRoom = (
  state: BookingState,
  rs: RoomState,
  params: PolicyParameters,
) => Result<BookingEvent[]>;

/**
 * Decides a command of one room: time-driven releases happen before whatever the command
 * asks, in the same batch.
 */
function inRoom(
  c: { readonly roomId: string; readonly now: number },
  state: BookingState,
  policy: PolicyLookup,
  decide: InRoom,
): Result<BookingEvent[]> {
  const rs = state.rooms.get(c.roomId);
  if (!rs) return fail(why.unknownRoom(c.roomId));
  const { released, state: after } = settleReleases(state, rs, c.now, policy);
  const room = after.rooms.get(c.roomId) as RoomState;
  const result = decide(after, room, policy(c.now, { roomId: c.roomId }));
  return result.ok && result.value.length > 0 ? ok([...released, ...result.value]) : result;
}

/** The booking a command names, in its room, or why there is none. */
function withBooking(
  c: { readonly bookingId: string },
  rs: RoomState,
  decide: (b: Booking) => Result<BookingEvent[]>,
): Result<BookingEvent[]> {
  const b = rs.bookings.get(c.bookingId);
  return b ? decide(b) : fail(why.unknownBooking(c.bookingId));
}

function decideDoorCommand(
  c: DoorCommand,
  state: BookingState,
  policy: PolicyLookup,
): Result<BookingEvent[]> {
  switch (c.type) {
    case 'RegisterRoom':
      return defineRoom(c, state);
    case 'ReportEquipmentFault':
      return equipment(c, state);
    case 'ReleaseNoShows':
      return releaseNoShows(c, state, policy);
    case 'RequestBooking':
      return inRoom(c, state, policy, (after, rs, params) =>
        requestBooking(c, after, rs, params, policy),
      );
    case 'WalkUp':
      return inRoom(c, state, policy, (after, rs, params) => walkUp(c, after, rs, params));
    case 'CheckIn':
      return inRoom(c, state, policy, (_, rs, params) =>
        withBooking(c, rs, (b) => checkIn(c, b, params)),
      );
    case 'ExtendBooking':
      return inRoom(c, state, policy, (_, rs, params) =>
        withBooking(c, rs, (b) => extend(c, rs, b, params)),
      );
    case 'EndEarly':
      return inRoom(c, state, policy, (_, rs) => withBooking(c, rs, (b) => endEarly(c, b)));
  }
}

function decideOther(
  c: Exclude<BookingCommand, DoorCommand>,
  state: BookingState,
  policy: PolicyLookup,
): Result<BookingEvent[]> {
  switch (c.type) {
    case 'UpdateRoom':
      return defineRoom(c, state);
    case 'RepairEquipment':
      return equipment(c, state);
    case 'RequestSeries':
      return inRoom(c, state, policy, (after, rs, params) =>
        requestSeries(c, after, rs, params, policy),
      );
    case 'ApproveBooking':
    case 'DeclineBooking':
      return inRoom(c, state, policy, (_, rs) => withBooking(c, rs, (b) => approveOrDecline(c, b)));
    case 'ChangeBooking':
      return inRoom(c, state, policy, (_, rs, params) =>
        withBooking(c, rs, (b) => changeBooking(c, rs, b, params)),
      );
    case 'CancelBooking':
      return inRoom(c, state, policy, (_, rs, params) =>
        withBooking(c, rs, (b) => cancelBooking(c, b, params)),
      );
    // Stryker disable next-line ConditionalExpression,BlockStatement: unreachable, the switch is exhaustive (the compiler checks `never`)
    default: {
      const never: never = c;
      // Stryker disable next-line StringLiteral: unreachable, the switch is exhaustive (the compiler checks `never`)
      throw new TypeError(`unhandled command ${JSON.stringify(never)}`);
    }
  }
}

function defineRoom(c: RegisterRoom | UpdateRoom, state: BookingState): Result<BookingEvent[]> {
  if (!isAdmin(c.actor))
    return fail(
      why.adminOnly('R-1', { 'zh-CN': '登记或修改会议室', en: 'register or change a room' }),
    );
  const existing = state.rooms.get(c.room.id);
  if (c.type === 'RegisterRoom') {
    if (existing) return sameJson(existing.room, c.room) ? done() : fail(why.roomExists(c.room.id));
    return done([{ type: 'RoomRegistered', roomId: c.room.id, room: c.room }]);
  }
  if (!existing) return fail(why.unknownRoom(c.room.id));
  return sameJson(existing.room, c.room)
    ? done()
    : done([{ type: 'RoomUpdated', roomId: c.room.id, room: c.room }]);
}

function equipment(
  c: ReportEquipmentFault | RepairEquipment,
  state: BookingState,
): Result<BookingEvent[]> {
  const rs = state.rooms.get(c.roomId);
  if (!rs) return fail(why.unknownRoom(c.roomId));
  if (!rs.room.equipment.some((e) => e.id === c.equipmentId))
    return fail(why.unknownEquipment(c.roomId, c.equipmentId));
  if (c.type === 'ReportEquipmentFault') {
    if (rs.faulty.has(c.equipmentId)) return done();
    return done([
      {
        type: 'EquipmentFaultReported',
        roomId: c.roomId,
        equipmentId: c.equipmentId,
        note: c.note,
        reportedBy: c.actor.id,
        at: c.now,
      },
    ]);
  }
  if (!isAdmin(c.actor))
    return fail(why.adminOnly('R-7', { 'zh-CN': '确认设备已修复', en: 'mark equipment repaired' }));
  if (!rs.faulty.has(c.equipmentId)) return done();
  return done([
    {
      type: 'EquipmentRepaired',
      roomId: c.roomId,
      equipmentId: c.equipmentId,
      by: c.actor.id,
      at: c.now,
    },
  ]);
}

function releaseNoShows(
  c: ReleaseNoShows,
  state: BookingState,
  policy: PolicyLookup,
): Result<BookingEvent[]> {
  if (c.roomId !== undefined && !state.rooms.has(c.roomId)) return fail(why.unknownRoom(c.roomId));
  const rooms =
    c.roomId === undefined ? [...state.rooms.values()] : [state.rooms.get(c.roomId) as RoomState];
  return done(rooms.flatMap((rs) => dueReleases(rs, c.now, policy, false)));
}

function requestBooking(
  c: RequestBooking,
  state: BookingState,
  rs: RoomState,
  params: PolicyParameters,
  policy: PolicyLookup,
): Result<BookingEvent[]> {
  const organizerId = c.organizerId ?? c.actor.id;
  const booking: Booking = {
    id: c.bookingId,
    roomId: c.roomId,
    organizerId,
    ...(c.department === undefined ? {} : { department: c.department }),
    topic: c.topic,
    headcount: c.headcount,
    start: c.start,
    end: c.end,
    equipment: c.equipment ?? [],
    confidential: c.confidential ?? false,
    ...(c.seriesId === undefined ? {} : { seriesId: c.seriesId }),
    walkUp: false,
    status: rs.room.needsApproval && !isAdmin(c.actor) ? 'pending' : 'confirmed',
    requestedAt: c.now,
  };
  const existing = findBooking(state, c.bookingId);
  if (existing) return sameRequest(existing, booking) ? done() : fail(why.duplicateId(c.bookingId));
  if (organizerId !== c.actor.id && !isAdmin(c.actor)) {
    return fail(
      why.adminOnly('R-3', { 'zh-CN': '替他人预订', en: 'book on behalf of someone else' }),
    );
  }
  const rejected = firstRejection(state, rs, booking, params, policy, c.now);
  if (rejected) return fail(rejected);
  return done([
    {
      type: booking.status === 'pending' ? 'BookingRequested' : 'RoomBooked',
      roomId: c.roomId,
      booking,
    },
  ]);
}

function approveOrDecline(c: ApproveBooking | DeclineBooking, b: Booking): Result<BookingEvent[]> {
  if (!isAdmin(c.actor))
    return fail(why.adminOnly('R-2', { 'zh-CN': '审批预订', en: 'approve or decline bookings' }));
  const target = c.type === 'ApproveBooking' ? 'confirmed' : 'declined';
  if (b.status === target) return done();
  if (b.status !== 'pending') return fail(why.notPending(b.id));
  return done([
    c.type === 'ApproveBooking'
      ? { type: 'BookingApproved', roomId: b.roomId, bookingId: b.id, by: c.actor.id, at: c.now }
      : {
          type: 'BookingDeclined',
          roomId: b.roomId,
          bookingId: b.id,
          by: c.actor.id,
          reason: c.reason,
          at: c.now,
        },
  ]);
}

/** The organizer or the room admin may change or cancel. */
const mayChange = (a: Actor, b: Booking): boolean => a.id === b.organizerId || isAdmin(a);

function changeBooking(
  c: ChangeBooking,
  rs: RoomState,
  b: Booking,
  params: PolicyParameters,
): Result<BookingEvent[]> {
  if (!mayChange(c.actor, b)) return fail(why.notOrganizer());
  if (b.status !== 'pending' && b.status !== 'confirmed')
    return fail(why.notActive(b.id, b.status));
  if (c.now >= b.start) return fail(why.started(b.id));
  const next = {
    start: c.start ?? b.start,
    end: c.end ?? b.end,
    headcount: c.headcount ?? b.headcount,
    topic: c.topic ?? b.topic,
    equipment: c.equipment ?? b.equipment,
  };
  if (
    sameJson(next, {
      start: b.start,
      end: b.end,
      headcount: b.headcount,
      topic: b.topic,
      equipment: b.equipment,
    })
  )
    return done();
  const rejections = checkBooking(
    rs.room,
    rs.index,
    { ...next, confidential: b.confidential },
    params,
    {
      now: c.now,
      faulty: rs.faulty,
      ignoreId: b.id,
    },
  );
  const first = rejections[0];
  if (first) return fail(first);
  const pending = b.status === 'pending' || (rs.room.needsApproval && !isAdmin(c.actor));
  return done([
    { type: 'BookingChanged', roomId: b.roomId, bookingId: b.id, ...next, pending, by: c.actor.id },
  ]);
}

function cancelBooking(
  c: CancelBooking,
  b: Booking,
  params: PolicyParameters,
): Result<BookingEvent[]> {
  if (!mayChange(c.actor, b)) return fail(why.notOrganizer());
  if (b.status === 'cancelled') return done();
  if (b.status === 'checked-in') return fail(why.started(b.id));
  if (b.status !== 'pending' && b.status !== 'confirmed')
    return fail(why.notActive(b.id, b.status));
  const late = c.now > b.start - params.rooms.lateCancellationMinutes * MINUTE;
  return done([
    {
      type: 'BookingCancelled',
      roomId: b.roomId,
      bookingId: b.id,
      by: c.actor.id,
      late,
      at: c.now,
      ...(c.reason === undefined ? {} : { reason: c.reason }),
    },
  ]);
}

function checkIn(c: CheckIn, b: Booking, params: PolicyParameters): Result<BookingEvent[]> {
  const zone = params.time.zone;
  const p = params.rooms;
  if (b.status === 'checked-in') return done();
  if (b.status === 'pending') return fail(why.checkInPending());
  const closes =
    b.end - b.start >= p.checkInExemptFromMinutes * MINUTE
      ? b.end
      : b.start + p.checkInClosesMinutesAfterStart * MINUTE;
  if (b.status === 'released') return fail(why.checkInTooLate(closes, zone));
  if (b.status !== 'confirmed') return fail(why.notActive(b.id, b.status));
  const opens = b.start - p.checkInOpensMinutesBeforeStart * MINUTE;
  if (c.now < opens) return fail(why.checkInTooEarly(opens, zone));
  if (c.now >= closes) return fail(why.checkInTooLate(closes, zone));
  return done([{ type: 'BookingCheckedIn', roomId: b.roomId, bookingId: b.id, at: c.now }]);
}

function walkUp(
  c: WalkUp,
  state: BookingState,
  rs: RoomState,
  params: PolicyParameters,
): Result<BookingEvent[]> {
  const existing = findBooking(state, c.bookingId);
  if (existing)
    return existing.walkUp && existing.roomId === c.roomId
      ? done()
      : fail(why.duplicateId(c.bookingId));
  const span = walkUpSpan(rs, c.now, c.minutes, params);
  if (!span.ok) return span;
  const { start, end } = span.value;
  const headcount = c.headcount ?? 1;
  if (headcount > rs.room.capacity)
    return fail(why.overCapacity(rs.room.name, headcount, rs.room.capacity));
  const booking: Booking = {
    id: c.bookingId,
    roomId: c.roomId,
    organizerId: c.actor.id,
    ...(c.department === undefined ? {} : { department: c.department }),
    topic: c.topic ?? '现场预订 Walk-up',
    headcount,
    start,
    end,
    equipment: [],
    confidential: false,
    walkUp: true,
    status: 'confirmed',
    requestedAt: c.now,
  };
  return done([
    { type: 'RoomBooked', roomId: c.roomId, booking },
    { type: 'BookingCheckedIn', roomId: c.roomId, bookingId: c.bookingId, at: c.now },
  ]);
}

function extend(
  c: ExtendBooking,
  rs: RoomState,
  b: Booking,
  params: PolicyParameters,
): Result<BookingEvent[]> {
  if (b.status === 'checked-in' && b.end === c.fromEnd + c.minutes * MINUTE) return done();
  if (b.status !== 'checked-in' || c.now >= b.end) return fail(why.notInProgress(b.id));
  if (b.end !== c.fromEnd) return fail(why.extendStale(b.end, params.time.zone));
  const extended = extensionEnd(rs, b, c.now, c.minutes, params);
  if (!extended.ok) return extended;
  const end = extended.value;
  return done([
    { type: 'BookingExtended', roomId: b.roomId, bookingId: b.id, end, by: c.actor.id },
  ]);
}

function endEarly(c: EndEarly, b: Booking): Result<BookingEvent[]> {
  if (b.status === 'ended') return done();
  if (b.status !== 'checked-in' || c.now >= b.end) return fail(why.notInProgress(b.id));
  return done([
    { type: 'BookingEndedEarly', roomId: b.roomId, bookingId: b.id, at: c.now, by: c.actor.id },
  ]);
}
