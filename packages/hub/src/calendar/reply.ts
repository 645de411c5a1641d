import {
  createMeetingDecider,
  fail,
  fromPartstat,
  ok,
  reject,
  type Actor,
  type AnswerInvitation,
  type Instant,
  type InvitationAnswer,
  type MeetingDecider,
  type MeetingEvent,
  type MeetingState,
  type Result,
} from '@huiyi/core';
import { keyOfUid, personOfAddress } from './addresses.js';
import { unknownMeeting } from './invitation.js';
import { readIcs } from './ics-reader.js';

/** What an answer file (`METHOD:REPLY`) says: who answers which meeting, and how (M-3). */
export interface CalendarReply {
  readonly meetingId: string;
  readonly personId: string;
  readonly answer: InvitationAnswer;
  /** The file's `COMMENT`, if any: a declining's reason. */
  readonly reason?: string;
  readonly delegateTo?: string;
}

const bad = (code: string, zh: string, en: string, data: Record<string, unknown> = {}) =>
  fail<never>(reject('C-3', code, { 'zh-CN': zh, en }, data));

/**
 * Reads an answer file a mail client wrote (C-3): `METHOD:REPLY`, one event whose UID is one of
 * this site's meetings, one attendee of this site with a PARTSTAT that answers (M-3). Never throws.
 *
 * @param text - the file's text
 * @param domain - the site's calendar domain
 * @returns the reply, or a rejection (C-3) saying what is wrong with the file
 * @example
 * readReply(replyText, 'huiyi.example') // => { ok: true, value: { meetingId: 'm1', personId: 'chen', answer: 'accepted' } }
 */
export function readReply(text: unknown, domain: string): Result<CalendarReply> {
  const read = readIcs(text, 'C-3');
  if (!read.ok) return read;
  const root = read.value;
  const method = String(root.getFirstPropertyValue('method') ?? '').toUpperCase();
  if (method !== 'REPLY')
    return bad(
      'reply.not-a-reply',
      `这不是答复文件（METHOD 是 ${method || '空'}，应为 REPLY）`,
      `this is not an answer file (METHOD is ${method || 'missing'}, not REPLY)`,
      { method },
    );
  const events = root.getAllSubcomponents('vevent');
  const event = events[0];
  if (event === undefined || events.length !== 1)
    return bad(
      'reply.one-event',
      '答复文件必须正好包含一个会议',
      'an answer file must hold exactly one meeting',
      { events: events.length },
    );
  const uid = String(event.getFirstPropertyValue('uid') ?? '');
  const key = keyOfUid(uid, domain);
  if (key === undefined || !key.startsWith('meeting:'))
    return bad(
      'reply.foreign-uid',
      `答复针对的不是本系统的会议（UID ${uid}）`,
      `the answer is not for a meeting of this site (UID ${uid})`,
      { uid },
    );
  const meetingId = key.slice('meeting:'.length);
  const attendees = event
    .getAllProperties('attendee')
    .map((p) => ({ p, personId: personOfAddress(String(p.getFirstValue()), domain) }))
    .filter((a): a is { p: (typeof a)['p']; personId: string } => a.personId !== undefined);
  const attendee = attendees[0];
  if (attendee === undefined || attendees.length !== 1)
    return bad(
      'reply.one-attendee',
      '答复文件必须正好有一位本系统的参会人',
      'an answer file must name exactly one attendee of this site',
      { attendees: attendees.length },
    );
  const partstat = String(attendee.p.getParameter('partstat') ?? '');
  const answer = fromPartstat(partstat);
  if (answer === undefined || answer === 'needs-action' || answer === 'no-response')
    return bad(
      'reply.no-answer',
      `答复文件没有给出答复（PARTSTAT=${partstat || '空'}）`,
      `the answer file gives no answer (PARTSTAT=${partstat || 'missing'})`,
      { partstat },
    );
  const comment = event.getFirstPropertyValue('comment');
  const delegated = attendee.p.getParameter('delegated-to');
  const delegateTo =
    delegated === undefined
      ? undefined
      : personOfAddress(String(Array.isArray(delegated) ? delegated[0] : delegated), domain);
  return ok({
    meetingId,
    personId: attendee.personId,
    answer,
    ...(typeof comment === 'string' && comment.trim() !== '' ? { reason: comment.trim() } : {}),
    ...(delegateTo === undefined ? {} : { delegateTo }),
  });
}

/** Who brings the answer back, and when. */
export interface ReplyOptions {
  readonly domain: string;
  /** The moment the hub took the file: the answer deadline is judged by it (M-3). */
  readonly now: Instant;
  /** Who brought the file: only the invitee it names may answer with it. */
  readonly actor: Actor;
  /** A declining's reason given beside the file, when the file has no `COMMENT`. */
  readonly reason?: string;
  /** The meetings decider (default: the policy's defaults). */
  readonly decider?: MeetingDecider;
}

/**
 * Brings an answer file back (C-3): reads it and decides the invitee's `AnswerInvitation` with the
 * meetings decider, under M-3 and its deadline. A file for a meeting that does not exist, for
 * someone else, or past the deadline is refused and changes nothing.
 *
 * @param text - the file's text
 * @param meetings - the meetings' state
 * @param options - domain, now, actor
 * @returns the meeting events to append, or why not (C-3 for the file, M-3 for the answer)
 * @example
 * answerFromFile(replyText, meetings, { domain, now, actor: chen }) // => { ok: true, value: [{ type: 'InvitationAnswered', personId: 'chen', answer: 'accepted', … }] }
 */
export function answerFromFile(
  text: unknown,
  meetings: MeetingState,
  options: ReplyOptions,
): Result<readonly MeetingEvent[]> {
  const read = readReply(text, options.domain);
  if (!read.ok) return read;
  const r = read.value;
  const meeting = meetings.meetings.get(r.meetingId);
  if (meeting === undefined || meeting.status === 'draft') return fail(unknownMeeting(r.meetingId));
  if (r.personId !== options.actor.id) {
    return bad(
      'reply.not-yours',
      `答复文件是 ${r.personId} 的答复，只能由本人提交`,
      `the answer file is ${r.personId}'s answer: only they may bring it`,
      { personId: r.personId },
    );
  }
  const reason = r.reason ?? options.reason;
  const command: AnswerInvitation = {
    type: 'AnswerInvitation',
    now: options.now,
    actor: options.actor,
    meetingId: r.meetingId,
    answer: r.answer,
    ...(reason === undefined ? {} : { reason }),
    ...(r.delegateTo === undefined ? {} : { delegateTo: r.delegateTo }),
  };
  return (options.decider ?? defaultDecider()).decide(command, meetings);
}

let shared: MeetingDecider | undefined;
const defaultDecider = (): MeetingDecider => (shared ??= createMeetingDecider());
