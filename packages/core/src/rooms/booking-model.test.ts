import { malformedInputLaws } from '../testing/malformed-input.js';
import { untyped } from '../testing/untyped.js';
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { buildIndex, firstConflict } from './availability-index.js';
import { occupied } from './booking.js';
import {
  createBookingDecider,
  createDoorBookingDecider,
  parseBookingCommand,
} from './booking-decider.js';
import { BOOKING_COMMAND_TYPES } from './booking-commands.js';
import { BOOKING_COMMAND_SHAPES } from './series-commands.js';
import type { BookingEvent } from './booking-events.js';
import type { BookingState } from './booking-state.js';
import { overlaps, type Interval } from '../time/interval.js';
import { admin, at, kiosk, li, MINUTE, request, site, wang } from './fixtures.test-helpers.js';

const decider = untyped(createBookingDecider());
const initial = site.reduce(decider.evolve, decider.initialState);

const roomIds = ['A', 'B', 'C', 'Z'];
const bookingIds = ['b0', 'b1', 'b2', 'b3', 'w0', 'w1'];
const actors = [admin, wang, li, kiosk];
const T0 = at(7); // Monday 07:00 Shanghai
const nowArb = fc.integer({ min: 0, max: 2 * 24 * 60 }).map((m) => T0 + m * MINUTE);
const startArb = fc.integer({ min: 0, max: 2 * 24 * 4 }).map((q) => T0 + q * 15 * MINUTE);
const lengthArb = fc.constantFrom(10, 15, 30, 45, 60, 120, 240, 300).map((m) => m * MINUTE);
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

/** Arbitrary, well-formed commands of every type; their outcomes are left to the decider. */
const commandArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc
    .record({
      start: startArb,
      length: lengthArb,
      now: nowArb,
      bookingId: pick(bookingIds),
      roomId: pick(roomIds),
      actor: pick(actors),
      headcount: fc.integer({ min: 1, max: 12 }),
      equipment: fc.subarray(['projector', 'screen', 'video-conferencing'] as const),
      seriesId: fc.option(fc.constant('weekly'), { nil: undefined }),
    })
    .map(({ start, length, seriesId, ...rest }) =>
      request({ ...rest, start, end: start + length, ...(seriesId ? { seriesId } : {}) }),
    ),
  fc.record({
    type: fc.constant('WalkUp'),
    now: nowArb,
    actor: pick(actors),
    roomId: pick(roomIds),
    bookingId: pick(bookingIds),
    minutes: pick([15, 30, 60, 45]),
  }),
  fc.record({
    type: pick(['CheckIn', 'EndEarly', 'ApproveBooking', 'CancelBooking']),
    now: nowArb,
    actor: pick(actors),
    roomId: pick(roomIds),
    bookingId: pick(bookingIds),
  }),
  fc.record({
    type: fc.constant('DeclineBooking'),
    now: nowArb,
    actor: pick(actors),
    roomId: pick(roomIds),
    bookingId: pick(bookingIds),
    reason: fc.constant('另有安排'),
  }),
  fc
    .record({
      type: fc.constant('ChangeBooking'),
      now: nowArb,
      actor: pick(actors),
      roomId: pick(roomIds),
      bookingId: pick(bookingIds),
      start: startArb,
      length: lengthArb,
    })
    .map(({ start, length, ...rest }) => ({ ...rest, start, end: start + length })),
  fc.record({
    type: fc.constant('ExtendBooking'),
    now: nowArb,
    actor: pick(actors),
    roomId: pick(roomIds),
    bookingId: pick(bookingIds),
    minutes: pick([15, 30, 60]),
    fromEnd: startArb,
  }),
  fc.record({ type: fc.constant('ReleaseNoShows'), now: nowArb, actor: pick(actors) }),
  fc
    .record({
      now: nowArb,
      actor: pick(actors),
      roomId: pick(roomIds),
      seriesId: pick(['s1', 's2']),
      weekday: fc.integer({ min: 1, max: 7 }),
      hour: fc.integer({ min: 7, max: 19 }),
      durationMinutes: pick([15, 30, 60, 300]),
      mode: pick(['all-or-nothing', 'book-what-fits']),
    })
    .map(({ weekday, hour, ...rest }) => ({
      type: 'RequestSeries',
      ...rest,
      topic: '例会',
      headcount: 4,
      series: {
        rule: { freq: 'weekly', interval: 1, byWeekday: [weekday] },
        start: { year: 2026, month: 11, day: 30, hour, minute: 0 },
        zone: 'Asia/Shanghai',
      },
    })),
  fc
    .record({
      type: pick(['ReportEquipmentFault', 'RepairEquipment']),
      now: nowArb,
      actor: pick(actors),
      roomId: fc.constant('A'),
      equipmentId: pick(['A-proj', 'A-screen']),
    })
    .map((c) => (c.type === 'ReportEquipmentFault' ? { ...c, note: '故障' } : c)),
);

