import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { MINUTE } from '../time/instant.js';
import { overlaps } from '../time/interval.js';
import { createBookingDecider } from './booking-decider.js';
import { untyped } from '../testing/untyped.js';
import { occupied } from './booking.js';
import type { BookingEvent } from './booking-events.js';
import {
  foldBookingEvents,
  initialBookingState,
  standingConflicts,
  type BookingState,
} from './booking-state.js';
import { at, kiosk, MONDAY_8, request, site, wang } from './fixtures.test-helpers.js';
import { roomUtilization } from '../reports/room-utilization.js';

const decider = untyped(createBookingDecider());

/** Every pair of bookings of a room whose occupied intervals overlap, as sorted id pairs. */
function overlappingPairs(state: BookingState): string[] {
  const out: string[] = [];
  for (const rs of state.rooms.values()) {
    const held = [...rs.bookings.values()]
      .map((b) => ({ id: b.id, i: occupied(b) }))
      .filter((x) => x.i !== undefined);
    for (let a = 0; a < held.length; a++)
      for (let b = a + 1; b < held.length; b++) {
        const x = held[a]!;
        const y = held[b]!;
        if (overlaps(x.i!, y.i!)) out.push([x.id, y.id].sort().join('|'));
      }
  }
  return out.sort();
}

/** The index answers for every booking that holds time: the arrays stay sorted and disjoint. */
function expectIndexSound(state: BookingState): void {
  for (const rs of state.rooms.values()) {
    const { starts, ends, ids, overlaps: extra = [] } = rs.index;
    for (let i = 1; i < ids.length; i++) expect(starts[i]!).toBeGreaterThanOrEqual(ends[i - 1]!);
    const indexed = new Set([...ids, ...extra.map((e) => e.id)]);
    for (const b of rs.bookings.values()) {
      const i = occupied(b);
      if (i && i.start < i.end) expect(indexed.has(b.id)).toBe(true);
    }
  }
}

// Commands at the door and at a desk, in rooms A (walk-up allowed) and C, on one Monday.
const minuteArb = fc.integer({ min: 8 * 60, max: 19 * 60 + 50 });
const idArb = fc.constantFrom('x1', 'x2', 'x3', 'x4', 'x5', 'x6');
const roomArb = fc.constantFrom('A', 'C');
const commandArb = fc.oneof(
  fc
    .record({ m: minuteArb, len: fc.constantFrom(15, 30, 60, 90), room: roomArb, id: idArb })
    .map(({ m, len, room, id }) =>
      request({
        bookingId: id,
        roomId: room,
        start: MONDAY_8 + (m - 8 * 60) * MINUTE,
        end: MONDAY_8 + (m - 8 * 60 + len) * MINUTE,
      }),
    ),
  fc
    .record({ m: minuteArb, s: fc.integer({ min: 0, max: 59 }), len: fc.constantFrom(15, 30, 60) })
    .chain((w) =>
      fc.record({ room: roomArb, id: idArb }).map(({ room, id }) => ({
        type: 'WalkUp',
        now: MONDAY_8 + (w.m - 8 * 60) * MINUTE + w.s * 1000,
        actor: kiosk,
        roomId: room,
        bookingId: id,
        minutes: w.len,
      })),
    ),
  fc
    .record({
      m: minuteArb,
      room: roomArb,
      id: idArb,
      kind: fc.constantFrom('EndEarly', 'CheckIn'),
    })
    .map(({ m, room, id, kind }) => ({
      type: kind,
      now: MONDAY_8 + (m - 8 * 60) * MINUTE,
      actor: kiosk,
      roomId: room,
      bookingId: id,
    })),
  fc.record({ room: roomArb, id: idArb }).map(({ room, id }) => ({
    type: 'CancelBooking',
    now: MONDAY_8,
    actor: wang,
    roomId: room,
    bookingId: id,
  })),
);

