import { describe, expect, it } from 'vitest';
import { untyped } from '../testing/untyped.js';
import { givenFor } from '../testing/given.js';
import { DAY } from '../time/instant.js';
import { createBookingDecider } from './booking-decider.js';
import type { BookingEvent } from './booking-events.js';
import { at, kiosk, MONDAY_8, request, site, wang } from './fixtures.test-helpers.js';

const decider = untyped(createBookingDecider());
const given = givenFor(decider);

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
const busyLog = (): BookingEvent[] => {
  const r = given(site).when(blocker);
  if (!r.ok) throw new Error(r.rejection.message.en);
  return [...site, ...r.value];
};

describe('M-1, R-2: a regular meeting booked as one request', () => {
  it('M-1: every occurrence within the 30-day horizon is booked, with its own id', () => {
    const r = given(site).when(series());
    if (!r.ok) throw new Error(r.rejection.message.en);
    const booked = r.value.filter((e) => e.type === 'RoomBooked');
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
    expect(r.value.at(-1)).toMatchObject({ type: 'SeriesBooked', skipped: [] });
  });

  it('R-2: conflicts are reported per occurrence; all-or-nothing books none', () => {
    const r = given(busyLog()).when(series({ mode: 'all-or-nothing' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rejection).toMatchObject({ rule: 'R-2', code: 'series.conflicts' });
    expect(r.rejection.data['skipped']).toEqual([
      expect.objectContaining({
        bookingId: 'weekly-review@2026-12-14',
        rule: 'R-2',
        code: 'booking.room-busy',
      }),
    ]);
    expect(r.rejection.message['zh-CN']).toContain('5 次会议中有 1 次');
    expect(r.rejection.message.en).toContain('1 of 5 occurrences');
  });

  it('R-2: book-what-fits books the rest and reports the conflict', () => {
    const log = busyLog();
    const r = given(log).when(series());
    if (!r.ok) throw new Error(r.rejection.message.en);
    expect(r.value.filter((e) => e.type === 'RoomBooked')).toHaveLength(4);
    const summary = r.value.at(-1);
    expect(summary).toMatchObject({
      type: 'SeriesBooked',
      skipped: [{ bookingId: 'weekly-review@2026-12-14', code: 'booking.room-busy' }],
    });
    // the same request again decides to nothing
    expect(given([...log, ...r.value]).when(series())).toEqual({ ok: true, value: [] });
  });

  it('R-2: each busy occurrence comes with the slots and rooms a single booking of it is offered', () => {
    const log = busyLog();
    const r = given(log).when(series());
    if (!r.ok) throw new Error(r.rejection.message.en);
    const summary = r.value.at(-1);
    const skipped = summary?.type === 'SeriesBooked' ? summary.skipped : [];
    const single = given(log).when(
      request({
        bookingId: 'single',
        topic: '售后周例会',
        start: at(9) + 14 * DAY,
        end: at(10) + 14 * DAY,
      }),
    );
    expect(single.ok).toBe(false);
    if (single.ok) return;
    const { slots, rooms } = single.rejection.data as { slots: unknown[]; rooms: unknown[] };
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
    const refused = given(log).when(series({ mode: 'all-or-nothing' }));
    expect(!refused.ok && refused.rejection.data['skipped']).toEqual(skipped);
  });

  it('R-2: a series with nothing in the horizon, or a malformed series, is refused', () => {
    const far = { ...mondays, start: { ...mondays.start, year: 2027 } };
    expect(given(site).when(series({ series: far }))).toMatchObject({
      ok: false,
      rejection: { code: 'series.no-occurrences' },
    });
    const bad = given(site).when(
      series({ series: { ...mondays, rule: { freq: 'daily', interval: 1 } } }),
    );
    expect(bad).toMatchObject({
      ok: false,
      rejection: { rule: 'R-2', code: 'command.malformed', data: { path: 'command.series' } },
    });
  });

  it('R-4: occurrences carry their series, so no-shows in a row are flagged', () => {
    const r = given(site).when(series());
    if (!r.ok) throw new Error(r.rejection.message.en);
    const log = [...site, ...r.value];
    const first = given(log).when({ type: 'ReleaseNoShows', now: at(12) + 7 * DAY, actor: kiosk });
    expect(first.ok && first.value.map((e) => e.type)).toEqual([
      'BookingReleased',
      'BookingReleased',
      'SeriesNoShowsFlagged',
    ]);
  });
});
