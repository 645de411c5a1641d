import { readFileSync } from 'node:fs';
import { type Booking, type BookingEvent } from '@huiyi/core';
import { describe, expect, it } from 'vitest';
import { renderFeed } from './feed.js';
import { importCalendar, type ImportOptions } from './import.js';
import { MAX_FILE_EVENTS } from './ics-reader.js';
import {
  DOMAIN,
  NOW,
  ZONE,
  admin,
  at,
  li,
  request,
  site,
  wang,
  type TestHub,
} from './fixtures.test-helpers.js';

const outlook = readFileSync(
  new URL('../../test/fixtures/outlook-weekly.ics', import.meta.url),
  'utf8',
);
const options = (over: Partial<ImportOptions> = {}): ImportOptions => ({
  now: NOW,
  actor: wang,
  domain: DOMAIN,
  zone: ZONE,
  mode: 'book-what-fits',
  ...over,
});
const bookingsOf = (hub: TestHub, roomId: string): Booking[] =>
  [...(hub.bookings.rooms.get(roomId)?.bookings.values() ?? [])]
    .filter((b) => b.status !== 'cancelled')
    .sort((a, b) => a.start - b.start);

describe('C-4: imports are booking requests like any other', () => {
  it('C-4: round trip: a series with a moved and a cancelled occurrence, exported and imported into an empty hub, gives the same bookings', () => {
    const hub = site();
    hub.must({
      type: 'RequestSeries',
      now: NOW,
      actor: wang,
      seriesId: 's1',
      roomId: 'A',
      series: {
        rule: { freq: 'weekly', interval: 1, byWeekday: [2, 4], count: 6 },
        start: { year: 2026, month: 12, day: 8, hour: 14, minute: 0 },
        zone: ZONE,
      },
      durationMinutes: 60,
      topic: '技术例会',
      headcount: 5,
      equipment: ['projector', 'screen'],
      mode: 'all-or-nothing',
    });
    hub.must({
      type: 'ChangeBooking',
      now: NOW,
      actor: wang,
      roomId: 'A',
      bookingId: 's1@2026-12-10',
      start: at(10, 15),
      end: at(10, 16, 30),
    });
    hub.must({
      type: 'CancelBooking',
      now: NOW,
      actor: wang,
      roomId: 'A',
      bookingId: 's1@2026-12-15',
    });
    const exported = renderFeed(
      hub.calendar(),
      { kind: 'room', roomId: 'A' },
      { language: 'en', zone: ZONE, domain: DOMAIN, now: NOW },
    );

    const empty = site();
    const r = importCalendar(
      exported,
      empty.bookings,
      options({ actor: admin, mode: 'all-or-nothing' }),
    );
    if (!r.ok) throw new Error(r.rejection.message.en);
    expect(r.value.refused).toEqual([]);
    expect(r.value.skipped).toEqual({ cancelled: 1, past: 0, beyondHorizon: 0 });
    empty.appendBookings(r.value.events, NOW);
    // The same file again books nothing new: each request is a repeat.
    const again = importCalendar(
      exported,
      empty.bookings,
      options({ actor: admin, mode: 'all-or-nothing' }),
    );
    expect(again.ok && again.value.events).toEqual([]);
    const original = bookingsOf(hub, 'A');
    expect(original.map((b) => b.id)).toEqual([
      's1@2026-12-08',
      's1@2026-12-10',
      's1@2026-12-17',
      's1@2026-12-22',
      's1@2026-12-24',
    ]);
    expect(bookingsOf(empty, 'A')).toEqual(original);
  });

  it('C-4: an Outlook export: its zone, its weekly rule, the skipped date and the moved occurrence are read by ical.js and booked', () => {
    const hub = site();
    const r = importCalendar(outlook, hub.bookings, options({ roomId: 'A' }));
    if (!r.ok) throw new Error(r.rejection.message.en);
    expect(r.value.refused).toEqual([]);
    expect(r.value.booked.map((b) => [b.roomId, b.start, b.end])).toEqual([
      ['A', at(9, 10), at(9, 11)],
      ['B', at(11, 16), at(11, 17)],
      ['A', at(23, 15), at(23, 16)],
      ['A', at(30, 10), at(30, 11)],
    ]);
    // 25 Nov and 2 Dec are over; 16 Dec is skipped (EXDATE); 6 Jan is past the 30-day horizon.
    expect(r.value.skipped).toEqual({ cancelled: 0, past: 2, beyondHorizon: 1 });
    const made = r.value.events.map(
      (e) => (e as Extract<BookingEvent, { type: 'RoomBooked' }>).booking,
    );
    expect(made.map((b) => [b.topic, b.headcount, b.confidential, b.organizerId])).toEqual([
      ['服务顾问周会', 2, false, 'wang'],
      ['索赔复核', 1, true, 'wang'],
      ['服务顾问周会(改到下午)', 2, false, 'wang'],
      ['服务顾问周会', 2, false, 'wang'],
    ]);
    expect(new Set(made.filter((b) => b.roomId === 'A').map((b) => b.seriesId)).size).toBe(1);
  });

  it.each(['一号会议室（售后二楼）', '一号会议室(售后二楼)'])(
    'C-4: a room is found by its name and place as a feed writes them, in Chinese or English: %s',
    (location) => {
      const hub = site();
      const file = outlook.replace(/LOCATION:一号会议室/g, `LOCATION:${location}`);
      const r = importCalendar(file, hub.bookings, options());
      if (!r.ok) throw new Error(r.rejection.message.en);
      expect(r.value.refused).toEqual([]);
      expect(r.value.booked.map((b) => b.roomId)).toEqual(['A', 'B', 'A', 'A']);
    },
  );

  it('R-2: what does not fit is listed with its rule and the alternatives; the rest is booked', () => {
    const hub = site();
    hub.must(request({ bookingId: 'taken', actor: li, start: at(30, 10), end: at(30, 11) }));
    const r = importCalendar(outlook, hub.bookings, options({ roomId: 'A' }));
    if (!r.ok) throw new Error(r.rejection.message.en);
    expect(r.value.booked).toHaveLength(3);
    expect(r.value.refused).toHaveLength(1);
    const refusal = r.value.refused[0]!;
    expect(refusal).toMatchObject({
      start: at(30, 10),
      roomId: 'A',
      rejection: { rule: 'R-2', code: 'booking.room-busy' },
    });
    expect(refusal.rejection.message['zh-CN']).toContain('一号会议室');
    expect(refusal.rejection.data['slots']).toContainEqual({ start: at(30, 11), end: at(30, 12) });
    expect(refusal.rejection.data['rooms']).toEqual([
      { roomId: 'B', name: '保密会议室', capacity: 12 },
    ]);
  });

  it('C-4: all or nothing: one refusal refuses the file, listing each with its rule, and nothing is booked', () => {
    const hub = site();
    hub.must(request({ bookingId: 'taken', actor: li, start: at(30, 10), end: at(30, 11) }));
    const r = importCalendar(
      outlook,
      hub.bookings,
      options({ roomId: 'A', mode: 'all-or-nothing' }),
    );
    expect(r).toMatchObject({ ok: false, rejection: { rule: 'C-4', code: 'import.refused' } });
    if (r.ok) return;
    expect(
      (r.rejection.data['refused'] as { rejection: { code: string } }[]).map(
        (x) => x.rejection.code,
      ),
    ).toEqual(['booking.room-busy']);
    expect(r.rejection.message['zh-CN']).toContain('未导入任何预订');
    expect(r.rejection.message.en).toContain('none was imported');
  });

  it('C-4: R-2 still holds for imports: over capacity, closed hours and a room that cannot be found are refused, each naming its rule', () => {
    const hub = site();
    const crowded = outlook
      .replace(
        'ATTENDEE;CUTYPE=ROOM',
        Array.from({ length: 9 }, (_, i) => `ATTENDEE:mailto:p${i}@dealer.example`).join('\r\n') +
          '\r\nATTENDEE;CUTYPE=ROOM',
      )
      .replace(
        'DTSTART;TZID="China Standard Time":20261211T160000',
        'DTSTART;TZID="China Standard Time":20261211T193000',
      )
      .replace(
        'DTEND;TZID="China Standard Time":20261211T170000',
        'DTEND;TZID="China Standard Time":20261211T203000',
      )
      .replace(/LOCATION:一号会议室/g, 'LOCATION:三号会议室');
    const r = importCalendar(crowded, hub.bookings, options());
    if (!r.ok) throw new Error(r.rejection.message.en);
    expect(r.value.booked).toEqual([]);
    expect(r.value.refused.map((x) => `${x.rejection.rule} ${x.rejection.code}`)).toEqual([
      'R-2 import.no-room',
      'R-2 booking.closed',
      'R-2 import.no-room',
      'R-2 import.no-room',
    ]);
    const placed = importCalendar(crowded, hub.bookings, options({ roomId: 'A' }));
    expect(placed.ok && placed.value.refused[0]?.rejection.code).toBe('booking.over-capacity');
  });
});