/**
 * A step of a log: one door deciding against the state, or two (a second tab, a stale tablet)
 * deciding each against the same state, both written.
 */
type Step =
  | { readonly kind: 'one'; readonly c: unknown }
  | { readonly kind: 'two'; readonly a: unknown; readonly b: unknown };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  commandArb.map((c) => ({ kind: 'one' as const, c })),
  fc.tuple(commandArb, commandArb).map(([a, b]) => ({ kind: 'two' as const, a, b })),
);

/** Whatever else a log may hold: events of a later version, events missing their fields. */
const oddEventArb = fc.oneof(
  fc.record({
    type: fc.constantFrom('RoomBooked', 'BookingRequested'),
    roomId: roomArb,
    booking: fc.anything(),
  }),
  fc.record({ type: fc.string(), roomId: roomArb }),
  fc.record({
    type: fc.constantFrom('BookingExtended', 'BookingEndedEarly', 'BookingCheckedIn'),
    roomId: roomArb,
    bookingId: idArb,
    end: fc.integer(),
    at: fc.integer(),
  }),
) as fc.Arbitrary<BookingEvent>;

/** The log two deciders write: each step's events appended, forks decided against one state. */
function logOf(steps: readonly Step[], odd: readonly BookingEvent[]): BookingEvent[] {
  let log: BookingEvent[] = [...site];
  let state = foldBookingEvents(initialBookingState, log);
  steps.forEach((step, i) => {
    const decided =
      step.kind === 'one'
        ? [decider.decide(step.c, state)]
        : [decider.decide(step.a, state), decider.decide(step.b, state)];
    for (const r of decided) if (r.ok) log = [...log, ...r.value];
    const o = odd[i];
    if (o !== undefined) log = [...log, o];
    state = foldBookingEvents(initialBookingState, log);
  });
  return log;
}

