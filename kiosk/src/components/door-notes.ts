import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { standingConflicts, type Person, type RoomState } from '@huiyi/core';
import { hhmm, nameOf } from '../i18n/format.js';
import { language } from '../i18n/localization.js';
import { viewerRejection } from '../services/kiosk-service.js';

/**
 * What the door says about itself beside its screen (K-3): that this tab only shows the door (a
 * second tab of it), and every booking conflict of the room still standing today, with both
 * parties, for the room admin to settle. Nothing when there is nothing to say.
 *
 * @param rs - the door's room
 * @param writer - whether this tab decides and writes
 * @param now - the moment shown
 * @param zone - the site's time zone
 * @param people - the directory, for the organizers' names
 * @returns the notes, or nothing
 */
export function doorNotes(
  rs: RoomState,
  writer: boolean,
  now: number,
  zone: string,
  people: ReadonlyMap<string, Person> = new Map(),
): TemplateResult | typeof nothing {
  const conflicts = standingConflicts(rs).filter((c) => c.end > now);
  if (writer && conflicts.length === 0) return nothing;
  const who = (id: string): string => {
    const b = rs.bookings.get(id);
    return b ? `${nameOf(people, b.organizerId)} ${hhmm(b.start, zone)}–${hhmm(b.end, zone)}` : id;
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
          ${msg(str`预订冲突:${who(c.withId)} 与 ${who(c.bookingId)} 重叠,请会议室管理员处理`, {
            id: 'door.conflict',
          })}
        </p>`,
    )}
  </div>`;
}
