import { describe, expect, it } from 'vitest';
import { untyped } from '../testing/untyped.js';
import { givenWhenThen } from '../testing/given-when-then.js';
import { DAY } from '../time/instant.js';
import { createBookingDecider } from './booking-decider.js';
import type { BookingEvent } from './booking-events.js';
import { at, kiosk, MONDAY_8, request, site, wang } from './fixtures.test-helpers.js';

const decider = untyped(createBookingDecider());
const given = givenWhenThen(decider);

const mondays = {
  rule: { freq: 'weekly', interval: 1, byWeekday: [1] },
  start: { year: 2026, month: 11, day: 30, hour: 9, minute: 0 },
  zone: 'Asia/Shanghai',
};
const series = (over: Record<string, unknown> = {}) => ({
  type: 'RequestSeries',
  now: MONDAY_8,
  actor: wang,
  seriesId: 'weekly-review',
  roomId: 'A',
  series: mondays,
  durationMinutes: 60,
  topic: '售后周例会',
  headcount: 6,
  mode: 'book-what-fits',
  ...over,
});
const blocker = request({
  bookingId: 'other',
  actor: kiosk,
  start: at(9) + 14 * DAY,
  end: at(10) + 14 * DAY,
});
const busyLog = (): BookingEvent[] => [...site, ...given(site).when(blocker).thenAccepted()];

describe('M-1, R-2: a regular meeting booked as one request', () => {
  it('M-1: every occurrence within the 30-day horizon is booked, with its own id', () => {
    const decided = given(site).when(series()).thenAccepted();
    const booked = decided.filter((e) => e.type === 'RoomBooked');
    expect(booked.map((e) => (e.type === 'RoomBooked' ? e.booking.id : ''))).toEqual([
      'weekly-review@2026-11-30',
      'weekly-review@2026-12-07',
      'weekly-review@2026-12-14',
      'weekly-review@2026-12-21',
      'weekly-review@2026-12-28',
    ]);
    expect(booked[0]).toMatchObject({
      booking: { start: at(9), end: at(10), seriesId: 'weekly-review', status: 'confirmed' },
    });
    expect(decided.at(-1)).toMatchObject({ type: 'SeriesBooked', skipped: [] });
  });

  it('R-2: conflicts are reported per occurrence; all-or-nothing books none', () => {
    const rejection = given(busyLog())
      .when(series({ mode: 'all-or-nothing' }))
      .thenRejects('R-2', 'series.conflicts');
    expect(rejection.data['skipped']).toEqual([
      expect.objectContaining({
        bookingId: 'weekly-review@2026-12-14',
        rule: 'R-2',
        code: 'booking.room-busy',
      }),
    ]);
    expect(rejection.message['zh-CN']).toContain('5 次会议中有 1 次');
    expect(rejection.message.en).toContain('1 of 5 occurrences');
  });

  it('R-2: book-what-fits books the rest and reports the conflict', () => {
    const log = busyLog();
    const decided = given(log).when(series()).thenAccepted();
    expect(decided.filter((e) => e.type === 'RoomBooked')).toHaveLength(4);
    const summary = decided.at(-1);
    expect(summary).toMatchObject({
      type: 'SeriesBooked',
      skipped: [{ bookingId: 'weekly-review@2026-12-14', code: 'booking.room-busy' }],
    });
    // the same request again decides to nothing
    given([...log, ...decided])
      .when(series())
      .thenNothingHappened();
  });

  it('R-2: each busy occurrence comes with the slots and rooms a single booking of it is offered', () => {
    const log = busyLog();
    const summary = given(log).when(series()).thenAccepted().at(-1);
    const skipped = summary?.type === 'SeriesBooked' ? summary.skipped : [];
    const single = given(log)
      .when(
        request({
          bookingId: 'single',
          topic: '售后周例会',
          start: at(9) + 14 * DAY,
          end: at(10) + 14 * DAY,
        }),
      )
      .thenRejects('R-2', 'booking.room-busy');
    const { slots, rooms } = single.data as { slots: unknown[]; rooms: unknown[] };
    expect(slots.length).toBeGreaterThan(0);
    expect(rooms.length).toBeGreaterThan(0);
    expect(skipped).toEqual([
      expect.objectContaining({
        bookingId: 'weekly-review@2026-12-14',
        rule: 'R-2',
        code: 'booking.room-busy',
        alternatives: { slots, rooms },
      }),
    ]);
    const refused = given(log)
      .when(series({ mode: 'all-or-nothing' }))
      .thenRejects('R-2', 'series.conflicts');
    expect(refused.data['skipped']).toEqual(skipped);
  });

  it('R-2: a series with nothing in the horizon, or a malformed series, is refused', () => {
    const far = { ...mondays, start: { ...mondays.start, year: 2027 } };
    given(site)
      .when(series({ series: far }))
      .thenRejects('R-2', 'series.no-occurrences');
    const bad = given(site)
      .when(series({ series: { ...mondays, rule: { freq: 'daily', interval: 1 } } }))
      .thenRejects('R-2', 'command.malformed');
    expect(bad.data).toEqual({ path: 'command.series' });
  });

  it('R-4: occurrences carry their series, so no-shows in a row are flagged', () => {
    const log = [...site, ...given(site).when(series()).thenAccepted()];
    const released = given(log)
      .when({ type: 'ReleaseNoShows', now: at(12) + 7 * DAY, actor: kiosk })
      .thenAccepted();
    expect(released.map((e) => e.type)).toEqual([
      'BookingReleased',
      'BookingReleased',
      'SeriesNoShowsFlagged',
    ]);
  });
});
