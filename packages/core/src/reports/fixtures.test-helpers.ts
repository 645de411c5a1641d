// Shared fixtures for the reports tests: December 2026 at the dealership. The weekly review m1 of
// Wednesday the 2nd (see the meetings fixtures) was held in room A and its minutes published that
// afternoon; li's action o1 was done on the 8th and commended on the 10th. Room A also had a
// booking nobody came to on Thursday the 3rd, and room B a confidential one.
import { untyped } from '../testing/untyped.js';
import {
  acmd,
  actionHistory,
  actionDecider,
  openFrom,
  publishedMinutes,
} from '../actions/fixtures.test-helpers.js';
import { createBookingDecider } from '../rooms/booking-decider.js';
import { roomA, roomB, admin } from '../rooms/fixtures.test-helpers.js';
import type { BookingState } from '../rooms/booking-state.js';
import type { Actor } from '../people/actor.js';
import {
  at,
  chen,
  history,
  li,
  MINUTE,
  ranThrough,
  START,
  END,
} from '../actions/fixtures.test-helpers.js';
import type { ReportSources } from './sources.js';

export * from '../actions/fixtures.test-helpers.js';

const wangOrganizer: Actor = { id: 'wang', roles: ['organizer'] };
const maOrganizer: Actor = { id: 'ma', roles: ['organizer'] };

/** Rooms A and B, with m1's booking checked in, and two no-shows. */
export function bookings(): BookingState {
  const d = untyped(createBookingDecider());
  const commands: Record<string, unknown>[] = [
    { type: 'RegisterRoom', now: at(1, 8), actor: admin, room: roomA },
    { type: 'RegisterRoom', now: at(1, 8), actor: admin, room: roomB },
    {
      type: 'RequestBooking',
      now: at(1, 9),
      actor: maOrganizer,
      bookingId: 'b1',
      roomId: 'A',
      topic: '售后周例会',
      headcount: 8,
      start: START,
      end: END,
      seriesId: 'weekly',
    },
    { type: 'CheckIn', now: START - 5 * MINUTE, actor: maOrganizer, roomId: 'A', bookingId: 'b1' },
    {
      type: 'RequestBooking',
      now: at(1, 9),
      actor: wangOrganizer,
      bookingId: 'b2',
      roomId: 'A',
      topic: '配件供应商洽谈',
      headcount: 3,
      start: at(3, 10),
      end: at(3, 11),
      department: '配件部',
    },
    {
      type: 'RequestBooking',
      now: at(1, 9),
      actor: wangOrganizer,
      bookingId: 'b3',
      roomId: 'B',
      topic: '人事调整',
      headcount: 3,
      start: at(3, 14),
      end: at(3, 15),
      confidential: true,
    },
    { type: 'ApproveBooking', now: at(1, 10), actor: admin, roomId: 'B', bookingId: 'b3' },
    { type: 'ReleaseNoShows', now: at(3, 16), actor: admin },
  ];
  let state = d.initialState;
  for (const c of commands) {
    const r = d.decide(c, state);
    if (!r.ok) throw new Error(`${String(c['type'])}: ${r.rejection.message.en}`);
    state = r.value.reduce(d.evolve, state);
  }
  return state;
}

/** Everything the reports read, for December 2026. */
export function sources(): ReportSources {
  const minutes = publishedMinutes();
  const actions = actionHistory(
    actionDecider,
    openFrom(minutes),
    acmd('StartAction', li, at(3, 9)),
    acmd('SubmitCompletionReport', li, at(8, 10), {
      result: '12 起投诉全部回访',
      problems: '2 位客户电话停机',
      suggestions: '登记客户备用联系方式',
    }),
    acmd('EvaluateAction', chen, at(10, 10), { quality: 5 }),
  ).state;
  return {
    meetings: history(...ranThrough()).state,
    minutes: { minutes: new Map([['m1', minutes]]) },
    actions,
    bookings: bookings(),
  };
}
