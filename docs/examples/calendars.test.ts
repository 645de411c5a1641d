// The calendars guide: feeds from the log, busy-only confidential meetings, invitations and answers
// as files, imports, and the routes a hub server registers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// #region feed
import {
  createBookingDecider,
  createMeetingDecider,
  parseBookingCommand,
  parseMeetingCommand,
  toInstant,
  type Actor,
} from '@huiyi/core';
import {
  EMPTY_CALENDAR,
  foldCalendar,
  renderFeed,
  type CalendarSourceEvent,
  type FeedOptions,
} from '@huiyi/hub';

const rooms = createBookingDecider();
const admin: Actor = { id: 'admin', roles: ['room-admin'] };
const wang: Actor = { id: 'wang', roles: ['organizer'] };
const at = (day: number, hour: number) =>
  toInstant({ year: 2026, month: 12, day, hour, minute: 0 }, 'Asia/Shanghai');
const now = at(7, 8); // Monday 7 December 2026, 08:00 in Shanghai
const open = [{ weekdays: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' }];

// The hub's log: each event with the `now` of its command and its position.
const log: CalendarSourceEvent[] = [];
let bookings = rooms.initialState;
function book(input: Record<string, unknown>) {
  const command = parseBookingCommand(input); // input from outside: checked, or refused
  const r = command.ok ? rooms.decide(command.value, bookings) : command;
  if (!r.ok) throw new Error(r.rejection.message.en);
  for (const e of r.value) {
    bookings = rooms.evolve(bookings, e);
    log.push({ type: e.type, data: e, now: input['now'] as number, position: log.length + 1 });
  }
}

book({
  type: 'RegisterRoom',
  now,
  actor: admin,
  room: { id: 'A', name: '一号会议室', capacity: 8, openingHours: open },
});
const weekly = { roomId: 'A', topic: '售后周例会', headcount: 6, start: at(8, 9), end: at(8, 10) };
book({ type: 'RequestBooking', now, actor: wang, bookingId: 'b1', ...weekly });
book({
  type: 'ChangeBooking',
  now: now + 60_000,
  actor: wang,
  roomId: 'A',
  bookingId: 'b1',
  start: at(8, 10),
  end: at(8, 11),
});

const options: FeedOptions = {
  language: 'zh-CN',
  zone: 'Asia/Shanghai',
  domain: 'huiyi.example',
  now,
};
const feed = renderFeed(foldCalendar(EMPTY_CALENDAR, log), { kind: 'room', roomId: 'A' }, options);
// #endregion feed

const data = new URL('./data/', import.meta.url);

describe('calendars', () => {
  it('C-1: a room feed: the zone with its VTIMEZONE, a UID for life, SEQUENCE 1 after one move', () => {
    // #region feed-lines
    expect(feed).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n');
    expect(feed).toContain('UID:booking-b1@huiyi.example\r\nSEQUENCE:1\r\n');
    expect(feed).toContain('DTSTART;TZID=Asia/Shanghai:20261208T100000\r\n');
    // #endregion feed-lines
    const file = new URL('room-feed.ics', data);
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) writeFileSync(file, feed);
    expect(feed).toBe(readFileSync(file, 'utf8'));
  });

  it('C-2: a confidential booking in a room feed is busy time only', () => {
    // #region confidential
    book({
      type: 'RegisterRoom',
      now,
      actor: admin,
      room: { id: 'B', name: '保密会议室', capacity: 12, openingHours: open, confidential: true },
    });
    book({
      type: 'RequestBooking',
      now,
      actor: wang,
      bookingId: 'b2',
      roomId: 'B',
      topic: '索赔审核',
      headcount: 3,
      start: at(9, 14),
      end: at(9, 15),
      confidential: true,
    });
    const roomB = renderFeed(
      foldCalendar(EMPTY_CALENDAR, log),
      { kind: 'room', roomId: 'B' },
      options,
    );
    expect(roomB).toContain('SUMMARY:忙碌\r\n');
    expect(roomB).toContain('CLASS:CONFIDENTIAL\r\n');
    expect(roomB).not.toContain('索赔审核'); // nor the organizer, agenda or attendees
    // #endregion confidential
  });

  it('C-3: an invitation file, and the answer file brought back under M-3', async () => {
    const { answerFromFile, invitationFile } = await import('@huiyi/hub');
    const meetings = createMeetingDecider();
    let state = meetings.initialState;
    const chen: Actor = { id: 'chen', roles: [] };
    for (const c of [
      {
        type: 'PlanMeeting',
        now,
        actor: wang,
        meetingId: 'm1',
        kind: 'ad-hoc',
        topic: '售后周例会',
        goals: '回顾上周',
        agenda: [{ id: 'i1', title: '投诉', presenterId: 'wang', timeboxMinutes: 30 }],
        chairId: 'wang',
        recorderId: 'chen',
        signInOfficerId: 'chen',
        participants: ['chen'],
        booking: { roomId: 'A', bookingId: 'b1', start: at(8, 10), end: at(8, 11) },
      },
      { type: 'ScheduleMeeting', now, actor: wang, meetingId: 'm1' },
    ]) {
      const command = parseMeetingCommand(c);
      const r = command.ok ? meetings.decide(command.value, state) : command;
      if (!r.ok) throw new Error(r.rejection.message.en);
      for (const e of r.value) {
        state = meetings.evolve(state, e);
        log.push({ type: e.type, data: e, now, position: log.length + 1 });
      }
    }
    // #region invitation
    const calendar = foldCalendar(EMPTY_CALENDAR, log);
    const invitation = invitationFile(calendar, 'm1', options); // METHOD:REQUEST, one ATTENDEE each
    // … a mail client answers it: the same event, METHOD:REPLY, chen's ATTENDEE with PARTSTAT=ACCEPTED
    const reply = invitation.ok
      ? invitation.value
          .replace('METHOD:REQUEST', 'METHOD:REPLY')
          .replace(/ATTENDEE;ROLE=CHAIR[^]*?(?=ATTENDEE)/, '')
          .replace('PARTSTAT=NEEDS-ACTION', 'PARTSTAT=ACCEPTED')
      : '';
    const answered = answerFromFile(reply, state, {
      domain: 'huiyi.example',
      now: now + 60_000,
      actor: chen,
    });
    expect(answered).toEqual({
      ok: true,
      value: [
        {
          type: 'InvitationAnswered',
          meetingId: 'm1',
          personId: 'chen',
          answer: 'accepted',
          at: now + 60_000,
        },
      ],
    });
    // #endregion invitation
  });

  it('C-4: an import: what fits is booked, what does not is listed with its rule and alternatives', async () => {
    const { importCalendar } = await import('@huiyi/hub');
    // #region import
    const outlook = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:weekly-service-review',
      'DTSTART;TZID=Asia/Shanghai:20261208T100000', // clashes with b1, moved to 10:00
      'DTEND;TZID=Asia/Shanghai:20261208T110000',
      'RRULE:FREQ=WEEKLY;COUNT=3',
      'SUMMARY:服务顾问周会',
      'LOCATION:一号会议室',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const r = importCalendar(outlook, bookings, {
      now,
      actor: wang,
      domain: 'huiyi.example',
      zone: 'Asia/Shanghai',
      mode: 'book-what-fits', // or 'all-or-nothing'
    });
    if (!r.ok) throw new Error(r.rejection.message.en);
    expect(r.value.booked.map((b) => b.start)).toEqual([at(15, 10), at(22, 10)]);
    expect(r.value.refused[0]?.rejection).toMatchObject({
      rule: 'R-2',
      code: 'booking.room-busy',
      data: {
        slots: [
          { start: at(8, 9), end: at(8, 10) },
          { start: at(8, 11), end: at(8, 12) },
        ],
      },
    });
    // r.value.events are the rooms events to append; r.value.requests the commands, for a hub
    // that decides them again itself.
    // #endregion import
  });
});

describe('serving feeds', () => {
  it('C-1: the hub serves a feed at a secret address, and a 304 when nothing changed', async () => {
    // #region serve
    const { calendarRoutes, followHub, openHub } = await import('@huiyi/hub');
    const { default: Fastify } = await import('fastify');
    const hub = await openHub({ clock: () => now }); // PGlite in memory; `databaseUrl` for a server
    const site = { zone: 'Asia/Shanghai', domain: 'huiyi.example' };
    const calendars = followHub(hub, site); // folds the hub's feed into the calendars' tables
    const app = Fastify();
    await app.register(calendarRoutes, {
      db: hub.db,
      ...site,
      baseUrl: 'https://hub.example',
      authenticate: () => wang, // the HTTP layer's sign-in
      submit: async () => ({ ok: true, value: [] }), // the HTTP layer's push to the hub
      submitAll: async () => ({ ok: true }), // …and its all-or-nothing push (hub.pushAll)
      bookings: () => bookings, // the hub's rooms state, for imports
    });
    await hub.push(
      { kind: 'admin' },
      {
        clientId: 'erp',
        clientClock: now,
        mutations: [
          {
            id: 1,
            command: {
              type: 'RegisterRoom',
              now,
              actor: admin,
              room: { id: 'A', name: '一号会议室', capacity: 8, openingHours: open },
            },
          },
          {
            id: 2,
            command: { type: 'RequestBooking', now, actor: admin, bookingId: 'b1', ...weekly },
          },
        ],
      },
    );
    await calendars.idle();
    const link = await app.inject({
      method: 'POST',
      url: '/calendars/tokens',
      payload: { scope: 'room:A', language: 'en' },
    });
    const { https, webcal } = link.json<{ https: string; webcal: string }>();
    // https://hub.example/calendars/<43 random characters>.ics, and the same as webcal://
    const first = await app.inject({ url: new URL(https).pathname });
    const again = await app.inject({
      url: new URL(https).pathname,
      headers: { 'if-none-match': first.headers.etag },
    });
    expect([first.statusCode, again.statusCode]).toEqual([200, 304]);
    // #endregion serve
    expect(webcal).toBe(https.replace('https:', 'webcal:'));
    expect(first.body).toContain('SUMMARY:售后周例会');
    calendars.stop();
    await app.close();
    await hub.close();
  }, 120_000);
});