describe('R-2: a log that contradicts itself folds, and the decider keeps its laws', () => {
  test.prop([
    fc.array(stepArb, { maxLength: 25 }),
    fc.array(fc.option(oddEventArb, { nil: undefined }), { maxLength: 25 }),
    commandArb,
  ])(
    'R-2: any log folds without throwing, event by event or at once, and no new overlap is accepted',
    (steps, odd, next) => {
      const log = logOf(steps, odd as BookingEvent[]);
      const state = foldBookingEvents(initialBookingState, log);
      const oneByOne = log.reduce((s, e) => decider.evolve(s, e), decider.initialState);
      expect(overlappingPairs(oneByOne)).toEqual(overlappingPairs(state));
      expectIndexSound(state);
      // Every overlap the log holds is recorded as a conflict, with both parties.
      const recorded = new Set(
        [...state.rooms.values()].flatMap((rs) =>
          (rs.conflicts ?? []).map((c) => [c.bookingId, c.withId].sort().join('|')),
        ),
      );
      for (const pair of overlappingPairs(state)) expect(recorded.has(pair)).toBe(true);
      // The decider over the folded state: whatever it accepts adds no overlap.
      const before = overlappingPairs(state);
      const decided = decider.decide(next, state);
      if (decided.ok) {
        const after = foldBookingEvents(state, decided.value);
        const added = overlappingPairs(after).filter((p) => !before.includes(p));
        expect(added).toEqual([]);
      }
    },
  );

  // Forks that surely conflict: two doors, each in its own hour of room A, each book against the
  // same state; every fork is taken by both, so the log holds exactly one overlap per fork.
  test.prop([
    fc.uniqueArray(fc.integer({ min: 8, max: 18 }), { minLength: 1, maxLength: 6 }),
    fc.integer({ min: 1, max: 29 }),
    fc.integer({ min: 0, max: 59 }),
  ])(
    'R-2: two doors booking against one state: both kept, the conflict recorded, nothing new let in over either',
    (hours, shift, probe) => {
      let log: BookingEvent[] = [...site];
      for (const h of hours) {
        const state = foldBookingEvents(initialBookingState, log);
        const a = decider.decide(
          request({ bookingId: `a${h}`, start: at(h), end: at(h, 30) }),
          state,
        );
        const b = decider.decide(
          request({ bookingId: `b${h}`, start: at(h, shift), end: at(h, shift + 30) }),
          state,
        );
        if (!a.ok || !b.ok) throw new Error('both doors accept against the same state');
        log = [...log, ...a.value, ...b.value];
      }
      const state = foldBookingEvents(initialBookingState, log);
      const conflicts = state.rooms.get('A')!.conflicts ?? [];
      expect(conflicts.map((c) => [c.bookingId, c.withId])).toEqual(
        hours.map((h) => [`b${h}`, `a${h}`]),
      );
      expect(standingConflicts(state.rooms.get('A')!)).toHaveLength(hours.length);
      for (const h of hours) {
        // Inside either party, even where only the second one holds the room: refused.
        const inside = at(h) + (probe % (shift + 30)) * MINUTE;
        const r = decider.decide(
          request({ bookingId: 'n', start: inside, end: inside + 15 * MINUTE }),
          state,
        );
        expect(r.ok).toBe(false);
      }
    },
  );

  it('R-2: cancelling one party of a conflict leaves the other holding, and the conflict no longer standing', () => {
    const state0 = foldBookingEvents(initialBookingState, site);
    const a = decider.decide(request({ bookingId: 'a', start: at(9), end: at(10) }), state0);
    const b = decider.decide(
      request({ bookingId: 'b', start: at(9, 30), end: at(10, 30) }),
      state0,
    );
    if (!a.ok || !b.ok) throw new Error('both accepted');
    const log = [...site, ...a.value, ...b.value];
    const state = foldBookingEvents(initialBookingState, log);
    expect(standingConflicts(state.rooms.get('A')!)).toEqual([
      { bookingId: 'b', withId: 'a', start: at(9, 30), end: at(10) },
    ]);
    const cancel = decider.decide(
      { type: 'CancelBooking', now: MONDAY_8, actor: wang, roomId: 'A', bookingId: 'a' },
      state,
    );
    if (!cancel.ok) throw new Error(cancel.rejection.message.en);
    const after = foldBookingEvents(state, cancel.value);
    expect(standingConflicts(after.rooms.get('A')!)).toEqual([]);
    expect(after.rooms.get('A')!.conflicts).toHaveLength(1);
    // b still holds 10:00–10:30: a new booking there is refused, one after it accepted.
    expect(
      decider.decide(request({ bookingId: 'c', start: at(10), end: at(10, 30) }), after).ok,
    ).toBe(false);
    expect(
      decider.decide(request({ bookingId: 'c', start: at(10, 30), end: at(11) }), after).ok,
    ).toBe(true);
  });

  it('R-2, R-12: the period report lists the conflicts the log holds, both parties named, and counts each booking once', () => {
    const state0 = foldBookingEvents(initialBookingState, site);
    const a = decider.decide(request({ bookingId: 'a', start: at(9), end: at(10) }), state0);
    const b = decider.decide(
      request({ bookingId: 'b', start: at(9, 30), end: at(10, 30) }),
      state0,
    );
    if (!a.ok || !b.ok) throw new Error('both accepted');
    const state = foldBookingEvents(initialBookingState, [...site, ...a.value, ...b.value]);
    const day = { from: at(0), to: at(23, 59), zone: 'Asia/Shanghai' };
    const report = roomUtilization(state, day);
    expect(report.conflicts).toEqual([
      { roomId: 'A', bookingId: 'b', withId: 'a', start: at(9, 30), end: at(10) },
    ]);
    expect(report.rows.find((r) => r.roomId === 'A')).toMatchObject({
      bookings: 2,
      booked: 2 * 3_600_000,
    });
    expect(roomUtilization(state, { ...day, from: at(10), to: at(12) }).conflicts).toEqual([]);
  });
});
