import { HOUR, foldMeetingEvents, type MeetingEvent } from '@huiyi/core';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { renderFeed } from './feed.js';
import { invitationFile } from './invitation.js';
import { answerFromFile, readReply } from './reply.js';
import {
  DOMAIN,
  NOW,
  ZONE,
  at,
  chen,
  confidentialMeeting,
  site,
  zhao,
  type TestHub,
} from './fixtures.test-helpers.js';
import { eventOf, readBack } from './read-back.test-helpers.js';

const options = { language: 'zh-CN', zone: ZONE, domain: DOMAIN } as const;

/** What a mail client writes when one attendee answers: METHOD:REPLY, that attendee only (RFC 5546). */
function replyAs(invitation: string, personId: string, partstat: string, comment?: string): string {
  const root = new ICAL.Component(ICAL.parse(invitation) as never);
  root.updatePropertyWithValue('method', 'REPLY');
  const event = root.getFirstSubcomponent('vevent')!;
  for (const p of event.getAllProperties('attendee')) {
    if (String(p.getFirstValue()).toLowerCase() === `mailto:${personId}@${DOMAIN}`)
      p.setParameter('partstat', partstat);
    else event.removeProperty(p);
  }
  if (comment !== undefined) event.addPropertyWithValue('comment', comment);
  return root.toString();
}

function scheduled(): { hub: TestHub; invitation: string } {
  const hub = site();
  confidentialMeeting(hub);
  const r = invitationFile(hub.calendar(), 'm1', options);
  if (!r.ok) throw new Error(r.rejection.message.en);
  return { hub, invitation: r.value };
}

const bring = (hub: TestHub, text: string, now: number, actor = chen, reason?: string) =>
  answerFromFile(text, hub.meetings, {
    domain: DOMAIN,
    now,
    actor,
    ...(reason === undefined ? {} : { reason }),
  });

