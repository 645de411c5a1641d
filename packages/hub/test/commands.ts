// Core commands as a door or a dealer system sends them, for the tests.
import { at, book } from '../src/testing/fixtures.test-helpers.js';

/**
 * A booking request for a room on Monday 2026-12-07, from `10 + n` o'clock for an hour.
 *
 * @param roomId - the room
 * @param n - which hour after 10:00
 * @param extra - fields to override
 */
export function requestBooking(
  roomId: string,
  n: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return book(`b-${roomId}-${n}`, roomId, at(10 + n), at(11 + n), extra);
}
