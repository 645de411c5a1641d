// Type tests, compiled by `npm run typecheck`: each `@ts-expect-error` below must be an error, or
// the compile fails. A misspelt command type or field, a wrong rejection code, and a switch over
// codes that leaves one out are caught by the compiler, not at run time.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../people/actor.js';
import type { Rejection } from '../rejection/rejection.js';
import type { BookingRejection, BookingRejectionCode } from '../rooms/booking-rejections.js';
import { createBookingDecider } from '../rooms/booking-decider.js';
import type { DealershipCommand } from './contexts.js';
import { createDealershipDecider } from './dealership-decider.js';
import {
  asDealershipRejection,
  hasCode,
  type DealershipRejectionCode,
} from './dealership-rejection.js';

const actor: Actor = { id: 'wang', roles: ['organizer'] };
const dealership = createDealershipDecider();
const rooms = createBookingDecider();

/** Never called: only compiled. */
export function commandsAreChecked(): void {
  const state = dealership.initialState;
  dealership.decide({ type: 'CheckIn', now: 0, actor, roomId: 'A', bookingId: 'b1' }, state);
  // @ts-expect-error a misspelt command type
  dealership.decide({ type: 'ChekIn', now: 0, actor, roomId: 'A', bookingId: 'b1' }, state);
  // @ts-expect-error a misspelt field
  dealership.decide({ type: 'CheckIn', now: 0, actor, roomId: 'A', bookingID: 'b1' }, state);
  // @ts-expect-error a missing field
  dealership.decide({ type: 'CheckIn', now: 0, actor, roomId: 'A' }, state);
  const walkUp = { type: 'WalkUp', now: 0, actor, roomId: 'A', bookingId: 'w', minutes: '30' };
  // @ts-expect-error a field of the wrong type (minutes as text)
  dealership.decide({ ...walkUp, type: 'WalkUp' }, state);
  // @ts-expect-error a meeting command is no command of the rooms decider
  rooms.decide({ type: 'StartMeeting', now: 0, actor, meetingId: 'm1' }, rooms.initialState);
  const typed: DealershipCommand = { type: 'RecordCleaning', now: 0, actor, roomId: 'A' };
  void typed;
}

/** Never called: only compiled. */
export function codesAreChecked(r: Rejection): void {
  if (hasCode(r, 'booking.room-busy')) {
    const conflict: { start: number; end: number } = r.data.conflict;
    void conflict;
  }
  // @ts-expect-error a misspelt code
  hasCode(r, 'booking.room-bussy');
  const code: DealershipRejectionCode = 'walk-up.too-short';
  // @ts-expect-error no such code
  const wrong: DealershipRejectionCode = 'walk-up.too-long';
  void [code, wrong];
  const known = asDealershipRejection(r);
  if (known.code === 'walk-up.too-short') {
    const minutes: number = known.data.freeMinutes;
    void minutes;
  }
}

/** A screen's label for every rooms rejection: a switch that must name every code. */
export function labelOf(r: BookingRejection): string {
  switch (r.code) {
    case 'booking.room-busy':
      return `busy ${r.data.conflict.start}`;
    default:
      return r.code;
  }
}

/** Never called: only compiled. A switch over the codes that leaves one out does not compile. */
export function exhaustive(code: BookingRejectionCode): string {
  switch (code) {
    case 'room.unknown':
    case 'room.exists':
    case 'permission.room-admin':
    case 'equipment.unknown':
    case 'booking.unknown':
    case 'booking.duplicate-id':
      return 'one';
    default: {
      // @ts-expect-error codes are left out, so `code` is not `never` here
      const left: never = code;
      return left;
    }
  }
}

describe('the types of the API', () => {
  it('compiles the checks above (npm run typecheck); at run time the helpers narrow as typed', () => {
    const r = rooms.decide(
      { type: 'CheckIn', now: 0, actor, roomId: 'Z', bookingId: 'b1' },
      rooms.initialState,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(hasCode(r.rejection, 'room.unknown')).toBe(true);
    expect(hasCode(r.rejection, 'booking.unknown')).toBe(false);
    expect(asDealershipRejection(r.rejection).code).toBe('room.unknown');
    expect(labelOf(r.rejection as BookingRejection)).toBe('room.unknown');
  });
});
