// A year of one room's history as a door kiosk leaves it: working day after working day of
// bookings in 一号会议室 (room A of the demo dealership), each checked in at the door, every other
// one a meeting whose people sign in as they arrive. Every event is decided by @huiyi/core's own
// deciders from the commands a kiosk would send, then put in the store's envelope, so the log is
// what the app itself would have written. Deterministic apart from "today" (mulberry32, fixed seed).
import {
  DEFAULT_PARAMETERS,
  HOUR,
  MINUTE,
  addDays,
  createBookingDecider,
  createMeetingDecider,
  envelope,
  eventIdFactory,
  foldBookingEvents,
  initialBookingState,
  foldMeetingEvents,
  fromEpochDay,
  localDateOf,
  meetingStreamOf,
  startOfLocalDay,
  streamOf,
  toEpochDay,
  weekdayOf,
} from '@huiyi/core';

const ZONE = DEFAULT_PARAMETERS.time.zone;

/** The room the history is of: the demo's 一号会议室, as the demo registers it. */
const ROOM = {
  id: 'A',
  name: '一号会议室',
  location: '售后服务楼 2 层',
  capacity: 10,
  equipment: [{ id: 'A-proj', kind: 'projector', label: '投影仪' }],
  openingHours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' }],
  confidential: false,
  needsApproval: false,
  walkUp: true,
};

const ADMIN = { id: 'p-zhou', roles: ['room-admin'] };
const CHAIR = { id: 'p-wang', roles: ['organizer', 'chair'] };
const ATTENDEES = ['p-wang', 'p-li', 'p-zhang', 'p-liu', 'p-chen', 'p-yang', 'p-huang'];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The commands of a year before `now`: ten bookings a working day (Monday to Friday, 08:00 on,
 * 30–60 min each), requested two days ahead, checked in three minutes after the start; every other
 * booking a meeting, planned and scheduled with it, signed into by three or four of its people.
 */
function commandsOfYear(now, days, seed) {
  const rand = mulberry32(seed);
  const today = toEpochDay(localDateOf(now, ZONE));
  const commands = [];
  let made = 0;
  for (let day = today - days; day < today; day++) {
    const date = fromEpochDay(day);
    if (weekdayOf(date) > 5) continue;
    const dayStart = startOfLocalDay(date, ZONE);
    const bookedAt = startOfLocalDay(addDays(date, -2), ZONE) + 17 * HOUR;
    let t = dayStart + 8 * HOUR;
    for (let i = 0; i < 10; i++) {
      const start = t + Math.floor(rand() * 3) * 5 * MINUTE;
      const end = start + (30 + Math.floor(rand() * 7) * 5) * MINUTE;
      t = end;
      made += 1;
      const bookingId = `y${made}`;
      const topic = `售后例会 ${made}`;
      commands.push({
        type: 'RequestBooking',
        now: bookedAt + i * MINUTE,
        actor: ADMIN,
        bookingId,
        roomId: ROOM.id,
        organizerId: 'p-wang',
        department: '售后服务部',
        topic,
        headcount: 3 + (made % 6),
        start,
        end,
        ...(made % 4 === 0 ? { equipment: ['projector'] } : {}),
      });
      if (made % 2 === 0) {
        const meetingId = `ym${made}`;
        commands.push(
          {
            type: 'PlanMeeting',
            now: bookedAt + i * MINUTE + 1,
            actor: CHAIR,
            meetingId,
            kind: 'ad-hoc',
            topic,
            goals: '回顾售后指标',
            agenda: [{ id: 'i1', title: topic, presenterId: 'p-chen', timeboxMinutes: 20 }],
            chairId: 'p-wang',
            recorderId: 'p-li',
            signInOfficerId: 'p-zhang',
            participants: ['p-liu', 'p-chen', 'p-yang', 'p-huang'],
            booking: { roomId: ROOM.id, bookingId, start, end },
            confidential: false,
          },
          { type: 'ScheduleMeeting', now: bookedAt + i * MINUTE + 2, actor: CHAIR, meetingId },
        );
        const arriving = 3 + (made % 2);
        for (let k = 0; k < arriving; k++) {
          const id = ATTENDEES[(made + k) % ATTENDEES.length];
          commands.push({
            type: 'SignIn',
            now: start - 4 * MINUTE + k * MINUTE,
            actor: { id, roles: [] },
            meetingId,
          });
        }
      }
      commands.push({
        type: 'CheckIn',
        now: start + 3 * MINUTE,
        actor: { id: `door:${ROOM.id}`, roles: [] },
        roomId: ROOM.id,
        bookingId,
      });
    }
  }
  // In the order they happened, as the kiosk would have written them.
  return { commands: commands.sort((a, b) => a.now - b.now), bookings: made };
}

/**
 * The envelopes of a year of room A before `now`, decided by the core's deciders (any refusal is
 * a bug of this generator and throws).
 *
 * @param {number} now - the real time: the history ends the day before
 * @param {{ days?: number, seed?: number, device?: string }} [options]
 * @returns {{ events: import('@huiyi/core').NewEvent[], bookings: number, meetings: number }}
 */
export function yearOfRoomA(now, { days = 365, seed = 11, device = 'kiosk-bench' } = {}) {
  const bookingsDecider = createBookingDecider();
  const meetingsDecider = createMeetingDecider();
  // The room is already in the kiosk's log (the demo registered it); the deciders need it too.
  let bookings = foldBookingEvents(initialBookingState, [
    { type: 'RoomRegistered', roomId: ROOM.id, room: ROOM },
  ]);
  let meetings = meetingsDecider.initialState;
  const nextId = eventIdFactory(mulberry32(seed + 1));
  const { commands, bookings: count } = commandsOfYear(now, days, seed);
  const events = [];
  let meetingCount = 0;
  for (const c of commands) {
    const isBooking = c.type === 'RequestBooking' || c.type === 'CheckIn';
    const decided = isBooking
      ? bookingsDecider.decide(c, bookings)
      : meetingsDecider.decide(c, meetings);
    if (!decided.ok) {
      throw new Error(`${c.type} refused: ${decided.rejection.message.en}`);
    }
    if (isBooking) bookings = foldBookingEvents(bookings, decided.value);
    else meetings = foldMeetingEvents(meetings, decided.value);
    if (c.type === 'PlanMeeting') meetingCount += 1;
    for (const e of decided.value) {
      events.push(
        envelope(e, {
          id: nextId(c.now),
          stream: isBooking ? streamOf(e) : meetingStreamOf(e),
          now: c.now,
          who: c.actor.id,
          device,
        }),
      );
    }
  }
  return { events, bookings: count, meetings: meetingCount };
}
