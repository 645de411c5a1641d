import { fail, ok, reject, type Result } from '@huiyi/core';
import { ICalCalendarMethod } from 'ical-generator';
import type { MeetingEntry } from './calendar-entry.js';
import type { CalendarState } from './calendar-state.js';
import { calendarText, veventText, type FeedOptions } from './feed.js';

/**
 * A meeting's invitation as a file (C-3): `METHOD:REQUEST` with the organizer and every invitee
 * and their answer as `PARTSTAT` (M-3), so a mail client shows accept and decline and writes a
 * `METHOD:REPLY` back; a cancelled meeting gives `METHOD:CANCEL`. It carries the whole meeting: it
 * is for its invitees, confidential or not.
 *
 * @param state - the calendar's state
 * @param meetingId - the meeting
 * @param options - language, zone, domain
 * @returns the file's text, or a rejection (C-3, `invitation.unknown-meeting`) for a meeting that
 *   does not exist or is still a draft
 * @example
 * invitationFile(state, 'm1', { language: 'zh-CN', zone: 'Asia/Shanghai', domain: 'huiyi.example' })
 * // => { ok: true, value: 'BEGIN:VCALENDAR\r\n…METHOD:REQUEST…ATTENDEE;ROLE=CHAIR;PARTSTAT=ACCEPTED…' }
 */
export function invitationFile(
  state: CalendarState,
  meetingId: string,
  options: Pick<FeedOptions, 'language' | 'zone' | 'domain'>,
): Result<string> {
  const entry = state.entries.get(`meeting:${meetingId}`) as MeetingEntry | undefined;
  if (entry?.kind !== 'meeting' || entry.draft) return fail(unknownMeeting(meetingId));
  const event = veventText({ entry, view: 'full' }, { state, options, inRoomFeed: false });
  const cancelled = entry.status === 'cancelled';
  const year = new Date(entry.start).getUTCFullYear();
  return ok(
    calendarText(
      [event],
      {
        method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
        language: options.language,
      },
      options.zone,
      [year, year + 1],
    ),
  );
}

/**
 * The rejection of a meeting no calendar file can speak of (C-3).
 *
 * @param meetingId - the meeting asked for
 * @returns code `invitation.unknown-meeting`
 * @example
 * unknownMeeting('m9').message.en // => 'there is no scheduled meeting m9'
 */
export function unknownMeeting(meetingId: string): ReturnType<typeof reject> {
  return reject(
    'C-3',
    'invitation.unknown-meeting',
    { 'zh-CN': `没有已安排的会议 ${meetingId}`, en: `there is no scheduled meeting ${meetingId}` },
    { meetingId },
  );
}
