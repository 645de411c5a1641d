// A room's log as the door kiosk leaves it: the room registered, then working day after working
// day of bookings, each followed by its check-in. Deterministic (mulberry32, fixed seed), shared by
// the tests and the benchmarks.
import {
  HOUR,
  MINUTE,
  envelope,
  eventIdFactory,
  startOfLocalDay,
  toEpochDay,
  fromEpochDay,
  weekdayOf,
  type Booking,
  type BookingEvent,
  type NewEvent,
  type Room,
} from '@huiyi/core';

/** The room of the log. */
export const ROOM: Room = {
  id: 'A',
  name: '一号会议室',
  location: '售后二楼',
  capacity: 8,
  equipment: [{ id: 'A-proj', kind: 'projector' }],
  openingHours: [{ weekdays: [1, 2, 3, 4, 5, 6], open: '08:00', close: '20:00' }],
  confidential: false,
  needsApproval: false,
  walkUp: true,
};

/** The first day of the log: Monday 2 February 2026, Asia/Shanghai. */
export const FIRST_DAY = { year: 2026, month: 2, day: 2 };

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The log of one room, and the instants a test or a benchmark needs. */
export interface RoomLog {
  readonly events: readonly NewEvent<BookingEvent>[];
  readonly bookings: number;
  /** Noon of the last day with bookings: "today" on the door's screen. */
  readonly today: number;
  /** How many bookings that last day holds. */
  readonly todayCount: number;
}

/**
 * A room's log of `bookings` bookings, ten a working day (Monday to Saturday, 08:00 on), each
 * 30–60 min, each followed by its check-in.
 *
 * @param bookings - how many bookings (2,600 is about a year)
 * @param seed - the random seed
 * @returns the events (1 + 2 × bookings) and "today"
 */
export function roomLog(bookings: number, seed = 7): RoomLog {
  const rand = mulberry32(seed);
  const nextId = eventIdFactory(rand);
  const meta = (now: number) => ({
    id: nextId(now),
    stream: `room:${ROOM.id}`,
    now,
    who: 'wang',
    device: 'kiosk-A',
  });
  const firstDay = startOfLocalDay(FIRST_DAY, 'Asia/Shanghai');
  const events: NewEvent<BookingEvent>[] = [
    envelope<BookingEvent>({ type: 'RoomRegistered', roomId: ROOM.id, room: ROOM }, meta(firstDay)),
  ];
  let day = toEpochDay(FIRST_DAY);
  let made = 0;
  let today = 0;
  let todayCount = 0;
  while (made < bookings) {
    const date = fromEpochDay(day);
    day += 1;
    if (weekdayOf(date) === 7) continue;
    const dayStart = startOfLocalDay(date, 'Asia/Shanghai');
    let t = dayStart + 8 * HOUR;
    todayCount = 0;
    for (let i = 0; i < 10 && made < bookings; i++) {
      const start = t + Math.floor(rand() * 3) * 5 * MINUTE;
      const end = start + (30 + Math.floor(rand() * 7) * 5) * MINUTE;
      t = end;
      made += 1;
      todayCount += 1;
      const booking: Booking = {
        id: `b${made}`,
        roomId: ROOM.id,
        organizerId: made % 3 ? 'wang' : 'li',
        topic: `售后例会 ${made}`,
        headcount: 2 + (made % 6),
        start,
        end,
        equipment: made % 4 ? [] : ['projector'],
        confidential: false,
        walkUp: false,
        status: 'confirmed',
        requestedAt: start - 2 * 24 * HOUR,
      };
      events.push(
        envelope<BookingEvent>(
          { type: 'RoomBooked', roomId: ROOM.id, booking },
          meta(start - 2 * 24 * HOUR),
        ),
      );
      const at = start + 3 * MINUTE;
      events.push(
        envelope<BookingEvent>(
          { type: 'BookingCheckedIn', roomId: ROOM.id, bookingId: booking.id, at },
          meta(at),
        ),
      );
    }
    today = dayStart + 12 * HOUR;
  }
  return { events, bookings: made, today, todayCount };
}
