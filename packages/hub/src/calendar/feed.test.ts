import { DAY, HOUR, MINUTE, toInstant } from '@huiyi/core';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { EMPTY_CALENDAR, foldCalendar } from './calendar-state.js';
import { renderFeed, type FeedOptions } from './feed.js';
import {
  DOMAIN,
  NOW,
  ZONE,
  admin,
  at,
  confidentialMeeting,
  li,
  request,
  site,
  wang,
  type TestHub,
} from './fixtures.test-helpers.js';
import { eventOf, readBack } from './read-back.test-helpers.js';

const zh: FeedOptions = { language: 'zh-CN', zone: ZONE, domain: DOMAIN, now: NOW };
const en: FeedOptions = { ...zh, language: 'en' };
const roomFeed = (hub: TestHub, roomId = 'A', options = zh) =>
  readBack(renderFeed(hub.calendar(), { kind: 'room', roomId }, options));

/** A scheduled, open meeting m2 in room A (booking b-m2), organized by wang, li invited. */
function openMeeting(hub: TestHub): void {
  hub.must(request({ bookingId: 'b-m2', topic: '备件库存', start: at(10, 9), end: at(10, 10) }));
  hub.must({
    type: 'PlanMeeting',
    now: NOW,
    actor: wang,
    meetingId: 'm2',
    kind: 'ad-hoc',
    topic: '备件库存',
    goals: '核对库存',
    agenda: [{ id: 'i1', title: '库存盘点', presenterId: 'li', timeboxMinutes: 30 }],
    chairId: 'wang',
    recorderId: 'li',
    signInOfficerId: 'li',
    participants: ['zhao'],
    booking: { roomId: 'A', bookingId: 'b-m2', start: at(10, 9), end: at(10, 10) },
    confidential: false,
  });
  hub.must({ type: 'ScheduleMeeting', now: NOW, actor: wang, meetingId: 'm2' });
}