/** The simple model: what each booking occupies, recomputed by a linear scan of the bookings. */
function occupiedByScan(
  state: BookingState,
  roomId: string,
): { id: string; start: number; end: number }[] {
  const rs = state.rooms.get(roomId);
  if (!rs) return [];
  return [...rs.bookings.values()].flatMap((b) => {
    const o = occupied(b);
    return o ? [{ id: b.id, ...o }] : [];
  });
}

const probes: Interval[] = Array.from({ length: 40 }, (_, i) => ({
  start: T0 + i * 73 * MINUTE,
  end: T0 + i * 73 * MINUTE + 20 * MINUTE,
}));

function assertInvariants(
  before: BookingState,
  after: BookingState,
  events: readonly BookingEvent[],
): void {
  for (const roomId of after.rooms.keys()) {
    const taken = occupiedByScan(after, roomId).sort((a, b) => a.start - b.start);
    // no two active bookings of a room ever overlap
    for (let i = 1; i < taken.length; i++)
      expect(taken[i - 1]!.end).toBeLessThanOrEqual(taken[i]!.start);
    // the index always agrees with a linear scan
    const index = after.rooms.get(roomId)!.index;
    expect(index).toEqual(buildIndex(taken));
    for (const p of probes)
      expect(firstConflict(index, p)?.id).toBe(taken.find((t) => overlaps(t, p))?.id);
  }
  for (const e of events) {
    if (e.type === 'RoomBooked' && e.booking.walkUp) {
      // a walk-up never crosses the next booking
      const others = occupiedByScan(before, e.roomId).filter((t) => t.end > e.booking.start);
      for (const o of others) expect(overlaps(o, e.booking)).toBe(false);
    }
    if (e.type === 'BookingReleased') {
      // a released no-show frees exactly the rest of its interval
      const b = after.rooms.get(e.roomId)!.bookings.get(e.bookingId)!;
      const kept = occupied(b);
      expect(kept).toEqual(
        e.at > b.start ? { start: b.start, end: Math.min(b.end, e.at) } : undefined,
      );
      const wasHeld = before.rooms.get(e.roomId)!.bookings.get(e.bookingId)!;
      expect(occupied(wasHeld)).toEqual({ start: b.start, end: b.end });
    }
  }
}

describe('R-2 … R-5: the booking decider under arbitrary commands', () => {
  test.prop([fc.array(commandArb, { maxLength: 40 })], { numRuns: 150 })(
    'R-2: no overlap ever, the index agrees with a scan, walk-ups stay clear, releases free exactly the rest, and a repeat changes nothing',
    (commands) => {
      let state = initial;
      for (const command of commands) {
        const result = decider.decide(command, state);
        const events = result.ok ? result.value : [];
        const next = events.reduce(decider.evolve, state);
        assertInvariants(state, next, events);
        // the same command twice: the second time decides nothing new
        const again = decider.decide(command, next);
        expect(again.ok ? again.value : []).toEqual([]);
        state = next;
      }
    },
  );

  test.prop([fc.array(commandArb, { maxLength: 30 })], { numRuns: 50 })(
    'evolving one event at a time equals folding them all at once',
    (commands) => {
      let state = initial;
      const log: BookingEvent[] = [];
      for (const command of commands) {
        const result = decider.decide(command, state);
        if (!result.ok) continue;
        for (const e of result.value) {
          log.push(e);
          state = decider.evolve(state, e);
        }
      }
      const folded = log.reduce(decider.evolve, initial);
      expect(folded).toEqual(state);
    },
  );
});

