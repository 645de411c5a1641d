import {
  HOUR,
  MINUTE,
  envelope,
  foldBookingEvents,
  initialBookingState,
  type Booking,
  type BookingEvent,
  type DomainEvent,
  type NewEvent,
  type StoredEvent,
} from '@huiyi/core';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ROOM, roomLog } from '../test/year-of-bookings.js';
import {
  bookingProjection,
  decodeBookingState,
  encodeBookingState,
  isStoredBookingEvent,
} from './booking-projection.js';

const T = Date.UTC(2026, 0, 5, 1); // Monday 09:00 in Asia/Shanghai
const booking = (id: string, start: number, over: Partial<Booking> = {}): Booking => ({
  id,
  roomId: 'B',
  organizerId: 'li',
  topic: `会议 ${id}`,
  headcount: 4,
  start,
  end: start + HOUR,
  equipment: [],
  confidential: false,
  walkUp: false,
  status: 'confirmed',
  requestedAt: start - HOUR,
  ...over,
});

/** Events that touch every part of the state: faults, series no-shows, every ending. */
const rich: BookingEvent[] = [
  { type: 'RoomRegistered', roomId: 'B', room: { ...ROOM, id: 'B', name: '大会议室' } },
  {
    type: 'EquipmentFaultReported',
    roomId: 'B',
    equipmentId: 'A-proj',
    note: '灯泡坏了',
    reportedBy: 'li',
    at: T,
  },
  { type: 'RoomBooked', roomId: 'B', booking: booking('s1', T, { seriesId: 'weekly' }) },
  { type: 'BookingReleased', roomId: 'B', bookingId: 's1', at: T + 15 * MINUTE },
  { type: 'RoomBooked', roomId: 'B', booking: booking('s2', T + 2 * HOUR, { seriesId: 'weekly' }) },
  { type: 'BookingReleased', roomId: 'B', bookingId: 's2', at: T + 2 * HOUR + 15 * MINUTE },
  { type: 'RoomBooked', roomId: 'B', booking: booking('c1', T + 4 * HOUR) },
  {
    type: 'BookingCancelled',
    roomId: 'B',
    bookingId: 'c1',
    by: 'li',
    late: true,
    at: T,
    reason: '改期',
  },
  {
    type: 'BookingRequested',
    roomId: 'B',
    booking: booking('p1', T + 6 * HOUR, { status: 'pending' }),
  },
  { type: 'RoomBooked', roomId: 'B', booking: booking('x1', T + 8 * HOUR) },
  { type: 'BookingCheckedIn', roomId: 'B', bookingId: 'x1', at: T + 8 * HOUR },
  {
    type: 'BookingExtended',
    roomId: 'B',
    bookingId: 'x1',
    end: T + 9 * HOUR + 30 * MINUTE,
    by: 'li',
  },
  { type: 'BookingEndedEarly', roomId: 'B', bookingId: 'x1', at: T + 9 * HOUR, by: 'li' },
];

let n = 0;
const stored = (events: readonly NewEvent<DomainEvent>[]): StoredEvent[] =>
  events.map((e) => ({ ...e, position: (n += 1) }));
const meta = (i: number) => ({ id: `r${i}`, stream: 'room:B', now: T, who: 'li', device: 'web' });
const richLog = stored(rich.map((e, i) => envelope<DomainEvent>(e, meta(i))));
const other = stored([
  {
    id: 'm1',
    stream: 'meeting:m1',
    type: 'MeetingScheduled',
    data: { type: 'MeetingScheduled' },
    now: T,
    who: 'li',
    device: 'web',
  },
]);

/** The state as saved and read back: through JSON, as a store would serialize it. */
const throughStorage = (e: unknown): unknown => JSON.parse(JSON.stringify(e));

describe('the bookings projection and its codec', () => {
  it('folds the rooms events of the log, and ignores the other contexts', () => {
    const state = bookingProjection.fold(bookingProjection.initial, [...other, ...richLog]);
    expect(state).toEqual(foldBookingEvents(initialBookingState, rich));
    expect(isStoredBookingEvent(other[0]!)).toBe(false);
    expect(isStoredBookingEvent(richLog[0]!)).toBe(true);
    const b = state.rooms.get('B')!;
    expect(b.faulty.get('A-proj')).toBe('灯泡坏了');
    expect(b.noShowRuns.get('weekly')).toEqual(['s1', 's2']);
  });

  it('an event whose envelope and data disagree is not a bookings event', () => {
    const odd = { ...richLog[0]!, type: 'MeetingScheduled' };
    expect(isStoredBookingEvent(odd)).toBe(false);
  });

  it('encodes every Map as entries, and decodes back to an equal state', () => {
    const state = foldBookingEvents(initialBookingState, rich);
    const encoded = throughStorage(encodeBookingState(state));
    expect(decodeBookingState(encoded)).toEqual(state);
    expect(encodeBookingState(bookingProjection.initial)).toEqual({ rooms: [] });
  });

  it.each([
    ['not an object', 42],
    ['no rooms', {}],
    ['a room that is not a pair', { rooms: [['B']] }],
    [
      'a room without its room',
      {
        rooms: [
          [
            'B',
            { faulty: [], bookings: [], noShowRuns: [], index: { starts: [], ends: [], ids: [] } },
          ],
        ],
      },
    ],
    [
      'bad faults',
      {
        rooms: [
          [
            'B',
            {
              room: { id: 'B' },
              faulty: [[1, 2]],
              bookings: [],
              noShowRuns: [],
              index: { starts: [], ends: [], ids: [] },
            },
          ],
        ],
      },
    ],
    [
      'a booking without an id',
      {
        rooms: [
          [
            'B',
            {
              room: { id: 'B' },
              faulty: [],
              bookings: [{}],
              noShowRuns: [],
              index: { starts: [], ends: [], ids: [] },
            },
          ],
        ],
      },
    ],
    [
      'bad no-show runs',
      {
        rooms: [
          [
            'B',
            {
              room: { id: 'B' },
              faulty: [],
              bookings: [],
              noShowRuns: [['w', [1]]],
              index: { starts: [], ends: [], ids: [] },
            },
          ],
        ],
      },
    ],
    [
      'an index out of step',
      {
        rooms: [
          [
            'B',
            {
              room: { id: 'B' },
              faulty: [],
              bookings: [],
              noShowRuns: [],
              index: { starts: [1], ends: [], ids: ['x'] },
            },
          ],
        ],
      },
    ],
  ])('does not decode %s (the projection is rebuilt instead)', (_what, value) => {
    expect(decodeBookingState(value)).toBeUndefined();
  });

  test.prop([fc.integer({ min: 0, max: 60 }), fc.nat(), fc.integer({ min: 1, max: 1000 })], {
    numRuns: 40,
  })(
    'law: a snapshot saved after any prefix, plus the rest of the log, folds to the whole log',
    (bookings, at, seed) => {
      const log = [...richLog, ...other, ...stored(roomLog(bookings, seed).events)];
      const split = at % (log.length + 1);
      const whole = bookingProjection.fold(bookingProjection.initial, log);
      const prefix = bookingProjection.fold(bookingProjection.initial, log.slice(0, split));
      const restored = bookingProjection.decode(throughStorage(bookingProjection.encode(prefix)));
      expect(restored).toBeDefined();
      expect(bookingProjection.fold(restored!, log.slice(split))).toEqual(whole);
    },
  );
});
