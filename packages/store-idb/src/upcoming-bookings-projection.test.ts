import { DAY, HOUR, type StoredEvent } from '@huiyi/core';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { roomLog } from '../test/year-of-bookings.js';
import { bookingProjection } from './booking-projection.js';
import { todaysBookings } from './todays-bookings.js';
import { UPCOMING_KEEP, upcomingBookingsProjection } from './upcoming-bookings-projection.js';

const storedLog = (bookings: number, seed = 7): StoredEvent[] =>
  roomLog(bookings, seed).events.map((e, i) => ({ ...e, position: i + 1 }));

/** Folds a log in pieces cut at the given points, as a projection meets it over many refreshes. */
function foldInPieces<S>(
  p: { initial: S; fold(s: S, e: readonly StoredEvent[]): S },
  log: readonly StoredEvent[],
  cuts: readonly number[],
): S {
  const at = [...new Set(cuts.map((c) => c % (log.length + 1)))].sort((a, b) => a - b);
  let state = p.initial;
  let from = 0;
  for (const to of [...at, log.length]) {
    state = p.fold(state, log.slice(from, to));
    from = to;
  }
  return state;
}

describe("the upcoming bookings: the door's cut of the bookings state", () => {
  it('keeps what ends within two days of the latest `now`, and nothing older', () => {
    const log = storedLog(2600);
    const state = upcomingBookingsProjection.fold(upcomingBookingsProjection.initial, log);
    const latest = Math.max(...log.map((e) => e.now));
    expect(state.now).toBe(latest);
    const room = state.bookings.rooms.get('A')!;
    expect(room.bookings.size).toBeLessThan(40);
    for (const b of room.bookings.values())
      expect(b.end).toBeGreaterThanOrEqual(latest - UPCOMING_KEEP);
    expect(room.index.ids.every((id) => room.bookings.has(id))).toBe(true);
  });

  test.prop(
    [
      fc.integer({ min: 1, max: 120 }),
      fc.array(fc.nat(), { maxLength: 6 }),
      fc.integer({ min: 0, max: 47 }),
    ],
    { numRuns: 40 },
  )(
    "law: for any day from the latest `now` on, today's bookings are those of the full state, however the log was folded",
    (bookings, cuts, hours) => {
      const log = storedLog(bookings);
      const full = bookingProjection.fold(bookingProjection.initial, log);
      const door = foldInPieces(upcomingBookingsProjection, log, cuts);
      const t = door.now + hours * HOUR;
      expect(todaysBookings(door.bookings, 'A', t)).toEqual(todaysBookings(full, 'A', t));
      const restored = upcomingBookingsProjection.decode(
        JSON.parse(JSON.stringify(upcomingBookingsProjection.encode(door))),
      );
      expect(restored).toEqual(door);
    },
  );

  it('folds nothing new into the very same state', () => {
    const log = storedLog(5);
    const state = upcomingBookingsProjection.fold(upcomingBookingsProjection.initial, log);
    expect(upcomingBookingsProjection.fold(state, [])).toEqual(state);
    expect(upcomingBookingsProjection.fold(state, []).bookings).toBe(state.bookings);
    const later = {
      ...log[1]!,
      id: 'late',
      position: 99,
      now: state.now + 30 * DAY,
      type: 'Noted',
      data: { type: 'Noted' },
    };
    expect(
      upcomingBookingsProjection.fold(state, [later]).bookings.rooms.get('A')?.bookings.size,
    ).toBe(0);
  });

  it.each([[null], [{}], [{ now: 'x', bookings: { rooms: [] } }], [{ now: 1, bookings: 3 }]])(
    'does not decode %j',
    (v) => expect(upcomingBookingsProjection.decode(v)).toBeUndefined(),
  );
});
