import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import {
  isContradiction,
  standingConflicts,
  type MeetingState,
  type Person,
  type RoomState,
} from '@huiyi/core';
import { hhmmSpan, nameOf } from '../i18n/format.js';
import { language } from '../i18n/localization.js';
import { viewerRejection } from '../services/kiosk-service.js';

/**
 * What the door says about itself beside its screen (K-3): that this tab only shows the door (a
 * second tab of it), every booking conflict of the room still standing today, with both parties,
 * and, for each meeting of the room not yet over, how many records of its log contradict it (a
 * sign-in at a cancelled meeting, a start after a cancel …: kept, not counted), for the room admin
 * to settle. Nothing when there is nothing to say.
 *
 * @param rs - the door's room
 * @param writer - whether this tab decides and writes
 * @param now - the moment shown
 * @param zone - the site's time zone
 * @param people - the directory, for the organizers' names
 * @param meetings - the meetings and the anomalies their fold kept
 * @returns the notes, or nothing
 */
export function doorNotes(
  rs: RoomState,
  writer: boolean,
  now: number,
  zone: string,
  people: ReadonlyMap<string, Person> = new Map(),
  meetings?: MeetingState,
): TemplateResult | typeof nothing {
  const conflicts = standingConflicts(rs).filter((c) => c.end > now);
  const contradicted = new Map<string, number>();
  for (const a of meetings?.anomalies ?? []) {
    const m = a.meetingId === undefined ? undefined : meetings?.meetings.get(a.meetingId);
    if (!m?.booking || m.booking.roomId !== rs.room.id || m.booking.end <= now) continue;
    if (isContradiction(a)) contradicted.set(m.id, (contradicted.get(m.id) ?? 0) + 1);
  }
  if (writer && conflicts.length === 0 && contradicted.size === 0) return nothing;
  const who = (id: string): string => {
    const b = rs.bookings.get(id);
    return b ? `${nameOf(people, b.organizerId)} ${hhmmSpan(b, zone)}` : id;
  };
  return html`<div class="door-notes">
    ${
      writer
        ? nothing
        : html`<p class="viewer" role="status">${viewerRejection().message[language()]}</p>`
    }
    ${conflicts.map(
      (c) =>
        html`<p class="conflict" role="alert">
          ${msg(str`预订冲突：${who(c.withId)} 与 ${who(c.bookingId)} 重叠，请会议室管理员处理`, {
            id: 'door.conflict',
          })}
        </p>`,
    )}
    ${[...contradicted].map(([id, n]) => {
      const topic = meetings?.meetings.get(id)?.topic ?? id;
      return html`<p class="anomaly" role="alert">
        ${msg(
          str`会议「${topic}」的记录中有 ${n} 条与会议状态矛盾，已保留未计入，请会议室管理员处理`,
          {
            id: 'door.meeting-anomalies',
          },
        )}
      </p>`;
    })}
  </div>`;
}