describe('C-1: feeds that stay right', () => {
  it('C-1: a room feed names the site zone, carries its VTIMEZONE, and ical.js reads the booked instants', () => {
    const hub = site();
    hub.must(request());
    const text = renderFeed(hub.calendar(), { kind: 'room', roomId: 'A' }, zh);
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20261208T090000');
    const cal = readBack(text);
    expect(cal.timezones).toEqual(['Asia/Shanghai']);
    const e = eventOf(cal, 'booking-b1@huiyi.example');
    expect(e).toMatchObject({
      start: at(8, 9),
      end: at(8, 10),
      startTzid: 'Asia/Shanghai',
      summary: '售后周例会',
      status: 'CONFIRMED',
      klass: 'PUBLIC',
      sequence: 0,
      location: '一号会议室（售后二楼）',
      organizer: 'mailto:wang@huiyi.example',
    });
    expect(e.x).toMatchObject({
      'X-HUIYI-ROOM': 'A',
      'X-HUIYI-HEADCOUNT': '6',
      'X-HUIYI-EQUIPMENT': 'projector',
    });
    expect(e.description).toBe('组织者：王伟\n人数：6\n设备：投影仪');
  });

  it('C-1: a zone with summer time gets every change of offset, and times on both sides read right', () => {
    const hub = site();
    hub.must(request());
    const zone = 'America/New_York';
    const text = renderFeed(hub.calendar(), { kind: 'room', roomId: 'A' }, { ...zh, zone });
    expect(text).toContain('TZOFFSETFROM:-0400');
    expect(text).toContain('TZOFFSETTO:-0500');
    // 09:00 in Shanghai on 8 December is 20:00 the day before in New York (EST, -5).
    expect(text).toContain('DTSTART;TZID=America/New_York:20261207T200000');
    expect(eventOf(readBack(text), 'booking-b1@huiyi.example').start).toBe(at(8, 9));
    // A summer instant: 14:00 Shanghai on 1 July 2027 is 02:00 in New York (EDT, -4).
    const july = {
      ...EMPTY_CALENDAR,
      entries: new Map([
        [
          'booking:s',
          {
            ...hub.calendar().entries.get('booking:b1')!,
            key: 'booking:s',
            id: 's',
            start: toInstant({ year: 2027, month: 7, day: 1, hour: 14, minute: 0 }, ZONE),
            end: toInstant({ year: 2027, month: 7, day: 1, hour: 15, minute: 0 }, ZONE),
          },
        ],
      ]),
    };
    const summer = renderFeed(july, { kind: 'room', roomId: 'A' }, { ...zh, zone });
    expect(summer).toContain('DTSTART;TZID=America/New_York:20270701T020000');
    expect(eventOf(readBack(summer), 'booking-s@huiyi.example').start).toBe(
      toInstant({ year: 2027, month: 7, day: 1, hour: 14, minute: 0 }, ZONE),
    );
  });

  it('C-1: the UID never changes; SEQUENCE grows with each change of time or status, not with the topic or a check-in; DTSTAMP is the last change', () => {
    const hub = site();
    hub.must(request());
    const seen = () => eventOf(roomFeed(hub), 'booking-b1@huiyi.example');
    expect(seen().sequence).toBe(0);
    hub.must({
      type: 'ChangeBooking',
      now: NOW + MINUTE,
      actor: wang,
      roomId: 'A',
      bookingId: 'b1',
      start: at(8, 10),
      end: at(8, 11),
    });
    expect(seen()).toMatchObject({
      sequence: 1,
      start: at(8, 10),
      stamp: NOW + MINUTE,
      lastModified: NOW + MINUTE,
    });
    hub.must({
      type: 'ChangeBooking',
      now: NOW + 2 * MINUTE,
      actor: wang,
      roomId: 'A',
      bookingId: 'b1',
      topic: '售后周例会(改)',
    });
    expect(seen()).toMatchObject({
      sequence: 1,
      summary: '售后周例会(改)',
      stamp: NOW + 2 * MINUTE,
    });
    hub.must({ type: 'CheckIn', now: at(8, 10), actor: li, roomId: 'A', bookingId: 'b1' });
    expect(seen().sequence).toBe(1);
    hub.must({
      type: 'ExtendBooking',
      now: at(8, 10, 50),
      actor: li,
      roomId: 'A',
      bookingId: 'b1',
      minutes: 30,
      fromEnd: at(8, 11),
    });
    expect(seen()).toMatchObject({ sequence: 2, end: at(8, 11, 30) });
    hub.must({ type: 'EndEarly', now: at(8, 11, 10), actor: li, roomId: 'A', bookingId: 'b1' });
    expect(seen()).toMatchObject({
      sequence: 3,
      end: at(8, 11, 10),
      uid: 'booking-b1@huiyi.example',
    });
  });

  it('C-1: cancelling is a change of status: STATUS:CANCELLED, SEQUENCE up, kept for 30 days, then gone', () => {
    const hub = site();
    hub.must(request());
    hub.must({ type: 'CancelBooking', now: NOW + HOUR, actor: wang, roomId: 'A', bookingId: 'b1' });
    expect(eventOf(roomFeed(hub), 'booking-b1@huiyi.example')).toMatchObject({
      status: 'CANCELLED',
      sequence: 1,
    });
    const later = (days: number) =>
      roomFeed(hub, 'A', { ...zh, now: NOW + days * DAY }).events.length;
    expect(later(30)).toBe(1);
    expect(later(32)).toBe(0);
  });

  it("C-1: a meeting moved to another room is a change: SEQUENCE up in its people's feeds", () => {
    const hub = site();
    openMeeting(hub);
    hub.must(
      request({
        bookingId: 'b-m2b',
        roomId: 'B',
        topic: '备件库存',
        equipment: [],
        start: at(10, 14),
        end: at(10, 15),
      }),
    );
    const feed = () =>
      eventOf(
        readBack(renderFeed(hub.calendar(), { kind: 'person', personId: 'li' }, zh)),
        'meeting-m2@huiyi.example',
      );
    expect(feed()).toMatchObject({ sequence: 0, location: '一号会议室（售后二楼）' });
    hub.must({
      type: 'RescheduleMeeting',
      now: NOW + HOUR,
      actor: wang,
      meetingId: 'm2',
      booking: { roomId: 'B', bookingId: 'b-m2b', start: at(10, 14), end: at(10, 15) },
    });
    expect(feed()).toMatchObject({
      sequence: 1,
      location: '保密会议室（售后三楼）',
      start: at(10, 14),
    });
    hub.must({
      type: 'AnswerInvitation',
      now: NOW + 2 * HOUR,
      actor: li,
      meetingId: 'm2',
      answer: 'accepted',
    });
    // An answer is no change of time, room or status: the same SEQUENCE, a later DTSTAMP (RFC 5546).
    expect(feed()).toMatchObject({ sequence: 1, stamp: NOW + 2 * HOUR });
    hub.must({
      type: 'CancelMeeting',
      now: NOW + 3 * HOUR,
      actor: wang,
      meetingId: 'm2',
      reason: '改线上',
    });
    expect(feed()).toMatchObject({ sequence: 2, status: 'CANCELLED' });
  });

  test.prop([fc.array(fc.nat(), { maxLength: 6 })])(
    'C-1: SEQUENCE and DTSTAMP come from the log alone: folding it in any batches gives the same feed',
    (cuts) => {
      const hub = site();
      hub.must(request());
      openMeeting(hub);
      hub.must({
        type: 'ChangeBooking',
        now: NOW + MINUTE,
        actor: wang,
        roomId: 'A',
        bookingId: 'b1',
        start: at(8, 10),
        end: at(8, 11),
      });
      hub.must({
        type: 'AnswerInvitation',
        now: NOW + HOUR,
        actor: li,
        meetingId: 'm2',
        answer: 'tentative',
      });
      hub.must({
        type: 'CancelBooking',
        now: NOW + 2 * HOUR,
        actor: admin,
        roomId: 'A',
        bookingId: 'b1',
      });
      const points = [...new Set(cuts.map((c) => c % (hub.log.length + 1)))].sort((a, b) => a - b);
      let state = EMPTY_CALENDAR;
      let from = 0;
      for (const p of [...points, hub.log.length]) {
        state = foldCalendar(state, hub.log.slice(from, p));
        from = p;
      }
      for (const scope of [
        { kind: 'room', roomId: 'A' },
        { kind: 'person', personId: 'li' },
      ] as const)
        expect(renderFeed(state, scope, zh)).toBe(renderFeed(hub.calendar(), scope, zh));
    },
  );

  it("C-1: the feed is named and described in the reader's language", () => {
    const hub = site();
    hub.must(request());
    expect(roomFeed(hub, 'A', zh)).toMatchObject({
      name: '一号会议室 · 会议室日程',
      description: '一号会议室的全部预订（慧议）',
    });
    expect(roomFeed(hub, 'A', en)).toMatchObject({
      name: '一号会议室 · room bookings',
      description: 'Every booking of 一号会议室 (Huiyi)',
    });
    const person = readBack(renderFeed(hub.calendar(), { kind: 'person', personId: 'li' }, en));
    expect(person.name).toBe("李娜's meetings");
  });

  it("C-1: a person's feed holds the due dates of their actions, as whole days that do not block time", () => {
    const hub = site();
    const due = at(15, 18);
    hub.append(
      [
        {
          type: 'ActionOpened',
          actionId: 'm2:o1',
          meetingId: 'm2',
          itemId: 'i1',
          minutesVersion: 1,
          scope: {},
          chairId: 'wang',
          work: { text: '盘点备件库存', ownerId: 'li', collaborators: [], due, urgency: 'urgent' },
          openedAt: NOW,
          startDue: NOW + 2 * DAY,
          reportEveryDays: 7,
          by: 'wang',
          at: NOW,
        } as { type: string },
      ],
      NOW,
    );
    const cal = readBack(renderFeed(hub.calendar(), { kind: 'person', personId: 'li' }, zh));
    const e = eventOf(cal, 'action-m2:o1@huiyi.example');
    expect(e).toMatchObject({
      allDay: true,
      summary: '截止：盘点备件库存',
      description: '截止时间：2026-12-15 18:00\n紧急',
    });
    expect(
      readBack(renderFeed(hub.calendar(), { kind: 'person', personId: 'wang' }, zh)).events,
    ).toHaveLength(0);
  });
});

