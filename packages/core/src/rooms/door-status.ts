import type { PolicyParameters } from '../policy/parameters.js';
import { MINUTE, type Instant } from '../time/instant.js';
import { localDateOf, startOfLocalDay } from '../time/zone.js';
import { addDays } from '../time/local-date.js';
import { entriesIn } from './availability-index.js';
import type { Booking } from './booking.js';
import type { RoomState } from './booking-state.js';

/**
 * What the door shows of a room (K-1): `in-use` (a meeting checked in and not over), `waiting` (a
 * booking inside its check-in window, not yet checked in), `starting-soon` (the next booking
 * starts within `soonMinutes`), or `free`.
 */
export type DoorState = 'free' | 'starting-soon' | 'waiting' | 'in-use';

/** A booking as the door may show it: no topic for a confidential meeting. */
export interface DoorBooking {
  readonly id: string;
  readonly start: Instant;
  readonly end: Instant;
  /** `undefined` when the meeting is confidential. */
  readonly topic: string | undefined;
  readonly organizerId: string;
  readonly confidential: boolean;
  readonly status: Booking['status'];
  readonly walkUp: boolean;
}

/** Everything the door display needs, from the room's state at one moment. */
export interface DoorStatus {
  readonly state: DoorState;
  /** The meeting in use or waiting for check-in. */
  readonly current?: DoorBooking;
  /** The next booking after the current one (or after now). */
  readonly next?: DoorBooking;
  /** Minutes left of the current meeting, or until the next booking when free; rounded up. */
  readonly minutesLeft?: number;
  /** When the room is next free for a walk-up of the shortest length. */
  readonly freeFrom: Instant;
  /** Today's bookings that still hold the room or have not ended, in order. */
  readonly today: readonly DoorBooking[];
}

const forDoor = (b: Booking): DoorBooking => ({
  id: b.id,
  start: b.start,
  end: b.end,
  topic: b.confidential ? undefined : b.topic,
  organizerId: b.organizerId,
  confidential: b.confidential,
  status: b.status,
  walkUp: b.walkUp,
});

/**
 * The door's view of a room at `now` (K-1), from the availability index: today's bookings are
 * the index entries of the local day, so this costs `O(log n + k)` however long the log.
 *
 * @param rs - the room
 * @param now - the moment shown
 * @param policy - the parameters in force (zone, check-in window)
 * @param soonMinutes - how close a start counts as "starting soon" (default 15)
 * @returns the state, the current and next bookings, the minutes left and today's list
 * @example
 * doorStatus(roomState, now, DEFAULT_PARAMETERS).state // => 'in-use'
 */
export function doorStatus(
  rs: RoomState,
  now: Instant,
  policy: PolicyParameters,
  soonMinutes = 15,
): DoorStatus {
  const zone = policy.time.zone;
  const p = policy.rooms;
  const today = localDateOf(now, zone);
  const day = {
    start: startOfLocalDay(today, zone),
    end: startOfLocalDay(addDays(today, 1), zone),
  };
  // A booking whose check-in window closed unchecked is a no-show about to be released.
  const checkInCloses = (b: Booking): Instant =>
    b.end - b.start >= p.checkInExemptFromMinutes * MINUTE
      ? b.end
      : b.start + p.checkInClosesMinutesAfterStart * MINUTE;
  const holding = entriesIn(rs.index, day)
    .map((e) => rs.bookings.get(e.id))
    .filter(
      (b): b is Booking =>
        b !== undefined &&
        b.end > now &&
        (b.status === 'checked-in' ||
          ((b.status === 'confirmed' || b.status === 'pending') && now < checkInCloses(b))),
    );
  const inUse = holding.find((b) => b.status === 'checked-in');
  const waiting = holding.find(
    (b) => b.status === 'confirmed' && b.start - p.checkInOpensMinutesBeforeStart * MINUTE <= now,
  );
  const current = inUse ?? waiting;
  const next = holding.find((b) => b.start >= (current ? current.end : now));
  const state: DoorState = inUse
    ? 'in-use'
    : waiting
      ? 'waiting'
      : next && next.start - now <= soonMinutes * MINUTE
        ? 'starting-soon'
        : 'free';
  const until = current ? current.end : next?.start;
  return {
    state,
    ...(current ? { current: forDoor(current) } : {}),
    ...(next ? { next: forDoor(next) } : {}),
    ...(until === undefined ? {} : { minutesLeft: Math.max(0, Math.ceil((until - now) / MINUTE)) }),
    freeFrom: current ? freeAfter(holding, current.end) : now,
    today: holding.map(forDoor),
  };
}

/** The first moment at or after `t` that no booking of the list holds. */
function freeAfter(bookings: readonly Booking[], t: Instant): Instant {
  let free = t;
  for (const b of bookings) if (b.start <= free && b.end > free) free = b.end;
  return free;
}
