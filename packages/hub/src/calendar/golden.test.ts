import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DAY, HOUR } from '@huiyi/core';
import { describe, expect, it } from 'vitest';
import { renderFeed, type FeedOptions, type FeedScope } from './feed.js';
import { invitationFile } from './invitation.js';
import {
  DOMAIN,
  NOW,
  ZONE,
  at,
  confidentialMeeting,
  li,
  request,
  site,
  wang,
} from './fixtures.test-helpers.js';

// Golden files: read by eye once, kept, and compared byte for byte. Nothing in them needs
// normalising: DTSTAMP, LAST-MODIFIED and CREATED are the `now` of events in the log, never the
// clock, so the same log writes the same text. Run with UPDATE_GOLDEN=1 to write them again.
const dir = new URL('../../test/golden/', import.meta.url);

function scene() {
  const hub = site();
  hub.must(request());
  hub.must({
    type: 'ChangeBooking',
    now: NOW + HOUR,
    actor: wang,
    roomId: 'A',
    bookingId: 'b1',
    start: at(8, 10),
    end: at(8, 11),
  });
  hub.must(
    request({
      bookingId: 'b2',
      actor: li,
      topic: '客户投诉复盘',
      headcount: 4,
      equipment: [],
      start: at(8, 14),
      end: at(8, 15, 30),
    }),
  );
  hub.must({
    type: 'CancelBooking',
    now: NOW + 2 * HOUR,
    actor: li,
    roomId: 'A',
    bookingId: 'b2',
    reason: '改期',
  });
  hub.must({
    type: 'RequestSeries',
    now: NOW,
    actor: wang,
    seriesId: 's1',
    roomId: 'A',
    series: {
      rule: { freq: 'weekly', interval: 1, byWeekday: [3], count: 3 },
      start: { year: 2026, month: 12, day: 9, hour: 9, minute: 0 },
      zone: ZONE,
    },
    durationMinutes: 45,
    topic: '技术例会',
    headcount: 5,
    equipment: ['projector', 'screen'],
    mode: 'all-or-nothing',
  });
  confidentialMeeting(hub);
  hub.must({
    type: 'AnswerInvitation',
    now: NOW + HOUR,
    actor: li,
    meetingId: 'm1',
    answer: 'accepted',
  });
  hub.append(
    [
      {
        type: 'ActionOpened',
        actionId: 'm1:o1',
        meetingId: 'm1',
        itemId: 'i1',
        minutesVersion: 1,
        scope: {},
        chairId: 'wang',
        work: {
          text: '补齐索赔材料',
          ownerId: 'chen',
          collaborators: [],
          due: at(18, 17),
          urgency: 'critical',
        },
        openedAt: NOW,
        startDue: NOW + 2 * DAY,
        reportEveryDays: 7,
        by: 'wang',
        at: NOW,
      } as { type: string },
    ],
    NOW,
  );
  return hub.calendar();
}

const feeds: [string, FeedScope, FeedOptions['language']][] = [
  ['room-A.zh-CN.ics', { kind: 'room', roomId: 'A' }, 'zh-CN'],
  ['room-B.en.ics', { kind: 'room', roomId: 'B' }, 'en'],
  ['person-chen.zh-CN.ics', { kind: 'person', personId: 'chen' }, 'zh-CN'],
  ['department-parts.en.ics', { kind: 'department', department: '备件部' }, 'en'],
];

function golden(name: string, text: string): void {
  const file = new URL(name, dir);
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) {
    if (process.env['UPDATE_GOLDEN'] !== '1')
      throw new Error(`no golden file ${name}: run with UPDATE_GOLDEN=1, then read it`);
    writeFileSync(file, text);
  }
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('C-1: golden feeds and files', () => {
  const state = scene();
  for (const [name, scope, language] of feeds) {
    it(`C-1: ${name} is as reviewed`, () => {
      golden(
        name,
        renderFeed(state, scope, { language, zone: ZONE, domain: DOMAIN, now: NOW + 3 * HOUR }),
      );
    });
  }
  it('C-3: invitation-m1.zh-CN.ics is as reviewed', () => {
    const r = invitationFile(state, 'm1', { language: 'zh-CN', zone: ZONE, domain: DOMAIN });
    golden('invitation-m1.zh-CN.ics', r.ok ? r.value : r.rejection.message.en);
  });
});
