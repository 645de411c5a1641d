import type { Booking } from '../rooms/booking.js';
import type { BookingConflict, BookingState } from '../rooms/booking-state.js';
import { openSpansOn, type Room } from '../rooms/room.js';
import { DAY, type Duration, type Instant } from '../time/instant.js';
import { addDays, compareLocalDates } from '../time/local-date.js';
import { localDateOf, startOfLocalDay, type TimeZone } from '../time/zone.js';

/** How much a room was open, booked and used. */
export interface UtilizationCounts {
  /** Opening hours in the period. */
  readonly open: Duration;
  /** Booked time in the period: confirmed bookings, whether used or not. */
  readonly booked: Duration;
  /** Used time: from check-in to the end (or to an early end). */
  readonly used: Duration;
  /** Confirmed bookings starting in the period. */
  readonly bookings: number;
  /** Of those, the ones checked in. */
  readonly checkedIn: number;
  /** Of those, the ones released as no-shows. */
  readonly noShows: number;
}

/** One room's line. */
export interface RoomUtilizationRow extends UtilizationCounts {
  readonly roomId: string;
  readonly name: string;
  /** `booked / open`; `null` when the room was never open. */
  readonly bookedRate: number | null;
  /** `used / open`; `null` when the room was never open. */
  readonly usedRate: number | null;
}

/** Two bookings of a room that the log holds overlapping, for the room admin to settle. */
export interface RoomConflictRow extends BookingConflict {
  readonly roomId: string;
}

/** Room utilization over a period: a line per room and the totals of the lines. */
export interface RoomUtilization {
  /** By room, in the site's order. */
  readonly rows: readonly RoomUtilizationRow[];
  /**
   * The bookings the log holds overlapping (two doors that decided against one state), where
   * they overlapped in the period, both parties named: counted once each in the lines above.
   */
  readonly conflicts: readonly RoomConflictRow[];
  readonly totals: UtilizationCounts & {
    readonly bookedRate: number | null;
    readonly usedRate: number | null;
  };
}

/** The numeric fields of {@link UtilizationCounts}, in column order. */
export const UTILIZATION_FIELDS: readonly (keyof UtilizationCounts)[] = Object.freeze([
  'open',
  'booked',
  'used',
  'bookings',
  'checkedIn',
  'noShows',
]);

/** The statuses of a booking that was confirmed: it held the room whether used or not. */
const CONFIRMED: readonly Booking['status'][] = ['confirmed', 'checked-in', 'ended', 'released'];

const clip = (start: Instant, end: Instant, from: Instant, to: Instant): Duration =>
  Math.max(0, Math.min(end, to) - Math.max(start, from));

/**
 * How long a room is open in a period: its opening spans, day by day on the wall calendar.
 *
 * @param room - the room
 * @param from - the period's start
 * @param to - the period's end
 * @param zone - the site's zone
 * @returns the total opening time in `[from, to)`
 * @example
 * openTime(roomOpen8to20Weekdays, mondayMidnight, nextMondayMidnight, 'Asia/Shanghai') // => 60 h
 */
export function openTime(room: Room, from: Instant, to: Instant, zone: TimeZone): Duration {
  if (to <= from) return 0;
  let total = 0;
  const last = localDateOf(to - 1, zone);
  for (let d = localDateOf(from, zone); compareLocalDates(d, last) <= 0; d = addDays(d, 1)) {
    const t = startOfLocalDay(d, zone) + DAY / 2;
    for (const s of openSpansOn(room, t, zone)) total += clip(s.start, s.end, from, to);
  }
  return total;
}

/**
 * What a booking used of its room: from check-in (or the start, if checked in early)
 * to its end, or to the moment it was ended early.
 *
 * @param b - the booking
 * @returns the used span, or undefined when never checked in
 * @example
 * usedSpan({ status: 'ended', start, end, checkedInAt: start + 5 min, freedAt: start + 40 min, … }) // => { start: start + 5 min, end: start + 40 min }
 */
export function usedSpan(b: Booking): { start: Instant; end: Instant } | undefined {
  if (b.checkedInAt === undefined || (b.status !== 'checked-in' && b.status !== 'ended'))
    return undefined;
  const start = Math.max(b.start, b.checkedInAt);
  const end = b.status === 'ended' && b.freedAt !== undefined ? Math.min(b.end, b.freedAt) : b.end;
  return end > start ? { start, end } : undefined;
}

const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * Room utilization over a period: per room, the hours it was open, booked (confirmed bookings,
 * used or not) and used (from check-in), the bookings starting in the period, how many were checked
 * in and how many released as no-shows; the totals are the sums of the lines.
 *
 * @param state - the bookings decider's state
 * @param period - the span `[from, to)` and the site's zone
 * @returns the utilization
 * @example
 * roomUtilization(bookings, period).rooms[0] // => { roomId: 'A', open: 220 h, booked: 61 h, used: 48 h, bookedRate: 0.277, … }
 */
export function roomUtilization(
  state: BookingState,
  period: { readonly from: Instant; readonly to: Instant; readonly zone: TimeZone },
): RoomUtilization {
  const { from, to, zone } = period;
  const rooms: RoomUtilizationRow[] = [];
  const conflicts: RoomConflictRow[] = [];
  for (const [roomId, r] of [...state.rooms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const c of r.conflicts ?? [])
      if (c.start < to && c.end > from) conflicts.push({ roomId, ...c });
    let booked = 0;
    let used = 0;
    let bookings = 0;
    let checkedIn = 0;
    let noShows = 0;
    for (const b of r.bookings.values()) {
      if (!CONFIRMED.includes(b.status)) continue;
      booked += clip(b.start, b.end, from, to);
      const u = usedSpan(b);
      if (u) used += clip(u.start, u.end, from, to);
      if (b.start < from || b.start >= to) continue;
      bookings++;
      if (b.checkedInAt !== undefined) checkedIn++;
      if (b.status === 'released') noShows++;
    }
    const open = openTime(r.room, from, to, zone);
    rooms.push({
      roomId,
      name: r.room.name,
      open,
      booked,
      used,
      bookings,
      checkedIn,
      noShows,
      bookedRate: rate(booked, open),
      usedRate: rate(used, open),
    });
  }
  const sums: Record<keyof UtilizationCounts, number> = {
    open: 0,
    booked: 0,
    used: 0,
    bookings: 0,
    checkedIn: 0,
    noShows: 0,
  };
  for (const row of rooms) for (const f of UTILIZATION_FIELDS) sums[f] += row[f];
  return {
    rows: rooms,
    conflicts,
    totals: {
      ...sums,
      bookedRate: rate(sums.booked, sums.open),
      usedRate: rate(sums.used, sums.open),
    },
  };
}
