import {
  commandBase,
  bool,
  id,
  instant,
  int,
  listOf,
  object,
  oneOf,
  optional,
  text,
  type Checked,
} from '../input/index.js';
import type { RequestSeries } from './series-commands.js';
import { EQUIPMENT_KINDS, checkRoom } from './room.js';

const base = commandBase;
/** The equipment a booking asks for: known kinds, each once. */
export const bookingEquipment = optional(listOf(oneOf(EQUIPMENT_KINDS), { max: 20, unique: true }));
/** How many minutes a command may extend by, or a series occurrence last: one minute to a day. */
export const commandMinutes = int(1, 24 * 60);

/**
 * The shape of every booking command a door takes (K-2), checked field by field: the door parses
 * with these alone, so that the others stay out of its bundle.
 */
export const DOOR_BOOKING_COMMAND_SHAPES = {
  RegisterRoom: object({ type: oneOf(['RegisterRoom']), ...base, room: checkRoom }),
  ReportEquipmentFault: object({
    type: oneOf(['ReportEquipmentFault']),
    ...base,
    roomId: id(),
    equipmentId: id(),
    note: text(),
  }),
  RequestBooking: object({
    type: oneOf(['RequestBooking']),
    ...base,
    bookingId: id(),
    roomId: id(),
    organizerId: optional(id()),
    department: optional(text(100)),
    topic: text(200),
    headcount: int(1, 10_000),
    start: instant(),
    end: instant(),
    equipment: bookingEquipment,
    confidential: optional(bool()),
    seriesId: optional(id()),
  }),
  CheckIn: object({ type: oneOf(['CheckIn']), ...base, roomId: id(), bookingId: id() }),
  ReleaseNoShows: object({ type: oneOf(['ReleaseNoShows']), ...base, roomId: optional(id()) }),
  WalkUp: object({
    type: oneOf(['WalkUp']),
    ...base,
    bookingId: id(),
    roomId: id(),
    minutes: commandMinutes,
    topic: optional(text(200)),
    headcount: optional(int(1, 10_000)),
    department: optional(text(100)),
  }),
  ExtendBooking: object({
    type: oneOf(['ExtendBooking']),
    ...base,
    roomId: id(),
    bookingId: id(),
    minutes: commandMinutes,
    /** The end the person saw when they asked: a repeated tap extends once. */
    fromEnd: instant(),
  }),
  EndEarly: object({ type: oneOf(['EndEarly']), ...base, roomId: id(), bookingId: id() }),
} as const;

/**
 * The shape of every booking command but `RequestSeries`, checked field by field; the types below
 * follow from it. {@link BOOKING_COMMAND_SHAPES} adds the series request.
 */
export const SINGLE_BOOKING_COMMAND_SHAPES = {
  RegisterRoom: DOOR_BOOKING_COMMAND_SHAPES.RegisterRoom,
  UpdateRoom: object({ type: oneOf(['UpdateRoom']), ...base, room: checkRoom }),
  ReportEquipmentFault: DOOR_BOOKING_COMMAND_SHAPES.ReportEquipmentFault,
  RepairEquipment: object({
    type: oneOf(['RepairEquipment']),
    ...base,
    roomId: id(),
    equipmentId: id(),
  }),
  RequestBooking: DOOR_BOOKING_COMMAND_SHAPES.RequestBooking,
  ApproveBooking: object({
    type: oneOf(['ApproveBooking']),
    ...base,
    roomId: id(),
    bookingId: id(),
  }),
  DeclineBooking: object({
    type: oneOf(['DeclineBooking']),
    ...base,
    roomId: id(),
    bookingId: id(),
    reason: text(),
  }),
  ChangeBooking: object({
    type: oneOf(['ChangeBooking']),
    ...base,
    roomId: id(),
    bookingId: id(),
    start: optional(instant()),
    end: optional(instant()),
    headcount: optional(int(1, 10_000)),
    topic: optional(text(200)),
    equipment: bookingEquipment,
  }),
  CancelBooking: object({
    type: oneOf(['CancelBooking']),
    ...base,
    roomId: id(),
    bookingId: id(),
    reason: optional(text()),
  }),
  CheckIn: DOOR_BOOKING_COMMAND_SHAPES.CheckIn,
  ReleaseNoShows: DOOR_BOOKING_COMMAND_SHAPES.ReleaseNoShows,
  WalkUp: DOOR_BOOKING_COMMAND_SHAPES.WalkUp,
  ExtendBooking: DOOR_BOOKING_COMMAND_SHAPES.ExtendBooking,
  EndEarly: DOOR_BOOKING_COMMAND_SHAPES.EndEarly,
} as const;

