export {
  EMPTY_INDEX,
  buildIndex,
  firstConflict,
  isFree,
  entriesIn,
  entryAtInstant,
  nextEntryFrom,
  freeSlots,
  nextFreeMoment,
  withEntry,
  withoutEntry,
  withEnd,
} from './availability-index.js';
export type { AvailabilityIndex, IndexEntry } from './availability-index.js';
export {
  EQUIPMENT_KINDS,
  checkRoom,
  openSpansOn,
  withinOpeningHours,
  closingAfter,
} from './room.js';
export type { Room, EquipmentItem, EquipmentKind, OpeningSpan } from './room.js';
export { HOLDING_STATUSES, occupied } from './booking.js';
export type { Booking, BookingStatus } from './booking.js';
export { SINGLE_BOOKING_COMMAND_SHAPES, BOOKING_COMMAND_TYPES } from './booking-commands.js';
export { BOOKING_COMMAND_SHAPES, REQUEST_SERIES_SHAPE } from './series-commands.js';
export type {
  CommandOf,
  BookingCommand,
  RegisterRoom,
  UpdateRoom,
  ReportEquipmentFault,
  RepairEquipment,
  RequestBooking,
  ApproveBooking,
  DeclineBooking,
  ChangeBooking,
  CancelBooking,
  CheckIn,
  ReleaseNoShows,
  WalkUp,
  ExtendBooking,
  EndEarly,
  RequestSeries,
} from './booking-commands.js';
export { bookingStreamOf, BOOKING_EVENT_TYPES, isBookingEvent } from './booking-events.js';
export type * from './booking-events.js';
export { bookingRejections, wallText } from './booking-rejections.js';
export type { BookingRejection, BookingRejectionCode } from './booking-rejections.js';
export {
  initialBookingState,
  foldBookingEvents,
  evolveBookings,
  standingConflicts,
} from './booking-state.js';
export type { BookingState, RoomState, BookingConflict } from './booking-state.js';
export { checkBooking } from './check-booking.js';
export { walkUpSpan, walkUpStart } from './walk-up.js';
export { extensionEnd } from './extension.js';
export type { BookingRequest, CheckBookingOptions } from './check-booking.js';
export { nearestSlots, otherRooms, roomsFree } from './suggestions.js';
export type { Alternatives, RoomNeeds } from './suggestions.js';
export {
  createBookingDecider,
  createDoorBookingDecider,
  parseBookingCommand,
  parseDoorBookingCommand,
} from './booking-decider.js';
export type { BookingDecider } from './booking-decider.js';
export { doorStatus } from './door-status.js';
export type { DoorState, DoorStatus, DoorBooking } from './door-status.js';
