import type { Instant } from '../time/instant.js';
import type { Interval } from '../time/interval.js';
import type { EquipmentKind } from './room.js';

/**
 * Where a booking stands: `pending` waits for the room admin; `confirmed` holds the room;
 * `checked-in` is in use; `ended` was ended early; `released` was not checked in
 * and kept as a no-show; `cancelled` by its organizer or the room admin; `declined` by
 * the room admin.
 */
export type BookingStatus =
  'pending' | 'confirmed' | 'checked-in' | 'ended' | 'released' | 'cancelled' | 'declined';

/** A booking of a room. */
export interface Booking {
  readonly id: string;
  readonly roomId: string;
  readonly organizerId: string;
  /** The organizer's department, which pays. */
  readonly department?: string;
  readonly topic: string;
  readonly headcount: number;
  readonly start: Instant;
  /** The end as booked, or as extended. */
  readonly end: Instant;
  readonly equipment: readonly EquipmentKind[];
  /** A confidential meeting: the door shows neither topic nor participants. */
  readonly confidential: boolean;
  /** The regular meeting this occurrence belongs to, if any. */
  readonly seriesId?: string;
  /** Made at the door. */
  readonly walkUp: boolean;
  readonly status: BookingStatus;
  readonly requestedAt: Instant;
  readonly checkedInAt?: Instant;
  /** When it was ended early, or released as a no-show: the rest after it is free. */
  readonly freedAt?: Instant;
  readonly cancelledAt?: Instant;
  /** Cancelled less than the policy's notice before the start. */
  readonly lateCancellation?: boolean;
  readonly reason?: string;
}

/** The statuses in which a booking holds its whole interval. */
export const HOLDING_STATUSES: readonly BookingStatus[] = ['pending', 'confirmed', 'checked-in'];

/**
 * The part of the room a booking occupies: its whole interval while it holds the room, up to the
 * moment it was freed once ended early or released, nothing once cancelled or declined.
 *
 * @param b - the booking
 * @returns the occupied interval, or `undefined` when it occupies nothing
 * @example
 * occupied({ ...booking, status: 'released', freedAt: booking.start + 600_000 }) // => { start, end: start + 10 min }
 */
export function occupied(b: Booking): Interval | undefined {
  if (HOLDING_STATUSES.includes(b.status)) return { start: b.start, end: b.end };
  if (
    (b.status === 'ended' || b.status === 'released') &&
    b.freedAt !== undefined &&
    b.freedAt > b.start
  ) {
    return { start: b.start, end: Math.min(b.end, b.freedAt) };
  }
  return undefined;
}