describe('C-4: bad files are refused with a clear error, and nothing changes', () => {
  const refusedCode = (text: unknown) => {
    const hub = site();
    const before = hub.bookings;
    const r = importCalendar(text, hub.bookings, options({ roomId: 'A' }));
    expect(hub.bookings).toBe(before);
    if (r.ok) throw new Error('expected a refusal');
    expect(r.rejection.message['zh-CN'].length).toBeGreaterThan(0);
    expect(r.rejection.message.en.length).toBeGreaterThan(0);
    return r.rejection;
  };

  it('C-4: a malformed file', () => {
    expect(refusedCode('BEGIN:VCALENDAR\r\nthis is not iCalendar\r\n')).toMatchObject({
      rule: 'C-4',
      code: 'ics.malformed',
    });
    expect(
      refusedCode(outlook.replace('RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=WE', 'RRULE:FREQ=SOMETIMES')),
    ).toMatchObject({ code: 'ics.malformed' });
    expect(refusedCode(undefined)).toMatchObject({ code: 'ics.not-text' });
  });

  it('C-1: a time zone neither the file nor the world knows', () => {
    const mars = outlook
      .replace(/China Standard Time/g, 'Mars/Olympus')
      .replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, '');
    expect(refusedCode(mars)).toMatchObject({
      rule: 'C-4',
      code: 'ics.unknown-zone',
      data: { tzid: 'Mars/Olympus' },
    });
    expect(refusedCode(mars).message.en).toContain('unknown time zone "Mars/Olympus"');
  });

  it('C-4: 10⁵ events is over the limit, refused before parsing', () => {
    const one =
      'BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261209T020000Z\r\nDTEND:20261209T030000Z\r\nEND:VEVENT\r\n';
    const huge = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${one.repeat(100_000)}END:VCALENDAR\r\n`;
    const started = performance.now();
    expect(refusedCode(huge)).toMatchObject({
      rule: 'C-4',
      code: 'ics.too-many-events',
      data: { events: 100_000, limit: MAX_FILE_EVENTS },
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('C-4: an event without a UID is refused as malformed', () => {
    expect(
      refusedCode(outlook.replace('UID:040000008200E00074C5B7101A82E00800000000FFEEDDCC\r\n', '')),
    ).toMatchObject({ code: 'ics.malformed' });
  });
});
