import { describe, expect, it } from 'vitest';
import { untyped } from '../testing/untyped.js';
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import { givenWhenThen } from '../testing/given-when-then.js';
import { createBookingDecider } from './booking-decider.js';
import type { BookingEvent } from './booking-events.js';
import { doorStatus } from './door-status.js';
import { DAY } from '../time/instant.js';
import { at, kiosk, request, site } from './fixtures.test-helpers.js';

const given = givenWhenThen(untyped(createBookingDecider()));
/** The log the commands leave, each accepted in turn. */
const history = (...cmds: Record<string, unknown>[]): BookingEvent[] =>
  cmds.reduce<BookingEvent[]>(
    (log, c) => [...log, ...given(log).when(c).thenAccepted()],
    [...site],
  );
const roomA = (log: BookingEvent[]) => given(log).state.rooms.get('A')!;
const view = (log: BookingEvent[], now: number) => doorStatus(roomA(log), now, DEFAULT_PARAMETERS);

describe('K-1: what the door shows', () => {
  const log = history(
    request({ bookingId: 'b1', start: at(9), end: at(10) }),
    request({ bookingId: 'b2', start: at(10, 30), end: at(11), confidential: false }),
  );

  it('K-1: free, then starting soon, then waiting for check-in, then in use', () => {
    expect(view(log, at(8, 30))).toMatchObject({
      state: 'free',
      next: { id: 'b1' },
      minutesLeft: 30,
      freeFrom: at(8, 30),
    });
    expect(view(log, at(8, 45)).state).toBe('starting-soon');
    expect(view(log, at(8, 50))).toMatchObject({
      state: 'waiting',
      current: { id: 'b1' },
      next: { id: 'b2' },
    });
    const checkedIn = history(
      request({ bookingId: 'b1', start: at(9), end: at(10) }),
      request({ bookingId: 'b2', start: at(10, 30), end: at(11) }),
      { type: 'CheckIn', now: at(8, 55), actor: kiosk, roomId: 'A', bookingId: 'b1' },
    );
    expect(view(checkedIn, at(9, 20))).toMatchObject({
      state: 'in-use',
      current: { id: 'b1', topic: '周例会' },
      minutesLeft: 40,
      freeFrom: at(10),
    });
  });

  it('R-4: a booking past its check-in window is not shown as holding the room', () => {
    expect(view(log, at(9, 10))).toMatchObject({ state: 'free', next: { id: 'b2' } });
    expect(view(log, at(9, 10)).today.map((b) => b.id)).toEqual(['b2']);
  });

  it('R-8: a confidential meeting shows no topic', () => {
    const secret = history(
      request({
        bookingId: 's',
        roomId: 'B',
        confidential: true,
        actor: { id: 'admin', roles: ['room-admin'] },
      }),
    );
    const rs = given(secret).state.rooms.get('B')!;
    const v = doorStatus(rs, at(8, 55), DEFAULT_PARAMETERS);
    expect(v.current).toMatchObject({ id: 's', topic: undefined, confidential: true });
    expect(JSON.stringify(v)).not.toContain('周例会');
  });

  test.prop([fc.integer({ min: 0, max: 15 * 60 }).map((m) => at(8, 55) + m * 60_000)])(
    'K-1: the state is in-use exactly when a checked-in meeting holds the room, and today lists only what is not over',
    (now) => {
      const checkedIn = history(request({ bookingId: 'b1', start: at(9), end: at(10) }), {
        type: 'CheckIn',
        now: at(8, 55),
        actor: kiosk,
        roomId: 'A',
        bookingId: 'b1',
      });
      const v = view(checkedIn, now);
      expect(v.state === 'in-use').toBe(now < at(10));
      for (const b of v.today) expect(b.end).toBeGreaterThan(now);
      expect(v.freeFrom).toBeGreaterThanOrEqual(now);
    },
  );

  it('K-1: tomorrow’s bookings are not today’s', () => {
    const t = history(request({ bookingId: 'tomorrow', start: at(9) + DAY, end: at(10) + DAY }));
    expect(view(t, at(8))).toMatchObject({ state: 'free', today: [] });
  });
});