describe('C-3: invitations and answers as files', () => {
  it("C-3: the invitation is METHOD:REQUEST with the organizer and each invitee's answer as PARTSTAT", () => {
    const { hub, invitation } = scheduled();
    hub.must({
      type: 'AnswerInvitation',
      now: NOW + HOUR,
      actor: { id: 'li', roles: [] },
      meetingId: 'm1',
      answer: 'accepted',
    });
    const r = invitationFile(hub.calendar(), 'm1', options);
    expect(r.ok).toBe(true);
    const cal = readBack(r.ok ? r.value : '');
    expect(cal.method).toBe('REQUEST');
    expect(readBack(invitation).method).toBe('REQUEST');
    const e = eventOf(cal, 'meeting-m1@huiyi.example');
    expect(e).toMatchObject({
      summary: '保密:索赔审核',
      start: at(9, 14),
      end: at(9, 15),
      organizer: 'mailto:wang@huiyi.example',
    });
    expect(e.attendees).toEqual([
      { address: 'mailto:wang@huiyi.example', partstat: 'NEEDS-ACTION', role: 'CHAIR', cn: '王伟' },
      {
        address: 'mailto:li@huiyi.example',
        partstat: 'ACCEPTED',
        role: 'REQ-PARTICIPANT',
        cn: '李娜',
      },
      {
        address: 'mailto:chen@huiyi.example',
        partstat: 'NEEDS-ACTION',
        role: 'REQ-PARTICIPANT',
        cn: '陈静',
      },
    ]);
  });

  it("C-3: an answer file brought back is the invitee's answer (M-3), and their feed shows it", () => {
    const { hub, invitation } = scheduled();
    const reply = replyAs(invitation, 'chen', 'ACCEPTED');
    expect(readReply(reply, DOMAIN)).toEqual({
      ok: true,
      value: { meetingId: 'm1', personId: 'chen', answer: 'accepted' },
    });
    const r = bring(hub, reply, NOW + HOUR);
    if (!r.ok) throw new Error(r.rejection.message.en);
    expect(r.value).toEqual([
      {
        type: 'InvitationAnswered',
        meetingId: 'm1',
        personId: 'chen',
        answer: 'accepted',
        at: NOW + HOUR,
      },
    ]);
    hub.append(
      r.value,
      NOW + HOUR,
      (es) => (hub.meetings = foldMeetingEvents(hub.meetings, es as MeetingEvent[])),
    );
    const feed = readBack(
      renderFeed(hub.calendar(), { kind: 'person', personId: 'chen' }, { ...options, now: NOW }),
    );
    expect(
      eventOf(feed, 'meeting-m1@huiyi.example').attendees.find((a) => a.cn === '陈静')?.partstat,
    ).toBe('ACCEPTED');
  });

  it("M-3: a declining needs its reason: from the file's COMMENT, or given beside it", () => {
    const { hub, invitation } = scheduled();
    const bare = bring(hub, replyAs(invitation, 'chen', 'DECLINED'), NOW + HOUR);
    expect(bare.ok ? 'ok' : `${bare.rejection.rule} ${bare.rejection.code}`).toBe(
      'M-3 invitation.reason-required',
    );
    const commented = bring(hub, replyAs(invitation, 'chen', 'DECLINED', '出差'), NOW + HOUR);
    expect(commented.ok && commented.value[0]).toMatchObject({
      answer: 'declined',
      reason: '出差',
    });
    const beside = bring(hub, replyAs(invitation, 'chen', 'DECLINED'), NOW + HOUR, chen, '休假');
    expect(beside.ok && beside.value[0]).toMatchObject({ answer: 'declined', reason: '休假' });
  });

  it('M-3: past the answer deadline the file is refused by the rule, and nothing changes', () => {
    const { hub, invitation } = scheduled();
    const deadline = hub.meetings.meetings.get('m1')!.answerDeadline!;
    const before = hub.log.length;
    const r = bring(hub, replyAs(invitation, 'chen', 'ACCEPTED'), deadline + 1);
    expect(r.ok ? 'ok' : `${r.rejection.rule} ${r.rejection.code}`).toBe(
      'M-3 invitation.past-deadline',
    );
    expect(hub.log.length).toBe(before);
  });

  it('C-3: an answer for a meeting that does not exist, or brought by someone else, is refused in both languages', () => {
    const { hub, invitation } = scheduled();
    const ghost = replyAs(invitation, 'chen', 'ACCEPTED').replace(
      'meeting-m1@huiyi.example',
      'meeting-m404@huiyi.example',
    );
    const r = bring(hub, ghost, NOW + HOUR);
    expect(r).toMatchObject({
      ok: false,
      rejection: {
        rule: 'C-3',
        code: 'invitation.unknown-meeting',
        message: { 'zh-CN': '没有已安排的会议 m404', en: 'there is no scheduled meeting m404' },
      },
    });
    const other = bring(hub, replyAs(invitation, 'chen', 'ACCEPTED'), NOW + HOUR, zhao);
    expect(other).toMatchObject({ ok: false, rejection: { rule: 'C-3', code: 'reply.not-yours' } });
    expect(invitationFile(hub.calendar(), 'm404', options)).toMatchObject({
      ok: false,
      rejection: { code: 'invitation.unknown-meeting' },
    });
  });

  it('C-3: a file that is no answer is refused with what is wrong, never thrown', () => {
    const { invitation } = scheduled();
    const codes = [
      readReply(invitation, DOMAIN), // METHOD:REQUEST
      readReply('BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT', DOMAIN),
      readReply(42, DOMAIN),
      readReply(replyAs(invitation, 'chen', 'NEEDS-ACTION'), DOMAIN),
      readReply(
        replyAs(invitation, 'chen', 'ACCEPTED').replace(/huiyi\.example/g, 'other.example'),
        DOMAIN,
      ),
    ].map((r) => (r.ok ? 'ok' : r.rejection.code));
    expect(codes).toEqual([
      'reply.not-a-reply',
      'ics.malformed',
      'ics.not-text',
      'reply.no-answer',
      'reply.foreign-uid',
    ]);
  });
});