/** The command a shape of {@link SINGLE_BOOKING_COMMAND_SHAPES} checks. */
export type CommandOf<K extends keyof typeof SINGLE_BOOKING_COMMAND_SHAPES> = Checked<
  (typeof SINGLE_BOOKING_COMMAND_SHAPES)[K]
>;

/** Add a room to the site: room admin only. */
export type RegisterRoom = CommandOf<'RegisterRoom'>;
/** Replace a room's description: room admin only. */
export type UpdateRoom = CommandOf<'UpdateRoom'>;
/** Report a piece of equipment faulty, from the door or elsewhere. */
export type ReportEquipmentFault = CommandOf<'ReportEquipmentFault'>;
/** Mark a faulty piece of equipment repaired: room admin only. */
export type RepairEquipment = CommandOf<'RepairEquipment'>;
/** Ask for a room; `organizerId` other than the actor's needs the room admin. */
export type RequestBooking = CommandOf<'RequestBooking'>;
/** Approve a pending booking: room admin only. */
export type ApproveBooking = CommandOf<'ApproveBooking'>;
/** Decline a pending booking, with a reason: room admin only. */
export type DeclineBooking = CommandOf<'DeclineBooking'>;
/** Change a booking: its organizer or the room admin. */
export type ChangeBooking = CommandOf<'ChangeBooking'>;
/** Cancel a booking: its organizer or the room admin. */
export type CancelBooking = CommandOf<'CancelBooking'>;
/** Check in at the door. */
export type CheckIn = CommandOf<'CheckIn'>;
/** Release every booking not checked in by its window's end, in a room or all. */
export type ReleaseNoShows = CommandOf<'ReleaseNoShows'>;
/** Book now at the door for some minutes, capped at the next booking. */
export type WalkUp = CommandOf<'WalkUp'>;
/** Extend a meeting in progress. */
export type ExtendBooking = CommandOf<'ExtendBooking'>;
/** End a meeting in progress early, freeing the rest. */
export type EndEarly = CommandOf<'EndEarly'>;

export type { RequestSeries } from './series-commands.js';

/** Every command of the rooms and bookings context. */
export type BookingCommand =
  | RegisterRoom
  | UpdateRoom
  | ReportEquipmentFault
  | RepairEquipment
  | RequestBooking
  | ApproveBooking
  | DeclineBooking
  | ChangeBooking
  | CancelBooking
  | CheckIn
  | ReleaseNoShows
  | WalkUp
  | ExtendBooking
  | EndEarly
  | RequestSeries;

/**
 * The command types, for routing input: the keys of {@link BOOKING_COMMAND_SHAPES}, written out so
 * that routing by type does not load the shapes (nor, through the series request, recurrence).
 */
export const BOOKING_COMMAND_TYPES: readonly BookingCommand['type'][] = [
  'RegisterRoom',
  'UpdateRoom',
  'ReportEquipmentFault',
  'RepairEquipment',
  'RequestBooking',
  'ApproveBooking',
  'DeclineBooking',
  'ChangeBooking',
  'CancelBooking',
  'CheckIn',
  'ReleaseNoShows',
  'WalkUp',
  'ExtendBooking',
  'EndEarly',
  'RequestSeries',
];
