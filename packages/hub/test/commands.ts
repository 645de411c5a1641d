// Core commands as a door or a dealer system sends them, for the tests.

/** 2026-12-08 (a Tuesday) at 10:00 in Shanghai, as epoch ms. */
export const TUESDAY_10 = Date.UTC(2026, 11, 8, 2, 0);
const HOUR = 3_600_000;

/**
 * A booking request for a room, `n` hours after Tuesday 10:00 (one hour long).
 *
 * @param roomId - the room
 * @param n - which hour
 * @param extra - fields to override
 */
export function requestBooking(
  roomId: string,
  n: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'RequestBooking',
    now: TUESDAY_10 - 24 * HOUR,
    actor: { id: 'wang', roles: ['employee'] },
    bookingId: `b-${roomId}-${n}`,
    roomId,
    topic: `Weekly review ${n}`,
    headcount: 4,
    start: TUESDAY_10 + n * HOUR,
    end: TUESDAY_10 + (n + 1) * HOUR,
    ...extra,
  };
}