describe('C-2: confidential meetings are busy time only', () => {
  const secrets = [
    '保密',
    '索赔',
    '审核三笔',
    '2026-118',
    '王伟',
    '李娜',
    '陈静',
    'wang',
    'li@',
    'chen',
  ];

  it('C-2: in the room feed a confidential booking is busy time with CLASS:CONFIDENTIAL, nothing else', () => {
    const hub = site();
    confidentialMeeting(hub);
    for (const options of [zh, en]) {
      const text = renderFeed(hub.calendar(), { kind: 'room', roomId: 'B' }, options);
      const e = eventOf(readBack(text), 'booking-b-m1@huiyi.example');
      expect(e).toMatchObject({
        summary: options === zh ? '忙碌' : 'Busy',
        klass: 'CONFIDENTIAL',
        start: at(9, 14),
        end: at(9, 15),
        description: undefined,
        organizer: undefined,
        attendees: [],
        x: {},
      });
      const events = text.slice(text.indexOf('BEGIN:VEVENT'));
      for (const s of secrets.filter((s) => s !== '保密')) expect(events).not.toContain(s);
    }
  });

  it('C-2: an invited person sees it all; a department with someone invited sees busy time; others see nothing', () => {
    const hub = site();
    confidentialMeeting(hub);
    const state = hub.calendar();
    const chen = eventOf(
      readBack(renderFeed(state, { kind: 'person', personId: 'chen' }, zh)),
      'meeting-m1@huiyi.example',
    );
    expect(chen).toMatchObject({ summary: '保密:索赔审核', klass: 'CONFIDENTIAL' });
    expect(chen.attendees.map((a) => a.cn)).toEqual(['王伟', '李娜', '陈静']);
    const dept = renderFeed(state, { kind: 'department', department: '备件部' }, zh);
    expect(eventOf(readBack(dept), 'meeting-m1@huiyi.example')).toMatchObject({
      summary: '忙碌',
      klass: 'CONFIDENTIAL',
      attendees: [],
      location: undefined,
    });
    const events = dept.slice(dept.indexOf('BEGIN:VEVENT'));
    for (const s of secrets) expect(events).not.toContain(s);
    expect(
      readBack(renderFeed(state, { kind: 'person', personId: 'zhao' }, zh)).events,
    ).toHaveLength(0);
    expect(
      readBack(renderFeed(state, { kind: 'department', department: '财务部' }, zh)).events,
    ).toHaveLength(0);
  });
});