describe('K-2: the booking decider of a door', () => {
  const door = untyped(createDoorBookingDecider());
  /**
   * What a door takes: walk-up, a booking of today, check-in, extend, end early, the release of
   * no-shows, a fault seen at the door, and the rooms of a schedule file. The series, changing a
   * room, approving, declining, changing and cancelling a booking, and the repair it refuses.
   */
  const atDoor = new Set([
    'WalkUp',
    'RequestBooking',
    'CheckIn',
    'ExtendBooking',
    'EndEarly',
    'ReleaseNoShows',
    'ReportEquipmentFault',
    'RegisterRoom',
  ]);

  test.prop([fc.array(commandArb, { maxLength: 40 })], { numRuns: 100 })(
    'K-2: decides what the door takes exactly as the full decider, and refuses the rest with its reason',
    (commands) => {
      let state = initial;
      for (const command of commands) {
        const full = decider.decide(command, state);
        const mine = door.decide(command, state);
        if (atDoor.has(command['type'] as string)) {
          expect(mine).toEqual(full);
        } else {
          expect(mine.ok ? 'accepted' : [mine.rejection.rule, mine.rejection.code]).toEqual([
            'K-2',
            'door.not-taken',
          ]);
        }
        state = (full.ok ? full.value : []).reduce(decider.evolve, state);
      }
    },
  );

  test('K-2: every booking command a door does not take is refused, naming it', () => {
    const room = initial.rooms.get('A')!.room;
    const b1 = { now: T0, actor: admin, roomId: 'A', bookingId: 'b1' };
    const refused: Record<string, unknown>[] = [
      { type: 'UpdateRoom', now: T0, actor: admin, room: { ...room, capacity: room.capacity + 1 } },
      { type: 'RepairEquipment', now: T0, actor: admin, roomId: 'A', equipmentId: 'A-proj' },
      { type: 'ApproveBooking', ...b1 },
      { type: 'DeclineBooking', ...b1, reason: '另有安排' },
      { type: 'ChangeBooking', ...b1, headcount: 2 },
      { type: 'CancelBooking', ...b1 },
    ];
    // The list is whole: every booking command is taken at the door or refused here (the series
    // is refused by the door's parser, before its shape is read).
    expect([...atDoor, ...refused.map((c) => c['type']), 'RequestSeries'].sort()).toEqual(
      [...BOOKING_COMMAND_TYPES].sort(),
    );
    for (const c of refused) {
      // Well formed, so the refusal is the door's, not the parser's.
      expect(parseBookingCommand(c).ok, String(c['type'])).toBe(true);
      expect(door.decide(c, initial), String(c['type'])).toEqual({
        ok: false,
        rejection: expect.objectContaining({
          rule: 'K-2',
          code: 'door.not-taken',
          data: { type: c['type'] },
        }),
      });
    }
  });

  test.prop([fc.anything()])(
    'refuses anything malformed as the full decider does, naming the same field',
    (input) => {
      const gist = (r: ReturnType<typeof decider.decide>) =>
        r.ok ? 'accepted' : [r.rejection.rule, r.rejection.code, r.rejection.data];
      expect(gist(door.decide(input, initial))).toEqual(gist(decider.decide(input, initial)));
    },
  );

  test('routes by the same command types as the shapes', () => {
    expect([...BOOKING_COMMAND_TYPES].sort()).toEqual(Object.keys(BOOKING_COMMAND_SHAPES).sort());
  });
});

describe('R-2: arbitrary JSON is rejected, never thrown', () => {
  const laws = malformedInputLaws((c) => decider.decide(c, initial), commandArb);
  test('anything at all', () => fc.assert(laws.anything));
  test('a valid command with one field replaced by anything', () =>
    fc.assert(laws.oneFieldReplaced));
});
