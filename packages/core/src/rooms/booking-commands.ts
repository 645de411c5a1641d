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
  type Check,
} from '../input/index.js';
import { checkSeries } from '../time/check-series.js';
import type { Series } from '../time/recurrence.js';
import { EQUIPMENT_KINDS, checkRoom } from './room.js';

const base = commandBase;
const equipment = optional(listOf(oneOf(EQUIPMENT_KINDS), { max: 20, unique: true }));
const minutes = int(1, 24 * 60);
const series: Check<Series> = (v, path) => {
  const r = checkSeries(v);
  return r.ok ? { ok: true, value: r.value } : { ok: false, path, expected: r.rejection.message };
};

/** The shape of every booking command, checked field by field; the types below follow from it. */
export const BOOKING_COMMAND_SHAPES = {
  RegisterRoom: object({ type: oneOf(['RegisterRoom']), ...base, room: checkRoom }),
  UpdateRoom: object({ type: oneOf(['UpdateRoom']), ...base, room: checkRoom }),
  ReportEquipmentFault: object({
    type: oneOf(['ReportEquipmentFault']),
    ...base,
    roomId: id(),
    equipmentId: id(),
    note: text(),
  }),
  RepairEquipment: object({
    type: oneOf(['RepairEquipment']),
    ...base,
    roomId: id(),
    equipmentId: id(),
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
    equipment,
    confidential: optional(bool()),
    seriesId: optional(id()),
  }),
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
    equipment,
  }),
  CancelBooking: object({
    type: oneOf(['CancelBooking']),
    ...base,
    roomId: id(),
    bookingId: id(),
    reason: optional(text()),
  }),
  CheckIn: object({ type: oneOf(['CheckIn']), ...base, roomId: id(), bookingId: id() }),
  ReleaseNoShows: object({ type: oneOf(['ReleaseNoShows']), ...base, roomId: optional(id()) }),
  WalkUp: object({
    type: oneOf(['WalkUp']),
    ...base,
    bookingId: id(),
    roomId: id(),
    minutes,
    topic: optional(text(200)),
    headcount: optional(int(1, 10_000)),
    department: optional(text(100)),
  }),
  ExtendBooking: object({
    type: oneOf(['ExtendBooking']),
    ...base,
    roomId: id(),
    bookingId: id(),
    minutes,
    /** The end the person saw when they asked: a repeated tap extends once. */
    fromEnd: instant(),
  }),
  EndEarly: object({ type: oneOf(['EndEarly']), ...base, roomId: id(), bookingId: id() }),
  RequestSeries: object({
    type: oneOf(['RequestSeries']),
    ...base,
    seriesId: id(),
    roomId: id(),
    series,
    durationMinutes: minutes,
    organizerId: optional(id()),
    department: optional(text(100)),
    topic: text(200),
    headcount: int(1, 10_000),
    equipment,
    confidential: optional(bool()),
    /** Book every occurrence within the horizon or none, or book those that fit and report the rest. */
    mode: oneOf(['all-or-nothing', 'book-what-fits']),
  }),
} as const;

/** The command a shape of {@link BOOKING_COMMAND_SHAPES} checks. */
export type CommandOf<K extends keyof typeof BOOKING_COMMAND_SHAPES> =
  (typeof BOOKING_COMMAND_SHAPES)[K] extends Check<infer T> ? T : never;

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

/** Book a regular meeting's occurrences within the horizon as one request (M-1, R-2). */
export type RequestSeries = CommandOf<'RequestSeries'>;

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

/** The command types, for checking input. */
export const BOOKING_COMMAND_TYPES = Object.keys(
  BOOKING_COMMAND_SHAPES,
) as BookingCommand['type'][];
