import type { PolicyParameters } from '../policy/parameters.js';
import type { Rejection } from '../rejection/index.js';
import { DAY, MINUTE, type Instant } from '../time/instant.js';
import { emptyIntervalRejection, type Interval } from '../time/interval.js';
import {
  buildIndex,
  firstConflict,
  type AvailabilityIndex,
  type IndexEntry,
} from './availability-index.js';
import { bookingRejections as why } from './booking-rejections.js';
import { withinOpeningHours, type EquipmentKind, type Room } from './room.js';

/** What a booking asks of a room. */
export interface BookingRequest {
  readonly start: Instant;
  readonly end: Instant;
  readonly headcount: number;
  readonly equipment: readonly EquipmentKind[];
  readonly confidential: boolean;
}

/** What else a check needs to know. */
export interface CheckBookingOptions {
  /** The moment of the request (T-4). */
  readonly now: Instant;
  /** Ids of faulty equipment in the room. */
  readonly faulty?: ReadonlySet<string> | ReadonlyMap<string, unknown>;
  /** The booking being changed, which does not collide with itself. */
  readonly ignoreId?: string;
}

const isIndex = (x: AvailabilityIndex | readonly IndexEntry[]): x is AvailabilityIndex =>
  !Array.isArray(x);

/**
 * Every reason R-2 (and R-8's room suitability) refuses a booking request, in order: the time
 * itself, opening hours, size, equipment, confidentiality, and last whether the room is free for
 * the whole interval plus the buffer. Empty when the request may be booked.
 *
 * This is the plain rule function beneath the decider, for systems that keep their own tables.
 *
 * @param room - the room
 * @param taken - what the room's other bookings occupy: an index, or a plain list
 * @param request - what is asked
 * @param policy - the parameters in force for this room (P-1, P-3)
 * @param options - `now`, the faulty equipment, a booking to ignore
 * @returns the rejections, each naming its rule with zh-CN and en messages
 * @example
 * checkBooking(room, [], { start, end: start + 3_600_000, headcount: 30, equipment: [], confidential: false }, DEFAULT_PARAMETERS, { now })
 * // => [{ rule: 'R-2', code: 'booking.over-capacity', … }] when the room holds 8
 */
export function checkBooking(
  room: Room,
  taken: AvailabilityIndex | readonly IndexEntry[],
  request: BookingRequest,
  policy: PolicyParameters,
  options: CheckBookingOptions,
): Rejection[] {
  const p = policy.rooms;
  const zone = policy.time.zone;
  const { start, end } = request;
  if (!(start < end)) return [emptyIntervalRejection(start, end)];
  const out: Rejection[] = [];
  if (start < Math.floor(options.now / MINUTE) * MINUTE) out.push(why.inPast(start, zone));
  if (start > options.now + p.horizonDays * DAY) out.push(why.beyondHorizon(p.horizonDays));
  const length = end - start;
  if (length < p.minLengthMinutes * MINUTE) out.push(why.tooShort(p.minLengthMinutes));
  if (length > p.maxLengthMinutes * MINUTE) out.push(why.tooLong(p.maxLengthMinutes));
  const interval: Interval = { start, end };
  if (!withinOpeningHours(room, interval, zone)) out.push(why.closed(room.name, interval, zone));
  if (request.headcount > room.capacity)
    out.push(why.overCapacity(room.name, request.headcount, room.capacity));
  const missing = request.equipment.filter((k) => !room.equipment.some((e) => e.kind === k));
  if (missing.length > 0) out.push(why.equipmentMissing(room.name, missing));
  const faulty = request.equipment.filter(
    (k) =>
      !missing.includes(k) &&
      !room.equipment.some((e) => e.kind === k && !options.faulty?.has(e.id)),
  );
  if (faulty.length > 0) out.push(why.equipmentFaulty(room.name, faulty));
  if (request.confidential && !room.confidential) out.push(why.notConfidential(room.name));
  const index = isIndex(taken) ? taken : buildIndex(taken);
  const clash = firstConflict(index, interval, p.bufferMinutes * MINUTE, options.ignoreId);
  if (clash) out.push(why.busy(room.name, clash, zone, {}));
  return out;
}
